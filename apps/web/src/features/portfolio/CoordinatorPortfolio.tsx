import { Alert, Stack } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeContext } from '../programmes/context';
import { FrameworkEditor } from './FrameworkEditor';
import { OverviewCounts } from './OverviewCounts';
import { useOverview } from './queries';
import { SynthesisList } from './SynthesisList';
import { TutorLoad } from './TutorLoad';

/**
 * The department's view of the portfolio: counts per phase (never a trace's content), the tutors'
 * review load week by week, who has a co-signed end-of-phase synthesis, and the framework the programme follows.
 */
export function CoordinatorPortfolio() {
  const { t } = useTranslation();
  const { programme, organisation } = useProgrammeContext();
  const [cohortId, setCohortId] = useState<string | null>(null);
  const overview = useOverview(programme.id, cohortId);
  const o = overview.data;
  return (
    <Stack gap="xl">
      <Alert variant="light" color="gray" icon={<IconLock size={18} aria-hidden />}>
        {t('portfolio.overview.privacy')}
      </Alert>
      {overview.error && <ErrorAlert error={overview.error} />}
      {!o && !overview.error && <Loading />}
      {o && (
        <>
          <OverviewCounts o={o} cohortId={cohortId} onCohort={setCohortId} />
          <TutorLoad o={o} />
        </>
      )}
      <SynthesisList
        programmeId={programme.id}
        cohortId={cohortId}
        overview={o}
        timeZone={organisation?.timeZone ?? 'Europe/Paris'}
      />
      <FrameworkEditor programmeId={programme.id} />
    </Stack>
  );
}
