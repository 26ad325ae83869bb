import { all, type Cell, manager, orgMember } from './matrix-cells.ts';

// Leave and replacement in the authorization matrix. The world has no absence, no cover and no
// team: the routes on one answer 404 to everyone (absences.test.ts walks them with real records —
// the absent tutor, the backup asked, the coordination, a tutee: each sees what is theirs). A tutor
// declares their own absence; the coordination reads every absence and the programme's continuity.

const none = { ...all(404), anonymous: 401 };
/** A team's page of leave and continuity: its member (the tutor) and the coordination. */
const team = { ...none, tutor: 200, coordinator: 200, orgAdmin: 200 };
const tutorsOnly = { ...all(403), anonymous: 401, tutor: 201, otherTutor: 201, otherOrgCoordinator: 404 };
const days = { startOn: '2027-03-01', endOn: '2027-03-05', reason: null };

export const absencesMatrix: Record<string, Cell> = {
  'GET /api/programmes/:programmeId/absences': { expect: orgMember() },
  'POST /api/programmes/:programmeId/absences': { expect: tutorsOnly, body: () => days },
  'GET /api/programmes/:programmeId/absences/coordination': { expect: manager() },
  'GET /api/programmes/:programmeId/continuity': { expect: manager() },
  'PUT /api/absences/:absenceId': { expect: none, body: () => days },
  'POST /api/absences/:absenceId/shorten': { expect: none, body: () => ({ endOn: '2027-03-03' }) },
  'POST /api/absences/:absenceId/cancel': { expect: none },
  'POST /api/absences/:absenceId/send': { expect: none },
  'PUT /api/absence-covers/:coverId/proposal': {
    expect: none,
    body: (w) => ({ backupId: w.actors.otherTutor.id }),
  },
  'POST /api/absence-covers/:coverId/accept': { expect: none },
  'POST /api/absence-covers/:coverId/decline': { expect: none },
  'PUT /api/absence-covers/:coverId/backup': {
    expect: none,
    body: (w) => ({ backupId: w.actors.otherTutor.id }),
  },
  'GET /api/teams/:teamId/continuity': { expect: team },
  'GET /api/teams/:teamId/leave': { expect: team },
};
