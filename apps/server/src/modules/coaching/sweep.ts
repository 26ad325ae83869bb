import { defineJob, noPayload } from '../../jobs/registry.ts';
import { completeCoaching } from './lifecycle.ts';
import { dueCoachings } from './queries.ts';

/** Hourly: every coaching whose year is over ends, its two tutors told once. */
export const coachingSweep = defineJob('coaching.sweep', noPayload, async ({ ctx, now }) => {
  for (const c of await dueCoachings(ctx.db, now.toISOString())) await completeCoaching(ctx.db, now, c.id);
});
