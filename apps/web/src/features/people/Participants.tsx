import { Button, Card, Group, Select, Table, Text, TextInput, Title } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Programme, Role } from '../../app/types';
import { RoleBadge, roleLabel } from '../../app/ui';
import { matches } from './queries';

const PAGE = 50;

/** Everyone else in the programme, by name and role only: contact details stay with those who need them. */
export function Participants({ programme, people }: { programme: Programme; people: Person[] }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<Role | 'all'>('all');
  const [shown, setShown] = useState(PAGE);
  const filtered = useMemo(
    () =>
      people.filter(
        (p) => (role === 'all' || p.memberships.some((m) => m.role === role)) && matches(p, query),
      ),
    [people, role, query],
  );
  const roleOptions = (['coordinator', 'tutor', 'tutee', 'expert'] as Role[]).filter((r) =>
    people.some((p) => p.memberships.some((m) => m.role === r)),
  );
  return (
    <section aria-labelledby="participants">
      <Title order={2} fz={20} mb={4} id="participants">
        {t('people.mine.othersTitle')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('people.mine.othersHelp')}
      </Text>
      <Card p={0}>
        <Group p="md" gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('people.search')}
            placeholder={t('people.searchPlaceholderName')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              setShown(PAGE);
            }}
            style={{ flex: '1 1 220px' }}
          />
          <Select
            label={t('people.filterRole')}
            value={role}
            onChange={(v) => setRole((v as Role | 'all') ?? 'all')}
            allowDeselect={false}
            data={[
              { value: 'all', label: t('people.allRoles') },
              ...roleOptions.map((r) => ({ value: r, label: roleLabel(t, r, programme.template, true) })),
            ]}
            style={{ flex: '1 1 160px' }}
          />
        </Group>
        {filtered.length === 0 ? (
          <Text p="md" pt={0} c="dimmed" size="sm">
            {t('people.noMatch')}
          </Text>
        ) : (
          <ParticipantsTable programme={programme} people={filtered.slice(0, shown)} />
        )}
        {filtered.length > shown && (
          <Group justify="center" p="md">
            <Button variant="subtle" onClick={() => setShown((s) => s + PAGE)}>
              {t('people.showMore', { count: Math.min(PAGE, filtered.length - shown) })}
            </Button>
          </Group>
        )}
      </Card>
    </section>
  );
}

/** The people shown: name and roles, one row each. */
function ParticipantsTable({ programme, people }: { programme: Programme; people: Person[] }) {
  const { t } = useTranslation();
  return (
    <Table verticalSpacing="xs" horizontalSpacing="md" striped={false} highlightOnHover>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('people.col.name')}</Table.Th>
          <Table.Th>{t('people.col.role')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((p) => (
          <Table.Tr key={p.userId}>
            <Table.Td className="break-anywhere">{p.name}</Table.Td>
            <Table.Td>
              <Group gap={4}>
                {[...new Set(p.memberships.map((m) => m.role))].map((r) => (
                  <RoleBadge key={r} role={r} template={programme.template} />
                ))}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
