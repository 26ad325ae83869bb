import type { Db } from '../../db/index.ts';
import { ENDED_PAIRING_STATES, LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { defineJob, noPayload } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import { UNDO_MINUTES } from '../matching/ending.ts';
import { endReviewNotice } from './texts.ts';

/**
 * Who is asked for an end review, and when. A pair whose pairing ended (completed or ended early)
 * asks each of its two people once; a group asks each tutee when their own pairing ends and its tutor
 * once no pairing of the group is live any more. Only ends that can no longer be undone count
 * (matching/ending.ts), and only those of the last LOOKBACK_DAYS, so the first run on an instance
 * with years of history does not ask about pairs long gone. Nobody in an archived programme or with
 * a disabled account is asked. The row is the invitation: one per person and pair or group (a
 * unique key), created with its notice in one transaction, so running the sweep again asks nobody twice.
 */
export const LOOKBACK_DAYS = 90;
const DAY = 86_400_000;

/** The unit a review is about: a pairing, or a group of the programme. */
export const unitKey = (x: { id: string; programme_id: string; group_key: string | null }) =>
  x.group_key ? `group:${x.programme_id}:${x.group_key}` : x.id;

export async function inviteEndedPairs(db: Db, now: Date): Promise<number> {
  const finalBefore = new Date(now.getTime() - UNDO_MINUTES * 60_000).toISOString();
  const since = new Date(now.getTime() - LOOKBACK_DAYS * DAY).toISOString();
  const ended = await db
    .selectFrom('pairings as x')
    .innerJoin('programmes as p', 'p.id', 'x.programme_id')
    .select([
      'x.id',
      'x.org_id',
      'x.programme_id',
      'x.tutor_user_id',
      'x.tutee_user_id',
      'x.group_key',
      'x.ended_at',
      'p.name as programme',
      'p.template',
    ])
    .where('x.state', 'in', [...ENDED_PAIRING_STATES])
    .where('x.ended_at', '<=', finalBefore)
    .where('x.ended_at', '>=', since)
    .where('p.archived_at', 'is', null)
    .orderBy('x.ended_at', 'desc')
    .execute();
  let invited = 0;
  for (const x of ended) {
    const parties: { userId: string; role: 'tutor' | 'tutee' }[] = [
      { userId: x.tutee_user_id, role: 'tutee' },
    ];
    if (!x.group_key || !(await groupLive(db, x.programme_id, x.group_key)))
      parties.push({ userId: x.tutor_user_id, role: 'tutor' });
    for (const party of parties) {
      if (await invite(db, now, x as typeof x & { ended_at: string }, party)) invited++;
    }
  }
  return invited;
}

async function groupLive(db: Db, programmeId: string, groupKey: string) {
  const live = await db
    .selectFrom('pairings')
    .select('id')
    .where('programme_id', '=', programmeId)
    .where('group_key', '=', groupKey)
    .where('state', 'in', [...LIVE_PAIRING_STATES])
    .executeTakeFirst();
  return live !== undefined;
}

/** Creates one person's review of one pair or group, with its notice; false when it was there already. */
async function invite(
  db: Db,
  now: Date,
  x: {
    id: string;
    org_id: string;
    programme_id: string;
    group_key: string | null;
    ended_at: string;
    programme: string;
    template: string;
  },
  party: { userId: string; role: 'tutor' | 'tutee' },
): Promise<boolean> {
  const unit = unitKey(x);
  return db.transaction().execute(async (trx) => {
    const [known, user] = await Promise.all([
      trx
        .selectFrom('end_reviews')
        .select('id')
        .where('unit_key', '=', unit)
        .where('user_id', '=', party.userId)
        .executeTakeFirst(),
      trx.selectFrom('users').select('disabled_at').where('id', '=', party.userId).executeTakeFirst(),
    ]);
    if (known || !user || user.disabled_at) return false;
    const id = newId();
    const at = now.toISOString();
    const r = await trx
      .insertInto('end_reviews')
      .values({
        id,
        org_id: x.org_id,
        programme_id: x.programme_id,
        user_id: party.userId,
        role: party.role,
        unit_key: unit,
        pairing_id: x.id,
        question_set: x.template,
        pair_ended_at: x.ended_at,
        invited_at: at,
        updated_at: at,
        submitted_at: null,
        texts: '{}',
        scales: '{}',
        themes: '[]',
        other_theme: null,
        shared: 0,
        erased_at: null,
      })
      .onConflict((oc) => oc.columns(['unit_key', 'user_id']).doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
    await notify(
      trx,
      {
        userId: party.userId,
        orgId: x.org_id,
        kind: 'reminder',
        key: `reviews.end-review:${id}`,
        link: `/bilans/${id}`,
        content: endReviewNotice({ programme: x.programme }),
      },
      now,
    );
    return true;
  });
}

/** The periodic sweep that asks the parties of pairs and groups that ended for their review. */
export const endReviewSweep = defineJob('reviews.end-review-sweep', noPayload, async ({ ctx, now }) => {
  await inviteEndedPairs(ctx.db, now);
});
