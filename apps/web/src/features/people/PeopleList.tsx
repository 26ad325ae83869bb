import { Group, Stack, Table, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Person, Programme } from '../../app/types';
import { RoleBadge } from '../../app/ui';
import { displayPhone } from './ContactLinks';
import { Pairing } from './Pairing';
import { PersonActions } from './PersonActions';
import classes from './people.module.css';
import type { MembershipRef } from './queries';
import { currentPlacement } from './queries';
import { StatusBadge } from './StatusBadge';

export interface PeopleListProps {
  people: Person[];
  programme: Programme;
  onOpen: (userId: string) => void;
  actions: {
    onEdit: (r: MembershipRef) => void;
    onRemove: (r: MembershipRef) => void;
    onResend: (r: MembershipRef) => void;
  };
}

function RoleBadges({ person, template }: { person: Person; template: string }) {
  return [...new Set(person.memberships.map((m) => m.role))].map((r) => (
    <RoleBadge key={r} role={r} template={template} />
  ));
}

function NameButton({ person, onOpen }: { person: Person; onOpen: (userId: string) => void }) {
  return (
    <UnstyledButton onClick={() => onOpen(person.userId)} className={classes.nameButton}>
      <Text fw={600} size="sm" component="span">
        {person.name}
      </Text>
    </UnstyledButton>
  );
}

/** People as a table, on wide screens. */
export function PeopleTable({ people, programme, onOpen, actions }: PeopleListProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table verticalSpacing="sm" horizontalSpacing="sm" highlightOnHover className={classes.table}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('people.col.name')}</Table.Th>
            <Table.Th>{t('people.col.role')}</Table.Th>
            <Table.Th>{t('people.col.site')}</Table.Th>
            <Table.Th>{t('people.col.pairing')}</Table.Th>
            <Table.Th>{t('people.col.status')}</Table.Th>
            <Table.Th w={48}>
              <span className={classes.srOnly}>{t('people.col.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((p) => (
            <Table.Tr key={p.userId} data-testid="person-row">
              <Table.Td>
                <Stack gap={0}>
                  <NameButton person={p} onOpen={onOpen} />
                  {p.email && (
                    <Text size="xs" c="dimmed">
                      {p.email}
                    </Text>
                  )}
                  {p.phone && (
                    <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {displayPhone(p.phone)}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <RoleBadges person={p} template={programme.template} />
                </Group>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{currentPlacement(p)?.site ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Pairing person={p} template={programme.template} />
              </Table.Td>
              <Table.Td>{p.status && <StatusBadge status={p.status} />}</Table.Td>
              <Table.Td>
                <PersonActions person={p} {...actions} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** People as cards, on phones and narrow windows. */
export function PeopleCards({ people, programme, onOpen, actions }: PeopleListProps) {
  return (
    <Stack gap={0} component="ul" className={classes.cards}>
      {people.map((p) => (
        <li key={p.userId} className={classes.cardItem} data-testid="person-row">
          <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
            <Stack gap={4} style={{ minWidth: 0 }}>
              <NameButton person={p} onOpen={onOpen} />
              {p.email && (
                <Text size="xs" c="dimmed" className="break-anywhere">
                  {p.email}
                </Text>
              )}
            </Stack>
            <PersonActions person={p} {...actions} />
          </Group>
          <Group gap={6} mt={6}>
            <RoleBadges person={p} template={programme.template} />
            {p.status && <StatusBadge status={p.status} />}
          </Group>
          <Group gap="md" mt={6}>
            <Pairing person={p} template={programme.template} labelled />
            {currentPlacement(p) && (
              <Text size="sm" c="dimmed">
                {currentPlacement(p)?.site}
              </Text>
            )}
          </Group>
        </li>
      ))}
    </Stack>
  );
}
