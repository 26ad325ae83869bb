import type { TeamWorld } from '../test/factories-teams.ts';
import { all, anyUser, type Cell, type Expect, manager, orgMember } from './matrix-cells.ts';

// Tutor teams in the authorization matrix. The world's team holds the tutor and Tuteur C (no actor
// kind of its own), who asks to take the tutor's tutee and says they are overloaded; a team meeting
// was held yesterday. The other tutor, the tutees and the expert are outside it: the team does not
// exist for them (404); the coordination sees the team and forms it, never its thread or reports.

/** The team's page: its member (the tutor) and the coordination; 404 for everyone else. */
const team = (o: { member: number; coordination: number }): Expect => ({
  ...all(404),
  anonymous: 401,
  tutor: o.member,
  coordinator: o.coordination,
  orgAdmin: o.coordination,
});

export const teamsMatrix: Record<string, Cell> = {
  'GET /api/me/teams': { expect: anyUser() },
  'GET /api/programmes/:programmeId/teams': { expect: orgMember() },
  'POST /api/programmes/:programmeId/teams': {
    expect: manager(201),
    body: () => ({ name: 'Équipe B', memberIds: [] }),
  },
  // The world's programme is a DES: its teams are not made from groups.
  'POST /api/programmes/:programmeId/teams/from-groups': { expect: manager(409) },
  'GET /api/teams/:teamId': { expect: team({ member: 200, coordination: 200 }) },
  'PATCH /api/teams/:teamId': {
    expect: team({ member: 403, coordination: 200 }),
    body: () => ({ name: 'Équipe renommée' }),
  },
  'POST /api/teams/:teamId/dissolve': { expect: team({ member: 403, coordination: 200 }) },
  'POST /api/teams/:teamId/members': {
    expect: team({ member: 403, coordination: 200 }),
    body: (w) => ({ userId: (w as TeamWorld).teams.newcomerId }),
  },
  'DELETE /api/teams/:teamId/members/:memberId': { expect: team({ member: 403, coordination: 200 }) },
  'GET /api/teams/:teamId/messages': { expect: team({ member: 200, coordination: 404 }) },
  'POST /api/teams/:teamId/messages': {
    expect: team({ member: 201, coordination: 404 }),
    body: () => ({ body: 'Qui peut me remplacer jeudi ?' }),
  },
  'GET /api/teams/:teamId/meetings/:teamMeetingId/report': {
    expect: team({ member: 200, coordination: 404 }),
  },
  'PUT /api/teams/:teamId/meetings/:teamMeetingId/report': {
    expect: team({ member: 200, coordination: 404 }),
    body: () => ({
      cases: [{ name: 'Léa', note: 'Stage difficile' }],
      decisions: 'Point dans un mois',
      followUps: [],
    }),
  },
  'POST /api/teams/:teamId/overloads': {
    expect: team({ member: 201, coordination: 403 }),
    body: () => ({ message: null }),
  },
  // Raised by Tuteur C: closed by them or the coordination, not by a teammate.
  'POST /api/teams/:teamId/overloads/:overloadId/close': {
    expect: team({ member: 403, coordination: 200 }),
    body: () => ({ note: 'Deux internes confiés à un collègue.' }),
  },
  // The tutor's tutee already has Tuteur C's request open: a second one waits.
  'POST /api/teams/:teamId/moves': {
    expect: team({ member: 409, coordination: 403 }),
    body: (w) => ({ pairingId: w.pairing.id, toUserId: (w as TeamWorld).teams.mateId, message: null }),
  },
  'POST /api/teams/:teamId/moves/:moveId/accept': { expect: team({ member: 200, coordination: 403 }) },
  // Not accepted by the tutor yet: nothing to approve.
  'POST /api/teams/:teamId/moves/:moveId/approve': { expect: team({ member: 403, coordination: 409 }) },
  'POST /api/teams/:teamId/moves/:moveId/decline': { expect: team({ member: 200, coordination: 200 }) },
  'POST /api/teams/:teamId/moves/:moveId/cancel': { expect: team({ member: 403, coordination: 403 }) },
};
