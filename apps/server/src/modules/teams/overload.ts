import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { coordinatorsOf } from '../programmes/queries.ts';
import { loadTeamFor } from './load.ts';
import { closesOverload } from './policy.ts';
import { overloadClosedNotice, overloadNotice } from './texts.ts';

// "Je suis surchargé·e": a member says their load is too heavy, with an optional message. The team
// and the programme's coordination see it on the team's page (and are told by a notice); its author
// or the coordination closes it with a note.

export async function overloadsOf(db: Db, actor: UserActor, p: Programme, teamId: string) {
  const rows = await db
    .selectFrom('team_overloads as o')
    .leftJoin('users as a', 'a.id', 'o.author_id')
    .leftJoin('users as c', 'c.id', 'o.closed_by')
    .select([
      'o.id',
      'o.author_id',
      'a.name as author_name',
      'o.message',
      'o.created_at',
      'o.closed_at',
      'o.closed_by',
      'c.name as closer_name',
      'o.close_note',
    ])
    .where('o.team_id', '=', teamId)
    .orderBy('o.created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((o) => ({
    id: o.id,
    author: o.author_id ? { id: o.author_id, name: o.author_name ?? '' } : null,
    message: o.message,
    createdAt: o.created_at,
    closedAt: o.closed_at,
    closedBy: o.closed_by ? { id: o.closed_by, name: o.closer_name ?? '' } : null,
    note: o.close_note,
    actions: { close: closesOverload(actor, p, o) },
  }));
}

/** The team's other members and the programme's coordination, who hear of an overload request. */
async function audienceOf(db: Db, programmeId: string, memberIds: string[], authorId: string) {
  return [...new Set([...memberIds, ...(await coordinatorsOf(db, programmeId))])].filter(
    (id) => id !== authorId,
  );
}

export async function raiseOverload(
  ctx: AppContext,
  actor: UserActor,
  teamId: string,
  message: string | null,
) {
  const { team, programme: p, memberIds, actions } = await loadTeamFor(ctx, actor, teamId);
  if (!actions.raiseOverload) throw forbidden();
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('team_overloads')
      .values({
        id,
        team_id: team.id,
        org_id: p.org_id,
        programme_id: p.id,
        author_id: actor.id,
        message: message || null,
        created_at: now.toISOString(),
        closed_at: null,
        closed_by: null,
        close_note: null,
      })
      .execute();
    for (const userId of await audienceOf(trx, p.id, memberIds, actor.id)) {
      await notify(
        trx,
        {
          userId,
          orgId: p.org_id,
          kind: 'alert',
          key: `team-overload:${id}:${userId}`,
          link: `/equipes/${team.id}`,
          content: overloadNotice({ author: actor.name, team: team.name }),
        },
        now,
      );
    }
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'team.overload_raised',
      subjectType: 'team',
      subjectId: team.id,
    });
  });
  return { id };
}

export async function closeOverload(
  ctx: AppContext,
  actor: UserActor,
  teamId: string,
  requestId: string,
  note: string | null,
) {
  const { team, programme: p, memberIds } = await loadTeamFor(ctx, actor, teamId);
  const o = await ctx.db
    .selectFrom('team_overloads as o')
    .leftJoin('users as a', 'a.id', 'o.author_id')
    .select(['o.id', 'o.author_id', 'o.closed_at', 'a.name as author_name'])
    .where('o.id', '=', requestId)
    .where('o.team_id', '=', team.id)
    .executeTakeFirst();
  if (!o) throw notFound('team request');
  if (o.closed_at) throw refuse(409, 'team_request_closed');
  if (!closesOverload(actor, p, o)) throw forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('team_overloads')
      .set({ closed_at: now.toISOString(), closed_by: actor.id, close_note: note || null })
      .where('id', '=', o.id)
      .execute();
    const told = [...(o.author_id ? [o.author_id] : []), ...(await audienceOf(trx, p.id, memberIds, ''))];
    for (const userId of new Set(told.filter((id) => id !== actor.id))) {
      await notify(
        trx,
        {
          userId,
          orgId: p.org_id,
          kind: 'message',
          key: `team-overload-closed:${o.id}:${userId}`,
          link: `/equipes/${team.id}`,
          content: overloadClosedNotice({ author: o.author_name ?? '', team: team.name, by: actor.name }),
        },
        now,
      );
    }
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'team.overload_closed',
      subjectType: 'team',
      subjectId: team.id,
    });
  });
}
