import {
  Button,
  Card,
  EmptyState,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconSearch, IconUserQuestion, IconUsers } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Programme, Role } from '../../app/types';
import { RoleBadge, roleLabel } from '../../app/ui';
import { WriteLink } from '../threads/WriteLink';
import { TuteeWellbeing } from '../wellbeing/TuteeWellbeing';
import { AskExpertLink } from './AskExpertLink';
import { Expectations } from './Expectations';
import { MyGroupCard, MyPhoneSwitch } from './GroupAndPhone';
import { PersonCard } from './PersonCard';
import { matches } from './queries';

const PAGE = 50;

/** What a tutor, tutee or expert sees: first the people they work with, then who else takes part. */
export function MyPeople({ programme, people }: { programme: Programme; people: Person[] }) {
  const { t } = useTranslation();
  const isTutee = programme.myRoles.includes('tutee');
  const isTutor = programme.myRoles.includes('tutor');
  const myTutors = people.filter((p) => p.relation === 'ownTutor');
  const myTutees = people.filter((p) => p.relation === 'tutor');
  const close = new Set([...myTutors, ...myTutees].map((p) => p.userId));
  const others = people.filter((p) => p.relation !== 'self' && !close.has(p.userId));

  return (
    <Stack gap="xl">
      {isTutee && <MyGroupCard programme={programme} />}
      {isTutee && (
        <section aria-labelledby="my-tutor">
          <Title order={2} fz={20} mb="md" id="my-tutor">
            {t('people.mine.tutorTitle', {
              count: Math.max(myTutors.length, 1),
              role: roleLabel(t, 'tutor', programme.template, myTutors.length > 1).toLowerCase(),
            })}
          </Title>
          {myTutors.length === 0 ? (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              <Card>
                <EmptyState
                  variant="light"
                  icon={<IconUserQuestion size={28} aria-hidden />}
                  title={t('people.mine.noTutorTitle')}
                  description={t('people.mine.noTutorBody')}
                />
              </Card>
              <Expectations programme={programme} />
            </SimpleGrid>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {myTutors.map((p) => (
                <PersonCard
                  key={p.userId}
                  person={p}
                  template={programme.template}
                  footer={<WriteLink person={p} programmeId={programme.id} />}
                />
              ))}
              <Expectations programme={programme} />
            </SimpleGrid>
          )}
        </section>
      )}
      {isTutor && (
        <section aria-labelledby="my-tutees">
          <Group justify="space-between" mb="md" align="baseline">
            <Title order={2} fz={20} id="my-tutees">
              {t('people.mine.tuteesTitle', {
                roles: roleLabel(t, 'tutee', programme.template, true).toLowerCase(),
              })}
            </Title>
            <Text size="sm" c="dimmed">
              {t('people.mine.tuteesCount', { count: myTutees.length })}
            </Text>
          </Group>
          {myTutees.length === 0 ? (
            <Card>
              <EmptyState
                variant="light"
                icon={<IconUsers size={28} aria-hidden />}
                title={t('people.mine.noTuteesTitle')}
                description={t('people.mine.noTuteesBody')}
              />
            </Card>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {myTutees.map((p) => (
                <Stack key={p.userId} gap={6}>
                  <PersonCard
                    person={p}
                    template={programme.template}
                    footer={
                      <Group gap="xs">
                        <WriteLink person={p} programmeId={programme.id} />
                        {p.actions.consultExpert && <AskExpertLink programme={programme} person={p} />}
                      </Group>
                    }
                  />
                  {programme.rules.checkInEveryDays !== null && (
                    <TuteeWellbeing programmeId={programme.id} orgId={programme.orgId} tutee={p} />
                  )}
                </Stack>
              ))}
            </SimpleGrid>
          )}
        </section>
      )}
      <MyPhoneSwitch programme={programme} />
      <Participants programme={programme} people={others} />
    </Stack>
  );
}

/** Everyone else in the programme, by name and role only: contact details stay with those who need them. */
function Participants({ programme, people }: { programme: Programme; people: Person[] }) {
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
          <Table verticalSpacing="xs" horizontalSpacing="md" striped={false} highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('people.col.name')}</Table.Th>
                <Table.Th>{t('people.col.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {filtered.slice(0, shown).map((p) => (
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
