import { z } from 'zod';
import { webUrl } from '../../domain/text.ts';

export const programmeParams = z.object({ programmeId: z.string() });
export const announcementParams = z.object({ announcementId: z.string() });

export const audiences = ['tutors', 'tutees', 'both'] as const;
export type Audience = (typeof audiences)[number];

export const announcementBody = z.object({
  audience: z.enum(audiences),
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(5000),
  link: webUrl().nullable().default(null),
});

export const replyBody = z.object({ body: z.string().trim().min(1).max(5000) });

const person = z.object({ id: z.string(), name: z.string() });

export const announcementSummary = z.object({
  id: z.string(),
  audience: z.enum(audiences),
  title: z.string(),
  author: person.nullable(),
  at: z.string(),
  /** For the coordination: how many it was sent to, read it, answered. Null for anyone else. */
  counts: z.object({ recipients: z.number(), read: z.number(), replies: z.number() }).nullable(),
  /** For a recipient: whether they opened it. Null for the coordination. */
  read: z.boolean().nullable(),
});

export const announcementList = z.object({
  programme: z.object({ id: z.string(), name: z.string(), orgId: z.string() }),
  announcements: z.array(announcementSummary),
  actions: z.object({ send: z.boolean() }),
  /** How many more the actor may send within the hour (null when they may not send). */
  remainingThisHour: z.number().nullable(),
});

export const replyView = z.object({
  id: z.string(),
  author: person.nullable(),
  mine: z.boolean(),
  /** Empty when its writer's data was erased (`erased`). */
  body: z.string(),
  erased: z.boolean(),
  at: z.string(),
});

export const announcementView = announcementSummary.extend({
  programme: z.object({ id: z.string(), name: z.string(), orgId: z.string() }),
  body: z.string(),
  link: z.string().nullable(),
  /** The coordination reads every reply; a recipient their own only. */
  replies: z.array(replyView),
  actions: z.object({ reply: z.boolean() }),
});
export type AnnouncementView = z.infer<typeof announcementView>;
