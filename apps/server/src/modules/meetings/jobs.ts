import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { defineJob, defineSchedule } from '../../jobs/registry.ts';
import { refreshSubscriptions } from './availability-service.ts';
import { sendMeetingReminders, sendPollReminders } from './service.ts';

// The sweeps read the runner's `now`, not the wall clock.
const at = (ctx: AppContext, now: Date): AppContext => ({ ...ctx, clock: { now: () => now } });

/**
 * Day-before reminders and the one poll reminder. Each meeting (and each participant's poll) is
 * claimed by a conditional UPDATE before anything is sent, so a sweep that runs twice — or on two
 * processes — sends each message once.
 */
export const meetingRemindersSweep = defineJob('meetings.reminders', z.object({}), async ({ ctx, now }) => {
  await sendMeetingReminders(at(ctx, now));
  await sendPollReminders(at(ctx, now));
});
defineSchedule('meetings.reminders', 15 * 60_000);

/** Subscribed iCalendar addresses are read again when their busy times are over an hour old. */
export const calendarRefreshSweep = defineJob(
  'meetings.calendar-refresh',
  z.object({}),
  async ({ ctx, now }) => {
    await refreshSubscriptions(at(ctx, now));
  },
);
defineSchedule('meetings.calendar-refresh', 30 * 60_000);
