import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { nonEmpty } from '../policy/scope.ts';

/**
 * Places in a session with a capacity and a waiting list, one rule for the programmes' training
 * sessions (modules/training) and the networks' sessions (modules/networks): each names its two
 * tables, which share these columns. A person takes a place, or the next one on the waiting list
 * once the session is full; a place given back before the start goes to the first waiting, in the
 * order they queued. Capacity holds under concurrent registrations: the caller's transaction locks
 * the session's row on PostgreSQL (SELECT … FOR UPDATE) before counting, so a second registration
 * waits for the first; SQLite runs one transaction at a time, the same guarantee.
 */

export interface PlaceTables {
  sessions: 'training_sessions' | 'network_sessions';
  places: 'training_registrations' | 'network_registrations';
}
type Places = PlaceTables['places'];

/** The session's row, locked until the transaction ends on PostgreSQL. */
export async function lockSession(dbKind: 'sqlite' | 'postgres', trx: Db, t: PlaceTables, id: string) {
  const q = trx
    .selectFrom(t.sessions)
    .select(['id', 'capacity', 'starts_at', 'ends_at', 'cancelled_at', 'registration_deadline', 'sequence'])
    .where('id', '=', id);
  return (dbKind === 'postgres' ? q.forUpdate() : q).executeTakeFirstOrThrow();
}

export async function registeredCount(db: Db, table: Places, sessionId: string) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('session_id', '=', sessionId)
    .where('status', '=', 'registered')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** How many are registered and waiting, per session. */
export async function countsOf(db: Db, table: Places, sessionIds: string[]) {
  const rows = await db
    .selectFrom(table)
    .select(['session_id', 'status', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('session_id', 'in', nonEmpty(sessionIds))
    .where('status', 'in', ['registered', 'waiting'])
    .groupBy(['session_id', 'status'])
    .execute();
  const out = new Map<string, { registered: number; waiting: number }>();
  for (const id of sessionIds) out.set(id, { registered: 0, waiting: 0 });
  for (const r of rows) {
    const c = out.get(r.session_id);
    if (c) c[r.status as 'registered' | 'waiting'] = Number(r.n);
  }
  return out;
}

/** A waiting person's position on the list: 1 for the first. */
export async function positionOf(
  db: Db,
  table: Places,
  r: { session_id: string; queued_at: string; id: string },
) {
  const ahead = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('session_id', '=', r.session_id)
    .where('status', '=', 'waiting')
    .where((eb) =>
      eb.or([
        eb('queued_at', '<', r.queued_at),
        eb.and([eb('queued_at', '=', r.queued_at), eb('id', '<', r.id)]),
      ]),
    )
    .executeTakeFirstOrThrow();
  return Number(ahead.n) + 1;
}

/** One person's row in a session, whatever its status. */
export function registrationOf(db: Db, table: Places, sessionId: string, userId: string) {
  return db
    .selectFrom(table)
    .select(['id', 'session_id', 'user_id', 'status', 'queued_at'])
    .where('session_id', '=', sessionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The person's places in these sessions (any status), with their waiting position. */
export async function placesOf(db: Db, table: Places, sessionIds: string[], userId: string) {
  const mine = await db
    .selectFrom(table)
    .select(['id', 'session_id', 'status', 'queued_at'])
    .where('session_id', 'in', nonEmpty(sessionIds))
    .where('user_id', '=', userId)
    .execute();
  const out = new Map<string, { id: string; status: string; position: number | null }>();
  for (const r of mine) {
    const position = r.status === 'waiting' ? await positionOf(db, table, r) : null;
    out.set(r.session_id, { id: r.id, status: r.status, position });
  }
  return out;
}

/** The first on the waiting list, if any. */
export function firstWaiting(db: Db, table: Places, sessionId: string) {
  return db
    .selectFrom(table)
    .select(['id', 'user_id', 'queued_at'])
    .where('session_id', '=', sessionId)
    .where('status', '=', 'waiting')
    .orderBy('queued_at')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
}

/**
 * Takes a place for a person in a session whose row the transaction locked: registered while the
 * registered stay under the capacity, waiting otherwise. A cancelled row of theirs is reused.
 * Returns the status, or null when they already hold a place or wait.
 */
export async function takePlace(
  trx: Db,
  table: Places,
  s: { id: string; capacity: number },
  person: { userId: string; orgId: string },
  at: string,
): Promise<'registered' | 'waiting' | null> {
  const before = await registrationOf(trx, table, s.id, person.userId);
  if (before && before.status !== 'cancelled') return null;
  const full = (await registeredCount(trx, table, s.id)) >= s.capacity;
  const status = full ? 'waiting' : 'registered';
  const values = {
    status,
    queued_at: at,
    registered_at: full ? null : at,
    cancelled_at: null,
    reminded_at: null,
  };
  if (before) {
    await trx.updateTable(table).set(values).where('id', '=', before.id).execute();
    if (table === 'training_registrations')
      await trx
        .updateTable('training_registrations')
        .set({ attendance: null, attendance_at: null })
        .where('id', '=', before.id)
        .execute();
  } else
    await trx
      .insertInto(table)
      .values({ id: newId(), session_id: s.id, org_id: person.orgId, user_id: person.userId, ...values })
      .execute();
  return status;
}

/** Gives a person's place back; returns what they held ('registered' promotes the next), or null. */
export async function givePlaceBack(trx: Db, table: Places, sessionId: string, userId: string, at: string) {
  const mine = await registrationOf(trx, table, sessionId, userId);
  if (!mine || mine.status === 'cancelled') return null;
  await trx
    .updateTable(table)
    .set({ status: 'cancelled', cancelled_at: at, registered_at: null })
    .where('id', '=', mine.id)
    .execute();
  return mine.status as 'registered' | 'waiting';
}

/**
 * Fills free places from the waiting list, first come first served, while the session is open to
 * change (not cancelled, not started); `promoted` tells each person who got a place.
 */
export async function promoteWaiting(
  trx: Db,
  table: Places,
  s: { id: string; capacity: number; starts_at: string; cancelled_at: string | null },
  now: Date,
  promoted: (userId: string) => Promise<void>,
) {
  if (s.cancelled_at || now.toISOString() >= s.starts_at) return;
  let free = s.capacity - (await registeredCount(trx, table, s.id));
  while (free > 0) {
    const next = await firstWaiting(trx, table, s.id);
    if (!next) return;
    await trx
      .updateTable(table)
      .set({ status: 'registered', registered_at: now.toISOString() })
      .where('id', '=', next.id)
      .execute();
    await promoted(next.user_id);
    free -= 1;
  }
}

const DAY = 86_400_000;

/**
 * The day-before reminders: everyone registered for a live session starting within the next day,
 * not reminded yet, is reminded once — `remind` runs in the transaction that writes the reminder's
 * instant, and only where it was still empty.
 */
export async function remindDayBefore(
  db: Db,
  t: PlaceTables,
  now: Date,
  remind: (trx: Db, r: { user_id: string; session_id: string; sequence: number }) => Promise<void>,
) {
  const sessions = await db
    .selectFrom(t.sessions)
    .select(['id', 'sequence'])
    .where('cancelled_at', 'is', null)
    .where('starts_at', '>', now.toISOString())
    .where('starts_at', '<=', new Date(now.getTime() + DAY).toISOString())
    .execute();
  const sequences = new Map(sessions.map((s) => [s.id, s.sequence]));
  const places = await db
    .selectFrom(t.places)
    .select(['id', 'user_id', 'session_id'])
    .where('session_id', 'in', nonEmpty([...sequences.keys()]))
    .where('status', '=', 'registered')
    .where('reminded_at', 'is', null)
    .execute();
  const due = places.map((p) => ({ ...p, sequence: sequences.get(p.session_id) ?? 0 }));
  for (const r of due) {
    await db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable(t.places)
        .set({ reminded_at: now.toISOString() })
        .where('id', '=', r.id)
        .where('reminded_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return;
      await remind(trx, r);
    });
  }
}
