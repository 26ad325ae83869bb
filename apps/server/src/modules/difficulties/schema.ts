import { z } from 'zod';

/**
 * What a difficulty is about: the seeds' words (harassment, internship conditions, nights on call,
 * workload), and `pair`: one of a pair asking the coordination for help about their own pair (the
 * mentoring charter's individual support), named and linked to the pairing.
 */
export const difficultyCategories = [
  'harassment',
  'internship',
  'nights',
  'workload',
  'other',
  'pair',
] as const;
export type DifficultyCategory = (typeof difficultyCategories)[number];

/** Individual: about the person's own situation. Systemic: about the programme or the training itself. */
export const difficultyScopes = ['individual', 'systemic'] as const;

/** The life of a difficulty, in order: a state only moves forward, and closing needs a note. */
export const difficultyStates = ['new', 'acknowledged', 'in_progress', 'closed'] as const;
export type DifficultyState = (typeof difficultyStates)[number];

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const raiseBody = z.object({
  category: z.enum(difficultyCategories),
  scope: z.enum(difficultyScopes),
  description: text(10, 5000),
  /** The coordination reads the difficulty without knowing who raised it. */
  anonymised: z.boolean(),
  /** The pair a `pair` request is about: one the author is part of, while it lasts. */
  pairingId: z.string().optional(),
});
export type RaiseBody = z.infer<typeof raiseBody>;

export const messageBody = z.object({ body: text(1, 5000) });

export const stateBody = z.object({
  to: z.enum(['acknowledged', 'in_progress', 'closed']),
  /** Required to close: what was done, which the author reads. */
  note: text(3, 2000).optional(),
});

export const forwardBody = z.object({
  orgId: z.string().min(1),
  /** The text the other organisation reads: the description, edited so that nobody can be recognised. */
  text: text(10, 5000),
});

export const difficultyParams = z.object({ difficultyId: z.string() });
export const programmeParams = z.object({ programmeId: z.string() });
export const orgParams = z.object({ orgId: z.string() });

const named = z.object({ id: z.string(), name: z.string() });

/**
 * A moment as the viewer may see it: always its day in the organisation's zone; the instant itself
 * only when it cannot point to an anonymous author (null for the coordination of an anonymised one).
 */
const when = { day: z.string(), at: z.string().nullable() };

export const difficultyItem = z.object({
  id: z.string(),
  orgId: z.string(),
  programme: named.nullable(),
  category: z.enum(difficultyCategories),
  scope: z.enum(difficultyScopes),
  state: z.enum(difficultyStates),
  anonymised: z.boolean(),
  /** Who raised it, when the viewer may know: null for the coordination of an anonymised one, and on a copy. */
  author: named.nullable(),
  /** The viewer raised it. */
  mine: z.boolean(),
  raised: z.object(when),
  lastActivityDay: z.string(),
  messages: z.number().int(),
  /** A copy forwarded by another organisation: its name. */
  from: z.string().nullable(),
  /** The pair a request for help is about (category `pair`). */
  pairingId: z.string().nullable(),
});
export type DifficultyItem = z.infer<typeof difficultyItem>;

export const difficultyView = difficultyItem.extend({
  /** Null once erased with its author's data. */
  description: z.string().nullable(),
  closingNote: z.string().nullable(),
  history: z.array(
    z.object({
      kind: z.enum(['raised', 'state', 'forwarded']),
      from: z.enum(difficultyStates).nullable(),
      to: z.enum(difficultyStates).nullable(),
      by: z.string().nullable(),
      organisation: z.string().nullable(),
      ...when,
    }),
  ),
  thread: z.array(
    z.object({
      id: z.string(),
      side: z.enum(['author', 'coordination']),
      /** The coordination's writer; null on the author's side when they are anonymous to the viewer. */
      author: z.string().nullable(),
      mine: z.boolean(),
      body: z.string().nullable(),
      ...when,
    }),
  ),
  /** Where the coordination forwarded it, and how far each organisation has got with its copy. */
  forwards: z.array(z.object({ organisation: z.string(), state: z.enum(difficultyStates), day: z.string() })),
  /** The organisations it may be forwarded to (only when `actions.forward`). */
  forwardTargets: z.array(named),
  actions: z.object({
    reply: z.boolean(),
    /** The states the coordination may move it to now. */
    moveTo: z.array(z.enum(difficultyStates)),
    forward: z.boolean(),
  }),
});
export type DifficultyView = z.infer<typeof difficultyView>;

export const mineView = z.object({
  items: z.array(difficultyItem),
  /** The programmes of the organisation the viewer may raise a difficulty in. */
  programmes: z.array(named),
  /** The viewer coordinates a programme of the organisation (or administers it): the inbox is theirs. */
  inbox: z.boolean(),
});

export const inboxView = z.object({ items: z.array(difficultyItem) });
export const inboxQuery = z.object({ state: z.enum(difficultyStates).optional() });
export const createdView = z.object({ id: z.string() });
export const stateView = z.object({ state: z.enum(difficultyStates) });
