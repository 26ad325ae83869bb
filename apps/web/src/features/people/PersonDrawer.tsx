import { Avatar, Badge, Button, Divider, Drawer, Group, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconEdit, IconMailForward, IconUserMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import { initials } from '../../app/Shell';
import type { Person, Programme } from '../../app/types';
import { RoleBadge, roleLabel } from '../../app/ui';
import { AskExpertLink } from './AskExpertLink';
import { ContactLinks } from './ContactLinks';
import { PersonDetails } from './PersonDetails';
import type { MembershipRef } from './queries';
import { StatusBadge } from './StatusBadge';

export function PersonDrawer({
  programme,
  person,
  onClose,
  onEdit,
  onRemove,
  onResend,
}: {
  programme: Programme;
  person: Person | null;
  onClose: () => void;
  onEdit: (ref: MembershipRef) => void;
  onRemove: (ref: MembershipRef) => void;
  onResend: (ref: MembershipRef) => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const dates = useDates(programme.orgId);
  return (
    <Drawer
      opened={!!person}
      onClose={onClose}
      position="right"
      size={phone ? '100%' : 'md'}
      title={person ? t('people.drawer.title') : ''}
    >
      {person && (
        <Stack gap="lg">
          <Group wrap="nowrap" gap="md" align="flex-start">
            <Avatar color="sauge" radius="xl" size={56}>
              {initials(person.name)}
            </Avatar>
            <Stack gap={6} style={{ minWidth: 0 }}>
              <Title order={2} fz="xl" className="break-anywhere">
                {person.name}
              </Title>
              <Group gap={6}>{person.status && <StatusBadge status={person.status} />}</Group>
            </Stack>
          </Group>
          <ContactLinks person={person} />
          {person.actions.consultExpert && <AskExpertLink programme={programme} person={person} button />}
          <Divider />
          <Stack gap="sm">
            <Title order={3} fz="md">
              {t('people.drawer.roles')}
            </Title>
            {person.memberships.map((m) => {
              const ref = { person, membership: m };
              return (
                <Stack
                  key={m.id}
                  gap={6}
                  p="sm"
                  style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }}
                >
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
            })}
          </Stack>
          {((person.tutors?.length ?? 0) > 0 || (person.tutees?.length ?? 0) > 0) && (
            <Stack gap="xs">
              <Title order={3} fz="md">
                {t('people.drawer.pairing')}
              </Title>
              {person.tutors && person.tutors.length > 0 && (
                <Text size="sm">
                  <Text span c="dimmed">
                    {t('common.colon', {
                      label: roleLabel(t, 'tutor', programme.template, person.tutors.length > 1),
                    })}{' '}
                  </Text>
                  {person.tutors.map((x) => x.name).join(', ')}
                </Text>
              )}
              {person.tutees && person.tutees.length > 0 && (
                <Group gap={4}>
                  <Text size="sm" c="dimmed">
                    {t('common.colon', {
                      label: roleLabel(t, 'tutee', programme.template, person.tutees.length > 1),
                    })}
                  </Text>
                  {person.tutees.map((x) => (
                    <Badge key={x.userId} variant="light" color="ardoise" tt="none" fw={500}>
                      {x.name}
                    </Badge>
                  ))}
                </Group>
              )}
            </Stack>
          )}
          {person.profile && (
            <>
              <Divider />
              <Stack gap="xs">
                <Title order={3} fz="md">
                  {t('people.drawer.profile')}
                </Title>
                <PersonDetails person={person} />
              </Stack>
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
