import { ErrorAlert, Loading } from '../../app/ui';
import { useProgrammeContext } from '../programmes/context';
import { CoordinatorMatching } from './CoordinatorMatching';
import { MyMatching } from './MyMatching';
import { useMine } from './queries';

/** The matching tab: the coordinator's review screen, or a person's own pairings and choices. */
export function MatchingPanel() {
  const { programme } = useProgrammeContext();
  const mine = useMine(programme.id);
  if (mine.error) return <ErrorAlert error={mine.error} />;
  if (!mine.data) return <Loading />;
  return mine.data.actions.manage ? (
    <CoordinatorMatching programmeId={programme.id} />
  ) : (
    <MyMatching programmeId={programme.id} mine={mine.data} />
  );
}
