import type { Db } from '../../db/index.ts';
import type { AvailabilityRuleTable, CalendarSourceTable } from '../../db/types.ts';
import { nonEmpty } from '../../policy/scope.ts';

/**
 * The SQL of availability: a person's rules and calendars in an organisation, the programme's
 * events, the calendar feed, and everything the times of several people are read from.
 */

export type OwnTable = 'availability_rules' | 'calendar_sources';

/** What the availability page shows: the person's rules, calendars, coming events and feed. */
export function ownAvailability(db: Db, orgId: string, userId: string, programmeIds: string[], now: string) {
  return Promise.all([
    db
      .selectFrom('availability_rules')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('calendar_sources')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('programme_events')
      .selectAll()
      .where('programme_id', 'in', nonEmpty(programmeIds))
      .where('ends_at', '>', now)
      .orderBy('starts_at')
      .limit(50)
      .execute(),
    db.selectFrom('calendar_feeds').select('user_id').where('user_id', '=', userId).executeTakeFirst(),
  ]);
}

export async function insertRule(db: Db, row: AvailabilityRuleTable) {
  await db.insertInto('availability_rules').values(row).execute();
}

/** "repos le lendemain de garde": the day after every night shift of the person; how many changed. */
export async function setRestAfterNightShifts(db: Db, orgId: string, userId: string, restAfter: boolean) {
  const res = await db
    .updateTable('availability_rules')
    .set({ rest_after: restAfter ? 1 : 0 })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('category', '=', 'night-shift')
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Deletes one of the person's own rules or calendars; how many went (0 or 1). */
export async function deleteOwn(db: Db, table: OwnTable, id: string, orgId: string, userId: string) {
  const res = await db
    .deleteFrom(table)
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

export async function insertCalendar(db: Db, row: CalendarSourceTable) {
  await db.insertInto('calendar_sources').values(row).execute();
}

/** Subscribed calendars never read, or last read before `staleBefore`. */
export function staleSubscriptions(db: Db, staleBefore: string) {
  return db
    .selectFrom('calendar_sources')
    .select(['id', 'org_id', 'url', 'fetched_at'])
    .where('kind', '=', 'url')
    .where((eb) => eb.or([eb('fetched_at', 'is', null), eb('fetched_at', '<', staleBefore)]))
    .limit(200)
    .execute();
}

export async function updateCalendar(
  db: Db,
  id: string,
  set: { busy?: string; fetched_at: string; last_error: string | null },
) {
  await db.updateTable('calendar_sources').set(set).where('id', '=', id).execute();
}

/** Replaces the person's calendar feed (the old address stops working). */
export async function replaceFeed(db: Db, userId: string, tokenHash: string, now: string) {
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendar_feeds').where('user_id', '=', userId).execute();
    await trx
      .insertInto('calendar_feeds')
      .values({ user_id: userId, token_hash: tokenHash, created_at: now })
      .execute();
  });
}

/**
 * Everything the times of several people are made of, one query per source: their rules and
 * calendars, the programme's busy events and their confirmed meetings within the range.
 */
export function timeSources(
  db: Db,
  orgId: string,
  programmeId: string,
  userIds: string[],
  range: { from: string; to: string },
) {
  const ids = nonEmpty(userIds);
  return Promise.all([
    db
      .selectFrom('availability_rules')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', 'in', ids)
      .execute(),
    db
      .selectFrom('calendar_sources')
      .select(['user_id', 'busy'])
      .where('org_id', '=', orgId)
      .where('user_id', 'in', ids)
      .execute(),
    db
      .selectFrom('programme_events')
      .select(['starts_at', 'ends_at'])
      .where('programme_id', '=', programmeId)
      .where('busy', '=', 1)
      .where('ends_at', '>', range.from)
      .where('starts_at', '<', range.to)
      .execute(),
    db
      .selectFrom('meetings')
      .innerJoin('meeting_participants', 'meeting_participants.meeting_id', 'meetings.id')
      .select(['meeting_participants.user_id', 'meetings.starts_at', 'meetings.ends_at'])
      .where('meetings.status', '=', 'confirmed')
      .where('meeting_participants.user_id', 'in', ids)
      .where('meetings.ends_at', '>', range.from)
      .where('meetings.starts_at', '<', range.to)
      .execute(),
  ]);
}

/** The start of the programme's current cohort (the latest not archived), if any. */
export async function currentCohortStart(db: Db, programmeId: string): Promise<string | null> {
  const current = await db
    .selectFrom('cohorts')
    .select('starts_on')
    .where('programme_id', '=', programmeId)
    .where('archived_at', 'is', null)
    .orderBy('starts_on', 'desc')
    .executeTakeFirst();
  return current?.starts_on ?? null;
}
