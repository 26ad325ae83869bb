import { ErrorAlert, Loading } from '../../app/ui';
import { CoverLines } from '../absences/CoverLines';
import { useProgrammeContext } from '../programmes/context';
import { CoordinatorPeople } from './CoordinatorPeople';
import { MyPeople } from './MyPeople';
import { usePeople } from './queries';

/** The people tab: coordinators manage everyone; tutors and tutees see the people they work with. */
export function PeoplePanel() {
  const { programme } = useProgrammeContext();
  const people = usePeople(programme.id);
  if (people.error) return <ErrorAlert error={people.error} />;
  if (!people.data) return <Loading />;
  // People arrive already filtered by what this viewer may see; the layout follows that, not roles.
  const seesEveryone = people.data.some((p) => p.relation === 'coordinator');
  return seesEveryone || programme.actions.managePeople ? (
    <CoordinatorPeople programme={programme} people={people.data} />
  ) : (
    <>
      <CoverLines programmeId={programme.id} />
      <MyPeople programme={programme} people={people.data} />
    </>
  );
}
