import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { defineJob, enqueue } from '../../jobs/registry.ts';
import { hashSecret } from '../../lib/ids.ts';
import { deliverOnce } from '../../notify/deliver.ts';
import { reminderMail } from './invitations.ts';
import { sendPollOnce } from './polls.ts';

/**
 * Reminders follow sweep → one job per recipient → atomic claim:
 *
 * - the sweep (every 15 minutes) claims what is due with a conditional UPDATE — a meeting's
 *   `reminded_at`, a participant's `poll_reminded_at` — and, in the same transaction, enqueues one
 *   job per person under a dedupe key, so two sweeps (or two processes) enqueue each reminder once;
 * - each job is claimed by one worker at a time (the runner's lease) and sends through the
 *   deliveries ledger under the same key, so a job that runs again — retried, or taken over after
 *   its process died mid-run — finds the key and sends nothing more.
 */

const DAY = 86_400_000;
/** A poll reminder goes to those who have not answered this long after the poll opened. */
export const POLL_REMINDER_AFTER_MS = 2 * DAY;

/** A stable Message-ID per reminder: a copy re-sent after a crash is recognisably the same message. */
const messageId = (key: string) => `<${hashSecret(key).slice(0, 40)}@compagnon.meetings>`;

/** One key per person and per time of the meeting: a rescheduled meeting is reminded again. */
export const meetingReminderKey = (p: { meetingId: string; userId: string; startsAt: string }) =>
  `meetings.reminder:${p.meetingId}:${p.userId}:${p.startsAt}`;
export const pollReminderKey = (participantId: string) => `meetings.poll-reminder:${participantId}`;

export const meetingReminder = defineJob(
  'meetings.reminder',
  z.object({ meetingId: z.string(), userId: z.string(), startsAt: z.string() }),
  async ({ ctx, now, payload }) => {
    const m = await ctx.db
      .selectFrom('meetings')
      .selectAll()
      .where('id', '=', payload.meetingId)
      .executeTakeFirst();
    // Cancelled, moved (its new time has its own job) or already begun: nothing to remind.
    if (m?.status !== 'confirmed' || m.starts_at !== payload.startsAt) return;
    if (Date.parse(m.starts_at) <= now.getTime()) return;
    const key = meetingReminderKey(payload);
    await deliverOnce(
      ctx.db,
      now,
      { key, orgId: m.org_id, userId: payload.userId, channel: 'email', kind: 'meeting.reminder' },
      async () => {
        const mail = await reminderMail(ctx, m, payload.userId);
        if (!mail) return 'skipped';
        await ctx.mailer.send({ ...mail, headers: { 'Message-ID': messageId(key) } });
        return 'sent';
      },
    );
  },
);

export const pollReminder = defineJob(
  'meetings.poll-reminder',
  z.object({ participantId: z.string() }),
  async ({ ctx, now, payload }) => {
    // Nothing when they answered in the meantime or the poll is closed (polls.ts).
    await sendPollOnce(ctx, now, payload.participantId, {
      key: pollReminderKey(payload.participantId),
      reminder: true,
    });
  },
);

/** Day-before reminders: claims each confirmed meeting due within a day, one job per person. */
export async function sweepMeetingReminders(ctx: AppContext, now: Date): Promise<number> {
  const due = await ctx.db
    .selectFrom('meetings')
    .select('id')
    .where('status', '=', 'confirmed')
    .where('reminded_at', 'is', null)
    .where('starts_at', '>', now.toISOString())
    .where('starts_at', '<=', new Date(now.getTime() + DAY).toISOString())
    .execute();
  let enqueued = 0;
  for (const { id } of due) {
    await ctx.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('meetings')
        .set({ reminded_at: now.toISOString() })
        .where('id', '=', id)
        .where('status', '=', 'confirmed')
        .where('reminded_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return; // another sweep was faster
      const m = await trx
        .selectFrom('meetings')
        .select(['id', 'starts_at'])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const people = await trx
        .selectFrom('meeting_participants')
        .select('user_id')
        .where('meeting_id', '=', id)
        .orderBy('user_id')
        .execute();
      for (const { user_id } of people) {
        const payload = { meetingId: id, userId: user_id, startsAt: m.starts_at as string };
        const job = await enqueue(trx, meetingReminder, payload, {
          runAt: now,
          dedupeKey: meetingReminderKey(payload),
          now,
        });
        if (job) enqueued++;
      }
    });
  }
  return enqueued;
}

/** The one poll reminder: claims each person who has not answered two days after the poll opened. */
export async function sweepPollReminders(ctx: AppContext, now: Date): Promise<number> {
  const due = await ctx.db
    .selectFrom('meeting_participants')
    .innerJoin('meetings', 'meetings.id', 'meeting_participants.meeting_id')
    .select('meeting_participants.id')
    .where('meetings.status', '=', 'polling')
    .where('meetings.poll_expires_at', '>', now.toISOString())
    .where('meetings.created_at', '<=', new Date(now.getTime() - POLL_REMINDER_AFTER_MS).toISOString())
    .whereRef('meeting_participants.user_id', '!=', 'meetings.organiser_id')
    .where('meeting_participants.answered_at', 'is', null)
    .where('meeting_participants.poll_reminded_at', 'is', null)
    .execute();
  let enqueued = 0;
  for (const { id } of due) {
    await ctx.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('meeting_participants')
        .set({ poll_reminded_at: now.toISOString() })
        .where('id', '=', id)
        .where('poll_reminded_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) !== 1) return;
      const job = await enqueue(
        trx,
        pollReminder,
        { participantId: id },
        { runAt: now, dedupeKey: pollReminderKey(id), now },
      );
      if (job) enqueued++;
    });
  }
  return enqueued;
}
