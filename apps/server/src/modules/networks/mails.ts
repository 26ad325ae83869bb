import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { defineJob, enqueue, noPayload } from '../../jobs/registry.ts';
import { mailSessionOnce } from '../../sessions/invitation.ts';
import { remindDayBefore } from '../../sessions/places.ts';
import { networkSessionById, SESSION_TABLES } from './session-queries.ts';
import { type NetworkMailKind, networkIcsDescription, networkSessionMail } from './texts.ts';

/**
 * The e-mails of network sessions, each a job enqueued in the transaction that decides it and sent
 * once through the deliveries ledger, with the calendar invitation (`sessions/invitation.ts`, as
 * training's): a place taken, a place freed by someone's cancellation, the session cancelled, and
 * the reminder the day before, claimed once per person by the hourly sweep. Nothing is e-mailed
 * about the thread.
 */

const mailPayload = z.object({
  sessionId: z.string(),
  userId: z.string(),
  kind: z.enum(['registered', 'promoted', 'cancel', 'reminder']),
  sequence: z.number().int(),
});
type MailPayload = z.infer<typeof mailPayload>;
const mailKey = (p: MailPayload) => `network.mail:${p.sessionId}:${p.sequence}:${p.kind}:${p.userId}`;

async function recipient(db: Db, sessionId: string, userId: string) {
  return db
    .selectFrom('network_registrations as r')
    .innerJoin('users as u', 'u.id', 'r.user_id')
    .innerJoin('organisations as o', 'o.id', 'r.org_id')
    .select(['r.status', 'u.name', 'u.email', 'u.locale', 'u.disabled_at', 'r.org_id', 'o.time_zone as zone'])
    .where('r.session_id', '=', sessionId)
    .where('r.user_id', '=', userId)
    .executeTakeFirst();
}

export const networkMail = defineJob('networks.mail', mailPayload, async ({ ctx, now, payload }) => {
  const s = await networkSessionById(ctx.db, payload.sessionId);
  // A later change has its own messages, carrying the session as it is then.
  if (!s || s.sequence !== payload.sequence) return;
  if ((payload.kind === 'cancel') !== Boolean(s.cancelled_at)) return;
  const r = await recipient(ctx.db, s.id, payload.userId);
  if (!r || r.disabled_at || (payload.kind !== 'cancel' && r.status !== 'registered')) return;
  const key = mailKey(payload);
  await mailSessionOnce(ctx, now, {
    key,
    kind: `networks.${payload.kind}`,
    // The ledger's organisation is the person's own.
    session: { ...s, org_id: r.org_id },
    person: { id: payload.userId, name: r.name, email: r.email },
    mail: networkSessionMail(s, payload.kind, r),
    description: networkIcsDescription(s),
    cancel: payload.kind === 'cancel',
  });
});

/** Enqueues one e-mail of a kind to each person, in the caller's transaction. */
export async function enqueueNetworkMails(
  trx: Db,
  s: { id: string; sequence: number },
  userIds: string[],
  kind: NetworkMailKind,
  now: Date,
) {
  for (const userId of userIds) {
    const payload = { sessionId: s.id, userId, kind, sequence: s.sequence };
    await enqueue(trx, networkMail, payload, { runAt: now, dedupeKey: mailKey(payload), now });
  }
}

/** The hourly sweep: each person registered for a network session starting within a day, reminded once. */
export const networkRemindersSweep = defineJob(
  'networks.reminders-sweep',
  noPayload,
  async ({ ctx, now }) => {
    await remindDayBefore(ctx.db, SESSION_TABLES, now, (trx, r) =>
      enqueueNetworkMails(trx, { id: r.session_id, sequence: r.sequence }, [r.user_id], 'reminder', now),
    );
  },
);
