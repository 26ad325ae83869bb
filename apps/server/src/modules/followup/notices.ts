import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { defineJob, enqueue } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import { inBoth } from '../../notify/i18n.ts';
import { notify } from '../../notify/notify.ts';
import type { AlertRule } from './rules.ts';
import { alertDetailSchema } from './schema.ts';
import { coordinatorNotice, describeAlert, followupTexts, tutorNotice } from './texts.ts';

/**
 * Alert messages, at most one per person and day: opening or escalating an alert asks for the
 * person's message of the day (one job per person and local day), which lists every alert not yet
 * told to them. An alert that comes after the day's message was sent waits for the next day's.
 * In-app and e-mail alike follow the person's preferences (notify.ts).
 */
export async function tellAboutAlerts(db: Db, userId: string, zone: string, now: Date): Promise<void> {
  const local = DateTime.fromJSDate(now, { zone });
  const today = local.toISODate() as string;
  const queued = await enqueue(
    db,
    alertNotices,
    { userId, day: today },
    { runAt: now, dedupeKey: `followup.alert-notices:${userId}:${today}`, now },
  );
  if (queued) return;
  // Today's message exists (sent, or still to run and then listing this alert too).
  const next = local.plus({ days: 1 }).startOf('day');
  const tomorrow = next.toISODate() as string;
  await enqueue(
    db,
    alertNotices,
    { userId, day: tomorrow },
    { runAt: next.toJSDate(), dedupeKey: `followup.alert-notices:${userId}:${tomorrow}`, now },
  );
}

const RECENT = 2 * 86_400_000;

/** Marks an alert (at one level and escalation) as told to one person, in the deliveries ledger. */
const toldKey = (a: { id: string; level: string; escalated_at: string | null }, userId: string) =>
  a.level === 'coordinator'
    ? `alert:${a.id}:coordinator:${a.escalated_at}:${userId}`
    : `alert:${a.id}:tutor:${userId}`;

/** The day's message to one person: the alerts not yet told to them, in one notice. */
export const alertNotices = defineJob(
  'followup.alert-notices',
  z.object({ userId: z.string(), day: z.string() }),
  async ({ ctx, now, payload }) => {
    await ctx.db.transaction().execute(async (trx) => {
      const fresh = await untoldAlerts(trx, payload.userId, now, payload.day);
      if (fresh.length === 0) return;
      const programmes = [...new Set(fresh.map((a) => a.programme_id))];
      const orgs = [...new Set(fresh.map((a) => a.org_id))];
      await notify(
        trx,
        {
          userId: payload.userId,
          orgId: orgs.length === 1 ? (orgs[0] ?? null) : null,
          kind: 'alert',
          key: `followup.alerts:${payload.userId}:${payload.day}`,
          link: programmes.length === 1 ? `/programmes/${programmes[0]}/suivi` : '/notifications',
          content: noticeOf(fresh),
        },
        now,
      );
      await trx
        .insertInto('deliveries')
        .values(
          fresh.map((a) => ({
            id: newId(),
            key: toldKey(a, payload.userId),
            org_id: a.org_id,
            user_id: payload.userId,
            channel: 'inapp',
            kind: 'alert',
            // Listed in the day's message, not a message of its own.
            status: 'digested',
            created_at: now.toISOString(),
          })),
        )
        .onConflict((oc) => oc.column('key').doNothing())
        .execute();
    });
  },
);

type Alert = Awaited<ReturnType<typeof untoldAlerts>>[number];

/**
 * The open alerts of the last two days the person has not been told about: as tutor of the pair,
 * or as coordinator of the programme once escalated; oldest first. An older one was told when it
 * came (or before this message existed).
 */
async function untoldAlerts(trx: Db, userId: string, now: Date, day: string) {
  const base = trx
    .selectFrom('followup_alerts as a')
    .innerJoin('pairings as p', 'p.id', 'a.pairing_id')
    .innerJoin('programmes as g', 'g.id', 'a.programme_id')
    .innerJoin('users as tutor', 'tutor.id', 'p.tutor_user_id')
    .innerJoin('users as tutee', 'tutee.id', 'p.tutee_user_id')
    .select([
      'a.id',
      'a.org_id',
      'a.programme_id',
      'a.rule',
      'a.level',
      'a.escalated_at',
      'a.detail',
      'a.opened_at',
      'g.name as programme',
      'tutor.name as tutor',
      'tutee.name as tutee',
    ])
    .where('a.live_key', 'is not', null)
    .where('a.state', '=', 'open');
  const since = new Date(now.getTime() - RECENT).toISOString();
  const asTutor = await base
    .where('p.tutor_user_id', '=', userId)
    .where('a.opened_at', '>=', since)
    .execute();
  // As the backup standing in for the pair's tutor on that day (modules/absences).
  const asBackup = await base
    .where('a.opened_at', '>=', since)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('absence_covers as c')
          .innerJoin('absences as x', 'x.id', 'c.absence_id')
          .select('c.id')
          .whereRef('c.tutee_user_id', '=', 'p.tutee_user_id')
          .whereRef('x.user_id', '=', 'p.tutor_user_id')
          .where('c.backup_user_id', '=', userId)
          .where('c.state', '=', 'accepted')
          .where('x.cancelled_at', 'is', null)
          .where('x.start_on', '<=', day)
          .where('x.end_on', '>=', day),
      ),
    )
    .execute();
  const asCoordinator = await base
    .where('a.level', '=', 'coordinator')
    .where('a.escalated_at', '>=', since)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('memberships as m')
          .select('m.id')
          .whereRef('m.programme_id', '=', 'a.programme_id')
          .where('m.user_id', '=', userId)
          .where('m.role', '=', 'coordinator')
          .where('m.ended_at', 'is', null),
      ),
    )
    .execute();
  const candidates = [
    ...[...asTutor, ...asBackup].map((a) => ({ ...a, level: 'tutor' as const })),
    ...asCoordinator.map((a) => ({ ...a, level: 'coordinator' as const })),
  ];
  const keys = candidates.map((a) => toldKey(a, userId));
  const told = keys.length
    ? new Set(
        (await trx.selectFrom('deliveries').select('key').where('key', 'in', keys).execute()).map(
          (d) => d.key,
        ),
      )
    : new Set<string>();
  return candidates
    .filter((a) => !told.has(toldKey(a, userId)))
    .sort((x, y) => x.opened_at.localeCompare(y.opened_at) || x.rule.localeCompare(y.rule));
}

const detailOf = (a: Alert) => readJson(alertDetailSchema, a.detail, 'followup_alerts.detail');

/** One alert's own notice, or a list of them all. */
export function noticeOf(fresh: Alert[]) {
  const texts = fresh.map((a) => {
    const detail = detailOf(a);
    const names = { tutor: a.tutor, tutee: a.tutee, programme: a.programme };
    const rule = a.rule as AlertRule;
    return a.level === 'coordinator'
      ? coordinatorNotice(rule, detail, names)
      : tutorNotice(rule, detail, names);
  });
  if (texts.length === 1 && texts[0]) return texts[0];
  return inBoth(followupTexts, (t, lang) => ({
    title: t('list.title', { n: fresh.length }),
    body: fresh
      .map((a) =>
        t('list.line', {
          who: t('list.who', {
            tutor: a.tutor,
            tutee: a.tutee,
            programme: a.programme,
            context: a.level === 'coordinator' ? 'coordinator' : undefined,
          }),
          what: describeAlert(a.rule as AlertRule, detailOf(a), lang),
        }),
      )
      .join('\n'),
  }));
}
