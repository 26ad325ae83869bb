import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, SimpleGrid, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Dashboard } from './queries';

/** Meetings held per month against the target, and how long ago each pair last met. */
export function DashboardCharts({ d }: { d: Pick<Dashboard, 'meetingsByMonth' | 'lastContact'> }) {
  const { t } = useTranslation();
  const monthLabel = (m: string) =>
    new Intl.DateTimeFormat(t('followup.intl'), { month: 'short', timeZone: 'UTC' }).format(
      new Date(`${m}-15T12:00:00Z`),
    );
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <Card withBorder radius="md" padding="md">
        <Title order={2} fz="lg" mb={4}>
          {t('followup.meetingsChart')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('followup.meetingsChartHint')}
        </Text>
        <div
          role="img"
          aria-label={t('followup.meetingsChartAlt', {
            held: d.meetingsByMonth.reduce((n, m) => n + m.held, 0),
          })}
        >
          <BarChart
            h={220}
            data={d.meetingsByMonth.map((m) => ({
              month: monthLabel(m.month),
              [t('followup.held')]: m.held,
              [t('followup.target')]: m.target,
            }))}
            dataKey="month"
            series={[
              { name: t('followup.held'), color: 'sauge.6' },
              { name: t('followup.target'), color: 'gray.4' },
            ]}
            withLegend
          />
        </div>
      </Card>
      <Card withBorder radius="md" padding="md">
        <Title order={2} fz="lg" mb={4}>
          {t('followup.lastContact')}
        </Title>
        <Text size="xs" c="dimmed" mb="sm">
          {t('followup.lastContactHint')}
        </Text>
        <div
          role="img"
          aria-label={d.lastContact
            .map((b) => `${t(`followup.buckets.${b.bucket}`)} : ${b.count}`)
            .join(', ')}
        >
          <BarChart
            h={220}
            data={d.lastContact.map((b) => ({
              bucket: t(`followup.buckets.${b.bucket}`),
              [t('followup.pairs')]: b.count,
            }))}
            dataKey="bucket"
            series={[{ name: t('followup.pairs'), color: 'sauge.6' }]}
          />
        </div>
      </Card>
    </SimpleGrid>
  );
}
