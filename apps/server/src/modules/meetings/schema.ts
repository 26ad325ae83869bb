import { z } from 'zod';
import { nameText, webUrl } from '../../domain/text.ts';
import { errorTexts } from '../../http/error-texts.ts';
import { interviewGrid, interviewView, meetingKinds } from './interview-schema.ts';

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'HH:MM');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const instant = z.string().datetime({ offset: true });

// Programme events are shown with each person's availability; the web app reads these from here.
export { availabilityView, eventView, phraseView } from '../availability/schema.ts';

export const modeSchema = z.enum(['in-person', 'video', 'phone']);
export const answerSchema = z.enum(['yes', 'ifNeedBe', 'no']);
export const attendanceSchema = z.enum(['present', 'excused', 'absent']);
export const channelSchema = z.enum(['call', 'sms', 'email', 'in-person', 'video']);

export const eventBody = z
  .object({
    title: nameText(1, 200),
    kind: z.enum(['course-day', 'welcome-day', 'other']),
    start: instant,
    end: instant,
    busy: z.boolean().default(true),
  })
  .refine((e) => Date.parse(e.end) > Date.parse(e.start), { message: 'End after start', path: ['end'] });

export const eventPatch = z
  .object({
    title: nameText(1, 200),
    kind: z.enum(['course-day', 'welcome-day', 'other']),
    start: instant,
    end: instant,
    busy: z.boolean(),
  })
  .partial();

export const slotsBody = z
  .object({
    participantIds: z.array(z.string()).min(1).max(60),
    requiredIds: z.array(z.string()).max(60).default([]),
    durationMinutes: z.number().int().min(15).max(600),
    from: date,
    to: date,
    dayStart: time.default('08:00'),
    dayEnd: time.default('21:30'),
    limit: z.number().int().min(1).max(20).default(6),
  })
  .refine((b) => b.from <= b.to, { message: 'The end of the window is before its start', path: ['to'] });

const personRef = z.object({ id: z.string(), name: z.string() });

export const slotsView = z.object({
  timeZone: z.string(),
  people: z.array(personRef),
  slots: z.array(
    z.object({
      start: z.string(),
      end: z.string(),
      free: z.array(z.string()),
      ifNeedBe: z.array(z.string()),
      busy: z.array(z.string()),
    }),
  ),
});

export const meetingBody = z
  .object({
    /** A tutored interview (a pair's tutor, in a programme with a portfolio) has its own report. */
    kind: z.enum(meetingKinds).default('meeting'),
    /** Optional for an interview: "Entretien tuteuré". */
    title: nameText(1, 200).optional(),
    mode: modeSchema,
    place: nameText(0, 300).nullable().default(null),
    /** A video meeting's link (https); only its participants see it. */
    videoUrl: webUrl().nullable().default(null),
    guideId: z.string().nullable().default(null),
    /** A meeting of the organiser's tutor team, with the team's own report (modules/teams). */
    teamId: z.string().nullable().default(null),
    durationMinutes: z.number().int().min(15).max(600),
    participantIds: z.array(z.string()).min(1).max(60),
    requiredIds: z.array(z.string()).max(60).default([]),
    options: z
      .array(z.object({ start: instant }))
      .min(1)
      .max(12),
  })
  .refine((b) => b.videoUrl === null || b.mode === 'video', {
    message: errorTexts.fr.video_url_not_video,
    params: { code: 'video_url_not_video' },
    path: ['videoUrl'],
  })
  .refine((b) => b.title !== undefined || b.kind === 'tutored-interview', {
    message: errorTexts.fr.title_required,
    params: { code: 'title_required' },
    path: ['title'],
  });

export const meetingPatch = z.object({
  title: nameText(1, 200).optional(),
  mode: modeSchema.optional(),
  place: nameText(0, 300).nullable().optional(),
  videoUrl: webUrl().nullable().optional(),
  start: instant.optional(),
});

export const answersBody = z.object({
  answers: z
    .array(z.object({ optionId: z.string(), answer: answerSchema }))
    .min(1)
    .max(12),
});

const counts = z.object({ yes: z.number(), ifNeedBe: z.number(), no: z.number() });

export const meetingSummary = z.object({
  id: z.string(),
  programmeId: z.string(),
  kind: z.enum(meetingKinds),
  title: z.string(),
  mode: modeSchema,
  status: z.enum(['polling', 'confirmed', 'cancelled']),
  start: z.string().nullable(),
  end: z.string().nullable(),
  durationMinutes: z.number(),
  organiser: personRef,
  participants: z.array(personRef.extend({ attendance: attendanceSchema.nullable() })),
  reportStatus: z.enum(['none', 'draft', 'filed']),
});

/**
 * The organiser's nudge of those who have not answered the poll: how many have not, how many may be
 * nudged now (one nudge each per NUDGE_EVERY_HOURS), when the last was sent and when the next may be.
 */
export const nudgeView = z.object({
  waiting: z.number(),
  ready: z.number(),
  lastAt: z.string().nullable(),
  nextAt: z.string().nullable(),
  everyHours: z.number(),
});

export const meetingView = meetingSummary.extend({
  place: z.string().nullable(),
  /** Its participants only (a coordinator who is not one reads null). */
  videoUrl: z.string().nullable(),
  timeZone: z.string(),
  guide: z
    .object({
      id: z.string(),
      title: z.string(),
      themes: z.array(z.string()),
      /** The guide's Markdown text, for the organiser only. */
      body: z.string().nullable(),
    })
    .nullable(),
  myRole: z.enum(['organiser', 'participant', 'coordinator']),
  pollExpiresAt: z.string().nullable(),
  options: z.array(
    z.object({
      id: z.string(),
      start: z.string(),
      end: z.string(),
      counts,
      myAnswer: answerSchema.nullable(),
      /** Who answered what: the organiser only. */
      answers: z.array(z.object({ userId: z.string(), answer: answerSchema })).nullable(),
    }),
  ),
  answered: z.array(z.string()).nullable(),
  /** The organiser's, while the poll is open. */
  nudge: nudgeView.nullable(),
  actions: z.object({
    answer: z.boolean(),
    confirm: z.boolean(),
    edit: z.boolean(),
    cancel: z.boolean(),
    report: z.boolean(),
    viewReport: z.boolean(),
    nudge: z.boolean(),
  }),
});

export const pollView = z.object({
  title: z.string(),
  organiserName: z.string(),
  programmeName: z.string(),
  mode: modeSchema,
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  durationMinutes: z.number(),
  timeZone: z.string(),
  status: z.enum(['polling', 'confirmed', 'cancelled']),
  confirmed: z.object({ start: z.string(), end: z.string() }).nullable(),
  expiresAt: z.string().nullable(),
  me: z.object({ name: z.string() }),
  options: z.array(
    z.object({
      id: z.string(),
      start: z.string(),
      end: z.string(),
      myAnswer: answerSchema.nullable(),
      counts,
    }),
  ),
});

export const reportContent = z.object({
  place: z.string().max(300).default(''),
  themes: z.string().max(10_000).default(''),
  problems: z.string().max(10_000).default(''),
  conclusions: z.string().max(10_000).default(''),
  remarks: z.string().max(10_000).default(''),
  nextMeetingDate: date.nullable().default(null),
});

export const reportBody = z.object({
  attendance: z.array(z.object({ userId: z.string(), status: attendanceSchema })).max(60),
  durationMinutes: z.number().int().min(1).max(1440).nullable(),
  /** An ordinary meeting's report; an interview's writes `interview` instead. */
  content: reportContent.default(reportContent.parse({})),
  interview: interviewGrid.optional(),
  file: z.boolean().default(false),
});

export const reportView = z.object({
  status: z.enum(['none', 'draft', 'filed']),
  date: z.string().nullable(),
  timeZone: z.string(),
  /** As recorded by the report; null until one is written. */
  durationMinutes: z.number().nullable(),
  /** The meeting's planned length, to pre-fill the report. */
  plannedMinutes: z.number(),
  attendance: z.array(
    z.object({ userId: z.string(), name: z.string(), status: attendanceSchema.nullable() }),
  ),
  /** Present only when the viewer may read the content (the programme's rule). */
  content: reportContent.nullable(),
  contentVisible: z.boolean(),
  filedAt: z.string().nullable(),
  actions: z.object({ edit: z.boolean() }),
  kind: z.enum(meetingKinds),
  /** A tutored interview's grid, signatures and what the viewer may do with them. */
  interview: interviewView.nullable(),
});

export const contactBody = z.object({
  tuteeId: z.string(),
  channel: channelSchema,
  happenedAt: instant.optional(),
  /** false: an attempt that got no answer (a call not picked up, an SMS left unanswered). Default true. */
  answered: z.boolean().optional(),
});

export const contactsView = z.object({
  target: z.number(),
  per: z.string(),
  contactEveryDays: z.number().nullable(),
  rows: z.array(
    z.object({
      tutee: personRef,
      tutor: personRef,
      lastContactAt: z.string().nullable(),
      lastChannel: z.string().nullable(),
      meetingsInPeriod: z.number(),
      contactsInPeriod: z.number(),
      overdue: z.boolean(),
      /** Attempts without an answer since the last contact: "2ᵉ tentative sans réponse". */
      unansweredAttempts: z.number(),
    }),
  ),
  actions: z.object({ log: z.boolean() }),
});

export const programmeMeetingsView = z.object({
  timeZone: z.string(),
  meetings: z.array(meetingSummary),
  candidates: z.array(personRef.extend({ role: z.string() })),
  /** Who a new meeting invites at first: one tutee where the programme works in pairs, the group where in groups. */
  defaults: z.object({ unit: z.enum(['pair', 'group']), participantIds: z.array(z.string()) }),
  guides: z.array(
    z.object({ id: z.string(), title: z.string(), when: z.string(), themes: z.array(z.string()) }),
  ),
  actions: z.object({ create: z.boolean(), createEvent: z.boolean(), createInterview: z.boolean() }),
});

// Route parameters, shared by the route files of this module.
export const programmeParams = z.object({ programmeId: z.string() });
export const meetingParams = z.object({ meetingId: z.string() });
export const eventParams = programmeParams.extend({ eventId: z.string() });
export const tokenParams = z.object({ token: z.string().min(20).max(200) });
export const created = z.object({ id: z.string() });
