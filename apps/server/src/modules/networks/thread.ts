import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { nonEmpty } from '../../policy/scope.ts';
import { audit } from '../audit/service.ts';
import { type LoadedNetwork, loadNetworkFor } from './load.ts';

// A network's thread (the confidentiality table's `networkThread` row): the members of the member
// teams and their coordination read and write it; each message names its author, their team and
// organisation. Nobody is e-mailed or notified per message (a national network would flood them):
// each reader sees how many they have not read, in their list of networks and on the network.
// Its author deletes their message; the creating organisation's coordination hides one (audited).

const PAGE = 50;

/** Unread messages per network for a reader: written by others after they last read the thread. */
export async function unreadInNetworks(db: Db, networkIds: string[], readerId: string) {
  const rows = await db
    .selectFrom('network_messages as m')
    .leftJoin('network_thread_reads as r', (j) =>
      j.onRef('r.network_id', '=', 'm.network_id').on('r.user_id', '=', readerId),
    )
    .select(['m.network_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('m.network_id', 'in', nonEmpty(networkIds))
    .where('m.erased_at', 'is', null)
    .where('m.hidden_at', 'is', null)
    .where((eb) => eb.or([eb('m.author_id', '!=', readerId), eb('m.author_id', 'is', null)]))
    .where((eb) => eb.or([eb('r.read_at', 'is', null), eb('m.created_at', '>', eb.ref('r.read_at'))]))
    .groupBy('m.network_id')
    .execute();
  return new Map(rows.map((r) => [r.network_id, Number(r.n)]));
}

async function markRead(db: Db, networkId: string, userId: string, at: string) {
  await db
    .insertInto('network_thread_reads')
    .values({ network_id: networkId, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(['network_id', 'user_id']).doUpdateSet({ read_at: at }))
    .execute();
}

/** The newest messages (a page of 50; `before` an earlier message's id for the page before), oldest first. */
export async function readNetworkThread(
  ctx: AppContext,
  actor: UserActor,
  networkId: string,
  before?: string,
) {
  const l = await loadNetworkFor(ctx, actor, networkId);
  let q = ctx.db
    .selectFrom('network_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .leftJoin('teams as t', 't.id', 'm.team_id')
    .innerJoin('organisations as o', 'o.id', 'm.org_id')
    .select([
      'm.id',
      'm.author_id',
      'u.name as author_name',
      't.name as team_name',
      'o.name as org_name',
      'm.body',
      'm.erased_at',
      'm.hidden_at',
      'm.created_at',
    ])
    .where('m.network_id', '=', l.network.id);
  if (before) {
    const b = await ctx.db
      .selectFrom('network_messages')
      .select(['created_at', 'id'])
      .where('id', '=', before)
      .where('network_id', '=', l.network.id)
      .executeTakeFirst();
    if (!b) throw notFound('thread');
    q = q.where((eb) =>
      eb.or([
        eb('m.created_at', '<', b.created_at),
        eb.and([eb('m.created_at', '=', b.created_at), eb('m.id', '<', b.id)]),
      ]),
    );
  }
  const rows = await q
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(PAGE + 1)
    .execute();
  if (!before) await markRead(ctx.db, l.network.id, actor.id, ctx.clock.now().toISOString());
  const live = l.network.archived_at === null;
  return {
    more: rows.length > PAGE,
    open: l.actions.write,
    messages: rows
      .slice(0, PAGE)
      .reverse()
      .map((m) => {
        const gone = m.erased_at !== null || m.hidden_at !== null;
        return {
          id: m.id,
          author:
            m.author_id && m.author_name
              ? { name: m.author_name, team: m.team_name, organisation: m.org_name }
              : null,
          mine: m.author_id === actor.id,
          body: gone ? '' : m.body,
          erased: m.erased_at !== null,
          hidden: m.hidden_at !== null,
          at: m.created_at,
          actions: {
            delete: m.author_id === actor.id && !gone,
            hide: live && l.standing.owner && !gone && m.author_id !== actor.id,
          },
        };
      }),
  };
}

/** A new message's row: its author, their team and organisation when writing, its text. */
export const messageRow = (m: {
  id: string;
  networkId: string;
  authorId: string;
  teamId: string | null;
  orgId: string;
  body: string;
  at: string;
}) => ({
  id: m.id,
  network_id: m.networkId,
  author_id: m.authorId,
  team_id: m.teamId,
  org_id: m.orgId,
  body: m.body,
  created_at: m.at,
  erased_at: null,
  hidden_at: null,
  hidden_by: null,
});

/** The team and organisation a message is written for: the author's team, else one they coordinate. */
const writingFor = (l: LoadedNetwork) => {
  const t = l.standing.memberOf[0] ?? l.standing.manages[0];
  return { teamId: t?.teamId ?? null, orgId: t?.orgId ?? l.network.org_id };
};

export async function postNetworkMessage(ctx: AppContext, actor: UserActor, networkId: string, body: string) {
  const l = await loadNetworkFor(ctx, actor, networkId);
  if (l.network.archived_at) throw refuse(409, 'network_archived');
  if (!l.actions.write) throw forbidden();
  const at = ctx.clock.now().toISOString();
  const id = newId();
  const { teamId, orgId } = writingFor(l);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('network_messages')
      .values(messageRow({ id, networkId: l.network.id, authorId: actor.id, teamId, orgId, body, at }))
      .execute();
    await markRead(trx, l.network.id, actor.id, at);
  });
  return { id, at };
}

/** A message of a network the actor sees (404 otherwise), with the network. */
async function messageFor(ctx: AppContext, actor: UserActor, networkId: string, messageId: string) {
  const l = await loadNetworkFor(ctx, actor, networkId);
  const m = await ctx.db
    .selectFrom('network_messages')
    .selectAll()
    .where('id', '=', messageId)
    .where('network_id', '=', l.network.id)
    .executeTakeFirst();
  if (!m) throw notFound('network_message');
  return { l, m };
}

/** Its author deletes their message: its text goes, the place in the thread stays. */
export async function deleteNetworkMessage(
  ctx: AppContext,
  actor: UserActor,
  networkId: string,
  messageId: string,
) {
  const { m } = await messageFor(ctx, actor, networkId, messageId);
  if (m.author_id !== actor.id) throw forbidden();
  await ctx.db
    .updateTable('network_messages')
    .set({ body: '', erased_at: ctx.clock.now().toISOString() })
    .where('id', '=', m.id)
    .where('erased_at', 'is', null)
    .execute();
}

/** The creating organisation's coordination hides a message from everyone (audited). */
export async function hideNetworkMessage(
  ctx: AppContext,
  actor: UserActor,
  networkId: string,
  messageId: string,
) {
  const { l, m } = await messageFor(ctx, actor, networkId, messageId);
  if (!l.actions.hideMessages) throw forbidden();
  if (m.hidden_at || m.erased_at) throw refuse(409, 'network_message_gone');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('network_messages')
      .set({ hidden_at: now.toISOString(), hidden_by: actor.id })
      .where('id', '=', m.id)
      .execute();
    await audit(trx, now, {
      orgId: l.network.org_id,
      actorId: actor.id,
      action: 'network.message_hidden',
      subjectType: 'network_message',
      subjectId: m.id,
      meta: { networkId: l.network.id, authorOrgId: m.org_id },
    });
  });
}
