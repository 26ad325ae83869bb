import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../app/types';
import { roleLabel } from '../../app/ui';

export type RoleFilter = Role | 'all';
export type StatusFilter = 'all' | 'notInvited' | 'invited' | 'active' | 'unpaired';

/** Search, role and status filters above the list; `action` sits at their end (the add button). */
export function PeopleFilters({
  query,
  role,
  status,
  counts,
  template,
  onQuery,
  onRole,
  onStatus,
  action,
}: {
  query: string;
  role: RoleFilter;
  status: StatusFilter;
  counts: Record<Role, number>;
  template: string;
  onQuery: (query: string) => void;
  onRole: (role: RoleFilter) => void;
  onStatus: (status: StatusFilter) => void;
  action?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Group p="md" gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label={t('people.search')}
        placeholder={t('people.searchPlaceholder')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={query}
        onChange={(e) => {
          onQuery(e.currentTarget.value);
        }}
        style={{ flex: '2 1 240px' }}
      />
      <Select
        label={t('people.filterRole')}
        value={role}
        allowDeselect={false}
        onChange={(v) => {
          onRole((v as RoleFilter) ?? 'all');
        }}
        data={[
          { value: 'all', label: t('people.allRoles') },
          ...(['coordinator', 'tutor', 'tutee', 'expert'] as Role[]).map((r) => ({
            value: r,
            label: `${roleLabel(t, r, template, true)} (${counts[r]})`,
          })),
        ]}
        style={{ flex: '1 1 170px' }}
      />
      <Select
        label={t('people.filterStatus')}
        value={status}
        allowDeselect={false}
        onChange={(v) => {
          onStatus((v as StatusFilter) ?? 'all');
        }}
        data={[
          { value: 'all', label: t('people.allStatuses') },
          { value: 'active', label: t('people.status.active') },
          { value: 'invited', label: t('people.status.invited') },
          { value: 'notInvited', label: t('people.status.notInvited') },
          {
            value: 'unpaired',
            label: t('people.status.unpaired', {
              role: roleLabel(t, 'tutor', template).toLowerCase(),
            }),
          },
        ]}
        style={{ flex: '1 1 170px' }}
      />
      {action}
    </Group>
  );
}
