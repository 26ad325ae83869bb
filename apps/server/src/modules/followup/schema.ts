import { z } from 'zod';
import { preferencesSchema } from '../../notify/preferences.ts';
import { dashboardAbsences } from '../absences/schema.ts';
import { alertRules } from './rules.ts';

const person = z.object({ id: z.string(), name: z.string() });

/** What an alert measured when it fired (followup_alerts.detail): days, limits, attempts. */
export const alertDetailSchema = z.record(z.string(), z.number());

export const alertView = z.object({
  id: z.string(),
  pairingId: z.string(),
  rule: z.enum(alertRules),
  state: z.enum(['open', 'snoozed', 'closed', 'resolved']),
  /** Who it is addressed to now: the tutor first, the coordinators once it persists. */
  level: z.enum(['tutor', 'coordinator']),
  openedAt: z.string(),
  escalatedAt: z.string().nullable(),
  snoozedUntil: z.string().nullable(),
  closedAt: z.string().nullable(),
  closeNote: z.string().nullable(),
  detail: alertDetailSchema,
  tutor: person,
  tutee: person,
  actions: z.object({
    snooze: z.boolean(),
    close: z.boolean(),
    messageTutor: z.boolean(),
    logActivity: z.boolean(),
  }),
});
export type AlertView = z.infer<typeof alertView>;

export const alertsView = z.object({
  alerts: z.array(alertView),
  myPairs: z.array(z.object({ pairingId: z.string(), tutee: person, lastContactAt: z.string().nullable() })),
});

export const dashboardView = z.object({
  programme: z.object({
    id: z.string(),
    name: z.string(),
    unit: z.string(),
    meetingsPer: z.string(),
    target: z.number(),
  }),
  cohorts: z.array(z.object({ id: z.string(), name: z.string() })),
  cohortId: z.string().nullable(),
  pairs: z.object({ byState: z.record(z.string(), z.number()), groups: z.number() }),
  meetingsByMonth: z.array(z.object({ month: z.string(), held: z.number(), target: z.number() })),
  lastContact: z.array(z.object({ bucket: z.string(), count: z.number() })),
  alerts: z.object({
    open: z.number(),
    escalated: z.number(),
    byRule: z.record(z.string(), z.number()),
    list: z.array(alertView),
  }),
  tutorLoad: z.array(
    z.object({ tutor: person, active: z.number(), capacity: z.number().nullable(), openAlerts: z.number() }),
  ),
  /** Who is away now or soon, until when, and the tutees without an accepted backup (modules/absences). */
  absences: dashboardAbsences,
  actions: z.object({ review: z.boolean() }),
});

/**
 * A contact with the tutee, or an attempt that got no answer, written to the contact log. Meetings
 * and their reports are not logged here: they are the meetings pages' records.
 */
export const activityBody = z.object({
  pairingId: z.string().min(1),
  kind: z.enum(['contact', 'attempt']),
  // 'phone' is accepted as the older word for 'call'.
  channel: z.enum(['call', 'sms', 'email', 'in-person', 'video', 'phone']).optional(),
  at: z.iso.datetime().optional(),
});
export type ActivityBody = z.infer<typeof activityBody>;

export const snoozeBody = z.object({ days: z.number().int().min(1).max(90) });
export const closeBody = z.object({
  note: z.string().trim().min(1).max(1000),
  outcome: z.enum(['handled', 'repairing']).default('handled'),
});
export const messageBody = z.object({ text: z.string().trim().min(1).max(2000) });

export const reviewQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });

export const notificationView = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  /** The organisation it comes from: its dates are shown in that organisation's time zone. */
  orgId: z.string().nullable(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export const notificationsView = z.object({ unread: z.number(), items: z.array(notificationView) });
export const preferencesView = preferencesSchema.extend({ phoneForSms: z.boolean() });
export { preferencesSchema };

/**
 * The yearly review's figures the review screen reads. The review sends more (the CSV and PDF hold
 * it all); review.ts checks at compile time that every review has these.
 */
export const reviewSummaryView = z.object({
  year: z.number(),
  period: z.object({ startMonth: z.number(), start: z.string(), end: z.string() }),
  participation: z.object({
    tutors: z.number(),
    tutees: z.number(),
    pairs: z.number(),
    pairsEndedEarly: z.number(),
  }),
  meetings: z.object({ total: z.number(), perPairMean: z.number() }),
  /** The pairs against the programme's minimum of meetings, completed and ended early (review-mentoring.ts). */
  mentoring: z.object({
    meetingsMinimum: z.number(),
    pairsAtMinimum: z.number(),
    pairsBelowMinimum: z.number(),
    completed: z.number(),
    endedEarly: z.number(),
    /** Pairs whose charter the three parties signed; null where the programme requires none. */
    chartersSigned: z.number().nullable(),
    /** Requests to join that reached the coordination in the year; null when none came. */
    requests: z
      .object({
        received: z.number(),
        accepted: z.number(),
        declined: z.number(),
        matched: z.number(),
        medianDaysToMatch: z.number().nullable(),
      })
      .nullable(),
  }),
  /** End reviews and questionnaires, in aggregate (reviews/yearly.ts); a mean under the minimum is null. */
  qualitative: z.object({
    endReviews: z.object({
      invited: z.number(),
      submitted: z.number(),
      shared: z.number(),
      scales: z.array(z.object({ id: z.string(), answers: z.number(), mean: z.number().nullable() })),
    }),
    themes: z.object({
      themes: z.array(z.object({ id: z.string(), count: z.number() })),
      suggestions: z.array(z.string()),
    }),
    questionnaires: z.array(z.object({ id: z.string(), title: z.string(), answers: z.number() })),
  }),
  minAggregate: z.number(),
  /** Systemic difficulties by theme; a count under `minimum` is withheld (null). */
  difficultyThemes: z.object({
    minimum: z.number(),
    themes: z.array(z.object({ category: z.string(), count: z.number().nullable() })),
  }),
});
