import { z } from 'zod';
import { questionsSchema } from './questions.ts';
import { WHO5_ITEMS } from './who5.ts';

export const tags = ['wellbeing'];

export const tokenQuery = z.object({ token: z.string().min(20).max(100) });
export const checkinParams = z.object({ checkinId: z.string() });
export const programmeParams = z.object({ programmeId: z.string() });
export const personParams = z.object({ programmeId: z.string(), userId: z.string() });
export const orgParams = z.object({ orgId: z.string() });

const score = z.number().int().min(0).max(5);
export const answerBody = z.object({
  who5: z.object(
    Object.fromEntries(WHO5_ITEMS.map((id) => [id, score])) as Record<
      (typeof WHO5_ITEMS)[number],
      typeof score
    >,
  ),
  answers: z.array(z.object({ question: z.string().max(40), value: z.string().max(2000) })).max(8),
  /** Questions (WHO-5 items or programme questions) whose answer the tutor must not read. */
  hidden: z.array(z.string().max(40)).max(13),
});
export type AnswerBody = z.infer<typeof answerBody>;

export const tellBody = z.object({ tell: z.boolean() });
export const consentBody = z.object({ consent: z.boolean() });

const resource = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  phone: z.string().nullable(),
  hours: z.string().nullable(),
  url: z.string().nullable(),
  confidential: z.boolean(),
  national: z.boolean(),
});
export const directoryView = z.object({
  organisation: z.string(),
  resources: z.array(resource),
  canEdit: z.boolean(),
});

const phone = z
  .string()
  .trim()
  .max(30)
  .regex(/^\+?[0-9 .()-]{2,30}$/, 'phone')
  .transform((s) => s.replace(/[ .()-]/g, ''));
const https = z.url({ protocol: /^https?$/ }).max(500);
export const directoryBody = z.object({
  resources: z
    .array(
      z.object({
        id: z.string().nullable(),
        name: z.string().trim().min(2).max(120),
        purpose: z.string().trim().min(2).max(400),
        phone: phone.nullable(),
        hours: z.string().trim().max(120).nullable(),
        url: https.nullable(),
        confidential: z.boolean(),
      }),
    )
    .max(40),
});

const section = z.object({
  title: z.string().trim().min(2).max(120),
  body: z.string().trim().min(2).max(4000),
});
export const guideSections = z.array(section).min(1).max(20);
export const guideView = z.object({
  organisation: z.string(),
  sections: z.array(section),
  custom: z.boolean(),
  canEdit: z.boolean(),
  updatedAt: z.string().nullable(),
});
export const guideBody = z.object({ lang: z.enum(['fr', 'en']), sections: guideSections.nullable() });

const worded = z.object({
  id: z.string(),
  kind: z.enum(['scale', 'number', 'text', 'yesno']),
  label: z.string(),
  scale: z.array(z.object({ value: z.number(), label: z.string() })).nullable(),
});
export const checkinView = z.object({
  id: z.string(),
  orgId: z.string(),
  programme: z.string(),
  organisation: z.string(),
  status: z.enum(['open', 'answered', 'closed']),
  expiresAt: z.string(),
  tutor: z.string().nullable(),
  /** The pair whose thread the tutee may write in to their tutor, at any time (modules/threads). */
  pairingId: z.string().nullable(),
  news: z.string().nullable(),
  who5: z.object({
    lead: z.string(),
    items: z.array(z.object({ id: z.string(), text: z.string() })),
    scale: z.array(z.object({ value: z.number(), label: z.string() })),
  }),
  questions: z.array(worded),
  /** After answering: the person's own result (never shown to anyone else) and what helps. */
  result: z
    .object({
      percent: z.number(),
      distress: z.boolean(),
      tellTutor: z.boolean().nullable(),
      resources: z.array(resource),
    })
    .nullable(),
});

export const settingsView = z.object({
  questions: questionsSchema,
  news: z.string().nullable(),
  checkInEveryDays: z.number().nullable(),
  updatedAt: z.string().nullable(),
});
export const settingsBody = z.object({ questions: questionsSchema, news: z.string().max(1500).nullable() });

export const mineView = z.object({
  consents: z.array(
    z.object({
      programmeId: z.string(),
      programme: z.string(),
      everyDays: z.number(),
      consent: z.boolean().nullable(),
    }),
  ),
  open: z.array(z.object({ id: z.string(), programme: z.string(), expiresAt: z.string() })),
  alerts: z.array(
    z.object({
      checkinId: z.string(),
      orgId: z.string(),
      programmeId: z.string(),
      programme: z.string(),
      tutee: z.object({ id: z.string(), name: z.string() }),
      toldAt: z.string(),
      seenAt: z.string().nullable(),
    }),
  ),
});

export const personCheckins = z.object({
  checkins: z.array(
    z.object({
      id: z.string(),
      askedAt: z.string(),
      answeredAt: z.string().nullable(),
      /** The person's own score: present only when they read their own check-ins. */
      percent: z.number().nullable(),
      answers: z.array(
        z.object({ question: z.string(), label: z.string(), value: z.string(), hidden: z.boolean() }),
      ),
    }),
  ),
});

export const summaryView = z.object({
  since: z.string(),
  /** False when fewer than five people were asked: every figure is then withheld. */
  shown: z.boolean(),
  minimum: z.number(),
  consented: z.number().nullable(),
  declined: z.number().nullable(),
  asked: z.number().nullable(),
  answered: z.number().nullable(),
  missed: z.number().nullable(),
  distress: z.number().nullable(),
  toldTutor: z.number().nullable(),
});

/** A tutee's check-in that told their tutor of a difficulty, as the tutor opens it from the alert. */
export const alertView = z.object({
  checkinId: z.string(),
  orgId: z.string(),
  programmeId: z.string(),
  tutee: z.object({ id: z.string(), name: z.string() }),
  toldAt: z.string(),
  seenAt: z.string().nullable(),
});
