import { all, type Cell } from './matrix-cells.ts';

// Team cases and feedback in the authorization matrix. The world's tutor and other tutor are one
// team; the tutor brought a case (kind "other", no expert required) about their tutee: the two of
// them read and act on it, nobody else learns it exists — not the coordination, with whom it is not
// shared. The tutor asked the other tutor for feedback (a past year's request, unanswered): the
// asker and the teammate asked read it, only the teammate answers. The tutee was asked about their
// tutor: only they see and answer it. A self-evaluation, peer feedback and aggregates are the
// tutors' pages (anyone else of the organisation 403).

const tutors = (ok: number, others = 403) => ({
  ...all(others),
  anonymous: 401,
  tutor: ok,
  otherTutor: ok,
  otherOrgCoordinator: 404,
});
const team = (ok: number) => ({ ...all(404), anonymous: 401, tutor: ok, otherTutor: ok });
const grid = () => ({
  ratings: Object.fromEntries(
    [
      'listening',
      'availability',
      'traceFeedback',
      'portfolio',
      'spotDifficulty',
      'orientNotTreat',
      'confidentiality',
      'project',
    ].map((k) => [k, { level: 3, note: '' }]),
  ),
  strengths: 'L’écoute.',
  toImprove: 'Les retours sur les traces.',
});

export const feedbackMatrix: Record<string, Cell> = {
  'GET /api/orgs/:orgId/team-cases': { expect: { ...all(200), anonymous: 401, otherOrgCoordinator: 404 } },
  // Only a tutor in a team brings a case.
  'POST /api/orgs/:orgId/team-cases': {
    expect: tutors(201),
    body: () => ({
      title: 'Un conflit en stage',
      situation: 'Le maître de stage reproche à l’interne ses retards, sans lui en parler.',
      kind: 'internship-conflict',
    }),
  },
  'GET /api/team-cases/:caseId': { expect: team(200) },
  'POST /api/team-cases/:caseId/messages': {
    expect: team(201),
    body: () => ({ body: 'Je propose d’en parler à la prochaine réunion.' }),
  },
  'POST /api/team-cases/:caseId/decision': {
    expect: team(200),
    body: () => ({ decision: 'Un appel de l’interne cette semaine, puis un point en équipe.' }),
  },
  // The world's case is open: there is nothing to reopen.
  'POST /api/team-cases/:caseId/reopen': { expect: team(409) },
  'PUT /api/team-cases/:caseId/share': {
    expect: { ...team(200), otherTutor: 403 },
    body: () => ({ shared: true }),
  },
  'GET /api/orgs/:orgId/self-evaluation': { expect: tutors(200) },
  'PUT /api/orgs/:orgId/self-evaluation': { expect: tutors(200), body: () => ({ ...grid(), save: true }) },
  'GET /api/orgs/:orgId/peer-feedback': { expect: tutors(200) },
  // The other tutor may not ask themselves.
  'POST /api/orgs/:orgId/peer-feedback': {
    expect: { ...tutors(201), otherTutor: 400 },
    body: (w) => ({ peerIds: [w.actors.otherTutor.id] }),
  },
  'GET /api/peer-feedback/:peerRequestId': { expect: team(200) },
  'POST /api/peer-feedback/:peerRequestId/answer': {
    expect: { ...team(200), tutor: 403 },
    body: () => ({ ratings: grid().ratings, comment: 'Très présent pour ses internes.' }),
  },
  'GET /api/orgs/:orgId/tutor-feedback': { expect: tutors(200) },
  'GET /api/tutor-feedback-asks/:feedbackAskId': { expect: { ...all(404), anonymous: 401, tutee: 200 } },
  'POST /api/tutor-feedback-asks/:feedbackAskId/answers': {
    expect: { ...all(404), anonymous: 401, tutee: 201 },
    body: () => ({
      answers: { reachable: 4, listens: 5, progress: 4, useful: 4, overall: 5 },
      comment: null,
    }),
  },
};
