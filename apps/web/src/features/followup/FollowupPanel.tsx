import '@mantine/charts/styles.css';
import { useProgrammeContext } from '../programmes/context';
import { CoordinatorDashboard } from './CoordinatorDashboard';
import { TutorFollowup } from './TutorFollowup';

export function FollowupPanel() {
  const { programme } = useProgrammeContext();
  // Managing the programme (its coordinators and the organisation's admins) is what the dashboard needs.
  return programme.actions.archive ? (
    <CoordinatorDashboard programmeId={programme.id} orgId={programme.orgId} template={programme.template} />
  ) : (
    <TutorFollowup programmeId={programme.id} orgId={programme.orgId} />
  );
}
