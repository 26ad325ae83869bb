import { Card, Select, SimpleGrid, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDates } from '../../app/dates';
import { ErrorAlert, Loading } from '../../app/ui';
import { EndReviewsCard } from '../reviews/EndReviewsCard';
import { QuestionnairesCard } from '../reviews/QuestionnairesCard';
import { WellbeingSummaryCard } from '../wellbeing/SummaryCard';
import { DashboardAlerts } from './DashboardAlerts';
import { DashboardCharts } from './DashboardCharts';
import { useDashboard } from './queries';
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

export function CoordinatorDashboard({
  programmeId,
  orgId,
  template,
}: {
  programmeId: string;
  orgId: string;
  template: string;
}) {
  const { t } = useTranslation();
  const { timeZone } = useDates(orgId);
  const [cohortId, setCohortId] = useState<string | null>(null);
  const q = useDashboard(programmeId, cohortId);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return <Loading />;
  const d = q.data;
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

      <DashboardAlerts alerts={d.alerts} orgId={orgId} programmeId={programmeId} />

      <DashboardCharts d={d} />

      <WellbeingSummaryCard programmeId={programmeId} />

      <TutorLoadTable rows={d.tutorLoad} />

      <ReviewDownload programmeId={programmeId} timeZone={timeZone} />

      <EndReviewsCard programmeId={programmeId} orgId={orgId} template={template} />

      <QuestionnairesCard programmeId={programmeId} />
    </Stack>
  );
}
