import { Alert } from '@mantine/core';
import { ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeContext } from '../programmes/context';
import { useProgrammeTranslation } from '../programmes/useProgrammeTranslation';
import { NewMeetingForm } from './NewMeetingForm';
import { useProgrammeMeetings } from './queries';

/** The slot finder: who, how long, when; the engine ranks the times; one tap proposes the best. */
export function NewMeetingPage() {
  const { t } = useProgrammeTranslation();
  const { programme } = useProgrammeContext();
  const data = useProgrammeMeetings(programme.id);
  if (data.error) return <ErrorAlert error={data.error} />;
  if (!data.data) return <Loading />;
  if (!data.data.actions.create) return <Alert color="gray">{t('meetings.new.notAllowed')}</Alert>;
  return <NewMeetingForm programmeId={programme.id} meetings={data.data} />;
}
