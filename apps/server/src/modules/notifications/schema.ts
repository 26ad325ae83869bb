import { z } from 'zod';

// The views of notifications and preferences are shared with the follow-up screens that show them.
export { notificationsView, preferencesSchema, preferencesView } from '../followup/schema.ts';

/** The private token of an unsubscribe link (List-Unsubscribe). */
export const tokenQuery = z.object({ token: z.string().min(10).max(200) });
/** Notifications to mark read; none means all. */
export const markReadBody = z.object({ ids: z.array(z.string()).max(200).optional() });

const nextMeeting = z.object({
  id: z.string(),
  title: z.string(),
  programme: z.object({ id: z.string(), name: z.string() }),
  start: z.string(),
  end: z.string().nullable(),
  mode: z.string(),
  /** The organisation's time zone: the date is shown in it. */
  timeZone: z.string(),
  link: z.string(),
});

/** What comes next for the signed-in person, across their organisations and programmes. */
export const nextView = z.object({
  /** Their next confirmed meetings, soonest first. */
  meetings: z.array(nextMeeting),
  /** Polls that wait for their answer. */
  polls: z.array(nextMeeting.extend({ start: z.null(), expiresAt: z.string(), organiser: z.string() })),
  /** Meetings they organised that have taken place and have no filed report. */
  reports: z.array(nextMeeting),
  unread: z.number(),
  /** For each programme they coordinate: its open follow-up alerts. */
  alerts: z.array(
    z.object({
      programme: z.object({ id: z.string(), name: z.string() }),
      open: z.number(),
      link: z.string(),
    }),
  ),
});
