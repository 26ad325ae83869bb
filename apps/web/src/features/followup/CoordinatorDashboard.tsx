import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconMoodSmile } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import { ErrorAlert, Loading } from '../../app/ui';
import { WellbeingSummaryCard } from '../wellbeing/SummaryCard';
import { AlertCard } from './AlertCard';
import { useDashboard } from './api';
import { ReviewDownload } from './ReviewDownload';
import { TutorLoadTable } from './TutorLoadTable';

function Stat({ label, value }: { label: string; value: number | string }) {
  return (
    <Card withBorder radius="md" padding="sm">
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text fz={26} fw={700}>
        {value}
      </Text>
    </Card>
  );
}

export function CoordinatorDashboard({ programmeId, orgId }: { programmeId: string; orgId: string }) {
  const { t } = useTranslation();
  const { timeZone } = useDates(orgId);
  const [cohortId, setCohortId] = useState<string | null>(null);
  const q = useDashboard(programmeId, cohortId);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const d = q.data;
  const monthLabel = (m: string) =>
    new Intl.DateTimeFormat(t('followup.intl'), { month: 'short', timeZone: 'UTC' }).format(
      new Date(`${m}-15T12:00:00Z`),
    );
  const active = d.pairs.byState.active ?? 0;

  return (
    <Stack gap="lg">
      {d.cohorts.length > 1 && (
        <Select
          label={t('followup.cohort')}
          data={[
            { value: '', label: t('followup.allCohorts') },
            ...d.cohorts.map((c) => ({ value: c.id, label: c.name })),
          ]}
          value={cohortId ?? ''}
          onChange={(v) => setCohortId(v || null)}
          maw={320}
        />
      )}
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
        <Stat label={t('followup.stats.active')} value={active} />
        {d.pairs.groups > 0 && <Stat label={t('followup.stats.groups')} value={d.pairs.groups} />}
        <Stat label={t('followup.stats.open')} value={d.alerts.open} />
        <Stat label={t('followup.stats.escalated')} value={d.alerts.escalated} />
        <Stat
          label={t('followup.stats.ended')}
          value={(d.pairs.byState.ended ?? 0) + (d.pairs.byState.completed ?? 0)}
        />
      </SimpleGrid>

      <section aria-labelledby="alerts-title">
        <Title order={2} fz="lg" id="alerts-title" mb="sm">
          {t('followup.alertsTitle', { count: d.alerts.open })}
        </Title>
        {d.alerts.list.length === 0 ? (
          <Group gap="xs" c="dimmed">
            <IconMoodSmile size={18} aria-hidden />
            <Text>{t('followup.noAlerts')}</Text>
          </Group>
        ) : (
          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
            {d.alerts.list.map((a) => (
              <AlertCard key={a.id} alert={a} orgId={orgId} programmeId={programmeId} />
            ))}
          </SimpleGrid>
        )}
        {d.alerts.list.length < d.alerts.open && (
          <Text size="sm" c="dimmed" mt="sm">
            {t('followup.moreAlerts', { shown: d.alerts.list.length, total: d.alerts.open })}
          </Text>
        )}
      </section>

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

      <WellbeingSummaryCard programmeId={programmeId} />

      <TutorLoadTable rows={d.tutorLoad} />

      <ReviewDownload programmeId={programmeId} timeZone={timeZone} />
    </Stack>
  );
}
