import { DateTime } from 'luxon';
import type { Db } from '../../db/index.ts';
import { dayIn } from '../../domain/days.ts';
import { ENDED_PAIRING_STATES, LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { defineJob, noPayload } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import { MIN_AGGREGATE } from '../../policy/confidentiality.ts';
import { UNDO_MINUTES } from '../matching/ending.ts';
import { questionnaireNotice } from './texts.ts';

/**
 * When a questionnaire is sent: `after-start`, to the people of each live pair `months` months after
 * it was formed; `at-end`, to the people of each pair once its end is final (and not before the
 * questionnaire existed); `on-date`, to the programme's members of its audience on that day of the
 * organisation's calendar. A moment older than WINDOW_DAYS is let go (a questionnaire written today
 * does not reach every pair formed years ago). Each person is asked a questionnaire once: the ask
 * row is unique per questionnaire and person, and is written with its notice in one transaction.
 */
export const WINDOW_DAYS = 30;
const DAY = 86_400_000;

type Q = {
  id: string;
  org_id: string;
  programme_id: string;
  title: string;
  audience: string;
  moment: string;
  months: number | null;
  send_on: string | null;
  created_at: string;
  programme: string;
  time_zone: string;
};

const rolesOf = (audience: string) =>
  audience === 'both' ? ['tutor', 'tutee'] : audience === 'tutors' ? ['tutor'] : ['tutee'];

/** The people a questionnaire is due to at `now`. */
async function dueTo(db: Db, q: Q, now: Date): Promise<string[]> {
  const roles = rolesOf(q.audience);
  const windowStart = new Date(now.getTime() - WINDOW_DAYS * DAY);
  const pairsOf = (rows: { tutor_user_id: string; tutee_user_id: string }[]) =>
    rows.flatMap((x) => [
      ...(roles.includes('tutor') ? [x.tutor_user_id] : []),
      ...(roles.includes('tutee') ? [x.tutee_user_id] : []),
    ]);
  const pairings = db
    .selectFrom('pairings')
    .select(['tutor_user_id', 'tutee_user_id'])
    .where('programme_id', '=', q.programme_id);
  if (q.moment === 'after-start' && q.months) {
    // Formed between `months` months (plus the window) ago and `months` months ago.
    const back = (d: Date) =>
      DateTime.fromJSDate(d, { zone: 'utc' })
        .minus({ months: q.months ?? 0 })
        .toISO() as string;
    const rows = await pairings
      .where('state', 'in', [...LIVE_PAIRING_STATES])
      .where('created_at', '<=', back(now))
      .where('created_at', '>', back(windowStart))
      .execute();
    return pairsOf(rows);
  }
  if (q.moment === 'at-end') {
    const since = [windowStart.toISOString(), q.created_at].sort()[1] as string;
    const rows = await pairings
      .where('state', 'in', [...ENDED_PAIRING_STATES])
      .where('ended_at', '<=', new Date(now.getTime() - UNDO_MINUTES * 60_000).toISOString())
      .where('ended_at', '>=', since)
      .execute();
    return pairsOf(rows);
  }
  if (q.moment === 'on-date' && q.send_on) {
    const today = dayIn(now, q.time_zone);
    const first = dayIn(windowStart, q.time_zone);
    if (q.send_on > today || q.send_on < first) return [];
    const rows = await db
      .selectFrom('memberships')
      .select('user_id')
      .where('programme_id', '=', q.programme_id)
      .where('role', 'in', roles)
      .where('ended_at', 'is', null)
      .execute();
    return rows.map((r) => r.user_id);
  }
  return [];
}

/** Sends every questionnaire due at `now`; returns how many people were asked. */
export async function sendDueQuestionnaires(db: Db, now: Date): Promise<number> {
  const questionnaires = await db
    .selectFrom('questionnaires as q')
    .innerJoin('programmes as p', 'p.id', 'q.programme_id')
    .innerJoin('organisations as o', 'o.id', 'q.org_id')
    .select([
      'q.id',
      'q.org_id',
      'q.programme_id',
      'q.title',
      'q.audience',
      'q.moment',
      'q.months',
      'q.send_on',
      'q.created_at',
      'p.name as programme',
      'o.time_zone',
    ])
    .where('q.active', '=', 1)
    .where('p.archived_at', 'is', null)
    .execute();
  let asked = 0;
  for (const q of questionnaires) {
    for (const userId of new Set(await dueTo(db, q, now))) {
      if (await ask(db, q, userId, now)) asked++;
    }
  }
  return asked;
}

async function ask(db: Db, q: Q, userId: string, now: Date): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('users')
      .select('disabled_at')
      .where('id', '=', userId)
      .executeTakeFirst();
    if (!user || user.disabled_at) return false;
    const id = newId();
    const r = await trx
      .insertInto('questionnaire_asks')
      .values({ id, questionnaire_id: q.id, user_id: userId, asked_at: now.toISOString(), answered: 0 })
      .onConflict((oc) => oc.columns(['questionnaire_id', 'user_id']).doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
    await notify(
      trx,
      {
        userId,
        orgId: q.org_id,
        kind: 'reminder',
        key: `reviews.questionnaire:${id}`,
        link: `/questionnaires/${id}`,
        content: questionnaireNotice({ programme: q.programme, title: q.title, min: MIN_AGGREGATE }),
      },
      now,
    );
    return true;
  });
}

/** The periodic sweep that sends due questionnaires. */
export const questionnaireSweep = defineJob(
  'reviews.questionnaire-sweep',
  noPayload,
  async ({ ctx, now }) => {
    await sendDueQuestionnaires(ctx.db, now);
  },
);
