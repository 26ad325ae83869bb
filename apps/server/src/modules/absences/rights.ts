import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';
import { addDays } from '../../domain/days.ts';

// Leave and replacement in the person's data rights: their own absences (with the reason they
// wrote), the replacements they were asked for or accepted, and — as a tutee — who stood in for
// their tutor when (never the tutor's reason). Erasure deletes their absences (and so the covers of
// them); the covers where they were a backup or a tutee stay without naming them once the account
// is anonymised. Retention: a reason is kept until REASON_DAYS after the absence's last day, then
// removed by the absences sweep — the days stay, for the team's history.

export const REASON_DAYS = 90;

export async function absenceData(db: Db, userId: string) {
  const own = await db
    .selectFrom('absences as a')
    .innerJoin('programmes as g', 'g.id', 'a.programme_id')
    .select(['g.name as programme', 'a.start_on', 'a.end_on', 'a.reason', 'a.created_at', 'a.cancelled_at'])
    .where('a.user_id', '=', userId)
    .orderBy('a.start_on')
    .execute();
  const covers = await db
    .selectFrom('absence_covers as c')
    .innerJoin('absences as a', 'a.id', 'c.absence_id')
    .innerJoin('programmes as g', 'g.id', 'c.programme_id')
    .innerJoin('users as tutor', 'tutor.id', 'a.user_id')
    .innerJoin('users as tutee', 'tutee.id', 'c.tutee_user_id')
    .leftJoin('users as b', 'b.id', 'c.backup_user_id')
    .select([
      'g.name as programme',
      'a.start_on',
      'a.end_on',
      'tutor.name as tutor',
      'tutee.name as tutee',
      'b.name as backup',
      'c.state',
      'c.backup_user_id',
      'c.tutee_user_id',
    ])
    .where((eb) => eb.or([eb('c.backup_user_id', '=', userId), eb('c.tutee_user_id', '=', userId)]))
    .where('a.cancelled_at', 'is', null)
    .orderBy('a.start_on')
    .execute();
  return {
    absences: own.map((a) => ({
      programme: a.programme,
      from: a.start_on,
      to: a.end_on,
      reason: a.reason ?? '',
      createdAt: a.created_at,
      cancelledAt: a.cancelled_at ?? '',
    })),
    replacements: covers.map((c) => ({
      programme: c.programme,
      from: c.start_on,
      to: c.end_on,
      tutor: c.tutor,
      tutee: c.tutee,
      backup: c.backup ?? '',
      state: c.backup_user_id === userId ? c.state : c.state === 'accepted' ? 'accepted' : '',
    })),
  };
}

/** Deletes the person's absences (their covers with them), inside erasePerson's transaction. */
export async function eraseAbsences(trx: Db, userId: string): Promise<number> {
  return rowsTouched(await trx.deleteFrom('absences').where('user_id', '=', userId).execute());
}

/** Removes the reasons of absences whose last day is more than REASON_DAYS before `today`. */
export async function purgeAbsenceReasons(db: Db, today: string): Promise<number> {
  return rowsTouched(
    await db
      .updateTable('absences')
      .set({ reason: null })
      .where('reason', 'is not', null)
      .where('end_on', '<', addDays(today, -REASON_DAYS))
      .execute(),
  );
}
