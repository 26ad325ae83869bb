import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { notFound } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { seesTeam, teamActions, teamRelation } from './policy.ts';
import { liveMemberIds } from './queries.ts';

// A team reached through the actor's scope: its programme loaded as the actor may see it (404 out
// of scope), then the team shown to its members and its coordination only (404 for anyone else).

export const findTeam = (db: Db, id: string) =>
  db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();

export async function loadTeamFor(ctx: AppContext, actor: UserActor, teamId: string) {
  const team = await findTeam(ctx.db, teamId);
  if (!team) throw notFound('team');
  const programme = await loadProgrammeFor(ctx, actor, team.programme_id);
  const memberIds = await liveMemberIds(ctx.db, team.id);
  const relation = teamRelation(actor, programme, team, memberIds);
  if (!seesTeam(relation)) throw notFound('team');
  return { team, programme, memberIds, relation, actions: teamActions(actor, programme, team, relation) };
}
export type LoadedTeam = Awaited<ReturnType<typeof loadTeamFor>>;

/** The people of the organisation with their names, for the given ids. */
export async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
