import { Anchor, Button, Card, EmptyState, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconUserPlus, IconUsersGroup } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Programme, Role } from '../../app/types';
import { roleLabel } from '../../app/ui';
import { AddPersonModal } from './AddPersonModal';
import { PhoneReachNotice } from './GroupAndPhone';
import {
  EditMembershipModal,
  RemoveMembershipModal,
  useResendInvitationWithNotice,
} from './MembershipModals';
import { PeopleFilters, type RoleFilter, type StatusFilter } from './PeopleFilters';
import { PeopleCards, PeopleTable } from './PeopleList';
import { PersonDrawer } from './PersonDrawer';
import classes from './people.module.css';
import { type MembershipRef, matches } from './queries';

const PAGE = 50;

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
  const resend = useResendInvitationWithNotice(programme.id);
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
        if (status === 'invited' || status === 'active' || status === 'notInvited') {
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

  const listProps = { programme, onOpen: setOpenId, actions };

  return (
    <Stack gap="md">
      <PhoneReachNotice programme={programme} />
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
        <PeopleFilters
          query={query}
          role={role}
          status={status}
          counts={counts}
          template={programme.template}
          onQuery={(q) => {
            setQuery(q);
            resetPaging();
          }}
          onRole={(r) => {
            setRole(r);
            resetPaging();
          }}
          onStatus={(st) => {
            setStatus(st);
            resetPaging();
          }}
          action={
            canManage && (
              <Button
                leftSection={<IconUserPlus size={18} aria-hidden />}
                onClick={addHandlers.open}
                style={{ flex: '0 0 auto' }}
              >
                {t('people.add.open')}
              </Button>
            )
          }
        />
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
          <PeopleTable people={visible} {...listProps} />
        ) : (
          <PeopleCards people={visible} {...listProps} />
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
