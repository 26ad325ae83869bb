import { ActionIcon, Menu } from '@mantine/core';
import { IconDots, IconEdit, IconMailForward, IconUserMinus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../app/types';
import { roleLabel } from '../../app/ui';
import type { MembershipRef } from './queries';

/** The coordinator's menu for one person: edit or remove each membership, resend the invitation. */
export function PersonActions({
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
        {(person.status === 'invited' || person.status === 'notInvited') && person.memberships[0] && (
          <Menu.Item
            leftSection={<IconMailForward size={16} aria-hidden />}
            onClick={() =>
              onResend({ person, membership: person.memberships[0] as Person['memberships'][number] })
            }
          >
            {person.status === 'notInvited' ? t('people.actions.send') : t('people.actions.resend')}
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
