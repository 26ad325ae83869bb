import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { rulesOf } from '../programmes/templates.ts';
import { heldMeetings } from './activity.ts';

/**
 * The pairs' own figures in the yearly review — for mentoring, the charter's commitments: meetings
 * per pair against the programme's minimum (rule `meetings.minimum`, counted over the period the
 * rule names: `meetingsAgainstMinimum`) and pairs completed against pairs ended early, during the year. The figures of a programme's
 * requests (received, matched, time to match) and of its signed charters join here, computed from
 * their own records, as those records come to exist.
 *
 * `pairs` and `meetings` are in the same order: the review's pairs and each one's meetings held.
 */
export function mentoringFigures(
  p: Programme,
  pairs: { state: string; ended_at: string | null }[],
  meetings: number[],
  periodEnd: string,
) {
  const minimum = rulesOf(p).meetings.minimum;
  const endedBy = (state: string) =>
    pairs.filter((x) => x.state === state && x.ended_at !== null && x.ended_at < periodEnd).length;
  return {
    meetingsMinimum: minimum,
    pairsAtMinimum: meetings.filter((n) => n >= minimum).length,
    pairsBelowMinimum: meetings.filter((n) => n < minimum).length,
    completed: endedBy('completed'),
    endedEarly: endedBy('ended'),
  };
}
export type MentoringFigures = ReturnType<typeof mentoringFigures>;

/**
 * Each pair's meetings as the programme's minimum counts them, in the order of `latest` (a pair's
 * latest pairing by its two people): over the review year, or — a minimum set for the whole
 * relationship (`per: 'programme'`, the mentoring charter's "at least four meetings") — over all of
 * the pair's time together up to `until`. A pair that met four times in its first months and
 * completed its twelve months in the next review year has met the minimum in both.
 */
export async function meetingsAgainstMinimum(
  db: Db,
  p: Programme,
  yearCounts: number[],
  until: string,
  coupleOf: Map<string, string>,
  latest: Map<string, { id: string }>,
) {
  if (rulesOf(p).meetings.per !== 'programme') return yearCounts;
  const rows = await heldMeetings(db, p.id, until)
    .select(['pr.id as pairing_id', (eb) => eb.fn.countAll().as('n')])
    .groupBy('pr.id')
    .execute();
  const perCouple = new Map<string, number>([...latest.keys()].map((k) => [k, 0]));
  for (const r of rows) {
    const key = coupleOf.get(r.pairing_id);
    // As in the year's counts: the latest pairing of two people holds every meeting they had together.
    if (!key || latest.get(key)?.id !== r.pairing_id) continue;
    perCouple.set(key, (perCouple.get(key) ?? 0) + Number(r.n));
  }
  return [...perCouple.values()];
}
