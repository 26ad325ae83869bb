import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { chartersSigned } from '../agreements/figures.ts';
import { rulesOf } from '../programmes/templates.ts';
import { requestFigures } from '../requests/figures.ts';

/**
 * The pairs' own figures in the yearly review — for mentoring, the charter's commitments: meetings
 * per pair against the programme's minimum (rule `meetings.minimum`, counted over the review year),
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
