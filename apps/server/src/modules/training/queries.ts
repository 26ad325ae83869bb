import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { nonEmpty } from '../../policy/scope.ts';
import { positionOf } from '../../sessions/places.ts';

// The SQL of training sessions. Every read takes a programme or a session already reached through
// the actor's Scope (service.ts); the sweep and the mail job read by id.

/** A session with its organisation's zone; undefined when there is none of that id. */
export function sessionById(db: Db, id: string) {
  return db
    .selectFrom('training_sessions as s')
    .innerJoin('organisations as o', 'o.id', 's.org_id')
    .selectAll('s')
    .select('o.time_zone')
    .where('s.id', '=', id)
    .executeTakeFirst();
}
export type SessionRow = NonNullable<Awaited<ReturnType<typeof sessionById>>>;

/** A programme's sessions, soonest first; `since` keeps those ending after it. */
export function sessionsOf(db: Db, programmeId: string, opts: { since?: string; live?: boolean }) {
  let q = db
    .selectFrom('training_sessions as s')
    .innerJoin('organisations as o', 'o.id', 's.org_id')
    .selectAll('s')
    .select('o.time_zone')
    .where('s.programme_id', '=', programmeId);
  if (opts.since) q = q.where('s.ends_at', '>=', opts.since);
  if (opts.live) q = q.where('s.cancelled_at', 'is', null);
  return q.orderBy('s.starts_at').orderBy('s.id').execute();
}

/** The person's live places (registered or waiting) in these sessions, with their waiting position. */
export async function placesOf(db: Db, sessionIds: string[], userId: string) {
  const mine = await db
    .selectFrom('training_registrations')
    .selectAll()
    .where('session_id', 'in', nonEmpty(sessionIds))
    .where('user_id', '=', userId)
    .execute();
  const out = new Map<string, { status: string; position: number | null; attendance: string | null }>();
  for (const r of mine) {
    const position = r.status === 'waiting' ? await positionOf(db, 'training_registrations', r) : null;
    out.set(r.session_id, { status: r.status, position, attendance: r.attendance });
  }
  return out;
}

/** The registered and waiting people of a session, in their order. */
export function peopleOf(db: Db, sessionId: string) {
  return db
    .selectFrom('training_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.user_id', 'r.status', 'r.attendance', 'r.queued_at', 'u.name', 'u.email', 'u.locale'])
    .where('r.session_id', '=', sessionId)
    .where('r.status', 'in', ['registered', 'waiting'])
    .orderBy('r.queued_at')
    .orderBy('r.id')
    .execute();
}

/**
 * The programme's tutors now who were never marked present at an initial training of the
 * organisation (any programme of it), with whether they are registered for one still to come.
 */
export async function untrainedTutors(db: Db, p: { id: string; org_id: string }, nowIso: string) {
  const trained = db
    .selectFrom('training_registrations as r')
    .innerJoin('training_sessions as s', 's.id', 'r.session_id')
    .select('r.user_id')
    .where('s.org_id', '=', p.org_id)
    .where('s.kind', '=', 'initial')
    .where('r.attendance', '=', 'present');
  const tutors = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', sql<string>`min(m.created_at)`.as('since')])
    .where('m.programme_id', '=', p.id)
    .where('m.role', '=', 'tutor')
    .where('m.ended_at', 'is', null)
    .where('u.erased_at', 'is', null)
    .where('m.user_id', 'not in', trained)
    .groupBy(['u.id', 'u.name'])
    .execute();
  const coming = await db
    .selectFrom('training_registrations as r')
    .innerJoin('training_sessions as s', 's.id', 'r.session_id')
    .select('r.user_id')
    .where('s.org_id', '=', p.org_id)
    .where('s.kind', '=', 'initial')
    .where('s.cancelled_at', 'is', null)
    .where('s.starts_at', '>', nowIso)
    .where('r.status', '=', 'registered')
    .where('r.user_id', 'in', nonEmpty(tutors.map((t) => t.id)))
    .execute();
  const registered = new Set(coming.map((r) => r.user_id));
  return tutors
    .map((t) => ({ id: t.id, name: t.name, tutorSince: t.since, registeredForInitial: registered.has(t.id) }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
