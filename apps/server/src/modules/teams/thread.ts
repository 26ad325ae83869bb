import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { loadTeamFor } from './load.ts';
import { newMessageNotice } from './texts.ts';

// The team's thread (the confidentiality table's `teamThread` row): every live member reads and
// writes it, new members read its history; the coordination does not read it. The others are told
// of the first message they have not read, by its writer's name, never its content.

/** Unread messages of the team for a reader: written by others after they last read (or joined). */
export async function unreadInTeams(db: Db, teamIds: string[], readerId: string) {
  if (teamIds.length === 0) return new Map<string, number>();
  const rows = await db
    .selectFrom('team_messages as m')
    .innerJoin('team_members as tm', (j) =>
      j.onRef('tm.team_id', '=', 'm.team_id').on('tm.user_id', '=', readerId).on('tm.left_at', 'is', null),
    )
    .leftJoin('team_thread_reads as r', (j) =>
      j.onRef('r.team_id', '=', 'm.team_id').on('r.user_id', '=', readerId),
    )
    .select(['m.team_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('m.team_id', 'in', teamIds)
    .where((eb) => eb.or([eb('m.author_id', '!=', readerId), eb('m.author_id', 'is', null)]))
    .where((eb) =>
      eb.or([
        eb.and([eb('r.read_at', 'is', null), eb('m.created_at', '>=', eb.ref('tm.joined_at'))]),
        eb('m.created_at', '>', eb.ref('r.read_at')),
      ]),
    )
    .groupBy('m.team_id')
    .execute();
  return new Map(rows.map((r) => [r.team_id, Number(r.n)]));
}

async function markRead(db: Db, teamId: string, userId: string, at: string) {
  await db
    .insertInto('team_thread_reads')
    .values({ team_id: teamId, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ read_at: at }))
    .execute();
}

async function threadTeam(ctx: AppContext, actor: UserActor, teamId: string) {
  const t = await loadTeamFor(ctx, actor, teamId);
  if (!t.actions.readThread) throw notFound('thread');
  return t;
}

export async function readTeamThread(ctx: AppContext, actor: UserActor, teamId: string) {
  const { team, actions } = await threadTeam(ctx, actor, teamId);
  const rows = await ctx.db
    .selectFrom('team_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.author_id', 'u.name as author_name', 'm.body', 'm.erased_at', 'm.created_at'])
    .where('m.team_id', '=', team.id)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
  await markRead(ctx.db, team.id, actor.id, ctx.clock.now().toISOString());
  return {
    teamId: team.id,
    name: team.name,
    open: actions.write,
    messages: rows.map((m) => ({
      id: m.id,
      author: m.author_id ? { id: m.author_id, name: m.author_name ?? '' } : null,
      mine: m.author_id === actor.id,
      body: m.erased_at ? '' : m.body,
      erased: m.erased_at !== null,
      at: m.created_at,
    })),
  };
}

export async function postTeamMessage(ctx: AppContext, actor: UserActor, teamId: string, body: string) {
  const { team, actions, memberIds } = await threadTeam(ctx, actor, teamId);
  if (!actions.write) throw refuse(409, 'team_dissolved');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const others = memberIds.filter((m) => m !== actor.id);
    const waiting = new Map<string, number>();
    for (const o of others) waiting.set(o, (await unreadInTeams(trx, [team.id], o)).get(team.id) ?? 0);
    await trx
      .insertInto('team_messages')
      .values({ id, team_id: team.id, author_id: actor.id, body, created_at: at, erased_at: null })
      .execute();
    await markRead(trx, team.id, actor.id, at);
    for (const o of others) {
      if ((waiting.get(o) ?? 0) > 0) continue;
      await notify(
        trx,
        {
          userId: o,
          orgId: team.org_id,
          kind: 'message',
          key: `team-thread:${team.id}:${id}:${o}`,
          link: `/equipes/${team.id}`,
          content: newMessageNotice({ author: actor.name, team: team.name }),
        },
        now,
      );
    }
  });
  return { id, at };
}
