import type { Programme } from '../../db/types.ts';
import { rulesOf } from '../programmes/templates.ts';

/**
 * The pairs' own figures in the yearly review — for mentoring, the charter's commitments: meetings
 * per pair against the programme's minimum (rule `meetings.minimum`, counted over the review year)
 * and pairs completed against pairs ended early, during the year. The figures of a programme's
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
