import { DateTime } from 'luxon';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { dmgDes } from './dmg.ts';

/**
 * Coaching of new tutors in the DMG demo's DES programme: tuteur1 to tuteur5 have tutored for years,
 * tuteur6 to tuteur12 joined this year (the seeds' many new MSU). tuteur3 coaches tuteur7 (both of
 * « Équipe Amiens Nord ») since four months, tuteur5 coaches tuteur9 since two; the others wait for
 * the coordination to pair them.
 */
const SINCE_MONTHS: Record<number, number> = { 1: 70, 2: 46, 3: 58, 4: 34, 5: 27, 6: 5, 7: 4, 8: 3, 9: 3 };
const COACHINGS: [coach: number, newTutor: number, monthsAgo: number][] = [
  [3, 7, 4],
  [5, 9, 2],
];

export async function demoCoaching(db: Db, ctx: AppContext): Promise<void> {
  const des = await dmgDes(db);
  if (!des) return;
  const people = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('email', 'like', 'tuteur%@dmg.demo')
    .execute();
  const id = (n: number) => people.find((p) => p.email === `tuteur${n}@dmg.demo`)?.id as string;
  const now = DateTime.fromJSDate(ctx.clock.now()).toUTC();
  const iso = (d: DateTime) => d.toISO({ suppressMilliseconds: true }) as string;
  for (let n = 1; n <= 12; n++) {
    await db
      .updateTable('memberships')
      .set({ created_at: iso(now.minus({ months: SINCE_MONTHS[n] ?? 2, days: n })) })
      .where('user_id', '=', id(n))
      .where('role', '=', 'tutor')
      .execute();
  }
  for (const [coach, newTutor, monthsAgo] of COACHINGS) {
    const start = now.minus({ months: monthsAgo });
    await db
      .insertInto('tutor_coachings')
      .values({
        id: newId(),
        org_id: des.orgId,
        programme_id: des.programmeId,
        coach_id: id(coach),
        new_tutor_id: id(newTutor),
        started_at: iso(start),
        ends_at: iso(start.plus({ months: 12 })),
        created_by: null,
        ended_at: null,
        end_reason: null,
        ended_by: null,
        end_note: null,
      })
      .execute();
  }
}
