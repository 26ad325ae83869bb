import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { defineJob, enqueue, noPayload } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import { rulesOf } from '../programmes/templates.ts';
import { askCheckin } from './ask.ts';

/**
 * When check-ins are asked. A programme whose rules set `checkInEveryDays` asks each of its tutees
 * who agreed to check-ins, at that cadence: the first one as soon as they agree, the next one that
 * many days after the previous one was asked. A check-in stays open for two weeks (or half the
 * cadence when it is shorter); unanswered by then, it counts in the follow-up like a contact attempt
 * that got no answer. Nobody is asked without their consent, nor in an archived programme.
 */
const DAY = 86_400_000;
export const openDays = (every: number) => Math.max(3, Math.min(14, Math.floor(every / 2)));

/** The tutees of a programme due for a check-in at `now`, with their tutor of the moment. */
async function dueTutees(db: Db, programmeId: string, every: number, now: Date, userId?: string) {
  const cutoff = new Date(now.getTime() - every * DAY).toISOString();
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('checkin_consents as c', (j) =>
      j.onRef('c.programme_id', '=', 'm.programme_id').onRef('c.user_id', '=', 'm.user_id'),
    )
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.user_id', 'm.org_id'])
    .select((eb) =>
      eb
        .selectFrom('checkins as k')
        .select((x) => x.fn.max('k.asked_at').as('last'))
        .whereRef('k.programme_id', '=', 'm.programme_id')
        .whereRef('k.user_id', '=', 'm.user_id')
        .as('last_asked'),
    )
    .where('m.programme_id', '=', programmeId)
    .where('m.role', '=', 'tutee')
    .where('m.ended_at', 'is', null)
    .where('c.consent', '=', 1)
    .where('u.disabled_at', 'is', null)
    .$if(userId !== undefined, (q) => q.where('m.user_id', '=', userId as string))
    .execute();
  return rows.filter((r) => !r.last_asked || (r.last_asked as string) <= cutoff);
}

/** The tutee's live pairing (the tutor a distress alert may go to), if any. */
export async function livePairingOf(db: Db, programmeId: string, userId: string) {
  return db
    .selectFrom('pairings')
    .select(['id', 'tutor_user_id'])
    .where('programme_id', '=', programmeId)
    .where('tutee_user_id', '=', userId)
    .where('state', 'in', [...LIVE_PAIRING_STATES])
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
}

/**
 * Opens the check-ins due in one programme (or, with `userId`, only that person's, when they have
 * just agreed) and enqueues the message that asks each of them.
 */
export async function openDueCheckins(
  db: Db,
  programmeId: string,
  now: Date,
  userId?: string,
): Promise<number> {
  const p = await db.selectFrom('programmes').selectAll().where('id', '=', programmeId).executeTakeFirst();
  if (!p || p.archived_at) return 0;
  const every = rulesOf(p).checkInEveryDays;
  if (!every) return 0;
  const due = await dueTutees(db, programmeId, every, now, userId);
  for (const t of due) {
    await db.transaction().execute(async (trx) => {
      const pairing = await livePairingOf(trx, programmeId, t.user_id);
      const id = newId();
      await trx
        .insertInto('checkins')
        .values({
          id,
          org_id: p.org_id,
          programme_id: programmeId,
          user_id: t.user_id,
          tutor_user_id: pairing?.tutor_user_id ?? null,
          pairing_id: pairing?.id ?? null,
          asked_at: now.toISOString(),
          expires_at: new Date(now.getTime() + openDays(every) * DAY).toISOString(),
          token_hash: null,
          answered_at: null,
          who5_raw: null,
          distress: 0,
          tell_tutor: null,
          tutor_told_at: null,
          tutor_seen_at: null,
        })
        .execute();
      await enqueue(
        trx,
        checkinAsk,
        { checkinId: id },
        { runAt: now, dedupeKey: `wellbeing.ask:${id}`, now },
      );
    });
  }
  return due.length;
}

/** The periodic sweep: every programme whose rules ask for check-ins. */
export const checkinSweep = defineJob('wellbeing.checkin-sweep', noPayload, async ({ ctx, now }) => {
  const programmes = await ctx.db
    .selectFrom('programmes')
    .select(['id', 'rules', 'template'])
    .where('archived_at', 'is', null)
    .execute();
  for (const p of programmes) {
    if (rulesOf(p).checkInEveryDays) await openDueCheckins(ctx.db, p.id, now);
  }
});

/** The message that asks one check-in: in-app, and e-mail or SMS with a private link. */
export const checkinAsk = defineJob(
  'wellbeing.checkin-ask',
  z.object({ checkinId: z.string() }),
  async ({ ctx, now, payload }) => {
    await askCheckin(ctx, now, payload.checkinId);
  },
);
