import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { MeetingTable } from '../../db/types.ts';
import { refuse } from '../../http/errors.ts';
import { defineJob, enqueue } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import { deliverOnce } from '../../notify/deliver.ts';
import { messageIdFor } from '../../notify/notify.ts';
import { loadPreferences, quietUntil } from '../../notify/preferences.ts';
import { smsNumber, smsProvider } from '../../notify/sms.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { loadMeetingFor, orgZone } from './policy.ts';
import { pollMessages } from './polls.ts';
import { meetingTexts, when } from './texts.ts';

/**
 * The organiser's one-tap nudge of the people who have not answered a poll. The request marks each
 * of them nudged (a conditional write: two taps, or two tabs, nudge each person once) and enqueues
 * one job per person in the same transaction; the job sends a fresh private link through the
 * channels the person chose for reminders — e-mail, SMS where they gave a mobile number — after
 * their quiet hours, with an in-app notice at once. A person is nudged at most once every
 * NUDGE_EVERY_HOURS hours.
 */

export const NUDGE_EVERY_HOURS = 12;
const NUDGE_EVERY_MS = NUDGE_EVERY_HOURS * 3_600_000;

type Meeting = MeetingTable;

const pollOpen = (m: Meeting, now: Date) =>
  m.status === 'polling' && !!m.poll_expires_at && m.poll_expires_at > now.toISOString();

/** The participants who have not answered (the organiser never counts), with their last nudge. */
const waitingQuery = (db: Db, m: Meeting) =>
  db
    .selectFrom('meeting_participants')
    .select(['id', 'user_id', 'poll_nudged_at'])
    .where('meeting_id', '=', m.id)
    .where('user_id', '!=', m.organiser_id)
    .where('answered_at', 'is', null)
    .orderBy('id')
    .execute();

/** What the organiser's button says: who waits, who may be nudged now, the last and next nudge. */
export async function nudgeState(db: Db, m: Meeting, now: Date) {
  const waiting = await waitingQuery(db, m);
  const cutoff = new Date(now.getTime() - NUDGE_EVERY_MS).toISOString();
  const ready = waiting.filter((p) => !p.poll_nudged_at || p.poll_nudged_at <= cutoff);
  const recent = waiting.map((p) => p.poll_nudged_at).filter((t): t is string => !!t && t > cutoff);
  const lastAt =
    (
      await db
        .selectFrom('meeting_participants')
        .select((eb) => eb.fn.max('poll_nudged_at').as('last'))
        .where('meeting_id', '=', m.id)
        .executeTakeFirst()
    )?.last ?? null;
  const soonest = recent.sort()[0];
  return {
    waiting: waiting.length,
    ready: ready.length,
    lastAt: lastAt as string | null,
    // Nobody to nudge now, but someone later: when the first of them may be nudged again.
    nextAt:
      ready.length === 0 && soonest ? new Date(Date.parse(soonest) + NUDGE_EVERY_MS).toISOString() : null,
    readyIds: ready.map((p) => p.id),
  };
}

/** The organiser nudges everyone who has not answered and was not nudged in the last hours. */
export async function nudgeNonAnswerers(ctx: AppContext, actor: UserActor, meetingId: string) {
  const { meeting: m } = await loadMeetingFor(ctx, actor, meetingId, 'nudge');
  const now = ctx.clock.now();
  if (!pollOpen(m, now)) throw refuse(409, 'poll_closed');
  const state = await nudgeState(ctx.db, m, now);
  if (state.waiting === 0) throw refuse(409, 'nobody_to_nudge');
  if (state.ready === 0) throw await tooSoon(ctx, m, state.lastAt, state.nextAt);
  const cutoff = new Date(now.getTime() - NUDGE_EVERY_MS).toISOString();
  const at = now.toISOString();
  const nudged = await ctx.db.transaction().execute(async (trx) => {
    let count = 0;
    for (const participantId of state.readyIds) {
      const claimed = await trx
        .updateTable('meeting_participants')
        .set({ poll_nudged_at: at })
        .where('id', '=', participantId)
        .where('answered_at', 'is', null)
        .where((eb) => eb.or([eb('poll_nudged_at', 'is', null), eb('poll_nudged_at', '<=', cutoff)]))
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) continue; // answered, or nudged by another tap
      await enqueue(
        trx,
        pollNudge,
        { participantId, at },
        { runAt: now, dedupeKey: nudgeKey(participantId, at), now },
      );
      count++;
    }
    if (count > 0) {
      await audit(trx, now, {
        orgId: m.org_id,
        actorId: actor.id,
        action: 'meeting.poll_nudged',
        subjectType: 'meeting',
        subjectId: m.id,
      });
    }
    return count;
  });
  if (nudged === 0) throw await tooSoon(ctx, m, at, new Date(now.getTime() + NUDGE_EVERY_MS).toISOString());
  return { nudged };
}

async function tooSoon(ctx: AppContext, m: Meeting, lastAt: string | null, nextAt: string | null) {
  const zone = await orgZone(ctx.db, m.org_id);
  const h = NUDGE_EVERY_HOURS;
  if (!lastAt || !nextAt) return refuse(429, 'nudge_too_soon', { hours: h });
  const at = (iso: string) => ({ fr: when(iso, zone, 'fr'), en: when(iso, zone, 'en') });
  return refuse(429, 'nudge_too_soon', { variant: 'dated', hours: h, last: at(lastAt), next: at(nextAt) });
}

export const nudgeKey = (participantId: string, at: string) => `meetings.poll-nudge:${participantId}:${at}`;

const nudgePayload = z.object({ participantId: z.string(), at: z.string() });

/**
 * One person's nudge: in-app at once; e-mail and SMS, as they chose for reminders, after their
 * quiet hours (the same job, later). Nothing when they answered meanwhile or the poll closed.
 */
export const pollNudge = defineJob('meetings.poll-nudge', nudgePayload, async ({ ctx, now, payload }) => {
  const p = await ctx.db
    .selectFrom('meeting_participants')
    .select(['id', 'user_id', 'meeting_id', 'answered_at'])
    .where('id', '=', payload.participantId)
    .executeTakeFirst();
  if (!p || p.answered_at) return;
  const m = await ctx.db.selectFrom('meetings').selectAll().where('id', '=', p.meeting_id).executeTakeFirst();
  if (!m || !pollOpen(m, now)) return;
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'locale', 'phone', 'disabled_at'])
    .where('id', '=', p.user_id)
    .executeTakeFirst();
  if (!user || user.disabled_at) return;
  const key = nudgeKey(p.id, payload.at);
  const base = { orgId: m.org_id, userId: user.id, kind: 'meeting.poll-nudge' };
  await deliverOnce(ctx.db, now, { ...base, key: `${key}:inapp`, channel: 'inapp' }, async () => {
    await nudgeNotice(ctx.db, now, m, user);
    return 'sent';
  });

  const prefs = await loadPreferences(ctx.db, user.id);
  const wanted = new Set(prefs.channels.reminder);
  const email = wanted.has('email') && !prefs.emailOff;
  const sms = wanted.has('sms') ? smsNumber(user.phone) : null;
  if (!email && !sms) return;
  const until = quietUntil(prefs, now);
  if (until) {
    await enqueue(ctx.db, pollNudge, payload, { runAt: until, dedupeKey: `${key}:after-quiet`, now });
    return;
  }
  const pending = async (channel: 'email' | 'sms') =>
    !(await ctx.db
      .selectFrom('deliveries')
      .select('id')
      .where('key', '=', `${key}:${channel}`)
      .executeTakeFirst());
  const sendEmail = email && (await pending('email'));
  const sendSms = !!sms && (await pending('sms'));
  if (!sendEmail && !sendSms) return;
  // One fresh link for both messages of this nudge (it replaces the one sent before).
  const messages = await pollMessages(ctx, m, p.id, user.id);
  if (!messages) return;
  if (sendEmail) {
    await deliverOnce(ctx.db, now, { ...base, key: `${key}:email`, channel: 'email' }, async () => {
      const mail = messages.mail('nudge');
      await ctx.mailer.send({
        to: messages.email,
        ...mail,
        headers: { 'Message-ID': messageIdFor(`${key}:email`) },
      });
      return 'sent';
    });
  }
  if (sms && sendSms) {
    await deliverOnce(ctx.db, now, { ...base, key: `${key}:sms`, channel: 'sms' }, async () => {
      await smsProvider().send({ to: sms, text: messages.sms(), reference: `${key}:sms` });
      return 'sent';
    });
  }
});

/** The in-app notice of a nudge: the meeting page, where a signed-in person answers. */
async function nudgeNotice(db: Db, now: Date, m: Meeting, user: { id: string; locale: string }) {
  const organiser = await db
    .selectFrom('users')
    .select('name')
    .where('id', '=', m.organiser_id)
    .executeTakeFirst();
  const { title, body } = nudgeNoticeTexts(user.locale, organiser?.name ?? '', m.title);
  await db
    .insertInto('notifications')
    .values({
      id: newId(),
      user_id: user.id,
      org_id: m.org_id,
      kind: 'meeting',
      title,
      body,
      link: `/rencontres/${m.id}`,
      created_at: now.toISOString(),
      read_at: null,
    })
    .execute();
}

/** The nudge's in-app notice in a person's language. */
export function nudgeNoticeTexts(locale: string, name: string, title: string) {
  const t = meetingTexts(locale);
  return { title: t('notice.nudge.title', { title }), body: t('notice.nudge.body', { name }) };
}
