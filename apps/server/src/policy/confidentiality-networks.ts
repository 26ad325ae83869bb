// The rows of the confidentiality table (confidentiality.ts) for networks (modules/networks):
// teams of several organisations joined in a regional or national network. Relations of a viewer
// to a network: `member` a live member of a team in it; `manager` the coordination of a member
// team's programme (its coordinators and its organisation's admins) or of the organisation that
// created the network; `none` anyone else, of a member organisation or not (a 404 on every route).

export const networkRelations = ['member', 'manager', 'none'] as const;
export type NetworkRelation = (typeof networkRelations)[number];
export const networkRecordKinds = [
  'networkProfile',
  'networkTeams',
  'networkThread',
  'networkSessions',
  'otherOrganisation',
] as const;
export type NetworkRecordKind = (typeof networkRecordKinds)[number];

export const networkTable: Record<NetworkRecordKind, Record<NetworkRelation, 'full' | 'none'>> = {
  // The network's name, scope (regional or national) and description.
  networkProfile: { member: 'full', manager: 'full', none: 'none' },
  // The member teams: each team's name and its organisation's name, never their members.
  networkTeams: { member: 'full', manager: 'full', none: 'none' },
  // The thread: each message with its author's name, team and organisation, and its text.
  networkThread: { member: 'full', manager: 'full', none: 'none' },
  // The sessions, with how many registered and wait; never who (they are of several organisations).
  networkSessions: { member: 'full', manager: 'full', none: 'none' },
  // Everything else of another member organisation — its people, their contacts, its teams' members,
  // programmes and caseload: nobody reads it through a network.
  otherOrganisation: { member: 'none', manager: 'none', none: 'none' },
};

/** Whether the viewer reads a network's record of this kind. */
export const networkReadable = (kind: NetworkRecordKind, relation: NetworkRelation) =>
  networkTable[kind][relation] === 'full';
