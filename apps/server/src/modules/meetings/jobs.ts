import type { AppContext } from '../../context.ts';
import { defineJob, noPayload } from '../../jobs/registry.ts';
import { refreshSubscriptions } from '../availability/calendars.ts';
import { sweepMeetingReminders, sweepPollReminders } from './reminders.ts';

// The sweeps read the runner's `now`, not the wall clock.
const at = (ctx: AppContext, now: Date): AppContext => ({ ...ctx, clock: { now: () => now } });

/**
 * Day-before reminders and the one poll reminder: the sweep only enqueues one job per recipient
 * (reminders.ts), which sends that person's e-mail once.
 */
export const meetingRemindersSweep = defineJob('meetings.reminders', noPayload, async ({ ctx, now }) => {
  await sweepMeetingReminders(ctx, now);
  await sweepPollReminders(ctx, now);
});

/** Subscribed iCalendar addresses are read again when their busy times are over an hour old. */
export const calendarRefreshSweep = defineJob(
  'meetings.calendar-refresh',
  noPayload,
  async ({ ctx, now }) => {
    await refreshSubscriptions(at(ctx, now));
  },
);
