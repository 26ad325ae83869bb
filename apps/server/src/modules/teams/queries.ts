import type { Db } from '../../db/index.ts';

/** The live team of a person in an organisation, if any. */
export async function liveTeamOf(db: Db, orgId: string, userId: string) {
  return db
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['t.id', 't.programme_id', 't.name'])
    .where('m.org_id', '=', orgId)
    .where('m.user_id', '=', userId)
    .where('m.left_at', 'is', null)
    .where('t.archived_at', 'is', null)
    .executeTakeFirst();
}

/** The people in a team now. */
export async function liveMemberIds(db: Db, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members')
    .select('user_id')
    .where('team_id', '=', teamId)
    .where('left_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The people in the same live team as a person, themselves excluded (none outside a team). */
export async function teammatesOf(db: Db, orgId: string, userId: string): Promise<string[]> {
  const team = await liveTeamOf(db, orgId, userId);
  if (!team) return [];
  return (await liveMemberIds(db, team.id)).filter((id) => id !== userId);
}
