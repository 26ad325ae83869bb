import { z } from 'zod';
import { competencyLevels, frameworkSchema } from './framework.ts';

// The portfolio's requests and responses. Dates named `…On` and `…Week` are calendar days
// (YYYY-MM-DD) in the organisation's zone; `…At` are instants (ISO-8601 UTC).

export const programmeParams = z.object({ programmeId: z.string() });
export const residentParams = z.object({ programmeId: z.string(), residentId: z.string() });
export const traceParams = z.object({ traceId: z.string() });
export const attachmentParams = z.object({ attachmentId: z.string() });
export const tokenParams = z.object({ token: z.string().min(10).max(200) });

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD');
const person = z.object({ id: z.string(), name: z.string() });

export const traceStates = ['planned', 'draft', 'submitted', 'revision', 'validated'] as const;
export const linkedCompetency = z.object({ id: z.string(), level: z.enum(competencyLevels) });

export const frameworkView = z.object({ framework: frameworkSchema, editable: z.boolean() });
export const frameworkBody = z.object({ framework: frameworkSchema });

/** A trace as listed: what it is, where it stands, never its text. */
export const traceSummary = z.object({
  id: z.string(),
  typeId: z.string(),
  typeLabel: z.string(),
  phaseId: z.string(),
  period: z.string(),
  title: z.string(),
  family: z.string().nullable(),
  state: z.enum(traceStates),
  dueOn: day,
  revisionDueOn: day.nullable(),
  /** Past its due date (or its revision's) and not submitted. */
  late: z.boolean(),
  /** Monday of the week the tutor is asked to read it, while it waits for them. */
  reviewWeek: day.nullable(),
  /** The tutor's weekly cap put it after the week it was sent in. */
  deferred: z.boolean(),
  submittedAt: z.string().nullable(),
  validatedAt: z.string().nullable(),
  versions: z.number(),
  competencies: z.array(linkedCompetency),
});

export const quotaLine = z.object({
  typeId: z.string(),
  typeLabel: z.string(),
  expected: z.number(),
  submitted: z.number(),
  validated: z.number(),
});

export const ratingPoint = z.object({
  competencyId: z.string(),
  level: z.enum(competencyLevels),
  source: z.enum(['trace', 'interview', 'supervisor', 'synthesis']),
  ratedAt: z.string(),
  period: z.string(),
});

export const portfolioView = z.object({
  orgId: z.string(),
  timeZone: z.string(),
  programme: z.object({ id: z.string(), name: z.string() }),
  resident: person.extend({ desYear: z.number().nullable() }),
  /** The resident's phase, or null when their DES year is unknown (the portfolio then waits). */
  phase: z.object({ id: z.string(), label: z.string() }).nullable(),
  /** The current semester: its label and the internship's first and last day. */
  period: z.object({ label: z.string(), startsOn: day, endsOn: day, site: z.string().nullable() }),
  tutor: person.nullable(),
  /** The viewer: 'self' (the resident) or 'tutor'. */
  viewer: z.enum(['self', 'tutor']),
  traces: z.array(traceSummary),
  quotas: z.array(quotaLine),
  /** The competency map: every level recorded, oldest first. */
  ratings: z.array(ratingPoint),
  weeklyReviewCap: z.number(),
});
export type PortfolioView = z.infer<typeof portfolioView>;

export const attachmentView = z.object({
  id: z.string(),
  filename: z.string(),
  mime: z.string(),
  size: z.number(),
});

export const versionView = z.object({
  number: z.number(),
  body: z.string(),
  submittedAt: z.string().nullable(),
  attachments: z.array(attachmentView),
});

export const traceMessageView = z.object({
  id: z.string(),
  author: person.nullable(),
  mine: z.boolean(),
  kind: z.enum(['comment', 'revision', 'validation', 'submission']),
  versionNumber: z.number(),
  quote: z.string().nullable(),
  body: z.string(),
  at: z.string(),
});

export const expectationView = z.object({
  competencyId: z.string(),
  label: z.string(),
  level: z.enum(competencyLevels),
  text: z.string(),
});

export const traceView = z.object({
  trace: traceSummary,
  orgId: z.string(),
  timeZone: z.string(),
  programme: z.object({ id: z.string(), name: z.string() }),
  resident: person,
  reviewer: person.nullable(),
  viewer: z.enum(['self', 'tutor', 'link']),
  /** Oldest first; the last one is the draft while the trace is planned, a draft or in revision. */
  versions: z.array(versionView),
  messages: z.array(traceMessageView),
  /** The template the trace type offers, for an empty draft. */
  template: z.string().nullable(),
  families: z.array(z.string()),
  /** What the resident's phase expects of each competency: all the tutor needs to link them. */
  expectations: z.array(expectationView),
  /** What the viewer may do now. */
  can: z.object({ edit: z.boolean(), submit: z.boolean(), review: z.boolean(), comment: z.boolean() }),
});
export type TraceView = z.infer<typeof traceView>;

export const draftBody = z.object({
  title: z.string().trim().min(1).max(200),
  family: z.string().trim().max(200).nullable().optional(),
  body: z.string().max(100_000),
});

export const commentBody = z.object({
  body: z.string().trim().min(1).max(10_000),
  /** The passage commented on, copied from the text. */
  quote: z.string().trim().max(2000).nullable().optional(),
});

export const revisionBody = z.object({ body: z.string().trim().min(1).max(10_000), dueOn: day });

export const validateBody = z.object({
  body: z.string().trim().max(10_000).optional(),
  competencies: z.array(linkedCompetency).max(12),
});

export const submittedView = z.object({
  trace: traceSummary,
  /** The week the tutor is asked to read it, and whether the weekly cap pushed it past this week. */
  reviewWeek: day.nullable(),
  deferred: z.boolean(),
});

export const queueItem = z.object({
  trace: traceSummary,
  resident: person,
  programme: z.object({ id: z.string(), name: z.string() }),
});

export const queueView = z.object({
  orgId: z.string(),
  timeZone: z.string(),
  weeklyReviewCap: z.number(),
  thisWeek: day,
  /** Asked of the tutor this week or earlier and not reviewed yet. */
  due: z.array(queueItem),
  /** Submitted, planned for a later week by the cap: counts per week. */
  later: z.array(z.object({ week: day, count: z.number() })),
});

export const overviewBucket = z.object({
  phaseId: z.string(),
  phaseLabel: z.string(),
  residents: z.number(),
  due: z.number(),
  submitted: z.number(),
  validated: z.number(),
  late: z.number(),
});

export const overviewView = z.object({
  programme: z.object({ id: z.string(), name: z.string() }),
  period: z.string(),
  cohorts: z.array(z.object({ id: z.string(), name: z.string() })),
  cohortId: z.string().nullable(),
  phases: z.array(overviewBucket),
  /** Reviews asked of each tutor per week (counts only). */
  tutorLoad: z.array(
    z.object({ tutor: person, weeks: z.array(z.object({ week: day, count: z.number() })), cap: z.number() }),
  ),
});

export const myPortfoliosView = z.object({
  programmes: z.array(z.object({ id: z.string(), name: z.string(), orgId: z.string() })),
});

export const overviewQuery = z.object({ cohortId: z.string().optional() });
