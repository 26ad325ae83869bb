import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { MeetingTable } from '../../db/types.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { defineJob, enqueue } from '../../jobs/registry.ts';
import { hashSecret, newSecret } from '../../lib/ids.ts';
import { deliverOnce } from '../../notify/deliver.ts';
import { messageIdFor } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { names } from './names.ts';
import { loadMeetingFor, orgZone } from './policy.ts';
import type { answersBody } from './schema.ts';
import { type PollMailKind, pollMail, pollSms, when } from './texts.ts';

/**
 * Polls answered by private link. The e-mail that carries a person's link is a job
 * (`meetings.poll`), enqueued in the transaction that creates the meeting; the reminder two days
 * later is another (reminders.ts). Both send through the deliveries ledger, once per key.
 */

type Meeting = MeetingTable;

const pollLink = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}/sondage?token=${token}`;

/**
 * A fresh private link to the poll for one participant (the previous one stops working), and the
 * messages that carry it, in their language: the e-mail, and the text message of a nudge.
 */
export async function pollMessages(ctx: AppContext, m: Meeting, participantId: string, userId: string) {
  const people = await names(ctx.db, [userId, m.organiser_id]);
  const user = people.get(userId);
  if (!user) return null;
  const token = newSecret();
  await ctx.db
    .updateTable('meeting_participants')
    .set({ poll_token_hash: hashSecret(token) })
    .where('id', '=', participantId)
    .execute();
  const zone = await orgZone(ctx.db, m.org_id);
  const options = await ctx.db
    .selectFrom('meeting_options')
    .select('starts_at')
    .where('meeting_id', '=', m.id)
    .orderBy('starts_at')
    .execute();
  const base = {
    locale: user.locale,
    name: user.name,
    title: m.title,
    organiser: people.get(m.organiser_id)?.name ?? '',
    link: pollLink(ctx, token),
  };
  return {
    email: user.email,
    mail: (kind: PollMailKind) =>
      pollMail({
        ...base,
        mode: m.mode,
        place: m.place,
        videoUrl: m.video_url,
        options: options.map((o) => when(o.starts_at, zone, user.locale)),
        kind,
      }),
    sms: () => pollSms(base),
  };
}

/** E-mails a person a fresh private link to the poll (the previous one stops working). */
async function sendPoll(
  ctx: AppContext,
  m: Meeting,
  participantId: string,
  userId: string,
  reminder: boolean,
  headers: Record<string, string>,
): Promise<'sent' | 'skipped'> {
  const messages = await pollMessages(ctx, m, participantId, userId);
  if (!messages) return 'skipped';
  await ctx.mailer.send({ to: messages.email, ...messages.mail(reminder ? 'reminder' : 'invite'), headers });
  return 'sent';
}

/**
 * Sends the poll (or its reminder) to one participant under `key`, once: nothing when they have
 * answered meanwhile, or the poll is closed (confirmed, cancelled or expired) by the time it runs.
 */
export async function sendPollOnce(
  ctx: AppContext,
  now: Date,
  participantId: string,
  opts: { key: string; reminder: boolean },
): Promise<void> {
  const p = await ctx.db
    .selectFrom('meeting_participants')
    .select(['id', 'user_id', 'meeting_id', 'answered_at'])
    .where('id', '=', participantId)
    .executeTakeFirst();
  if (!p || p.answered_at) return;
  const m = await ctx.db.selectFrom('meetings').selectAll().where('id', '=', p.meeting_id).executeTakeFirst();
  if (m?.status !== 'polling' || !m.poll_expires_at || m.poll_expires_at <= now.toISOString()) return;
  const kind = opts.reminder ? 'meeting.poll-reminder' : 'meeting.poll';
  await deliverOnce(
    ctx.db,
    now,
    { key: opts.key, orgId: m.org_id, userId: p.user_id, channel: 'email', kind },
    () => sendPoll(ctx, m, p.id, p.user_id, opts.reminder, { 'Message-ID': messageIdFor(opts.key) }),
  );
}

export const pollKey = (participantId: string) => `meetings.poll:${participantId}`;

export const pollInvitation = defineJob(
  'meetings.poll',
  z.object({ participantId: z.string() }),
  async ({ ctx, now, payload }) => {
    await sendPollOnce(ctx, now, payload.participantId, {
      key: pollKey(payload.participantId),
      reminder: false,
    });
  },
);

/** One poll e-mail per invited person, in the transaction that creates the meeting. */
export async function enqueuePolls(trx: Db, participantIds: string[], now: Date): Promise<void> {
  for (const participantId of participantIds) {
    await enqueue(
      trx,
      pollInvitation,
      { participantId },
      { runAt: now, dedupeKey: pollKey(participantId), now },
    );
  }
}

export async function optionsWithAnswers(db: Db, meetingId: string) {
  const [options, answers] = await Promise.all([
    db
      .selectFrom('meeting_options')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('starts_at')
      .execute(),
    db
      .selectFrom('poll_answers')
      .innerJoin('meeting_participants', 'meeting_participants.id', 'poll_answers.participant_id')
      .select(['poll_answers.option_id', 'poll_answers.answer', 'meeting_participants.user_id'])
      .where('meeting_participants.meeting_id', '=', meetingId)
      .execute(),
  ]);
  return options.map((o) => {
    const mine = answers.filter((a) => a.option_id === o.id);
    const count = (x: string) => mine.filter((a) => a.answer === x).length;
    return {
      option: o,
      answers: mine.map((a) => ({ userId: a.user_id, answer: a.answer as 'yes' | 'ifNeedBe' | 'no' })),
      counts: { yes: count('yes'), ifNeedBe: count('ifNeedBe'), no: count('no') },
    };
  });
}

async function saveAnswers(
  db: Db,
  now: Date,
  meetingId: string,
  participantId: string,
  answers: z.infer<typeof answersBody>['answers'],
) {
  const optionIds = new Set(
    (await db.selectFrom('meeting_options').select('id').where('meeting_id', '=', meetingId).execute()).map(
      (o) => o.id,
    ),
  );
  if (answers.some((a) => !optionIds.has(a.optionId))) {
    throw refuse(400, 'unknown_option');
  }
  await db.transaction().execute(async (trx) => {
    for (const a of answers) {
      await trx
        .deleteFrom('poll_answers')
        .where('participant_id', '=', participantId)
        .where('option_id', '=', a.optionId)
        .execute();
      await trx
        .insertInto('poll_answers')
        .values({
          option_id: a.optionId,
          participant_id: participantId,
          answer: a.answer,
          answered_at: now.toISOString(),
        })
        .execute();
    }
    await trx
      .updateTable('meeting_participants')
      .set({ answered_at: now.toISOString() })
      .where('id', '=', participantId)
      .execute();
  });
}

const pollClosed = () => refuse(410, 'poll_closed');

/** A signed-in participant answers the poll from the meeting page. */
export async function answerAsUser(
  ctx: AppContext,
  actor: UserActor,
  meetingId: string,
  body: z.infer<typeof answersBody>,
): Promise<void> {
  const { meeting: m } = await loadMeetingFor(ctx, actor, meetingId, 'answer');
  const now = ctx.clock.now();
  if (m.status !== 'polling' || !m.poll_expires_at || m.poll_expires_at <= now.toISOString())
    throw pollClosed();
  const part = await ctx.db
    .selectFrom('meeting_participants')
    .select('id')
    .where('meeting_id', '=', m.id)
    .where('user_id', '=', actor.id)
    .executeTakeFirstOrThrow();
  await saveAnswers(ctx.db, now, m.id, part.id, body.answers);
}

/** The participant a poll link belongs to; unknown links are not found, expired ones closed. */
async function participantByToken(ctx: AppContext, token: string, forWrite: boolean) {
  const part = await ctx.db
    .selectFrom('meeting_participants')
    .selectAll()
    .where('poll_token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!part) throw notFound('poll');
  const m = await ctx.db
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', part.meeting_id)
    .executeTakeFirstOrThrow();
  const now = ctx.clock.now().toISOString();
  const expired = !m.poll_expires_at || m.poll_expires_at <= now;
  // After expiry the link shows nothing; a confirmed meeting stays readable until then.
  if (expired || m.status === 'cancelled' || (forWrite && m.status !== 'polling')) throw pollClosed();
  return { part, meeting: m };
}

export async function pollByToken(ctx: AppContext, token: string) {
  const { part, meeting: m } = await participantByToken(ctx, token, false);
  const [people, programme, opts, zone] = await Promise.all([
    names(ctx.db, [part.user_id, m.organiser_id]),
    ctx.db.selectFrom('programmes').select('name').where('id', '=', m.programme_id).executeTakeFirstOrThrow(),
    optionsWithAnswers(ctx.db, m.id),
    orgZone(ctx.db, m.org_id),
  ]);
  return {
    title: m.title,
    organiserName: people.get(m.organiser_id)?.name ?? '',
    programmeName: programme.name,
    mode: m.mode as 'in-person' | 'video' | 'phone',
    // The link is the participant's own: they see where the meeting is, and its video link.
    place: m.place,
    videoUrl: m.video_url,
    durationMinutes: m.duration_minutes,
    timeZone: zone,
    status: m.status as 'polling' | 'confirmed' | 'cancelled',
    confirmed: m.starts_at && m.ends_at ? { start: m.starts_at, end: m.ends_at } : null,
    expiresAt: m.poll_expires_at,
    me: { name: people.get(part.user_id)?.name ?? '' },
    options: opts.map((o) => ({
      id: o.option.id,
      start: o.option.starts_at,
      end: o.option.ends_at,
      myAnswer: o.answers.find((a) => a.userId === part.user_id)?.answer ?? null,
      counts: o.counts,
    })),
  };
}

export async function answerByToken(ctx: AppContext, token: string, body: z.infer<typeof answersBody>) {
  const { part, meeting: m } = await participantByToken(ctx, token, true);
  await saveAnswers(ctx.db, ctx.clock.now(), m.id, part.id, body.answers);
  return pollByToken(ctx, token);
}
