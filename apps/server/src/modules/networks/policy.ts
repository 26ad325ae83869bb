import type { NetworkTable } from '../../db/tables-networks.ts';
import type { UserActor } from '../../policy/actor.ts';
import { type NetworkRelation, networkReadable } from '../../policy/confidentiality-networks.ts';
import { coordinatesOrganisation, managesProgramme } from '../programmes/policy.ts';

// Who does what in a network. The coordination of a programme with teams (its coordinators, its
// organisation's admins) creates a network with one of its teams, joins a team with the code and
// removes its team; the organisation that created the network archives it, removes any team and
// hides a message. Members of the member teams and their coordination read the network, write in
// its thread; the coordination of a member team publishes sessions, its members register.

/** A live member team of a network, with what its managers need. */
export interface MemberTeam {
  teamId: string;
  teamName: string;
  orgId: string;
  orgName: string;
  programmeId: string;
  programmeArchivedAt: string | null;
  joinedAt: string;
}

const programmeOf = (t: MemberTeam) => ({
  id: t.programmeId,
  org_id: t.orgId,
  archived_at: t.programmeArchivedAt,
});

/** Whether the actor manages a team's programme (reads it, or changes it while it is not archived). */
export const managesTeam = (actor: UserActor, t: MemberTeam, use: 'read' | 'write') =>
  managesProgramme(actor, programmeOf(t), use);

/** The actor's standing in a network: the teams they are in, the teams they manage, the creator's coordination. */
export interface Standing {
  memberOf: MemberTeam[];
  manages: MemberTeam[];
  owner: boolean;
}

export function standingIn(
  actor: UserActor,
  n: Pick<NetworkTable, 'org_id'>,
  teams: MemberTeam[],
  myTeamIds: Set<string>,
): Standing {
  return {
    memberOf: teams.filter((t) => myTeamIds.has(t.teamId)),
    manages: teams.filter((t) => managesTeam(actor, t, 'read')),
    owner: coordinatesOrganisation(actor, n.org_id),
  };
}

export function networkRelation(s: Standing): NetworkRelation {
  if (s.memberOf.length > 0) return 'member';
  if (s.manages.length > 0 || s.owner) return 'manager';
  return 'none';
}

/** Whether the viewer sees the network at all (its name, teams, thread, sessions). */
export const seesNetwork = (relation: NetworkRelation) => networkReadable('networkProfile', relation);

/** What the actor may do in a network they see. */
export function networkActions(actor: UserActor, n: Pick<NetworkTable, 'archived_at'>, s: Standing) {
  const live = n.archived_at === null;
  const managesLive = s.manages.some((t) => managesTeam(actor, t, 'write'));
  return {
    write: live && (s.memberOf.length > 0 || managesLive || s.owner),
    newCode: live && (managesLive || s.owner),
    publishSession: live && managesLive,
    register: live && s.memberOf.length > 0,
    hideMessages: live && s.owner,
    archive: live && s.owner,
  };
}

/** Whether the actor removes this team from the network: its coordination, or the creator's. */
export const removesTeam = (
  actor: UserActor,
  n: Pick<NetworkTable, 'archived_at'>,
  s: Standing,
  t: MemberTeam,
) => n.archived_at === null && (s.owner || managesTeam(actor, t, 'write'));

/** Whether the actor changes or cancels a session: the coordination of the organisation that published it. */
export const managesSession = (actor: UserActor, s: Standing, session: { org_id: string }) =>
  s.manages.some((t) => t.orgId === session.org_id && managesTeam(actor, t, 'write'));
