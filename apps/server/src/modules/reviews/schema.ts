import { z } from 'zod';
import { endReviewThemes, MAX_TEXT, textIds } from './questions.ts';

// End reviews and questionnaires: request and response schemas (the web app infers its types from them).

export const reviewParams = z.object({ reviewId: z.string() });
export const programmeParams = z.object({ programmeId: z.string() });
export const questionnaireParams = z.object({ questionnaireId: z.string() });
export const askParams = z.object({ askId: z.string() });

const scale = z.number().int().min(1).max(5);

/** A draft or its final version: every field may be empty until it is submitted. */
export const endReviewBody = z.object({
  texts: z.partialRecord(z.enum(textIds), z.string().trim().max(MAX_TEXT)).default({}),
  scales: z.record(z.string().max(40), scale).default({}),
  themes: z.array(z.enum(endReviewThemes)).max(endReviewThemes.length).default([]),
  /** A theme of the reviewer's own, counted only when they share their review. */
  otherTheme: z.string().trim().max(120).nullable().default(null),
  /** "Share my review with the coordination": the free answers and themes, with the author's name. */
  shared: z.boolean().default(false),
});
export type EndReviewBody = z.infer<typeof endReviewBody>;

const question = z.object({ id: z.string(), label: z.string(), hint: z.string().nullable() });
const named = z.object({ id: z.string(), name: z.string() });

export const endReviewView = z.object({
  id: z.string(),
  orgId: z.string(),
  programme: named,
  title: z.string(),
  role: z.enum(['tutor', 'tutee']),
  /** The author, for the coordination reading a review shared with it; null for the author. */
  author: named.nullable(),
  /** The people of the pair or group it is about, as the author knew them. */
  with: z.array(z.string()),
  endedAt: z.string(),
  invitedAt: z.string(),
  updatedAt: z.string(),
  submittedAt: z.string().nullable(),
  questions: z.object({ texts: z.array(question), scales: z.array(question) }),
  themes: z.array(z.object({ id: z.enum(endReviewThemes), label: z.string() })),
  answers: endReviewBody.required(),
  actions: z.object({ edit: z.boolean(), submit: z.boolean() }),
});
export type EndReviewView = z.infer<typeof endReviewView>;

export const myEndReviewsView = z.array(
  z.object({
    id: z.string(),
    orgId: z.string(),
    programme: named,
    title: z.string(),
    with: z.array(z.string()),
    endedAt: z.string(),
    submittedAt: z.string().nullable(),
  }),
);

const aggregate = z.object({
  id: z.string(),
  label: z.string(),
  answers: z.number(),
  /** Null under `minAggregate` answers: withheld. */
  mean: z.number().nullable(),
  shown: z.boolean(),
});
export type Aggregate = z.infer<typeof aggregate>;

/** What the coordination gets of a programme's end reviews: counts, aggregates ≥ 5, the reviews shared with it. */
export const programmeEndReviewsView = z.object({
  minAggregate: z.number(),
  invited: z.number(),
  submitted: z.number(),
  scales: z.array(aggregate),
  shared: z.array(
    z.object({
      id: z.string(),
      author: z.string(),
      role: z.enum(['tutor', 'tutee']),
      submittedAt: z.string(),
    }),
  ),
});

// ── Questionnaires ──

export const audiences = ['tutors', 'tutees', 'both'] as const;
export const moments = ['after-start', 'at-end', 'on-date'] as const;
export const questionKinds = ['scale', 'yesno', 'text'] as const;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'yyyy-mm-dd');

export const questionnaireBody = z
  .object({
    title: z.string().trim().min(1).max(200),
    audience: z.enum(audiences),
    questions: z
      .array(z.object({ kind: z.enum(questionKinds), label: z.string().trim().min(1).max(300) }))
      .min(1)
      .max(20),
    moment: z.enum(moments),
    /** For `after-start`: how many months after the pair starts. */
    months: z.number().int().min(1).max(48).nullable().default(null),
    /** For `on-date`: the day it is sent, in the organisation's zone. */
    sendOn: isoDate.nullable().default(null),
    active: z.boolean().default(true),
  })
  .refine((q) => q.moment !== 'after-start' || q.months !== null, {
    message: 'Indiquez après combien de mois / Say after how many months',
    path: ['months'],
  })
  .refine((q) => q.moment !== 'on-date' || q.sendOn !== null, {
    message: 'Indiquez la date d’envoi / Give the sending date',
    path: ['sendOn'],
  });
export type QuestionnaireBody = z.infer<typeof questionnaireBody>;

const storedQuestion = z.object({ id: z.string(), kind: z.enum(questionKinds), label: z.string() });
export const storedQuestions = z.array(storedQuestion);

const result = z.object({
  questionId: z.string(),
  kind: z.enum(questionKinds),
  label: z.string(),
  answers: z.number(),
  shown: z.boolean(),
  /** Scale: the mean; yes/no: the share of yes in percent; text: the answers in alphabetical order. */
  mean: z.number().nullable(),
  yesPercent: z.number().nullable(),
  texts: z.array(z.string()).nullable(),
});

export const questionnaireView = z.object({
  id: z.string(),
  title: z.string(),
  audience: z.enum(audiences),
  questions: storedQuestions,
  moment: z.enum(moments),
  months: z.number().nullable(),
  sendOn: z.string().nullable(),
  active: z.boolean(),
  asked: z.number(),
  answered: z.number(),
  /** Questions are fixed once somebody answered: the answers must keep their meaning. */
  locked: z.boolean(),
  results: z.array(result),
});

export const programmeQuestionnairesView = z.object({
  minAggregate: z.number(),
  questionnaires: z.array(questionnaireView),
  actions: z.object({ edit: z.boolean() }),
});

export const myQuestionnairesView = z.array(
  z.object({ askId: z.string(), programme: named, title: z.string(), askedAt: z.string() }),
);

export const askView = z.object({
  id: z.string(),
  programme: named,
  title: z.string(),
  questions: storedQuestions,
  answered: z.boolean(),
});

export const answerBody = z.object({
  answers: z.record(z.string().max(40), z.union([scale, z.boolean(), z.string().trim().max(1000)])),
});
export const createdView = z.object({ id: z.string() });
