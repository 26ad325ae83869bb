import { Card, Group, SegmentedControl, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../app/types';
import { PlannedRow } from './PlannedRow';
import type { ImportPreview, PlannedPerson } from './types';

type StatusFilter = 'all' | PlannedPerson['status'];

/** The people the file would add or change, filtered by what happens to them. */
export function PlannedPeople({ programme, preview }: { programme: Programme; preview: ImportPreview }) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<StatusFilter>('all');
  const people = useMemo(
    () => preview.people.filter((p) => filter === 'all' || p.status === filter),
    [preview, filter],
  );
  // Only the rows in view are drawn: a 5,000-person file would otherwise take the page tens of
  // seconds to lay out. Rows are measured as they are drawn, their height varying with the changes.
  const scroller = useRef<HTMLElement>(null);
  const rows = useVirtualizer({
    count: people.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 72,
    overscan: 8,
    getItemKey: (i) => `${people[i]?.line}-${people[i]?.email}`,
  });
  const items = rows.getVirtualItems();
  const before = items[0]?.start ?? 0;
  const after = rows.getTotalSize() - (items.at(-1)?.end ?? 0);

  return (
    <Card p={0}>
      <PlannedHeader preview={preview} filter={filter} onFilter={setFilter} />
      <section
        ref={scroller}
        style={{ maxHeight: 520, overflow: 'auto' }}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus to scroll by keyboard
        tabIndex={0}
        aria-label={t('imports.preview.table')}
      >
        <Table
          miw={680}
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
            {before > 0 && (
              <tr aria-hidden>
                <td colSpan={5} style={{ height: before, padding: 0, border: 0 }} />
              </tr>
            )}
            {items.map((item) => (
              <PlannedRow
                key={item.key}
                index={item.index}
                measure={rows.measureElement}
                p={people[item.index] as PlannedPerson}
                template={programme.template}
              />
            ))}
            {after > 0 && (
              <tr aria-hidden>
                <td colSpan={5} style={{ height: after, padding: 0, border: 0 }} />
              </tr>
            )}
          </Table.Tbody>
        </Table>
      </section>
    </Card>
  );
}

/** The columns read, and the filter by what happens to each person. */
function PlannedHeader({
  preview,
  filter,
  onFilter,
}: {
  preview: ImportPreview;
  filter: StatusFilter;
  onFilter: (filter: StatusFilter) => void;
}) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 36em)');
  return (
    <Group p="md" justify="space-between" gap="sm">
      <Text size="sm" fw={500}>
        {t('imports.preview.columns', { columns: preview.columns.map((c) => c.header).join(', ') })}
      </Text>
      <SegmentedControl
        size="xs"
        orientation={phone ? 'vertical' : 'horizontal'}
        fullWidth={phone}
        value={filter}
        onChange={(v) => onFilter(v as StatusFilter)}
        aria-label={t('imports.preview.filter')}
        data={(['all', 'new', 'updated', 'unchanged'] as const).map((k) => ({
          value: k,
          label: t(`imports.preview.filters.${k}`),
        }))}
      />
    </Group>
  );
}
