import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { enqueueMails } from './mails.ts';
import { tellOfSession } from './notices.ts';
import { isTutorIn, registrationOpen } from './policy.ts';
import { firstWaiting, registrationOf, type SessionRow } from './queries.ts';
import { loadSessionFor } from './service.ts';

/**
 * A tutor takes a place in a session, or the next place on its waiting list once it is full, and
 * gives it back before the start, which promotes the first person waiting (told by notice and by
 * e-mail with the invitation). Capacity holds under concurrent registrations: the transaction
 * locks the session's row on PostgreSQL (SELECT … FOR UPDATE) before counting, so a second
 * registration waits for the first; SQLite runs one transaction at a time, the same guarantee.
 */

async function lockSession(ctx: AppContext, trx: Db, id: string) {
  const q = trx.selectFrom('training_sessions').selectAll().where('id', '=', id);
  return (ctx.dbKind === 'postgres' ? q.forUpdate() : q).executeTakeFirstOrThrow();
}

async function registeredCount(trx: Db, sessionId: string) {
  const row = await trx
    .selectFrom('training_registrations')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('status', '=', 'registered')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Registers the actor, or puts them on the waiting list; returns where they are. */
export async function register(ctx: AppContext, actor: UserActor, sessionId: string) {
  const { s, p } = await loadSessionFor(ctx, actor, sessionId);
  if (!isTutorIn(actor, p)) throw refuse(403, 'training_not_tutor');
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSession(ctx, trx, s.id);
    if (!registrationOpen(locked, p, now)) throw refuse(409, 'training_not_open');
    const before = await registrationOf(trx, s.id, actor.id);
    if (before && before.status !== 'cancelled') throw refuse(409, 'training_already_registered');
    const full = (await registeredCount(trx, s.id)) >= locked.capacity;
    const status = full ? 'waiting' : 'registered';
    const values = {
      status,
      queued_at: at,
      registered_at: full ? null : at,
      cancelled_at: null,
      reminded_at: null,
      attendance: null,
      attendance_at: null,
    };
    if (before)
      await trx.updateTable('training_registrations').set(values).where('id', '=', before.id).execute();
    else
      await trx
        .insertInto('training_registrations')
        .values({ id: newId(), session_id: s.id, org_id: s.org_id, user_id: actor.id, ...values })
        .execute();
    if (!full) await enqueueMails(trx, locked, [actor.id], 'registered', now);
    return { status };
  });
}

/** Gives the actor's place back before the start; the first person waiting takes it. */
export async function cancelRegistration(ctx: AppContext, actor: UserActor, sessionId: string) {
  const { s } = await loadSessionFor(ctx, actor, sessionId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSession(ctx, trx, s.id);
    const mine = await registrationOf(trx, s.id, actor.id);
    if (!mine || mine.status === 'cancelled') throw notFound('registration');
    if (locked.cancelled_at) throw refuse(409, 'training_cancelled');
    if (now.toISOString() >= locked.starts_at) throw refuse(409, 'training_started');
    await trx
      .updateTable('training_registrations')
      .set({ status: 'cancelled', cancelled_at: now.toISOString(), registered_at: null })
      .where('id', '=', mine.id)
      .execute();
    if (mine.status === 'registered') await promoteWaiting(trx, { ...s, ...locked }, now);
  });
}

/**
 * Fills free places from the waiting list, first come first served, while the session is open to
 * change (not cancelled, not started); each person promoted is told by notice and by e-mail.
 */
export async function promoteWaiting(trx: Db, s: SessionRow, now: Date) {
  if (s.cancelled_at || now.toISOString() >= s.starts_at) return;
  let free = s.capacity - (await registeredCount(trx, s.id));
  while (free > 0) {
    const next = await firstWaiting(trx, s.id);
    if (!next) return;
    await trx
      .updateTable('training_registrations')
      .set({ status: 'registered', registered_at: now.toISOString() })
      .where('id', '=', next.id)
      .execute();
    await enqueueMails(trx, s, [next.user_id], 'promoted', now);
    await tellOfSession(trx, now, s, 'promoted', { registered: [next.user_id], waiting: [] });
    free -= 1;
  }
}
