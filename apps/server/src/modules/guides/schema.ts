import { z } from 'zod';
import { guideThemes } from './defaults.ts';

export const orgParams = z.object({ orgId: z.string() });
export const guideParams = z.object({ guideId: z.string() });
export const suggestionParams = z.object({ suggestionId: z.string() });

const theme = z.enum(guideThemes);

/** A guide as written by the coordination, or as a tutor suggests it. */
export const guideBody = z.object({
  theme,
  title: z.string().trim().min(1).max(200),
  when: z.string().trim().min(1).max(500),
  body: z.string().trim().min(1).max(20_000),
});

export const archiveBody = z.object({ archived: z.boolean() });

export const suggestionBody = guideBody.extend({
  /** The guide to change, or null for a new one. */
  guideId: z.string().nullable(),
  message: z.string().trim().min(1).max(2000),
});

export const declineBody = z.object({ note: z.string().trim().min(1).max(2000) });

const person = z.object({ id: z.string(), name: z.string() });

export const guideSummary = z.object({
  id: z.string(),
  theme,
  title: z.string(),
  when: z.string(),
  archived: z.boolean(),
  updatedAt: z.string(),
});

export const libraryView = z.object({
  orgId: z.string(),
  guides: z.array(guideSummary),
  actions: z.object({ manage: z.boolean(), suggest: z.boolean() }),
  /** Suggestions waiting for the coordination (0 for anyone else). */
  pendingSuggestions: z.number(),
});

export const guideView = guideSummary.extend({
  orgId: z.string(),
  body: z.string(),
  /** Who last changed it and when; null for a shipped guide nobody edited. */
  editedBy: person.nullable(),
  /** The well-being tutor's guide of the organisation, for the guide of a tutee in difficulty. */
  wellbeingGuide: z.string().nullable(),
  actions: z.object({ edit: z.boolean(), suggest: z.boolean() }),
});
export type GuideView = z.infer<typeof guideView>;

export const suggestionView = z.object({
  id: z.string(),
  guide: z.object({ id: z.string(), title: z.string() }).nullable(),
  author: person.nullable(),
  theme,
  title: z.string(),
  when: z.string(),
  body: z.string(),
  message: z.string(),
  state: z.enum(['pending', 'accepted', 'declined']),
  note: z.string().nullable(),
  decidedBy: person.nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  actions: z.object({ decide: z.boolean() }),
});

export const suggestionList = z.object({ suggestions: z.array(suggestionView) });
