import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Button, Card, Collapse, Table, Text, Title } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconTable } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { type Level, levels, type Rating, useFramework } from './queries';
import { ScrollRegion } from './ScrollRegion';
import { levelRank } from './words';

// Six hues far apart; the table below says the same without colours.
const colors = ['sauge.7', 'ardoise.8', 'ambre.6', 'grape.6', 'red.7', 'cyan.5', 'pink.6', 'lime.7'];

/** "2025-2026 S1" as "2025-26 S1", or "25-26 S1" on a phone: the semesters fit under the chart. */
const shortPeriod = (p: string, narrow: boolean) =>
  p.replace(/^(\d{2})(\d{2})-\d{2}(\d{2})/, (_, c: string, a: string, b: string) =>
    narrow ? `${a}-${b}` : `${c}${a}-${b}`,
  );

/** The level last recorded for each competency in each semester: the map of the resident's progress. */
function mapOf(ratings: Rating[], order: string[]) {
  const periods = [...new Set(ratings.map((r) => r.period))].sort();
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const competencyIds = [...new Set(ratings.map((r) => r.competencyId))].sort((a, b) => rank(a) - rank(b));
  const level = new Map<string, Level>();
  for (const r of ratings) level.set(`${r.period}|${r.competencyId}`, r.level);
  const at = (period: string, id: string) => level.get(`${period}|${id}`) ?? null;
  /** The last level known for a competency, whatever the semester. */
  const last = (id: string) => ratings.findLast((r) => r.competencyId === id)?.level ?? 'novice';
  const rows = periods.map((period) => ({
    period,
    ...Object.fromEntries(
      competencyIds.map((id) => {
        const l = at(period, id);
        return [id, l ? levelRank[l] : 0];
      }),
    ),
  }));
  return { periods, competencyIds, at, last, rows };
}

/** The competency map over time: a chart, and the same levels as a table for whoever prefers one. */
export function CompetencyMap({ programmeId, ratings }: { programmeId: string; ratings: Rating[] }) {
  const { t } = useTranslation();
  const framework = useFramework(programmeId);
  const [tableOpen, table] = useDisclosure(false);
  const narrow = useMediaQuery('(max-width: 36em)');
  const labels = new Map(framework.data?.framework.competencies.map((c) => [c.id, c.label]) ?? []);
  const name = (id: string) => labels.get(id) ?? id;
  const short = (id: string) => name(id).split(',')[0] ?? id;
  const m = mapOf(ratings, [...labels.keys()]);
  const levelName = (n: number) => {
    const l = levels[n - 1];
    return l ? t(`portfolio.level.${l}`) : '';
  };
  return (
    <Card withBorder radius="md" p="md" component="section" aria-labelledby="portfolio-map">
      <Title order={2} fz={20} id="portfolio-map" mb={4}>
        {t('portfolio.map.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('portfolio.map.help')}
      </Text>
      {ratings.length === 0 ? (
        <Text size="sm">{t('portfolio.map.none')}</Text>
      ) : (
        <>
          <div
            role="img"
            aria-label={t('portfolio.map.alt', {
              list: m.competencyIds
                .map((id) => `${short(id)} : ${t(`portfolio.level.${m.last(id)}`)}`)
                .join(', '),
            })}
          >
            <BarChart
              h={narrow ? 300 : 260}
              data={m.rows}
              dataKey="period"
              series={m.competencyIds.map((id, i) => ({
                name: id,
                label: short(id),
                color: colors[i % colors.length],
              }))}
              yAxisProps={{ domain: [0, 3], ticks: [1, 2, 3], width: 96 }}
              xAxisProps={{ interval: 0, tickFormatter: (p: string) => shortPeriod(p, !!narrow) }}
              valueFormatter={levelName}
              maxBarWidth={40}
              withLegend
              legendProps={{ verticalAlign: 'bottom', height: narrow ? 100 : 50 }}
            />
          </div>
          <Button
            variant="subtle"
            size="sm"
            mt="sm"
            style={{ alignSelf: 'flex-start' }}
            leftSection={<IconTable size={16} aria-hidden />}
            onClick={table.toggle}
            aria-expanded={tableOpen}
            aria-controls="portfolio-map-table"
          >
            {tableOpen ? t('portfolio.map.hideTable') : t('portfolio.map.showTable')}
          </Button>
          <Collapse expanded={tableOpen} id="portfolio-map-table">
            <LevelsTable m={m} name={name} />
          </Collapse>
        </>
      )}
    </Card>
  );
}

function LevelsTable({ m, name }: { m: ReturnType<typeof mapOf>; name: (id: string) => string }) {
  const { t } = useTranslation();
  return (
    <ScrollRegion label={t('portfolio.map.caption')}>
      <Table striped withTableBorder mt="sm" miw={220 + m.periods.length * 110}>
        <Table.Caption>{t('portfolio.map.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('portfolio.map.competency')}</Table.Th>
            {m.periods.map((p) => (
              <Table.Th key={p} scope="col">
                {p}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {m.competencyIds.map((id) => (
            <Table.Tr key={id}>
              <Table.Th scope="row" fw={500}>
                {name(id)}
              </Table.Th>
              {m.periods.map((p) => {
                const l = m.at(p, id);
                return <Table.Td key={p}>{l ? t(`portfolio.level.${l}`) : '—'}</Table.Td>;
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollRegion>
  );
}
