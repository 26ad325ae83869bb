import type { Db } from '../../db/index.ts';
import { addDays, dayIn } from '../../domain/days.ts';
import { coversOf, zoneOf } from './queries.ts';

// The absences on the coordinator's dashboard (modules/followup/dashboard.ts): who is away now or
// within the next weeks, until when, and the tutees without an accepted backup — days and names
// only, never the reason (that is on the absences page).

export const UPCOMING_DAYS = 30;
export async function absencesForDashboard(db: Db, p: { id: string; org_id: string }, now: Date) {
  const today = dayIn(now, await zoneOf(db, p.org_id));
  const rows = await db
    .selectFrom('absences as a')
    .innerJoin('users as u', 'u.id', 'a.user_id')
    .select(['a.id', 'a.user_id', 'u.name', 'a.start_on', 'a.end_on'])
    .where('a.programme_id', '=', p.id)
    .where('a.cancelled_at', 'is', null)
    .where('a.end_on', '>=', today)
    .where('a.start_on', '<=', addDays(today, UPCOMING_DAYS))
    .orderBy('a.start_on')
    .execute();
  const covers = await coversOf(
    db,
    rows.map((a) => a.id),
  );
  const byId = new Map(rows.map((a) => [a.id, a]));
  return {
    away: rows.map((a) => ({
      tutor: { id: a.user_id, name: a.name },
      startOn: a.start_on,
      endOn: a.end_on,
      current: a.start_on <= today,
    })),
    uncovered: covers
      .filter((c) => c.state !== 'accepted')
      .map((c) => {
        const a = byId.get(c.absence_id) as (typeof rows)[number];
        return {
          tutee: { id: c.tutee_user_id, name: c.tutee_name },
          tutor: { id: a.user_id, name: a.name },
          startOn: a.start_on,
          endOn: a.end_on,
          asked: c.state === 'asked',
        };
      }),
  };
}
