import { DateTime } from 'luxon';
import type { Db } from '../../db/index.ts';
import { ENDED_PAIRING_STATES, LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { defineJob, noPayload } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import { MIN_AGGREGATE } from '../../policy/confidentiality.ts';
import { UNDO_MINUTES } from '../matching/ending.ts';
import { tuteeAskedNotice } from './texts.ts';

/**
 * When tutees are asked about their tutor: six months after their pairing was formed (while it
 * lasts), and once its end is final. A moment older than WINDOW_DAYS is let go. Each pairing's
 * tutee is asked once per moment: the ask row is unique per pairing and moment, written with its
 * notice in one transaction (the pattern of reviews/sweep.ts).
 */
export const WINDOW_DAYS = 30;
export const MONTHS_AFTER_START = 6;
const DAY = 86_400_000;

type Due = {
  id: string;
  org_id: string;
  tutor_user_id: string;
  tutee_user_id: string;
  tutor: string;
  programme: string;
};

async function due(db: Db, now: Date): Promise<{ moment: 'six-months' | 'end'; p: Due }[]> {
  const windowStart = new Date(now.getTime() - WINDOW_DAYS * DAY);
  const back = (d: Date) =>
    DateTime.fromJSDate(d, { zone: 'utc' }).minus({ months: MONTHS_AFTER_START }).toISO() as string;
  const base = db
    .selectFrom('pairings as pa')
    .innerJoin('programmes as p', 'p.id', 'pa.programme_id')
    .innerJoin('users as tutor', 'tutor.id', 'pa.tutor_user_id')
    .select([
      'pa.id',
      'pa.org_id',
      'pa.tutor_user_id',
      'pa.tutee_user_id',
      'tutor.name as tutor',
      'p.name as programme',
    ])
    .where('p.archived_at', 'is', null);
  const [started, ended] = await Promise.all([
    base
      .where('pa.state', 'in', [...LIVE_PAIRING_STATES])
      .where('pa.created_at', '<=', back(now))
      .where('pa.created_at', '>', back(windowStart))
      .execute(),
    base
      .where('pa.state', 'in', [...ENDED_PAIRING_STATES])
      .where('pa.ended_at', '<=', new Date(now.getTime() - UNDO_MINUTES * 60_000).toISOString())
      .where('pa.ended_at', '>=', windowStart.toISOString())
      .execute(),
  ]);
  return [
    ...started.map((p) => ({ moment: 'six-months' as const, p })),
    ...ended.map((p) => ({ moment: 'end' as const, p })),
  ];
}

/** Asks every tutee whose moment came; returns how many were asked. */
export async function askDueTutees(db: Db, now: Date): Promise<number> {
  let asked = 0;
  for (const { moment, p } of await due(db, now)) if (await ask(db, p, moment, now)) asked++;
  return asked;
}

async function ask(db: Db, p: Due, moment: 'six-months' | 'end', now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const tutee = await trx
      .selectFrom('users')
      .select('disabled_at')
      .where('id', '=', p.tutee_user_id)
      .executeTakeFirst();
    if (!tutee || tutee.disabled_at) return false;
    const id = newId();
    const r = await trx
      .insertInto('tutor_feedback_asks')
      .values({
        id,
        org_id: p.org_id,
        pairing_id: p.id,
        moment,
        tutee_id: p.tutee_user_id,
        tutor_id: p.tutor_user_id,
        asked_at: now.toISOString(),
        answered: 0,
      })
      .onConflict((oc) => oc.columns(['pairing_id', 'moment']).doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
    await notify(
      trx,
      {
        userId: p.tutee_user_id,
        orgId: p.org_id,
        kind: 'reminder',
        key: `feedback.tutee-ask:${id}`,
        link: `/retour-tuteur/${id}`,
        content: tuteeAskedNotice({ tutor: p.tutor, programme: p.programme, min: MIN_AGGREGATE }),
      },
      now,
    );
    return true;
  });
}

/** The hourly sweep that asks tutees about their tutor at their pairing's moments. */
export const tutorFeedbackSweep = defineJob('feedback.tutee-sweep', noPayload, async ({ ctx, now }) => {
  await askDueTutees(ctx.db, now);
});
