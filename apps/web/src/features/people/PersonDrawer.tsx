import { Avatar, Divider, Drawer, Group, Stack, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { initials } from '../../app/initials';
import type { Person, Programme } from '../../app/types';
import { AskExpertLink } from './AskExpertLink';
import { ContactLinks } from './ContactLinks';
import { MembershipItem } from './MembershipItem';
import { PersonDetails } from './PersonDetails';
import { PersonPairing } from './PersonPairing';
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
            {person.memberships.map((m) => (
              <MembershipItem
                key={m.id}
                programme={programme}
                person={person}
                membership={m}
                onEdit={onEdit}
                onRemove={onRemove}
                onResend={onResend}
              />
            ))}
          </Stack>
          {((person.tutors?.length ?? 0) > 0 || (person.tutees?.length ?? 0) > 0) && (
            <PersonPairing programme={programme} person={person} />
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
