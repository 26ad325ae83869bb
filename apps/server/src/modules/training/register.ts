import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { notFound, refuse } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import {
  givePlaceBack,
  lockSession,
  type PlaceTables,
  promoteWaiting as promoteFromList,
  registrationOf,
  takePlace,
} from '../../sessions/places.ts';
import { enqueueMails } from './mails.ts';
import { tellOfSession } from './notices.ts';
import { isTutorIn, registrationOpen } from './policy.ts';
import type { SessionRow } from './queries.ts';
import { loadSessionFor } from './service.ts';

/**
 * A tutor takes a place in a session, or the next place on its waiting list once it is full, and
 * gives it back before the start, which promotes the first person waiting (told by notice and by
 * e-mail with the invitation). The places, the waiting list and the row lock that holds the
 * capacity under concurrent registrations are `sessions/places.ts`, shared with the networks.
 */

const TABLES: PlaceTables = { sessions: 'training_sessions', places: 'training_registrations' };

/** Registers the actor, or puts them on the waiting list; returns where they are. */
export async function register(ctx: AppContext, actor: UserActor, sessionId: string) {
  const { s, p } = await loadSessionFor(ctx, actor, sessionId);
  if (!isTutorIn(actor, p)) throw refuse(403, 'training_not_tutor');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSession(ctx.dbKind, trx, TABLES, s.id);
    if (!registrationOpen(locked, p, now)) throw refuse(409, 'training_not_open');
    const person = { userId: actor.id, orgId: s.org_id };
    const status = await takePlace(trx, TABLES.places, locked, person, now.toISOString());
    if (!status) throw refuse(409, 'training_already_registered');
    if (status === 'registered') await enqueueMails(trx, locked, [actor.id], 'registered', now);
    return { status };
  });
}

/** Gives the actor's place back before the start; the first person waiting takes it. */
export async function cancelRegistration(ctx: AppContext, actor: UserActor, sessionId: string) {
  const { s } = await loadSessionFor(ctx, actor, sessionId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSession(ctx.dbKind, trx, TABLES, s.id);
    const mine = await registrationOf(trx, TABLES.places, s.id, actor.id);
    if (!mine || mine.status === 'cancelled') throw notFound('registration');
    if (locked.cancelled_at) throw refuse(409, 'training_cancelled');
    if (now.toISOString() >= locked.starts_at) throw refuse(409, 'training_started');
    const held = await givePlaceBack(trx, TABLES.places, s.id, actor.id, now.toISOString());
    if (held === 'registered') await promoteWaiting(trx, { ...s, ...locked }, now);
  });
}

/**
 * Fills free places from the waiting list (`sessions/places.ts`); each person promoted is told by
 * notice and by e-mail.
 */
export async function promoteWaiting(trx: Db, s: SessionRow, now: Date) {
  await promoteFromList(trx, TABLES.places, s, now, async (userId) => {
    await enqueueMails(trx, s, [userId], 'promoted', now);
    await tellOfSession(trx, now, s, 'promoted', { registered: [userId], waiting: [] });
  });
}
