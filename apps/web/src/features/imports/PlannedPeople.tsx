import { Badge, Card, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../app/types';
import { RoleBadge } from '../../app/ui';
import type { ImportPreview, PlannedPerson } from './types';

type StatusFilter = 'all' | PlannedPerson['status'];
const statusColor = { new: 'sauge', updated: 'ardoise', unchanged: 'gray' } as const;

function formatValue(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (Array.isArray(v)) return v.join(', ');
  return String(v);
}

function Changes({ person }: { person: PlannedPerson }) {
  const { t } = useTranslation();
  if (person.status === 'unchanged') {
    return (
      <Text size="sm" c="dimmed">
        {t('imports.preview.nothingToDo')}
      </Text>
    );
  }
  if (person.status === 'new') {
    return <Text size="sm">{t('imports.preview.willBeCreated')}</Text>;
  }
  return (
    <Stack gap={2}>
      {person.changes.map((c) => (
        <Text key={c.field} size="sm">
          <Text span fw={600}>
            {t(`imports.fields.${c.field}`)}
          </Text>
          {' : '}
          {c.from !== undefined && (
            <>
              <Text span c="dimmed" td="line-through">
                {formatValue(c.from)}
              </Text>{' '}
              →{' '}
            </>
          )}
          {c.field === 'role' ? t(`roles.one.${String(c.to)}`) : formatValue(c.to)}
        </Text>
      ))}
      {person.kept.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('imports.preview.kept', {
            fields: person.kept.map((f) => t(`imports.fields.${f}`).toLowerCase()).join(', '),
          })}
        </Text>
      )}
    </Stack>
  );
}

/** The people the file would add or change, filtered by what happens to them. */
export function PlannedPeople({ programme, preview }: { programme: Programme; preview: ImportPreview }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<StatusFilter>('all');
  const phone = useMediaQuery('(max-width: 36em)');
  const people = useMemo(
    () => preview.people.filter((p) => filter === 'all' || p.status === filter),
    [preview, filter],
  );

  return (
    <Card p={0}>
      <Group p="md" justify="space-between" gap="sm">
        <Text size="sm" fw={500}>
          {t('imports.preview.columns', { columns: preview.columns.map((c) => c.header).join(', ') })}
        </Text>
        <SegmentedControl
          size="xs"
          orientation={phone ? 'vertical' : 'horizontal'}
          fullWidth={phone}
          value={filter}
          onChange={(v) => setFilter(v as StatusFilter)}
          aria-label={t('imports.preview.filter')}
          data={(['all', 'new', 'updated', 'unchanged'] as const).map((k) => ({
            value: k,
            label: t(`imports.preview.filters.${k}`),
          }))}
        />
      </Group>
      <Table.ScrollContainer minWidth={680} type="native" mah={520}>
        <Table
          verticalSpacing="sm"
          horizontalSpacing="md"
          stickyHeader
          aria-label={t('imports.preview.table')}
        >
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={70}>{t('imports.col.line')}</Table.Th>
              <Table.Th>{t('imports.col.person')}</Table.Th>
              <Table.Th>{t('imports.col.role')}</Table.Th>
              <Table.Th>{t('imports.col.status')}</Table.Th>
              <Table.Th>{t('imports.col.changes')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {people.map((p) => (
              <Table.Tr key={`${p.line}-${p.email}`} data-testid="preview-row">
                <Table.Td>{p.line}</Table.Td>
                <Table.Td>
                  <Text size="sm" fw={600} className="break-anywhere">
                    {p.name}
                  </Text>
                  <Text size="xs" c="dimmed" className="break-anywhere">
                    {p.email}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <RoleBadge role={p.role} template={programme.template} />
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={statusColor[p.status]} tt="none">
                    {t(`imports.status.${p.status}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Changes person={p} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
