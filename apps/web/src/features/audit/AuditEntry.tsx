import { Badge, Group, Text, UnstyledButton } from '@mantine/core';
import { IconEye } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatInstant } from '../../app/dates';
import classes from './audit.module.css';
import type { AuditEntry, AuditFilters } from './queries';
import { readActions, useActionWords, useReaderRole } from './words';

function PersonLink({
  person,
  onPick,
  label,
}: {
  person: { id: string; name: string };
  onPick: () => void;
  label: string;
}) {
  return (
    <UnstyledButton onClick={onPick} aria-label={label} td="underline" fz="sm">
      {person.name}
    </UnstyledButton>
  );
}

/** One entry of the log: when, what, who (and as what), whose records; a name filters the log by them. */
export function Entry({
  e,
  timeZone,
  onFilter,
}: {
  e: AuditEntry;
  timeZone: string;
  onFilter: (f: Partial<AuditFilters>) => void;
}) {
  const { t, i18n } = useTranslation();
  const words = useActionWords();
  const roleWords = useReaderRole();
  const isRead = (readActions as readonly string[]).includes(e.action);
  return (
    <li className={classes.row} data-testid="audit-entry">
      <Text className={classes.cell} size="sm" c="dimmed">
        {formatInstant(e.at, timeZone, i18n.language, true)}
      </Text>
      <Group className={classes.cell} gap={6} wrap="wrap">
        {isRead && <IconEye size={16} aria-hidden />}
        <Text size="sm" fw={isRead ? 600 : 400}>
          {words(e.action)}
        </Text>
      </Group>
      <div className={classes.cell}>
        {e.actor ? (
          <Group gap={6} wrap="wrap">
            <PersonLink
              person={e.actor}
              label={t('audit.filterByActor', { name: e.actor.name })}
              onPick={() => onFilter({ actor: e.actor ?? undefined })}
            />
            {e.role && (
              <Badge variant="light" color="gray" tt="none" size="sm">
                {roleWords(e.role)}
              </Badge>
            )}
          </Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t('audit.nobody')}
          </Text>
        )}
      </div>
      <div className={classes.cell}>
        {e.people.length > 0 && (
          <Group gap={4} wrap="wrap">
            <Text size="sm" c="dimmed" component="span">
              {t('audit.recordsOf')}
            </Text>
            {e.people.map((p, i) => (
              <span key={p.id}>
                <PersonLink
                  person={p}
                  label={t('audit.filterByPerson', { name: p.name })}
                  onPick={() => onFilter({ person: p })}
                />
                {i < e.people.length - 1 ? ',' : ''}
              </span>
            ))}
            {e.peopleCount > e.people.length && (
              <Text size="sm" c="dimmed" component="span">
                {t('audit.andOthers', { count: e.peopleCount - e.people.length })}
              </Text>
            )}
          </Group>
        )}
      </div>
    </li>
  );
}
