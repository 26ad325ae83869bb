import type { AppContext } from '../../context.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { mayReadThread, threadOpen } from './policy.ts';
import {
  loadPairing,
  markRead,
  pairingsOf,
  type ThreadPairing,
  threadMessages,
  unreadCount,
  unreadCounts,
} from './queries.ts';
import type { ThreadView } from './schema.ts';
import { newMessageNotice } from './texts.ts';

/** The other person of the pair, seen from the actor. */
const otherOf = (p: ThreadPairing, actorId: string) =>
  actorId === p.tutor_user_id
    ? { id: p.tutee_user_id, name: p.tutee_name }
    : { id: p.tutor_user_id, name: p.tutor_name };

async function readablePairing(ctx: AppContext, actor: UserActor, pairingId: string) {
  const p = await loadPairing(ctx.db, pairingId);
  // Anyone else is told the thread does not exist, as for every record they may not read.
  if (!p || !mayReadThread(actor, p)) throw notFound('thread');
  return p;
}

/** The thread of a pair, for one of its two people; reading it marks it read. */
export async function readThread(ctx: AppContext, actor: UserActor, pairingId: string): Promise<ThreadView> {
  const p = await readablePairing(ctx, actor, pairingId);
  const rows = await threadMessages(ctx.db, p.id);
  await markRead(ctx.db, p.id, actor.id, ctx.clock.now().toISOString());
  return {
    pairingId: p.id,
    orgId: p.org_id,
    programme: { id: p.programme_id, name: p.programme_name },
    other: otherOf(p, actor.id),
    open: threadOpen(p),
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

/**
 * One of the pair writes to the other. The other is told (in-app, then as they chose) of the first
 * message they have not read; the next ones wait in the thread until they open it, so a run of
 * messages brings one notice.
 */
export async function postMessage(ctx: AppContext, actor: UserActor, pairingId: string, body: string) {
  const p = await readablePairing(ctx, actor, pairingId);
  if (!threadOpen(p)) throw refuse(409, 'thread_closed');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const id = newId();
  const to = otherOf(p, actor.id);
  await ctx.db.transaction().execute(async (trx) => {
    const waiting = await unreadCount(trx, p.id, to.id);
    await trx
      .insertInto('pair_messages')
      .values({ id, pairing_id: p.id, author_id: actor.id, body, created_at: at, erased_at: null })
      .execute();
    await markRead(trx, p.id, actor.id, at);
    if (waiting > 0) return;
    const author = actor.id === p.tutor_user_id ? p.tutor_name : p.tutee_name;
    await notify(
      trx,
      {
        userId: to.id,
        orgId: p.org_id,
        kind: 'message',
        key: `thread:${p.id}:${id}`,
        link: `/echanges/${p.id}`,
        content: newMessageNotice({ author, programme: p.programme_name }),
      },
      now,
    );
  });
  return { id, at };
}

/** The person's pair threads: every live pair, and ended ones where something was written. */
export async function myThreads(ctx: AppContext, actor: UserActor) {
  const rows = await pairingsOf(ctx.db, actor.id);
  const shown = rows.filter((p) => threadOpen(p) || p.last_at);
  const unread = await unreadCounts(
    ctx.db,
    shown.map((p) => p.id),
    actor.id,
  );
  const threads = shown.map((p) => ({
    pairingId: p.id,
    orgId: p.org_id,
    programme: { id: p.programme_id, name: p.programme_name },
    other: otherOf(p, actor.id),
    open: threadOpen(p),
    unread: unread.get(p.id) ?? 0,
    lastAt: (p.last_at as string | null) ?? null,
  }));
  return { threads };
}
