import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { chartersSigned } from '../agreements/figures.ts';
import { rulesOf } from '../programmes/templates.ts';
import { requestFigures } from '../requests/figures.ts';
import { heldMeetings } from './activity.ts';

/**
 * The pairs' own figures in the yearly review — for mentoring, the charter's commitments: meetings
 * per pair against the programme's minimum (rule `meetings.minimum`, counted over the period the rule
 * names: `meetingsAgainstMinimum`),
 * pairs completed against pairs ended early during the year, the pairs whose charter all three
 * parties signed (where the programme requires one), and the requests to join that reached the
 * coordination in the year: accepted, declined, matched and the median days to a pair (null when
 * none came). Counts only: no one is named.
 *
 * `pairs` and `meetings` are in the same order: the review's pairs and each one's meetings held.
 */
export async function mentoringFigures(
  db: Db,
  p: Programme,
  pairs: { id: string; state: string; ended_at: string | null }[],
  meetings: number[],
  period: { start: string; end: string },
) {
  const rules = rulesOf(p);
  const minimum = rules.meetings.minimum;
  const endedBy = (state: string) =>
    pairs.filter((x) => x.state === state && x.ended_at !== null && x.ended_at < period.end).length;
  return {
    meetingsMinimum: minimum,
    pairsAtMinimum: meetings.filter((n) => n >= minimum).length,
    pairsBelowMinimum: meetings.filter((n) => n < minimum).length,
    completed: endedBy('completed'),
    endedEarly: endedBy('ended'),
    chartersSigned: rules.charterRequired
      ? await chartersSigned(
          db,
          pairs.map((x) => x.id),
          period.end,
        )
      : null,
    requests: await requestFigures(db, p.id, period.start, period.end),
  };
}
export type MentoringFigures = Awaited<ReturnType<typeof mentoringFigures>>;

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
