import { z } from 'zod';

export const pairingParams = z.object({ pairingId: z.string() });

export const messageBody = z.object({ body: z.string().trim().min(1).max(5000) });

const person = z.object({ id: z.string(), name: z.string() });

export const threadMessage = z.object({
  id: z.string(),
  /** Null once the writer's account is gone. */
  author: person.nullable(),
  mine: z.boolean(),
  /** Empty when its writer's data was erased (`erased`). */
  body: z.string(),
  erased: z.boolean(),
  at: z.string(),
});

export const threadView = z.object({
  pairingId: z.string(),
  /** The organisation, whose time zone dates are shown in. */
  orgId: z.string(),
  programme: z.object({ id: z.string(), name: z.string() }),
  /** The other person of the pair. */
  other: person,
  /** The pair is live: both may write. After its end the thread is read only. */
  open: z.boolean(),
  messages: z.array(threadMessage),
});
export type ThreadView = z.infer<typeof threadView>;

export const threadSummary = z.object({
  pairingId: z.string(),
  orgId: z.string(),
  programme: z.object({ id: z.string(), name: z.string() }),
  other: person,
  open: z.boolean(),
  unread: z.number(),
  lastAt: z.string().nullable(),
});

export const myThreadsView = z.object({ threads: z.array(threadSummary) });

export const postedView = z.object({ id: z.string(), at: z.string() });
