import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';

/**
 * Training registrations in a person's data rights.
 *
 * - Export: each session they registered for or waited for (programme, title, kind, start, their
 *   status, when they registered or cancelled, their attendance).
 * - Erasure: their registrations are deleted whole; a session's counts are the coordination's of
 *   the people still there, and a place a person erased held goes to nobody (the session keeps its
 *   capacity, the waiting list stays as it was: erasure tells nobody of anyone's place).
 */

export async function trainingData(db: Db, userId: string) {
  const rows = await db
    .selectFrom('training_registrations as r')
    .innerJoin('training_sessions as s', 's.id', 'r.session_id')
    .innerJoin('programmes as p', 'p.id', 's.programme_id')
    .select([
      'p.name as programme',
      's.title',
      's.kind',
      's.starts_at',
      'r.status',
      'r.queued_at',
      'r.registered_at',
      'r.cancelled_at',
      'r.attendance',
    ])
    .where('r.user_id', '=', userId)
    .orderBy('s.starts_at')
    .execute();
  return {
    trainingRegistrations: rows.map((r) => ({
      programme: r.programme,
      title: r.title,
      kind: r.kind,
      startsAt: r.starts_at,
      status: r.status,
      queuedAt: r.queued_at,
      registeredAt: r.registered_at,
      cancelledAt: r.cancelled_at,
      attendance: r.attendance,
    })),
  };
}

/** Deletes the person's registrations, inside erasePerson's transaction. */
export async function eraseTraining(trx: Db, userId: string): Promise<number> {
  return rowsTouched(await trx.deleteFrom('training_registrations').where('user_id', '=', userId).execute());
}
