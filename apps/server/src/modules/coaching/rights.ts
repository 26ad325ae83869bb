import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';

/**
 * Coaching of new tutors in a person's data rights.
 *
 * - Export: each coaching they gave or received (programme, coach, new tutor, start, planned end,
 *   when and how it ended, the note they or the coordination left when ending it early).
 * - Erasure: their running coachings end (reason `erased`) and the notes they wrote are emptied; the
 *   rows stay, without naming them once the account is anonymised, for the other tutor's history.
 */
export async function coachingData(db: Db, userId: string) {
  const rows = await db
    .selectFrom('tutor_coachings as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .innerJoin('users as coach', 'coach.id', 'c.coach_id')
    .innerJoin('users as nt', 'nt.id', 'c.new_tutor_id')
    .select(['p.name as programme', 'coach.name as coach', 'nt.name as new_tutor'])
    .select(['c.started_at', 'c.ends_at', 'c.ended_at', 'c.end_reason', 'c.end_note'])
    .where((eb) => eb.or([eb('c.coach_id', '=', userId), eb('c.new_tutor_id', '=', userId)]))
    .orderBy('c.started_at')
    .execute();
  return {
    coachings: rows.map((r) => ({
      programme: r.programme,
      coach: r.coach,
      newTutor: r.new_tutor,
      startOn: r.started_at,
      endOn: r.ends_at,
      endedAt: r.ended_at ?? '',
      reason: r.end_reason ?? '',
      note: r.end_note ?? '',
    })),
  };
}

/** Ends the person's running coachings and empties the notes they wrote, inside erasePerson's transaction. */
export async function eraseCoaching(trx: Db, userId: string, at: string): Promise<number> {
  const ended = await trx
    .updateTable('tutor_coachings')
    .set({ ended_at: at, end_reason: 'erased' })
    .where((eb) => eb.or([eb('coach_id', '=', userId), eb('new_tutor_id', '=', userId)]))
    .where('ended_at', 'is', null)
    .execute();
  const notes = await trx
    .updateTable('tutor_coachings')
    .set({ end_note: null })
    .where('ended_by', '=', userId)
    .where('end_note', 'is not', null)
    .execute();
  return rowsTouched([...ended, ...notes]);
}
