import { z } from 'zod';

/** The typed word that confirms an erasure for an account without a password (magic links only). */
export const CONFIRMATION_WORDS = ['SUPPRIMER', 'DELETE'] as const;

export const erasureBody = z
  .object({
    /** The account's password, when it has one. */
    password: z.string().max(200).optional(),
    /** Otherwise the word SUPPRIMER (or DELETE), typed. */
    confirmation: z.string().trim().max(40).optional(),
  })
  .strict();

export const declineBody = z.object({ reason: z.string().trim().min(3).max(2000) }).strict();

const status = z.enum(['pending', 'scheduled', 'declined', 'cancelled', 'done']);

export const myErasureView = z.object({
  request: z
    .object({
      id: z.string(),
      status,
      requestedAt: z.string(),
      /** When the erasure runs (scheduled), or null while organisations still decide. */
      dueAt: z.string().nullable(),
      organisations: z.array(
        z.object({
          name: z.string(),
          status: z.enum(['pending', 'confirmed', 'declined']),
          reason: z.string().nullable(),
        }),
      ),
      actions: z.object({ cancel: z.boolean() }),
    })
    .nullable(),
  /** How the person confirms a new request: their password, or a typed word. */
  confirmWith: z.enum(['password', 'word']),
  /** Days before a request with no organisation to confirm it is carried out. */
  graceDays: z.number(),
});

export const pendingErasureView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  requestedAt: z.string(),
  roles: z.array(z.object({ programme: z.string(), role: z.string() })),
});

export const idParams = z.object({ orgId: z.string(), requestId: z.string() });
export const orgParams = z.object({ orgId: z.string() });
export const okView = z.object({ ok: z.literal(true) });
