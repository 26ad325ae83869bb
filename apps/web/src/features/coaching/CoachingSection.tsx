import { Stack } from '@mantine/core';
import { ErrorAlert } from '../../app/ui';
import { CoachingManagement } from './CoachingManagement';
import { MyCoaching } from './MyCoaching';
import { useProgrammeCoaching } from './queries';

/** Coaching of new tutors in the programme's training tab: one's own coachings, the coordination's view. */
export function CoachingSection({ programmeId }: { programmeId: string }) {
  const q = useProgrammeCoaching(programmeId);
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  return (
    <Stack gap="lg">
      <MyCoaching programmeId={programmeId} d={q.data} />
      <CoachingManagement programmeId={programmeId} d={q.data} />
    </Stack>
  );
}
