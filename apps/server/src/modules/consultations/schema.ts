import { z } from 'zod';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);

/** An excerpt the asker pastes for the expert: a title and the text itself. */
export const attachment = z.object({ title: text(1, 120), text: text(1, 10_000) });

export const askBody = z.object({
  programmeId: z.string().min(1),
  expertId: z.string().min(1),
  /** The tutee the case is about; ignored (never stored) when the case is anonymised. */
  subjectId: z.string().min(1).nullable().optional(),
  /** The tutee is neither named nor told; the expert reads the question as it is written. */
  anonymised: z.boolean(),
  question: text(10, 5000),
  attachments: z.array(attachment).max(5).default([]),
  /** The team case it is asked about (modules/cases): an open case of the asker's team. */
  caseId: z.string().min(1).nullable().optional(),
});
export type AskBody = z.infer<typeof askBody>;

export const messageBody = z.object({ body: text(1, 5000) });

export const orgParams = z.object({ orgId: z.string() });
export const consultationParams = z.object({ consultationId: z.string() });

const named = z.object({ id: z.string(), name: z.string() });

export const consultationItem = z.object({
  id: z.string(),
  orgId: z.string(),
  programme: named,
  state: z.enum(['open', 'closed']),
  anonymised: z.boolean(),
  /** How the viewer stands: they asked it, or they are the expert asked. */
  standing: z.enum(['asker', 'expert']),
  asker: named,
  expert: named,
  /** The tutee it is about: for the asker only, never for the expert. */
  subject: named.nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  messages: z.number().int(),
});
export type ConsultationItem = z.infer<typeof consultationItem>;

export const consultationView = consultationItem.extend({
  question: z.string(),
  attachments: z.array(attachment),
  thread: z.array(
    z.object({
      id: z.string(),
      author: z.string().nullable(),
      mine: z.boolean(),
      /** Null once erased with its writer's data. */
      body: z.string().nullable(),
      at: z.string(),
    }),
  ),
  actions: z.object({ reply: z.boolean(), close: z.boolean() }),
});
export type ConsultationView = z.infer<typeof consultationView>;

export const listView = z.object({
  asked: z.array(consultationItem),
  received: z.array(consultationItem),
  /** The viewer may ask an expert in this organisation (a tutor or the coordination, with an expert to ask). */
  actions: z.object({ ask: z.boolean() }),
});

export const optionsView = z.object({
  /** The programmes the viewer asks in: those they are a tutor in or coordinate. */
  programmes: z.array(named),
  /** The organisation's experts (role "expert" in any of its live programmes). */
  experts: z.array(named),
  /** The tutees the viewer may discuss, by programme: their own tutees, or the programme's for the coordination. */
  subjects: z.array(named.extend({ programmeId: z.string() })),
});

export const createdView = z.object({ id: z.string() });
export const stateView = z.object({ state: z.enum(['open', 'closed']) });
