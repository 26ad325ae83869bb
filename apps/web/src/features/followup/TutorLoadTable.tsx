import { Card, Table, Title } from '@mantine/core';
import { useId } from 'react';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import type { Dashboard } from './queries';

/**
 * Each tutor's live pairs, places and open alerts. On a phone the table may scroll sideways: the
 * scrolling region is then reachable by keyboard and named by the card's title.
 */
export function TutorLoadTable({ rows }: { rows: Dashboard['tutorLoad'] }) {
  const { t } = useProgrammeTranslation();
  const titleId = useId();
  return (
    <Card withBorder radius="md" padding="md">
      <Title order={2} fz="lg" mb="sm" id={titleId}>
        {t('followup.load')}
      </Title>
      <section
        aria-labelledby={titleId}
        data-testid="tutor-load"
        style={{ overflowX: 'auto' }}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region takes the focus to scroll by keyboard
        tabIndex={0}
      >
        <Table striped verticalSpacing={6}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('followup.tutor')}</Table.Th>
              <Table.Th ta="right">{t('followup.activePairs')}</Table.Th>
              <Table.Th ta="right">{t('followup.capacity')}</Table.Th>
              <Table.Th ta="right">{t('followup.openAlerts')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((l) => (
              <Table.Tr key={l.tutor.id}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{l.tutor.name}</Table.Td>
                <Table.Td ta="right">{l.active}</Table.Td>
                <Table.Td ta="right">{l.capacity ?? '—'}</Table.Td>
                <Table.Td ta="right" fw={l.openAlerts ? 700 : undefined}>
                  {l.openAlerts}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </Card>
  );
}
