import { z } from 'zod';
import { nameText, webUrl } from '../../domain/text.ts';

// Training sessions: what the coordination publishes, what tutors see and answer. Start, end and
// deadline are typed as local date-times of the organisation's zone ("2026-12-10T18:30") and read
// back as instants (ISO UTC) with the zone.

export const sessionKinds = ['initial', 'refresher', 'exchange'] as const;
export const sessionModes = ['in-person', 'video'] as const;
export const registrationStatuses = ['registered', 'waiting', 'cancelled'] as const;

const localDateTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, 'YYYY-MM-DDTHH:MM');

/** A session's fields as its form sends them (a network's session has no kind). */
export const sessionFields = z.object({
  title: nameText(1, 200),
  kind: z.enum(sessionKinds),
  start: localDateTime,
  end: localDateTime,
  mode: z.enum(sessionModes),
  place: nameText(1, 300).nullable().default(null),
  videoUrl: webUrl().nullable().default(null),
  capacity: z.number().int().min(1).max(500),
  description: z.string().trim().max(4000).default(''),
  registrationDeadline: localDateTime.nullable().default(null),
});

type Fields = z.infer<typeof sessionFields>;
/** Where a session takes place: a place in person, a link by video; the end after the start. */
export const coherent = (s: Partial<Fields>, ctx: z.RefinementCtx) => {
  if (s.start && s.end && s.end <= s.start)
    ctx.addIssue({ code: 'custom', path: ['end'], message: 'End after start' });
  if (s.mode === 'in-person' && !s.place)
    ctx.addIssue({ code: 'custom', path: ['place'], message: 'field_place_required' });
  if (s.mode === 'video' && !s.videoUrl)
    ctx.addIssue({ code: 'custom', path: ['videoUrl'], message: 'field_video_required' });
  if (s.registrationDeadline && s.start && s.registrationDeadline > s.start)
    ctx.addIssue({ code: 'custom', path: ['registrationDeadline'], message: 'field_deadline_after_start' });
};

export const sessionBody = sessionFields.superRefine(coherent);
export type SessionBody = z.infer<typeof sessionBody>;
/** A change is the whole session again, as the form shows it. */
export const sessionPatch = sessionBody;

export const attendanceBody = z.object({
  attendance: z
    .array(z.object({ userId: z.string(), status: z.enum(['present', 'absent']) }))
    .min(1)
    .max(500),
});

export const programmeParams = z.object({ programmeId: z.string() });
export const sessionParams = z.object({ sessionId: z.string() });

const person = z.object({ id: z.string(), name: z.string() });

export const sessionView = z.object({
  id: z.string(),
  programmeId: z.string(),
  title: z.string(),
  kind: z.enum(sessionKinds),
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  mode: z.enum(sessionModes),
  place: z.string().nullable(),
  videoUrl: z.string().nullable(),
  capacity: z.number(),
  description: z.string(),
  registrationDeadline: z.string().nullable(),
  cancelled: z.boolean(),
  past: z.boolean(),
  registered: z.number(),
  waiting: z.number(),
  /** The viewer's own place: registered, waiting (with their position) or none. */
  mine: z.object({
    status: z.enum(['registered', 'waiting', 'none']),
    position: z.number().nullable(),
    attendance: z.enum(['present', 'absent']).nullable(),
  }),
  actions: z.object({
    register: z.boolean(),
    cancelRegistration: z.boolean(),
    manage: z.boolean(),
    recordAttendance: z.boolean(),
  }),
});
export type SessionView = z.infer<typeof sessionView>;

export const registrationRow = person.extend({
  status: z.enum(['registered', 'waiting']),
  position: z.number().nullable(),
  attendance: z.enum(['present', 'absent']).nullable(),
});

export const sessionDetail = sessionView.extend({
  /** The coordination's lists; empty for a tutor. */
  registrations: z.array(registrationRow),
  waitingList: z.array(registrationRow),
});

export const untrainedRow = person.extend({
  tutorSince: z.string(),
  /** Registered (not waiting) for an initial session still to come, in any programme of the organisation. */
  registeredForInitial: z.boolean(),
});

export const programmeTraining = z.object({
  timeZone: z.string(),
  sessions: z.array(sessionView),
  /** The coordination's view: the tutors with no attendance at an initial training; null for tutors. */
  untrained: z.array(untrainedRow).nullable(),
  actions: z.object({ create: z.boolean() }),
});

export const createdView = z.object({ id: z.string() });
export const okView = z.object({ ok: z.literal(true) });
