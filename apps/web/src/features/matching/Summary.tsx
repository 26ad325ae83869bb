import { Card, Table, Text, Title } from '@mantine/core';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import type { Summary } from './types';

/** The draft's cohort summary side by side with a first-come, first-served sign-up. */
export function SummaryTable({ summary, baseline }: { summary: Summary; baseline: Summary }) {
  const { t } = useProgrammeTranslation();
  const km = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('fr-FR')} km`);
  const pct = (v: number | null) => (v === null ? '—' : `${v.toLocaleString('fr-FR')} %`);
  const rows: [string, string, string, boolean | null][] = [
    [
      t('matching.summary.assigned'),
      `${summary.assigned} / ${summary.tutees}`,
      `${baseline.assigned} / ${baseline.tutees}`,
      summary.assigned >= baseline.assigned,
    ],
    [
      t('matching.summary.meanKm'),
      km(summary.meanKm),
      km(baseline.meanKm),
      summary.meanKm !== null && baseline.meanKm !== null ? summary.meanKm <= baseline.meanKm : null,
    ],
    [t('matching.summary.worstKm'), km(summary.worstKm), km(baseline.worstKm), null],
    [t('matching.summary.sameSite'), pct(summary.sameSiteShare), pct(baseline.sameSiteShare), null],
    [
      t('matching.summary.firstChoice'),
      pct(summary.firstChoiceShare),
      pct(baseline.firstChoiceShare),
      summary.firstChoiceShare !== null && baseline.firstChoiceShare !== null
        ? summary.firstChoiceShare >= baseline.firstChoiceShare
        : null,
    ],
    [t('matching.summary.top3'), pct(summary.top3Share), pct(baseline.top3Share), null],
    [
      t('matching.summary.load'),
      `${summary.loadMin} – ${summary.loadMax}`,
      `${baseline.loadMin} – ${baseline.loadMax}`,
      null,
    ],
  ];
  return (
    <Card withBorder radius="md" p="md">
      <Title order={3} fz="lg" mb="xs">
        {t('matching.summary.title')}
      </Title>
      <Table.ScrollContainer minWidth={320}>
        <Table striped data-testid="summary">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('matching.summary.metric')}</Table.Th>
              <Table.Th scope="col">{t('matching.summary.proposal')}</Table.Th>
              <Table.Th scope="col">{t('matching.summary.baseline')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(([label, a, b, better]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" fw={500}>
                  {label}
                </Table.Th>
                <Table.Td fw={better ? 700 : 400} c={better ? 'sauge.8' : undefined}>
                  {a}
                </Table.Td>
                <Table.Td>{b}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {summary.unassigned.length > 0 && (
        <Text size="sm" mt="sm">
          {t('matching.summary.unassigned', { count: summary.unassigned.length })}{' '}
          {summary.unassigned
            .map((u) => `${u.name} (${t(`matching.unassignedReason.${u.reason}`)})`)
            .join(', ')}
        </Text>
      )}
      <Text size="xs" c="dimmed" mt="xs">
        {t('matching.summary.baselineHelp')}
      </Text>
    </Card>
  );
}
