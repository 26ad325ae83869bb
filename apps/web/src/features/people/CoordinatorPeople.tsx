import { Button, Card, Group, Stack, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person, Programme } from '../../app/types';
import { AddPersonModal } from './AddPersonModal';
import { PhoneReachNotice } from './GroupAndPhone';
import {
  EditMembershipModal,
  RemoveMembershipModal,
  useResendInvitationWithNotice,
} from './MembershipModals';
import { NoPeople } from './NoPeople';
import { PeopleFilters } from './PeopleFilters';
import { PeopleCards, PeopleTable } from './PeopleList';
import { PersonDrawer } from './PersonDrawer';
import type { MembershipRef } from './queries';
import { RoleCounts } from './RoleCounts';
import { usePeopleFilter } from './usePeopleFilter';

export function CoordinatorPeople({ programme, people }: { programme: Programme; people: Person[] }) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 62em)', true, { getInitialValueInEffect: false });
  const list = usePeopleFilter(people);
  const [adding, addHandlers] = useDisclosure(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const [editing, setEditing] = useState<MembershipRef | null>(null);
  const [removing, setRemoving] = useState<MembershipRef | null>(null);
  const resend = useResendInvitationWithNotice(programme.id);
  const canManage = programme.actions.managePeople === true;
  const { filtered, visible } = list;
  const openPerson = people.find((p) => p.userId === openId) ?? null;
  const actions = {
    onEdit: (r: MembershipRef) => setEditing(r),
    onRemove: (r: MembershipRef) => setRemoving(r),
    onResend: (r: MembershipRef) => resend.mutate(r),
  };

  const listProps = { programme, onOpen: setOpenId, actions };

  return (
    <Stack gap="md">
      <PhoneReachNotice programme={programme} />
      <RoleCounts programme={programme} counts={list.counts} />

      <Card p={0}>
        <PeopleFilters
          {...list.filterProps}
          template={programme.template}
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

        {filtered.length === 0 ? (
          <NoPeople anyone={people.length > 0} canManage={canManage} onClear={list.clear} />
        ) : wide ? (
          <PeopleTable people={visible} {...listProps} />
        ) : (
          <PeopleCards people={visible} {...listProps} />
        )}
        {list.more > 0 && (
          <Group justify="center" p="md">
            <Button variant="subtle" onClick={list.showMore}>
              {t('people.showMore', { count: list.more })}
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
