import { Button, Group, Stack, Text } from '@mantine/core';
import { IconEdit, IconMailForward, IconUserMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import type { Person, Programme } from '../../app/types';
import { RoleBadge } from '../../app/ui';
import type { MembershipRef } from './queries';

/** One role a person holds in the programme, since when, a tutor's load, and what may be done with it. */
export function MembershipItem({
  programme,
  person,
  membership: m,
  onEdit,
  onRemove,
  onResend,
}: {
  programme: Programme;
  person: Person;
  membership: Person['memberships'][number];
  onEdit: (ref: MembershipRef) => void;
  onRemove: (ref: MembershipRef) => void;
  onResend: (ref: MembershipRef) => void;
}) {
  const { t } = useTranslation();
  const dates = useDates(programme.orgId);
  const ref = { person, membership: m };
  return (
    <Stack gap={6} p="sm" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}>
      <Group justify="space-between" gap="xs">
        <RoleBadge role={m.role} template={programme.template} />
        <Text size="xs" c="dimmed">
          {t('people.since', { date: dates.instant(m.since) })}
        </Text>
      </Group>
      {m.role === 'tutor' && (
        <Text size="sm">
          {t('people.load', { count: person.tutees?.length ?? 0, capacity: m.capacity ?? '–' })}
        </Text>
      )}
      {person.actions.edit && (
        <Group gap="xs">
          <Button
            size="xs"
            variant="light"
            leftSection={<IconEdit size={14} aria-hidden />}
            onClick={() => onEdit(ref)}
          >
            {t('people.actions.edit')}
          </Button>
          {person.status === 'invited' && (
            <Button
              size="xs"
              variant="light"
              leftSection={<IconMailForward size={14} aria-hidden />}
              onClick={() => onResend(ref)}
            >
              {t('people.actions.resend')}
            </Button>
          )}
          {person.actions.remove && (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconUserMinus size={14} aria-hidden />}
              onClick={() => onRemove(ref)}
            >
              {t('people.actions.remove')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}
