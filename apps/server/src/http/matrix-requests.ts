import { all, type Cell, manager } from './matrix-cells.ts';

// Requests to join in the authorization matrix. The world's programme takes requests and holds one,
// confirmed and waiting: its public page and form answer anyone; the queue and the decisions are the
// coordination's (members of the programme 403, another organisation 404); a made-up private link
// opens nothing, for anyone.

export const requestMatrix: Record<string, Cell> = {
  'GET /api/join/:programmeId': { expect: all(200) },
  'POST /api/join/:programmeId': {
    expect: all(201),
    body: () => ({
      name: 'Sacha Candidate',
      email: `candidate-${Math.random().toString(36).slice(2)}@example.org`,
      role: 'tutee',
      profession: 'Sage-femme',
      needs: 'Être accompagnée pour mon installation.',
    }),
  },
  'GET /api/join-link/:token': { expect: all(404) },
  'POST /api/join-link/:token/confirm': { expect: all(404) },
  'POST /api/join-link/:token/withdraw': { expect: all(404) },
  'GET /api/programmes/:programmeId/join-requests': { expect: manager() },
  'PUT /api/programmes/:programmeId/join-requests/settings': {
    expect: manager(),
    body: () => ({ open: false }),
  },
  'POST /api/programmes/:programmeId/join-requests/:joinRequestId/accept': {
    expect: manager(),
    body: () => ({}),
  },
  'POST /api/programmes/:programmeId/join-requests/:joinRequestId/decline': {
    expect: manager(),
    body: () => ({ message: 'Le programme est complet.' }),
  },
};
