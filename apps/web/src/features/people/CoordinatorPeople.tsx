import {
  ActionIcon,
  Anchor,
  Button,
  Card,
  EmptyState,
  Group,
  Menu,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import {
  IconDots,
  IconEdit,
  IconMailForward,
  IconSearch,
  IconUserMinus,
  IconUserPlus,
  IconUsersGroup,
} from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Programme, Role } from '../../app/types';
import { RoleBadge, roleLabel } from '../../app/ui';
import { AddPersonModal } from './AddPersonModal';
import { displayPhone } from './ContactLinks';
import {
  EditMembershipModal,
  type MembershipRef,
  RemoveMembershipModal,
  useResendInvitation,
} from './MembershipModals';
import { PersonDrawer } from './PersonDrawer';
import classes from './people.module.css';
import { currentPlacement, matches } from './queries';
import { StatusBadge } from './StatusBadge';

const PAGE = 50;
type RoleFilter = Role | 'all';
type StatusFilter = 'all' | 'invited' | 'active' | 'unpaired';

function PersonActions({
  person,
  onEdit,
  onRemove,
  onResend,
}: {
  person: Person;
  onEdit: (r: MembershipRef) => void;
  onRemove: (r: MembershipRef) => void;
  onResend: (r: MembershipRef) => void;
}) {
  const { t } = useTranslation();
  if (!person.actions.edit && !person.actions.remove) return null;
  const multi = person.memberships.length > 1;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon
          variant="subtle"
          color="gray"
          aria-label={t('people.actions.menu', { name: person.name })}
        >
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {person.memberships.map((m) => (
          <Menu.Item
            key={`edit-${m.id}`}
            leftSection={<IconEdit size={16} aria-hidden />}
            onClick={() => onEdit({ person, membership: m })}
          >
            {multi ? t('people.actions.editRole', { role: roleLabel(t, m.role) }) : t('people.actions.edit')}
          </Menu.Item>
        ))}
        {person.status === 'invited' && person.memberships[0] && (
          <Menu.Item
            leftSection={<IconMailForward size={16} aria-hidden />}
            onClick={() =>
              onResend({ person, membership: person.memberships[0] as Person['memberships'][number] })
            }
          >
            {t('people.actions.resend')}
          </Menu.Item>
        )}
        {person.actions.remove && <Menu.Divider />}
        {person.actions.remove &&
          person.memberships.map((m) => (
            <Menu.Item
              key={`remove-${m.id}`}
              color="red"
              leftSection={<IconUserMinus size={16} aria-hidden />}
              onClick={() => onRemove({ person, membership: m })}
            >
              {multi
                ? t('people.actions.removeRole', { role: roleLabel(t, m.role) })
                : t('people.actions.remove')}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  );
}

/** Who a person is paired with, in the words of the programme. */
function Pairing({
  person,
  template,
  labelled = false,
}: {
  person: Person;
  template: string;
  labelled?: boolean;
}) {
  const { t } = useTranslation();
  const label = (role: Role, n: number) =>
    labelled ? (
      <Text span c="dimmed" size="sm">
        {t('common.colon', { label: roleLabel(t, role, template, n > 1) })}{' '}
      </Text>
    ) : null;
  const tutorMembership = person.memberships.find((m) => m.role === 'tutor');
  const isTutee = person.memberships.some((m) => m.role === 'tutee');
  if (tutorMembership) {
    const n = person.tutees?.length ?? 0;
    const cap = tutorMembership.capacity;
    return (
      <Text size="sm" c={cap !== null && n > cap ? 'red.8' : undefined}>
        {cap !== null
          ? t('people.loadShort', { count: n, capacity: cap })
          : t('people.tuteesCount', {
              count: n,
              roles: roleLabel(t, 'tutee', template, n !== 1).toLowerCase(),
            })}
      </Text>
    );
  }
  if (isTutee) {
    return person.tutors && person.tutors.length > 0 ? (
      <Text size="sm" className="break-anywhere">
        {label('tutor', person.tutors.length)}
        {person.tutors.map((x) => x.name).join(', ')}
      </Text>
    ) : (
      <Text size="sm" c="ambre.9" fw={500}>
        {t('people.unpaired', { role: roleLabel(t, 'tutor', template).toLowerCase() })}
      </Text>
    );
  }
  return (
    <Text size="sm" c="dimmed">
      —
    </Text>
  );
}

export function CoordinatorPeople({ programme, people }: { programme: Programme; people: Person[] }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const [query, setQuery] = useState('');
  const [role, setRole] = useState<RoleFilter>('all');
  const [status, setStatus] = useState<StatusFilter>('all');
  const [shown, setShown] = useState(PAGE);
  const [adding, addHandlers] = useDisclosure(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<MembershipRef | null>(null);
  const [removing, setRemoving] = useState<MembershipRef | null>(null);
  const resend = useResendInvitation(programme.id);
  const canManage = programme.actions.managePeople === true;

  const counts = useMemo(() => {
    const c: Record<Role, number> = { coordinator: 0, tutor: 0, tutee: 0, expert: 0 };
    for (const p of people) for (const r of new Set(p.memberships.map((m) => m.role))) c[r]++;
    return c;
  }, [people]);
  const filtered = useMemo(
    () =>
      people.filter((p) => {
        if (role !== 'all' && !p.memberships.some((m) => m.role === role)) return false;
        if (status === 'invited' || status === 'active') {
          if (p.status !== status) return false;
        }
        if (
          status === 'unpaired' &&
          !(p.memberships.some((m) => m.role === 'tutee') && (p.tutors?.length ?? 0) === 0)
        )
          return false;
        return matches(p, query);
      }),
    [people, role, status, query],
  );
  const visible = filtered.slice(0, shown);
  const openPerson = people.find((p) => p.userId === openId) ?? null;
  const resetPaging = () => setShown(PAGE);
  const actions = {
    onEdit: (r: MembershipRef) => setEditing(r),
    onRemove: (r: MembershipRef) => setRemoving(r),
    onResend: (r: MembershipRef) => resend.mutate(r),
  };

  const roleBadges = (p: Person) =>
    [...new Set(p.memberships.map((m) => m.role))].map((r) => (
      <RoleBadge key={r} role={r} template={programme.template} />
    ));

  const nameButton = (p: Person) => (
    <UnstyledButton onClick={() => setOpenId(p.userId)} className={classes.nameButton}>
      <Text fw={600} size="sm" component="span">
        {p.name}
      </Text>
    </UnstyledButton>
  );

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        {(['tutor', 'tutee', 'coordinator', 'expert'] as Role[]).map((r) => (
          <Card key={r} padding="md" className={classes.stat}>
            <Text fz={26} fw={700} lh={1.1}>
              {counts[r]}
            </Text>
            <Text size="sm" c="dimmed">
              {roleLabel(t, r, programme.template, counts[r] !== 1)}
            </Text>
          </Card>
        ))}
      </SimpleGrid>

      <Card p={0}>
        <Group p="md" gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label={t('people.search')}
            placeholder={t('people.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={query}
            onChange={(e) => {
              setQuery(e.currentTarget.value);
              resetPaging();
            }}
            style={{ flex: '2 1 240px' }}
          />
          <Select
            label={t('people.filterRole')}
            value={role}
            allowDeselect={false}
            onChange={(v) => {
              setRole((v as RoleFilter) ?? 'all');
              resetPaging();
            }}
            data={[
              { value: 'all', label: t('people.allRoles') },
              ...(['coordinator', 'tutor', 'tutee', 'expert'] as Role[]).map((r) => ({
                value: r,
                label: `${roleLabel(t, r, programme.template, true)} (${counts[r]})`,
              })),
            ]}
            style={{ flex: '1 1 170px' }}
          />
          <Select
            label={t('people.filterStatus')}
            value={status}
            allowDeselect={false}
            onChange={(v) => {
              setStatus((v as StatusFilter) ?? 'all');
              resetPaging();
            }}
            data={[
              { value: 'all', label: t('people.allStatuses') },
              { value: 'active', label: t('people.status.active') },
              { value: 'invited', label: t('people.status.invited') },
              {
                value: 'unpaired',
                label: t('people.status.unpaired', {
                  role: roleLabel(t, 'tutor', programme.template).toLowerCase(),
                }),
              },
            ]}
            style={{ flex: '1 1 170px' }}
          />
          {canManage && (
            <Button
              leftSection={<IconUserPlus size={18} aria-hidden />}
              onClick={addHandlers.open}
              style={{ flex: '0 0 auto' }}
            >
              {t('people.add.open')}
            </Button>
          )}
        </Group>
        <Text px="md" pb="sm" size="sm" c="dimmed" aria-live="polite">
          {t('people.resultCount', { count: filtered.length })}
        </Text>

        {people.length === 0 ? (
          <EmptyState
            p="xl"
            variant="light"
            icon={<IconUsersGroup size={28} aria-hidden />}
            title={t('people.emptyTitle')}
            description={canManage ? t('people.emptyBodyManage') : t('people.emptyBody')}
          />
        ) : filtered.length === 0 ? (
          <Stack p="md" pt={0} gap="xs" align="flex-start">
            <Text size="sm">{t('people.noMatch')}</Text>
            <Anchor
              component="button"
              type="button"
              size="sm"
              onClick={() => {
                setQuery('');
                setRole('all');
                setStatus('all');
              }}
            >
              {t('people.clearFilters')}
            </Anchor>
          </Stack>
        ) : wide ? (
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
                {visible.map((p) => (
                  <Table.Tr key={p.userId} data-testid="person-row">
                    <Table.Td>
                      <Stack gap={0}>
                        {nameButton(p)}
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
                        {roleBadges(p)}
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
        ) : (
          <Stack gap={0} component="ul" className={classes.cards}>
            {visible.map((p) => (
              <li key={p.userId} className={classes.cardItem} data-testid="person-row">
                <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    {nameButton(p)}
                    {p.email && (
                      <Text size="xs" c="dimmed" className="break-anywhere">
                        {p.email}
                      </Text>
                    )}
                  </Stack>
                  <PersonActions person={p} {...actions} />
                </Group>
                <Group gap={6} mt={6}>
                  {roleBadges(p)}
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
        )}
        {filtered.length > shown && (
          <Group justify="center" p="md">
            <Button variant="subtle" onClick={() => setShown((s) => s + PAGE)}>
              {t('people.showMore', { count: Math.min(PAGE, filtered.length - shown) })}
            </Button>
          </Group>
        )}
      </Card>

      <PersonDrawer programme={programme} person={openPerson} onClose={() => setOpenId(null)} {...actions} />
      {canManage && <AddPersonModal programme={programme} opened={adding} onClose={addHandlers.close} />}
      <EditMembershipModal programme={programme} target={editing} onClose={() => setEditing(null)} />
      <RemoveMembershipModal programme={programme} target={removing} onClose={() => setRemoving(null)} />
    </Stack>
  );
}
