import {
  Badge,
  Button,
  Card,
  CloseButton,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconArrowLeft, IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { ApiError } from '../../app/api';
import { formatInstant } from '../../app/dates';
import { ErrorAlert, Loading, NotFound, PageHeader, usePageTitle } from '../../app/ui';
import { useOrganisation } from '../orgs/queries';
import { type AuditEntry, type AuditFilters, useAuditLog } from './api';
import classes from './audit.module.css';
import { otherActions, readActions, useActionWords, useReaderRole } from './words';

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

function Entry({
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

function FilterChip({ label, onClear }: { label: string; onClear: () => void }) {
  const { t } = useTranslation();
  return (
    <Badge
      variant="light"
      size="lg"
      tt="none"
      rightSection={
        <CloseButton size="xs" aria-label={t('audit.clearFilter', { label })} onClick={onClear} />
      }
    >
      {label}
    </Badge>
  );
}

export function AuditPage() {
  const { orgId = '' } = useParams();
  const { t } = useTranslation();
  const words = useActionWords();
  const org = useOrganisation(orgId);
  const [f, setF] = useState<AuditFilters>({ action: 'reads' });
  const log = useAuditLog(orgId, f);
  usePageTitle(t('audit.title'));
  const set = (patch: Partial<AuditFilters>) => setF((old) => ({ ...old, ...patch }));

  if (org.error instanceof ApiError && org.error.isNotFound) return <NotFound />;
  if (log.error instanceof ApiError && (log.error.isNotFound || log.error.status === 403))
    return <NotFound />;
  if (org.error) return <ErrorAlert error={org.error} />;
  const timeZone = log.data?.pages[0]?.timeZone ?? org.data?.timeZone ?? 'Europe/Paris';
  const entries = log.data?.pages.flatMap((p) => p.entries) ?? [];

  return (
    <>
      <PageHeader
        eyebrow={org.data?.name}
        title={t('audit.title')}
        description={t('audit.intro', { tz: timeZone })}
        actions={
          <Button
            component={Link}
            to={`/organisations/${orgId}`}
            variant="default"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
          >
            {t('audit.backToOrg')}
          </Button>
        }
      />
      <Stack gap="lg">
        <Card component="section" aria-label={t('audit.filters')}>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <Select
              label={t('audit.kind')}
              value={f.action ?? ''}
              onChange={(v) => set({ action: v || undefined })}
              allowDeselect={false}
              data={[
                { value: '', label: t('audit.allActions') },
                { value: 'reads', label: t('audit.allReads') },
                {
                  group: t('audit.readsGroup'),
                  items: readActions.map((a) => ({ value: a, label: words(a) })),
                },
                {
                  group: t('audit.othersGroup'),
                  items: otherActions.map((a) => ({ value: a, label: words(a) })),
                },
              ]}
            />
            <DatePickerInput
              label={t('audit.from')}
              valueFormat="D MMM YYYY"
              clearable
              value={f.from ?? null}
              onChange={(v) => set({ from: v ?? undefined })}
            />
            <DatePickerInput
              label={t('audit.to')}
              valueFormat="D MMM YYYY"
              clearable
              value={f.to ?? null}
              onChange={(v) => set({ to: v ?? undefined })}
            />
          </SimpleGrid>
          {(f.actor || f.person) && (
            <Group gap="sm" mt="md">
              {f.actor && (
                <FilterChip
                  label={t('audit.readBy', { name: f.actor.name })}
                  onClear={() => set({ actor: undefined })}
                />
              )}
              {f.person && (
                <FilterChip
                  label={t('audit.about', { name: f.person.name })}
                  onClear={() => set({ person: undefined })}
                />
              )}
            </Group>
          )}
          <Text size="xs" c="dimmed" mt="sm">
            {t('audit.filterHint')}
          </Text>
        </Card>
        <Card component="section" aria-label={t('audit.entries')}>
          {log.error && <ErrorAlert error={log.error} />}
          {log.isPending ? (
            <Loading />
          ) : entries.length === 0 ? (
            <Text c="dimmed">{t('audit.empty')}</Text>
          ) : (
            <>
              <div className={`${classes.row} ${classes.head}`} aria-hidden>
                <span>{t('audit.when')}</span>
                <span>{t('audit.what')}</span>
                <span>{t('audit.who')}</span>
                <span>{t('audit.whose')}</span>
              </div>
              <ul className={classes.list}>
                {entries.map((e) => (
                  <Entry key={e.id} e={e} timeZone={timeZone} onFilter={set} />
                ))}
              </ul>
              {log.hasNextPage && (
                <Group justify="center" mt="md">
                  <Button
                    variant="default"
                    loading={log.isFetchingNextPage}
                    onClick={() => log.fetchNextPage()}
                  >
                    {t('audit.more')}
                  </Button>
                </Group>
              )}
            </>
          )}
        </Card>
      </Stack>
    </>
  );
}
