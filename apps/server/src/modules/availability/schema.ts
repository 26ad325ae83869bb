import { z } from 'zod';
import { nameText } from '../../domain/text.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

export const ruleBody = z
  .object({
    category: z.enum(['night-shift', 'course', 'internship', 'clinic', 'absence', 'preference', 'other']),
    kind: z.enum(['busy', 'ifNeedBe']),
    pattern: z.enum(['weekly', 'fortnightly', 'monthly', 'dates']),
    weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
    nth: z
      .union([z.literal(-1), z.number().int().min(1).max(4)])
      .nullable()
      .default(null),
    startTime: time,
    endTime: time,
    fromDate: date.nullable().default(null),
    toDate: date.nullable().default(null),
    restAfter: z.boolean().default(false),
  })
  .refine((r) => r.pattern === 'dates' || r.weekdays.length > 0, {
    message: 'Choose at least one day of the week',
    path: ['weekdays'],
  })
  .refine((r) => r.pattern !== 'monthly' || r.nth !== null, { message: 'Choose which week', path: ['nth'] })
  .refine((r) => r.pattern !== 'fortnightly' || r.fromDate !== null, {
    message: 'Give the date of the first week (every other week is counted from it)',
    path: ['fromDate'],
  })
  .refine((r) => r.pattern !== 'fortnightly' || !r.fromDate || !r.toDate || r.fromDate <= r.toDate, {
    message: 'The last date is before the first',
    path: ['toDate'],
  })
  .refine((r) => r.pattern !== 'dates' || (r.fromDate && r.toDate && r.fromDate <= r.toDate), {
    message: 'Give the first and last dates',
    path: ['toDate'],
  });
export type RuleBody = z.infer<typeof ruleBody>;

export const ruleView = z.object({
  id: z.string(),
  category: z.string(),
  kind: z.enum(['busy', 'ifNeedBe']),
  pattern: z.enum(['weekly', 'fortnightly', 'monthly', 'dates']),
  weekdays: z.array(z.number()),
  nth: z.number().nullable(),
  startTime: z.string(),
  endTime: z.string(),
  fromDate: z.string().nullable(),
  toDate: z.string().nullable(),
  restAfter: z.boolean(),
});

/** A constraint typed as a phrase ("garde tous les mardis"). */
export const phraseBody = z.object({ text: z.string().max(1000) });

export const phraseView = z.object({
  understood: z.boolean(),
  /** `add`: a new rule; `rest-after`: the day after the person's night shifts changes. */
  action: z.enum(['add', 'rest-after']).nullable(),
  rule: ruleView.omit({ id: true }).nullable(),
  /** Every other week said without its first date: it was taken as the next such weekday. */
  startGuessed: z.boolean(),
  restAfter: z.boolean().nullable(),
  /** What was not understood, and how to say it. */
  error: z
    .object({ code: z.string(), message: z.string(), messageEn: z.string(), part: z.string().nullable() })
    .nullable(),
});

export const phraseSaved = z.object({
  action: z.enum(['add', 'rest-after']),
  id: z.string().nullable(),
  updated: z.number(),
});

export const calendarBody = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('upload'),
    label: nameText(1, 120),
    text: z.string().min(1).max(2_000_000),
  }),
  z.object({
    kind: z.literal('url'),
    label: nameText(1, 120),
    url: z
      .string()
      .trim()
      .max(2000)
      .transform((u) => u.replace(/^webcal:\/\//i, 'https://'))
      .pipe(z.string().url()),
  }),
]);

export type CalendarBody = z.infer<typeof calendarBody>;

export const calendarView = z.object({
  id: z.string(),
  kind: z.enum(['upload', 'url']),
  label: z.string(),
  busyCount: z.number(),
  fetchedAt: z.string().nullable(),
  lastError: z.string().nullable(),
});

/** A programme event (course day, welcome day): busy ones block everyone's times. */
export const eventView = z.object({
  id: z.string(),
  programmeId: z.string(),
  title: z.string(),
  kind: z.string(),
  start: z.string(),
  end: z.string(),
  busy: z.boolean(),
});

export const availabilityView = z.object({
  timeZone: z.string(),
  rules: z.array(ruleView),
  calendars: z.array(calendarView),
  events: z.array(eventView),
  hasFeed: z.boolean(),
});
