import type { Db } from '../../db/index.ts';
import { refuse } from '../../http/errors.ts';

// What the meetings module asks of teams: any live member of a team invites their teammates to a
// team meeting (the slot finder and the poll); a meeting marked with a team invites its members only.

/** The actor's live team in this programme, if any. */
const teamIn = (db: Db, programmeId: string, userId: string) =>
  db
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select('t.id')
    .where('t.programme_id', '=', programmeId)
    .where('t.archived_at', 'is', null)
    .where('m.user_id', '=', userId)
    .where('m.left_at', 'is', null)
    .executeTakeFirst();

/** The actor's teammates in this programme, as meetings' candidates (role `teammate`). */
export async function teammatesToInvite(db: Db, programmeId: string, userId: string) {
  const team = await teamIn(db, programmeId, userId);
  if (!team) return [];
  return db
    .selectFrom('team_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', (eb) => eb.val('teammate').as('role')])
    .where('m.team_id', '=', team.id)
    .where('m.left_at', 'is', null)
    .where('m.user_id', '!=', userId)
    .execute()
    .then((rows) => rows.map((r) => ({ id: r.id, name: r.name, role: 'teammate' })));
}

/** A team meeting: the organiser is a live member of that team, and invites only its members. */
export async function checkTeamMeeting(
  db: Db,
  programmeId: string,
  userId: string,
  teamId: string,
  participantIds: string[],
) {
  const team = await teamIn(db, programmeId, userId);
  if (team?.id !== teamId) throw refuse(403, 'team_not_teammate');
  const mates = new Set((await teammatesToInvite(db, programmeId, userId)).map((m) => m.id));
  if (participantIds.some((id) => id !== userId && !mates.has(id))) throw refuse(400, 'team_not_teammate');
}
