import { all, type Cell, manager, orgMember } from './matrix-cells.ts';

// The agreements' routes in the authorization matrix. The world's programme asks for no charter
// (the DES): its pair's agreement is its term only; signing and the PDF answer 409 to those who see
// the pair, and nobody else sees it. The charter itself is read by the programme's members.

/** The pair's two people and the programme's managers; everyone else is told it does not exist. */
const pairAnd = (tutee: number, tutor: number, managers: number) => ({
  ...all(404),
  anonymous: 401,
  tutee,
  tutor,
  coordinator: managers,
  orgAdmin: managers,
});

export const agreementsMatrix: Record<string, Cell> = {
  'GET /api/programmes/:programmeId/charter': { expect: orgMember() },
  'POST /api/programmes/:programmeId/charter': {
    expect: manager(),
    body: () => ({ body: `# Charte\n\nVersion ${Math.random()} du texte.`, resignRequired: false }),
  },
  'GET /api/programmes/:programmeId/agreements': { expect: manager() },
  'GET /api/pairings/:pairingId/agreement': { expect: pairAnd(200, 200, 200) },
  'POST /api/pairings/:pairingId/agreement/sign': {
    expect: pairAnd(409, 409, 409),
    body: (w) => ({ name: w.actors.tutee.name, consent: true, versionId: 'none' }),
  },
  'PUT /api/pairings/:pairingId/agreement/end-date': {
    expect: pairAnd(403, 403, 200),
    body: () => ({ endOn: '2029-06-30', reason: 'Prolongation demandée' }),
  },
  'POST /api/pairings/:pairingId/agreement/end-early': {
    expect: pairAnd(403, 403, 200),
    body: () => ({ reason: 'Fin décidée ensemble' }),
  },
  'GET /api/pairings/:pairingId/agreement/pdf': { expect: pairAnd(409, 409, 409) },
  // A made-up code verifies nothing, for anyone.
  'POST /api/verification': { expect: all(404), body: () => ({ code: 'AAAA-BBBB-CCCC' }) },
};
