import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import type { CheckinTable } from '../../db/types.ts';
import { refuse } from '../../http/errors.ts';
import { defineJob, enqueue } from '../../jobs/registry.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { thresholdsOf } from '../followup/rules.ts';
import { rulesOf } from '../programmes/templates.ts';
import { tutorAlertTexts } from './texts.ts';

/**
 * A tutor's well-being alerts: the tutees who, after a distress signal, asked that their tutor be
 * told. An alert names the person and the day, nothing of what they answered; it opens the guide.
 * It stays listed until the tutor marks it seen, and thirty days after that.
 */
const DAY = 86_400_000;

export async function tutorAlerts(db: Db, tutorId: string, now: Date) {
  const since = new Date(now.getTime() - 30 * DAY).toISOString();
  const rows = await db
    .selectFrom('checkins as c')
    .innerJoin('users as u', 'u.id', 'c.user_id')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .select([
      'c.id',
      'c.org_id',
      'c.programme_id',
      'c.tutor_told_at',
      'c.tutor_seen_at',
      'u.id as tutee_id',
      'u.name as tutee_name',
      'p.name as programme',
    ])
    .where('c.tutor_user_id', '=', tutorId)
    .where('c.tutor_told_at', 'is not', null)
    .where((eb) => eb.or([eb('c.tutor_seen_at', 'is', null), eb('c.tutor_seen_at', '>=', since)]))
    .orderBy('c.tutor_told_at', 'desc')
    .execute();
  return rows.map((r) => ({
    checkinId: r.id,
    orgId: r.org_id,
    programmeId: r.programme_id,
    programme: r.programme,
    tutee: { id: r.tutee_id, name: r.tutee_name },
    toldAt: r.tutor_told_at as string,
    seenAt: r.tutor_seen_at,
  }));
}

/** The alert as its tutor opens it; anyone else gets a 404 (the alert's existence is confidential too). */
export async function alertFor(db: Db, actor: UserActor, checkinId: string) {
  const c = await db
    .selectFrom('checkins')
    .selectAll()
    .where('id', '=', checkinId)
    .where('tutor_user_id', '=', actor.id)
    .where('tutor_told_at', 'is not', null)
    .executeTakeFirst();
  if (!c) throw refuse(404, 'not_found');
  return c;
}

export async function markAlertSeen(db: Db, actor: UserActor, checkinId: string, now: Date) {
  const c = await alertFor(db, actor, checkinId);
  if (!c.tutor_seen_at)
    await db
      .updateTable('checkins')
      .set({ tutor_seen_at: now.toISOString() })
      .where('id', '=', c.id)
      .execute();
}

/** The reminder a tutor receives when the alert is still unopened after the programme's delay. */
export const tutorReminder = defineJob(
  'wellbeing.tutor-reminder',
  z.object({ checkinId: z.string() }),
  async ({ ctx, now, payload }) => {
    const c = await ctx.db
      .selectFrom('checkins')
      .selectAll()
      .where('id', '=', payload.checkinId)
      .executeTakeFirst();
    if (!c || c.tutor_seen_at || !c.tutor_told_at) return;
    await ctx.db.transaction().execute((trx) => alertTutor(trx, c, now, true));
  },
);

/** The tutor's alert (or its reminder), sent through notify() in the caller's transaction. */
export async function alertTutor(trx: Db, c: CheckinTable, now: Date, reminder: boolean) {
  if (!c.tutor_user_id) return;
  const [tutee, p] = await Promise.all([
    trx.selectFrom('users').select('name').where('id', '=', c.user_id).executeTakeFirstOrThrow(),
    trx.selectFrom('programmes').selectAll().where('id', '=', c.programme_id).executeTakeFirstOrThrow(),
  ]);
  await notify(
    trx,
    {
      userId: c.tutor_user_id,
      orgId: c.org_id,
      kind: 'alert',
      key: `wellbeing.tutor-alert:${c.id}${reminder ? ':reminder' : ''}`,
      link: `/bien-etre/alertes/${c.id}`,
      content: tutorAlertTexts({ tutee: tutee.name, programme: p.name, reminder }),
    },
    now,
  );
  if (!reminder) {
    const days = thresholdsOf(rulesOf(p)).escalateAfterDays;
    await enqueue(
      trx,
      tutorReminder,
      { checkinId: c.id },
      { runAt: new Date(now.getTime() + days * DAY), dedupeKey: `wellbeing.tutor-reminder:${c.id}`, now },
    );
  }
}
