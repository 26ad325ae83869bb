import type { Db } from '../../db/index.ts';
import { timeSources } from './queries.ts';
import { type TimeSources, type Times, timesFromSources } from './sources.ts';

/**
 * The busy and if-need-be times of several people over a range, as the slot finder and the
 * matching read them: their rules expanded on the organisation's clock, their calendars, the
 * programme's busy events and their confirmed meetings (sources.ts puts them together).
 */

/**
 * Busy and if-need-be times of several people between two instants, in one query per source
 * whatever their number: their rules (expanded on the clock of `range.zone`), their calendars, the
 * programme's busy events and their confirmed meetings. `declared` says whether the person keeps any
 * rule or calendar of their own: without one, their times say nothing about their habits.
 */
export async function timesOf(
  db: Db,
  orgId: string,
  programmeId: string,
  userIds: string[],
  range: { from: string; to: string; zone: string },
): Promise<Map<string, Times & { declared: boolean }>> {
  return timesFromSources(await timeSources(db, orgId, programmeId, userIds, range), userIds, range);
}

/** Busy and if-need-be times of each person between two instants: rules, calendars, programme events and confirmed meetings. */
export async function busyTimes(
  db: Db,
  orgId: string,
  programmeId: string,
  userIds: string[],
  range: { from: string; to: string; zone: string },
): Promise<Map<string, Times>> {
  const times = await timesOf(db, orgId, programmeId, userIds, range);
  return new Map([...times].map(([id, { busy, ifNeedBe }]) => [id, { busy, ifNeedBe }]));
}

/**
 * The rows the times of several people are made of, for a caller that puts them together on a
 * worker thread (the slot finder: compute/worker.ts `slotSearch`).
 */
export function timeSourcesOf(
  db: Db,
  orgId: string,
  programmeId: string,
  userIds: string[],
  range: { from: string; to: string; zone: string },
): Promise<TimeSources> {
  return timeSources(db, orgId, programmeId, userIds, range);
}
