import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { defineJob, enqueue, noPayload } from '../../jobs/registry.ts';
import { mailSessionOnce } from '../../sessions/invitation.ts';
import { remindDayBefore } from '../../sessions/places.ts';
import { sessionById } from './queries.ts';
import { icsDescription, type MailKind, sessionMail } from './texts.ts';

/**
 * The e-mails of training sessions, each a job enqueued in the transaction that decides it and sent
 * once through the deliveries ledger: a place taken or freed for someone (with the iCalendar
 * invitation, built as the meetings' are), a change (the invitation's SEQUENCE grows), a
 * cancellation, and the reminder the day before, which the hourly sweep claims once per person by
 * writing its instant.
 */

const mailPayload = z.object({
  sessionId: z.string(),
  userId: z.string(),
  kind: z.enum(['registered', 'promoted', 'update', 'cancel', 'reminder']),
  sequence: z.number().int(),
});
type MailPayload = z.infer<typeof mailPayload>;

const mailKey = (p: MailPayload) => `training.mail:${p.sessionId}:${p.sequence}:${p.kind}:${p.userId}`;

export const trainingMail = defineJob('training.mail', mailPayload, async ({ ctx, now, payload }) => {
  const s = await sessionById(ctx.db, payload.sessionId);
  // A later change has its own messages, carrying the session as it is then.
  if (!s || s.sequence !== payload.sequence) return;
  if ((payload.kind === 'cancel') !== Boolean(s.cancelled_at)) return;
  const r = await ctx.db
    .selectFrom('training_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.status', 'u.name', 'u.email', 'u.locale', 'u.disabled_at'])
    .where('r.session_id', '=', s.id)
    .where('r.user_id', '=', payload.userId)
    .executeTakeFirst();
  if (!r || r.disabled_at || (payload.kind !== 'cancel' && r.status !== 'registered')) return;
  const key = mailKey(payload);
  await mailSessionOnce(ctx, now, {
    key,
    kind: `training.${payload.kind}`,
    session: s,
    person: { id: payload.userId, name: r.name, email: r.email },
    mail: sessionMail(s, payload.kind, r, s.time_zone),
    description: icsDescription(s),
    cancel: payload.kind === 'cancel',
  });
});

/** Enqueues one e-mail of a kind to each person, in the caller's transaction. */
export async function enqueueMails(
  trx: Db,
  s: { id: string; sequence: number },
  userIds: string[],
  kind: MailKind,
  now: Date,
) {
  for (const userId of userIds) {
    const payload = { sessionId: s.id, userId, kind, sequence: s.sequence };
    await enqueue(trx, trainingMail, payload, { runAt: now, dedupeKey: mailKey(payload), now });
  }
}

/**
 * The hourly sweep: everyone registered for a session starting within the next day is reminded
 * once (`sessions/places.ts` claims each reminder by writing its instant).
 */
export const trainingRemindersSweep = defineJob(
  'training.reminders-sweep',
  noPayload,
  async ({ ctx, now }) => {
    const tables = { sessions: 'training_sessions', places: 'training_registrations' } as const;
    await remindDayBefore(ctx.db, tables, now, (trx, r) =>
      enqueueMails(trx, { id: r.session_id, sequence: r.sequence }, [r.user_id], 'reminder', now),
    );
  },
);
