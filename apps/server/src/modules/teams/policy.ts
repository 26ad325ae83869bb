import type { Programme } from '../../db/types.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import { type TeamRelation, teamReadable } from '../../policy/confidentiality-teams.ts';
import { managesProgramme } from '../programmes/policy.ts';

// Who does what with a tutor team. The programme's coordination forms the teams (creates, renames,
// dissolves, adds and removes members); the members are co-responsible — there is no lead: any of
// them writes in the thread, schedules a team meeting, writes its report, says they are
// overloaded, proposes a move. What each relation reads is the confidentiality table's team rows.

/** The programmes whose tutors are grouped in teams. */
export const TEAM_TEMPLATES = ['des-tutoring', 'peer-tutoring', 'tutor-peer-support'];
/** The advised size of a team: shown outside it, never refused. */
export const ADVISED_SIZE = { min: 6, max: 8 };

export const teamsAllowed = (p: Pick<Programme, 'template'>) => TEAM_TEMPLATES.includes(p.template);

/**
 * Who may be in a programme's teams: its tutors; in a tutor peer-support programme every member is
 * a peer tutor, its tutor and tutee roles alike.
 */
export const teamRoles = (p: Pick<Programme, 'template'>) =>
  p.template === 'tutor-peer-support' ? ['tutor', 'tutee'] : ['tutor'];

/** The viewer's relation to a team: a live member, the coordination, or someone else of the programme. */
export function teamRelation(
  actor: UserActor,
  p: Pick<Programme, 'id' | 'org_id' | 'archived_at'>,
  team: { archived_at: string | null },
  memberIds: string[],
): TeamRelation {
  if (team.archived_at === null && memberIds.includes(actor.id)) return 'teammate';
  if (managesProgramme(actor, p, 'read')) return 'coordinator';
  const roles = rolesIn(actor, p.id);
  if (roles.has('tutor')) return 'otherTutor';
  if (roles.has('tutee')) return 'tutee';
  return 'none';
}

/** Whether the viewer sees the team's page at all: its members and its coordination. */
export const seesTeam = (relation: TeamRelation) => teamReadable('teamCaseload', relation);

/** What the viewer may do on a team's page. */
export function teamActions(
  actor: UserActor,
  p: Pick<Programme, 'id' | 'org_id' | 'archived_at'>,
  team: { archived_at: string | null },
  relation: TeamRelation,
) {
  const manage = managesProgramme(actor, p, 'write') && team.archived_at === null;
  const member = relation === 'teammate' && !p.archived_at;
  return {
    rename: manage,
    dissolve: manage,
    manageMembers: manage,
    readThread: teamReadable('teamThread', relation),
    write: member,
    scheduleMeeting: member,
    readReports: teamReadable('teamReport', relation),
    raiseOverload: member,
    proposeMove: member,
    approveMoves: manage,
  };
}

/** An overload request is closed by its author or by the programme's coordination. */
export const closesOverload = (
  actor: UserActor,
  p: Pick<Programme, 'id' | 'org_id' | 'archived_at'>,
  o: { author_id: string | null; closed_at: string | null },
) => o.closed_at === null && (o.author_id === actor.id || managesProgramme(actor, p, 'write'));
