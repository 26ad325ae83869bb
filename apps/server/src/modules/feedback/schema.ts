import { z } from 'zod';

/** The tutoring skills of the self-evaluation and of peer feedback, each rated on 4 levels. */
export const skillItems = [
  'listening',
  'availability',
  'traceFeedback',
  'portfolio',
  'spotDifficulty',
  'orientNotTreat',
  'confidentiality',
  'project',
] as const;
export type SkillItem = (typeof skillItems)[number];
export const SKILL_LEVELS = 4;

/** The questions a tutee answers anonymously about their tutor, each from 1 to 5. */
export const tuteeQuestions = ['reachable', 'listens', 'progress', 'useful', 'overall'] as const;
export type TuteeQuestion = (typeof tuteeQuestions)[number];

const note = z.string().trim().max(500).default('');
const rating = z.object({ level: z.number().int().min(1).max(SKILL_LEVELS).nullable(), note });
/** One rating per skill; a skill left out is not rated yet. */
export const ratingsSchema = z.object(
  Object.fromEntries(skillItems.map((k) => [k, rating.optional()])) as Record<
    SkillItem,
    z.ZodOptional<typeof rating>
  >,
);
export type Ratings = z.infer<typeof ratingsSchema>;

export const orgParams = z.object({ orgId: z.string() });
export const peerRequestParams = z.object({ peerRequestId: z.string() });
export const feedbackAskParams = z.object({ feedbackAskId: z.string() });

// ── Self-evaluation ──

export const selfEvaluationBody = z.object({
  ratings: ratingsSchema,
  strengths: z.string().trim().max(3000).default(''),
  toImprove: z.string().trim().max(3000).default(''),
  /** Saved (every skill rated) rather than kept as a draft. */
  save: z.boolean(),
});
export type SelfEvaluationBody = z.infer<typeof selfEvaluationBody>;

const evaluation = z.object({
  /** The academic year, "2026-2027". */
  year: z.string(),
  ratings: ratingsSchema,
  strengths: z.string(),
  toImprove: z.string(),
  savedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export const selfEvaluationView = z.object({
  year: z.string(),
  current: evaluation.nullable(),
  /** Last year's, beside this year's, once saved. */
  previous: evaluation.nullable(),
});
export type SelfEvaluationView = z.infer<typeof selfEvaluationView>;

// ── Peer feedback ──

export const peerAskBody = z.object({ peerIds: z.array(z.string().min(1)).min(1).max(10) });
export const peerAnswerBody = z.object({
  ratings: ratingsSchema,
  comment: z.string().trim().max(3000).default(''),
});
export type PeerAnswerBody = z.infer<typeof peerAnswerBody>;

const peerItem = z.object({
  id: z.string(),
  asker: z.string(),
  peer: z.string(),
  askedAt: z.string(),
  answeredAt: z.string().nullable(),
});
export const peerListView = z.object({
  year: z.string(),
  /** The viewer's teammates, and whether they were asked this year. */
  teammates: z.array(z.object({ id: z.string(), name: z.string(), asked: z.boolean() })),
  asked: z.array(peerItem),
  toAnswer: z.array(peerItem),
});
export const peerFeedbackView = peerItem.extend({
  standing: z.enum(['asker', 'peer']),
  ratings: ratingsSchema.nullable(),
  comment: z.string().nullable(),
  actions: z.object({ answer: z.boolean() }),
});
export type PeerFeedbackView = z.infer<typeof peerFeedbackView>;

// ── Anonymous tutee feedback ──

export const tuteeAnswerBody = z.object({
  answers: z.object(
    Object.fromEntries(tuteeQuestions.map((q) => [q, z.number().int().min(1).max(5)])) as Record<
      TuteeQuestion,
      z.ZodNumber
    >,
  ),
  comment: z.string().trim().max(2000).nullable().default(null),
});
export type TuteeAnswerBody = z.infer<typeof tuteeAnswerBody>;

export const feedbackAskView = z.object({
  id: z.string(),
  tutor: z.string(),
  programme: z.string(),
  moment: z.enum(['six-months', 'end']),
  answered: z.boolean(),
});

export const tutorAggregatesView = z.object({
  /** The fewest answers shown: below, nothing is. */
  min: z.number().int(),
  enough: z.boolean(),
  /** Shown from `min` answers only. */
  count: z.number().int().nullable(),
  means: z.record(z.string(), z.number()).nullable(),
  /** Free comments, from `min` answers, in random order, undated. */
  comments: z.array(z.string()),
});

export const createdView = z.object({ id: z.string() });
export const createdManyView = z.object({ ids: z.array(z.string()) });
