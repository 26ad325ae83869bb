import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { createTeamWorld } from './factories-teams.ts';

const YEAR = 365 * 86_400_000;

/** Makes a person a tutor of the organisation since `since` (their experience, as coaching counts it). */
export async function tutorSince(ctx: AppContext, userId: string, since: Date) {
  await ctx.db
    .updateTable('memberships')
    .set({ created_at: since.toISOString() })
    .where('user_id', '=', userId)
    .where('role', '=', 'tutor')
    .execute();
}

/** A running coaching of a new tutor by a coach, started `startedAt` (now by default). */
export async function coaching(
  ctx: AppContext,
  o: { programme: { id: string; orgId: string }; coachId: string; newTutorId: string; startedAt?: Date },
) {
  const id = newId();
  const start = o.startedAt ?? ctx.clock.now();
  const ends = new Date(start);
  ends.setUTCFullYear(ends.getUTCFullYear() + 1);
  await ctx.db
    .insertInto('tutor_coachings')
    .values({
      id,
      org_id: o.programme.orgId,
      programme_id: o.programme.id,
      coach_id: o.coachId,
      new_tutor_id: o.newTutorId,
      started_at: start.toISOString(),
      ends_at: ends.toISOString(),
      created_by: null,
      ended_at: null,
      end_reason: null,
      ended_by: null,
      end_note: null,
    })
    .execute();
  return id;
}

/**
 * The teams' world with coaching: the tutor and the other tutor have tutored for two years; the
 * tutor coaches Tuteur D, who started this month; Tuteur C, new too, has no coach yet.
 */
export async function createCoachingWorld(ctx: AppContext) {
  const w = await createTeamWorld(ctx);
  const twoYears = new Date(ctx.clock.now().getTime() - 2 * YEAR);
  await tutorSince(ctx, w.actors.tutor.id, twoYears);
  await tutorSince(ctx, w.actors.otherTutor.id, twoYears);
  const coachingId = await coaching(ctx, {
    programme: w.programme,
    coachId: w.actors.tutor.id,
    newTutorId: w.teams.newcomerId,
  });
  return { ...w, coaching: { coachingId, uncoachedId: w.teams.mateId } };
}
export type CoachingWorld = Awaited<ReturnType<typeof createCoachingWorld>>;
