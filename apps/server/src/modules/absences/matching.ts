import type { Db } from '../../db/index.ts';
import { addDays, dayIn, daysBetween } from '../../domain/days.ts';
import { zoneOf } from './queries.ts';

// Absences in the matching (modules/matching): a tutor away on the day of the run, or on most of
// the coming eight weeks — the horizon the matching already reads availability over — is given no
// new tutee by the optimal, choice and manual modes, and the matching page says until when.

export const HORIZON_DAYS = 56;

/** The tutors of a programme kept out of a matching run now, with the last day of their absence. */
export async function awayForMatching(db: Db, p: { id: string; org_id: string }, now: Date) {
  const today = dayIn(now, await zoneOf(db, p.org_id));
  const last = addDays(today, HORIZON_DAYS - 1);
  const rows = await db
    .selectFrom('absences')
    .select(['user_id', 'start_on', 'end_on'])
    .where('programme_id', '=', p.id)
    .where('cancelled_at', 'is', null)
    .where('end_on', '>=', today)
    .where('start_on', '<=', last)
    .execute();
  const days = new Map<string, { away: number; today: boolean; until: string }>();
  for (const r of rows) {
    // biome-ignore lint/complexity/useMathMinMax: ISO days compared as text; Math.max would give NaN
    const from = r.start_on > today ? r.start_on : today;
    // biome-ignore lint/complexity/useMathMinMax: ISO days compared as text; Math.min would give NaN
    const to = r.end_on < last ? r.end_on : last;
    const d = days.get(r.user_id) ?? { away: 0, today: false, until: r.end_on };
    d.away += daysBetween(from, to) + 1;
    d.today ||= r.start_on <= today;
    if (r.end_on > d.until) d.until = r.end_on;
    days.set(r.user_id, d);
  }
  const out = new Map<string, string>();
  for (const [id, d] of days) if (d.today || d.away * 2 > HORIZON_DAYS) out.set(id, d.until);
  return out;
}
