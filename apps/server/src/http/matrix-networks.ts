import type { NetworkWorld } from '../test/factories-networks.ts';
import { all, anyUser, type Cell, type Expect, manager } from './matrix-cells.ts';

// Networks in the authorization matrix, walked in the networks' world (createNetworkWorld): the
// world's team (the tutor and Tuteur C) and « Équipe CPTS B » of the other organisation in a network
// the world's organisation created; the tutor wrote a message and is registered for the session
// the other organisation published. Everyone else — the other tutor, the tutees, the expert — is
// in no member team and manages none: the network does not exist for them (404).

/** A network's routes: the tutor (a member), the world's coordination (the creator's), the other organisation's coordinator (a member team's). */
const network = (o: { member: number; coordination: number; other: number }): Expect => ({
  ...all(404),
  anonymous: 401,
  tutor: o.member,
  coordinator: o.coordination,
  orgAdmin: o.coordination,
  otherOrgCoordinator: o.other,
});

const nw = (w: unknown) => (w as NetworkWorld).networks;

export const networksMatrix: Record<string, Cell> = {
  'GET /api/me/networks': { expect: anyUser() },
  // Created with the world's team: its programme's coordination only.
  'POST /api/networks': {
    expect: manager(201),
    body: (w) => ({
      name: 'Réseau national',
      scope: 'national',
      description: '',
      teamId: (w as NetworkWorld).teams.teamId,
    }),
  },
  // « Équipe D » of the world's programme joins with the code.
  'POST /api/networks/join': {
    expect: manager(),
    body: (w) => ({ code: nw(w).code, teamId: nw(w).spareTeamId }),
  },
  'GET /api/networks/:networkId': { expect: network({ member: 200, coordination: 200, other: 200 }) },
  'POST /api/networks/:networkId/code': { expect: network({ member: 403, coordination: 200, other: 200 }) },
  'POST /api/networks/:networkId/archive': {
    expect: network({ member: 403, coordination: 200, other: 403 }),
  },
  // The world's team: removed by its coordination (the creator's), not by the other member team's.
  'DELETE /api/networks/:networkId/teams/:teamId': {
    expect: network({ member: 403, coordination: 200, other: 403 }),
  },
  'GET /api/networks/:networkId/messages': {
    expect: network({ member: 200, coordination: 200, other: 200 }),
  },
  'POST /api/networks/:networkId/messages': {
    expect: network({ member: 201, coordination: 201, other: 201 }),
    body: () => ({ body: 'Quelqu’un a une grille d’évaluation des RSCA ?' }),
  },
  // The tutor's message: deleted by its author, hidden by the creator's coordination.
  'DELETE /api/networks/:networkId/messages/:networkMessageId': {
    expect: network({ member: 200, coordination: 403, other: 403 }),
  },
  'POST /api/networks/:networkId/messages/:networkMessageId/hide': {
    expect: network({ member: 403, coordination: 200, other: 403 }),
  },
  'POST /api/networks/:networkId/sessions': {
    expect: network({ member: 403, coordination: 201, other: 201 }),
    body: () => ({
      title: 'Soirée d’échanges',
      start: '2026-12-10T18:00',
      end: '2026-12-10T20:00',
      mode: 'video',
      videoUrl: 'https://visio.example.org/reseau',
      capacity: 20,
    }),
  },
  // Published by the other organisation: its coordination cancels it.
  'POST /api/network-sessions/:networkSessionId/cancel': {
    expect: network({ member: 403, coordination: 403, other: 200 }),
  },
  // The tutor already holds a place; the coordination is in no member team.
  'POST /api/network-sessions/:networkSessionId/registration': {
    expect: network({ member: 409, coordination: 403, other: 403 }),
  },
  'DELETE /api/network-sessions/:networkSessionId/registration': {
    expect: network({ member: 200, coordination: 404, other: 404 }),
  },
};
