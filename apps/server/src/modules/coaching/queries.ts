import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import { nonEmpty } from '../../policy/scope.ts';

/** A coaching with its two tutors' names. */
const withNames = (db: Db) =>
  db
    .selectFrom('tutor_coachings as c')
    .innerJoin('users as coach', 'coach.id', 'c.coach_id')
    .innerJoin('users as nt', 'nt.id', 'c.new_tutor_id')
    .selectAll('c')
    .select(['coach.name as coach_name', 'nt.name as new_tutor_name']);

export type CoachingRow = Awaited<ReturnType<typeof coachingById>> & object;

export const coachingById = (db: Db, id: string) => withNames(db).where('c.id', '=', id).executeTakeFirst();

/** The programme's coachings running now. */
export const liveCoachings = (db: Db, programmeId: string) =>
  withNames(db).where('c.programme_id', '=', programmeId).where('c.ended_at', 'is', null).execute();

/** The programme's coachings that ended after `since`, newest first. */
export const endedCoachings = (db: Db, programmeId: string, since: string) =>
  withNames(db)
    .where('c.programme_id', '=', programmeId)
    .where('c.ended_at', '>=', since)
    .orderBy('c.ended_at', 'desc')
    .limit(100)
    .execute();

/** The person's running coachings in a programme, as coach or as new tutor. */
export const coachingsOf = (db: Db, programmeId: string, userId: string) =>
  withNames(db)
    .where('c.programme_id', '=', programmeId)
    .where('c.ended_at', 'is', null)
    .where((eb) => eb.or([eb('c.coach_id', '=', userId), eb('c.new_tutor_id', '=', userId)]))
    .orderBy('c.started_at')
    .execute();

/**
 * The programme's live tutors with the day they first became a tutor anywhere in the organisation
 * (their experience counts across its programmes, ended ones included).
 */
export async function tutorsWithSince(db: Db, p: { id: string; org_id: string }) {
  const live = db
    .selectFrom('memberships')
    .select('user_id')
    .where('programme_id', '=', p.id)
    .where('role', '=', 'tutor')
    .where('ended_at', 'is', null);
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', sql<string>`min(m.created_at)`.as('since')])
    .where('m.org_id', '=', p.org_id)
    .where('m.role', '=', 'tutor')
    .where('m.user_id', 'in', live)
    .where('u.erased_at', 'is', null)
    .where('u.disabled_at', 'is', null)
    .groupBy(['u.id', 'u.name'])
    .execute();
}

/** How many coachings each person has given, running and all. */
export async function coachCounts(db: Db, programmeId: string, ids: string[]) {
  const rows = await db
    .selectFrom('tutor_coachings')
    .select([
      'coach_id',
      sql<number>`count(*)`.as('total'),
      sql<number>`sum(case when ended_at is null then 1 else 0 end)`.as('live'),
    ])
    .where('programme_id', '=', programmeId)
    .where('coach_id', 'in', nonEmpty(ids))
    .groupBy('coach_id')
    .execute();
  return new Map(rows.map((r) => [r.coach_id, { total: Number(r.total), live: Number(r.live) }]));
}

/** The live team members of the organisation, by person: who shares a team with whom. */
export async function teamOf(db: Db, orgId: string, ids: string[]) {
  const rows = await db
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['m.user_id', 'm.team_id'])
    .where('m.org_id', '=', orgId)
    .where('m.left_at', 'is', null)
    .where('t.archived_at', 'is', null)
    .where('m.user_id', 'in', nonEmpty(ids))
    .execute();
  return new Map(rows.map((r) => [r.user_id, r.team_id]));
}

/** Coachings whose year is over and that still run: the sweep ends them. */
export const dueCoachings = (db: Db, nowIso: string) =>
  db
    .selectFrom('tutor_coachings')
    .select(['id', 'org_id', 'programme_id', 'coach_id', 'new_tutor_id', 'ends_at'])
    .where('ended_at', 'is', null)
    .where('ends_at', '<=', nowIso)
    .limit(500)
    .execute();

/** Who should not be asked to coach now: away on `today` (the organisation's day) or saying they are overloaded. */
export async function unavailable(db: Db, ids: string[], today: string) {
  const [away, overloaded] = await Promise.all([
    db
      .selectFrom('absences')
      .select('user_id')
      .where('user_id', 'in', nonEmpty(ids))
      .where('cancelled_at', 'is', null)
      .where('start_on', '<=', today)
      .where('end_on', '>=', today)
      .execute(),
    db
      .selectFrom('team_overloads')
      .select('author_id as user_id')
      .where('author_id', 'in', nonEmpty(ids))
      .where('closed_at', 'is', null)
      .execute(),
  ]);
  return new Set([...away, ...overloaded].flatMap((r) => (r.user_id ? [r.user_id] : [])));
}
