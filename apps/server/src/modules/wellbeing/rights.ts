import { DateTime } from 'luxon';
import type { Db } from '../../db/index.ts';

/**
 * Well-being records in a person's data rights and in retention: their consents and check-ins
 * (every answer, hidden or not, and their own score) in their export; all of it deleted by their
 * erasure, and their name taken off the check-ins of people they tutored; check-ins older than the
 * organisation's period deleted by the daily purge.
 */
export async function checkinExport(db: Db, userId: string) {
  const [consents, checkins] = await Promise.all([
    db
      .selectFrom('checkin_consents')
      .innerJoin('programmes as p', 'p.id', 'checkin_consents.programme_id')
      .select(['p.name as programme', 'checkin_consents.consent', 'checkin_consents.decided_at'])
      .where('checkin_consents.user_id', '=', userId)
      .execute(),
    db
      .selectFrom('checkins')
      .innerJoin('programmes as p', 'p.id', 'checkins.programme_id')
      .select([
        'checkins.id',
        'p.name as programme',
        'checkins.asked_at',
        'checkins.answered_at',
        'checkins.who5_raw',
        'checkins.distress',
        'checkins.tell_tutor',
      ])
      .where('checkins.user_id', '=', userId)
      .orderBy('checkins.asked_at')
      .execute(),
  ]);
  const answers = checkins.length
    ? await db
        .selectFrom('checkin_answers')
        .selectAll()
        .where(
          'checkin_id',
          'in',
          checkins.map((c) => c.id),
        )
        .execute()
    : [];
  return {
    consents: consents.map((c) => ({
      programme: c.programme,
      agreed: c.consent === 1,
      decidedAt: c.decided_at,
    })),
    checkins: checkins.map((c) => ({
      programme: c.programme,
      askedAt: c.asked_at,
      answeredAt: c.answered_at,
      who5Percent: c.who5_raw === null ? null : c.who5_raw * 4,
      distressSignal: c.distress === 1,
      toldTutor: c.tell_tutor === null ? null : c.tell_tutor === 1,
      answers: answers
        .filter((a) => a.checkin_id === c.id)
        .map((a) => ({ question: a.question, value: a.value, hiddenFromTutor: a.hidden === 1 })),
    })),
  };
}

/** Deletes a person's check-ins and consents, and unlinks them from check-ins they were told of. */
export async function eraseCheckins(trx: Db, userId: string) {
  return [
    await trx.deleteFrom('checkins').where('user_id', '=', userId).execute(),
    await trx.deleteFrom('checkin_consents').where('user_id', '=', userId).execute(),
    await trx
      .updateTable('checkins')
      .set({ tutor_user_id: null })
      .where('tutor_user_id', '=', userId)
      .execute(),
  ].flat();
}

/** Deletes an organisation's check-ins asked longer ago than its period (answers go with them). */
export async function purgeCheckins(db: Db, orgId: string, months: number, now: Date): Promise<number> {
  const cut = DateTime.fromJSDate(now, { zone: 'utc' }).minus({ months }).toISO() as string;
  const r = await db
    .deleteFrom('checkins')
    .where('org_id', '=', orgId)
    .where('asked_at', '<', cut)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
