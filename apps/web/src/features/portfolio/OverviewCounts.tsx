import { Card, Group, Paper, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Overview } from './queries';
import { ScrollRegion } from './ScrollRegion';

const columns = ['residents', 'due', 'submitted', 'validated', 'late'] as const;

/** Residents and traces per phase, for the whole programme or one cohort: counts, never names. */
export function OverviewCounts({
  o,
  cohortId,
  onCohort,
}: {
  o: Overview;
  cohortId: string | null;
  onCohort: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const wide = useMediaQuery('(min-width: 36em)', true);
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="portfolio-counts">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="sm">
        <Stack gap={2} style={{ flex: '1 1 260px' }}>
          <Title order={2} fz={20} id="portfolio-counts">
            {t('portfolio.overview.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('portfolio.overview.help', { period: o.period })}
          </Text>
        </Stack>
        {o.cohorts.length > 0 && (
          <Select
            label={t('portfolio.overview.cohort')}
            data={[
              { value: '', label: t('portfolio.overview.allCohorts') },
              ...o.cohorts.map((c) => ({ value: c.id, label: c.name })),
            ]}
            value={cohortId ?? ''}
            onChange={(v) => onCohort(v || null)}
            allowDeselect={false}
            w={240}
          />
        )}
      </Group>
      {wide ? <CountsTable o={o} /> : <CountsList o={o} />}
    </Card>
  );
}

function CountsTable({ o }: { o: Overview }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={t('portfolio.overview.caption')}>
      <Table striped withTableBorder miw={520}>
        <Table.Caption>{t('portfolio.overview.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('portfolio.overview.phase')}</Table.Th>
            {columns.map((c) => (
              <Table.Th key={c} scope="col" ta="right">
                {t(`portfolio.overview.columns.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {o.phases.map((p) => (
            <Table.Tr key={p.phaseId}>
              <Table.Th scope="row" fw={500}>
                {p.phaseLabel}
              </Table.Th>
              {columns.map((c) => (
                <Table.Td
                  key={c}
                  ta="right"
                  c={c === 'late' && p.late > 0 ? 'red.8' : undefined}
                  fw={c === 'late' && p.late > 0 ? 700 : undefined}
                >
                  {p[c]}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}

/** On a phone: one block per phase, its counts side by side. */
function CountsList({ o }: { o: Overview }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      {o.phases.map((p) => (
        <Paper key={p.phaseId} withBorder radius="md" p="sm">
          <Title order={3} fz={15} mb={6}>
            {p.phaseLabel}
          </Title>
          <SimpleGrid cols={3} spacing="xs" verticalSpacing={6} component="dl" m={0}>
            {columns.map((c) => (
              <Stack key={c} gap={0}>
                <Text component="dt" size="xs" c="dimmed">
                  {t(`portfolio.overview.columns.${c}`)}
                </Text>
                <Text component="dd" m={0} fw={700} c={c === 'late' && p.late > 0 ? 'red.8' : undefined}>
                  {p[c]}
                </Text>
              </Stack>
            ))}
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}
