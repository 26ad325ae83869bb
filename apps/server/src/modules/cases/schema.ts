import { z } from 'zod';
import { caseKinds } from '../programmes/templates.ts';

export { caseKinds };
export type CaseKind = (typeof caseKinds)[number];

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const orgParams = z.object({ orgId: z.string() });
export const caseParams = z.object({ caseId: z.string() });

export const caseBody = z.object({
  title: text(3, 120),
  situation: text(10, 5000),
  kind: z.enum(caseKinds),
  /** One of the author's own tutees; null (the default) keeps the case anonymised. */
  subjectId: z.string().min(1).nullable().default(null),
  /** A meeting of the team where the case is discussed, if any. */
  meetingId: z.string().min(1).nullable().default(null),
});
export type CaseBody = z.infer<typeof caseBody>;

export const messageBody = z.object({ body: text(1, 5000) });
export const decisionBody = z.object({ decision: text(3, 5000) });
export const shareBody = z.object({ shared: z.boolean() });

const named = z.object({ id: z.string(), name: z.string() });

export const caseItem = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(caseKinds),
  state: z.enum(['open', 'closed']),
  author: z.string().nullable(),
  mine: z.boolean(),
  /** The tutee it is about: the full name for its author, the first name for the team, else null. */
  subject: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
  messages: z.number().int(),
});
export type CaseItem = z.infer<typeof caseItem>;

export const caseListView = z.object({
  team: named.nullable(),
  cases: z.array(caseItem),
  /** The author's own tutees, to link a case to (their first name only reaches the team). */
  tutees: z.array(named),
  actions: z.object({ create: z.boolean() }),
});

export const consultationLink = z.object({
  id: z.string(),
  asker: z.string().nullable(),
  state: z.enum(['open', 'closed']),
  answered: z.boolean(),
  /** The consultation is the viewer's: they may open it. */
  mine: z.boolean(),
});

export const caseView = caseItem.extend({
  orgId: z.string(),
  programme: named,
  team: named,
  situation: z.string(),
  subjectId: z.string().nullable(),
  meetingId: z.string().nullable(),
  decision: z.string().nullable(),
  decidedBy: z.string().nullable(),
  shared: z.boolean(),
  /** The programme asks an expert's answer before a decision on this kind of case. */
  expertRequired: z.boolean(),
  expertAnswered: z.boolean(),
  consultations: z.array(consultationLink),
  thread: z.array(
    z.object({
      id: z.string(),
      author: z.string().nullable(),
      mine: z.boolean(),
      body: z.string(),
      at: z.string(),
    }),
  ),
  /** How the viewer stands: its author, a teammate, or the coordination it was shared with. */
  standing: z.enum(['author', 'teammate', 'coordination']),
  actions: z.object({
    reply: z.boolean(),
    decide: z.boolean(),
    reopen: z.boolean(),
    share: z.boolean(),
    askExpert: z.boolean(),
  }),
});
export type CaseView = z.infer<typeof caseView>;

export const createdView = z.object({ id: z.string() });
export const stateView = z.object({ state: z.enum(['open', 'closed']) });
export const sharedView = z.object({ shared: z.boolean() });
