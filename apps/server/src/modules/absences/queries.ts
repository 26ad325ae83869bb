import type { Db } from '../../db/index.ts';
import { readStringList } from '../../db/json.ts';
import { dayIn } from '../../domain/days.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';

// Every read of leave and replacement. A programme loaded through the actor's scope is the scope
// of these queries; the helpers other modules call (followup, meetings, people, matching) take the
// programme or organisation they already loaded.

export type AbsenceRow = Awaited<ReturnType<typeof absencesOf>>[number];
export type CoverRow = Awaited<ReturnType<typeof coversOf>>[number];

export async function zoneOf(db: Db, orgId: string): Promise<string> {
  const o = await db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return o?.time_zone ?? 'Europe/Paris';
}

/** A programme's absences not cancelled, optionally of one person, optionally still running on or after `fromDay`. */
export function absencesOf(db: Db, programmeId: string, o: { userId?: string; fromDay?: string } = {}) {
  let q = db
    .selectFrom('absences as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .selectAll('a')
    .select(['u.name as user_name'])
    .where('a.programme_id', '=', programmeId)
    .where('a.cancelled_at', 'is', null);
  if (o.userId) q = q.where('a.user_id', '=', o.userId);
  if (o.fromDay) q = q.where('a.end_on', '>=', o.fromDay);
  return q.orderBy('a.start_on').execute();
}

export function absenceById(db: Db, absenceId: string) {
  return db.selectFrom('absences').selectAll().where('id', '=', absenceId).executeTakeFirst();
}

/** The covers of some absences, with the tutee's and backup's names. */
export function coversOf(db: Db, absenceIds: string[]) {
  if (absenceIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('absence_covers as c')
    .innerJoin('users as t', 't.id', 'c.tutee_user_id')
    .leftJoin('users as b', 'b.id', 'c.backup_user_id')
    .selectAll('c')
    .select(['t.name as tutee_name', 'b.name as backup_name'])
    .where('c.absence_id', 'in', absenceIds)
    .orderBy('t.name')
    .execute();
}

export function coverById(db: Db, coverId: string) {
  return db
    .selectFrom('absence_covers as c')
    .innerJoin('absences as a', 'a.id', 'c.absence_id')
    .innerJoin('users as t', 't.id', 'c.tutee_user_id')
    .innerJoin('users as tutor', 'tutor.id', 'a.user_id')
    .selectAll('c')
    .select([
      'a.user_id as tutor_id',
      'tutor.name as tutor_name',
      't.name as tutee_name',
      'a.start_on',
      'a.end_on',
      'a.cancelled_at',
      'a.sent_at',
    ])
    .where('c.id', '=', coverId)
    .executeTakeFirst();
}

export const declinedOf = (c: { declined_by: string }) => readStringList(c.declined_by);

/** The live tutees of a tutor in a programme, by name. */
export function liveTuteesOf(db: Db, programmeId: string, tutorId: string) {
  return db
    .selectFrom('pairings as p')
    .innerJoin('users as u', 'u.id', 'p.tutee_user_id')
    .select(['p.id as pairing_id', 'u.id', 'u.name'])
    .where('p.programme_id', '=', programmeId)
    .where('p.tutor_user_id', '=', tutorId)
    .where('p.state', 'in', LIVE_PAIRING_STATES)
    .orderBy('u.name')
    .execute();
}

/** Live tutees per tutor of a programme. */
export async function liveLoads(db: Db, programmeId: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('pairings')
    .select('tutor_user_id')
    .where('programme_id', '=', programmeId)
    .where('state', 'in', LIVE_PAIRING_STATES)
    .execute();
  const out = new Map<string, number>();
  for (const r of rows) out.set(r.tutor_user_id, (out.get(r.tutor_user_id) ?? 0) + 1);
  return out;
}

/**
 * Covers asked or accepted (never drafts) of absences of the programme that share a day with
 * [startOn, endOn], per backup: the tutees a teammate already carries over that period.
 */
export async function coverLoads(
  db: Db,
  programmeId: string,
  startOn: string,
  endOn: string,
  except?: string,
) {
  let q = db
    .selectFrom('absence_covers as c')
    .innerJoin('absences as a', 'a.id', 'c.absence_id')
    .select('c.backup_user_id')
    .where('c.programme_id', '=', programmeId)
    .where('c.state', 'in', ['asked', 'accepted'])
    .where('a.cancelled_at', 'is', null)
    .where('a.start_on', '<=', endOn)
    .where('a.end_on', '>=', startOn);
  if (except) q = q.where('a.id', '!=', except);
  const out = new Map<string, number>();
  for (const r of await q.execute())
    if (r.backup_user_id) out.set(r.backup_user_id, (out.get(r.backup_user_id) ?? 0) + 1);
  return out;
}

/** The people of a programme absent on at least one day of [startOn, endOn]. */
export async function absentBetween(db: Db, programmeId: string, startOn: string, endOn: string) {
  const rows = await db
    .selectFrom('absences')
    .select(['user_id', 'start_on', 'end_on'])
    .where('programme_id', '=', programmeId)
    .where('cancelled_at', 'is', null)
    .where('start_on', '<=', endOn)
    .where('end_on', '>=', startOn)
    .execute();
  return rows;
}

/** The programme's live tutors with their capacity (their membership's, else null). */
export function tutorsOf(db: Db, programmeId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.name', 'm.capacity'])
    .where('m.programme_id', '=', programmeId)
    .where('m.role', '=', 'tutor')
    .where('m.ended_at', 'is', null)
    .orderBy('u.name')
    .execute();
}

/**
 * The covers running today in the programme's organisation: accepted, their absence not cancelled
 * and today between its first and last day. What the backup's rights rest on.
 */
export async function runningCovers(
  db: Db,
  programme: { id: string; org_id: string },
  now: Date,
  o: { backupId?: string; tuteeId?: string } = {},
) {
  const today = dayIn(now, await zoneOf(db, programme.org_id));
  let q = db
    .selectFrom('absence_covers as c')
    .innerJoin('absences as a', 'a.id', 'c.absence_id')
    .select([
      'c.id',
      'c.tutee_user_id',
      'c.backup_user_id',
      'a.user_id as tutor_id',
      'a.end_on',
      'a.start_on',
    ])
    .where('c.programme_id', '=', programme.id)
    .where('c.state', '=', 'accepted')
    .where('a.cancelled_at', 'is', null)
    .where('a.start_on', '<=', today)
    .where('a.end_on', '>=', today);
  if (o.backupId) q = q.where('c.backup_user_id', '=', o.backupId);
  if (o.tuteeId) q = q.where('c.tutee_user_id', '=', o.tuteeId);
  return q.execute();
}

/** The tutees a backup covers today in a programme (their tutor absent, the cover accepted). */
export async function coveredTutees(
  db: Db,
  programme: { id: string; org_id: string },
  backupId: string,
  now: Date,
): Promise<Set<string>> {
  return new Set((await runningCovers(db, programme, now, { backupId })).map((c) => c.tutee_user_id));
}
