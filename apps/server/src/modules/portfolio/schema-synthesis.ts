import { z } from 'zod';

// The end-of-phase synthesis and the resident's export: requests and responses. `…At` are
// instants (ISO-8601 UTC), shown in the organisation's zone.

const person = z.object({ id: z.string(), name: z.string() });

export const synthesisParams = z.object({
  programmeId: z.string(),
  residentId: z.string(),
  phaseId: z.string().max(40),
});

export const signatureView = z.object({
  /** The full name as the signer typed it. */
  name: z.string(),
  at: z.string(),
  /** The version signed: always the current one (a change of the text clears the signatures). */
  version: z.number(),
});

export const synthesisView = z.object({
  orgId: z.string(),
  timeZone: z.string(),
  programme: person,
  resident: person,
  tutor: person.nullable(),
  phase: z.object({ id: z.string(), label: z.string() }),
  /** False: the text is a draft drawn from the records, not saved yet (version 0). */
  saved: z.boolean(),
  version: z.number(),
  /** Markdown. */
  body: z.string(),
  /** SHA-256 of the text, hexadecimal. */
  bodyHash: z.string(),
  updatedAt: z.string().nullable(),
  signatures: z.object({ tutor: signatureView.nullable(), resident: signatureView.nullable() }),
  signedByBoth: z.boolean(),
  viewer: z.enum(['self', 'tutor']),
  /** What the viewer may do now: the tutor edits; each signs the saved text once. */
  can: z.object({ edit: z.boolean(), sign: z.boolean() }),
});
export type SynthesisView = z.infer<typeof synthesisView>;

export const synthesisBody = z.object({ body: z.string().trim().min(1).max(50_000) });

export const signBody = z.object({
  /** The signer's full name, typed. */
  name: z.string().trim().min(1).max(200),
  /** The signer agrees to sign this text. */
  consent: z.boolean(),
  /** The version the signer read; a text changed since is refused. */
  version: z.number().int().min(1).optional(),
});

/** The coordination's list: who has a synthesis of which phase, and whether both signed it — no text. */
export const synthesisStatus = z.object({
  resident: person,
  phaseId: z.string(),
  version: z.number(),
  signedByBoth: z.boolean(),
  tutorSignedAt: z.string().nullable(),
  residentSignedAt: z.string().nullable(),
});
export const synthesisList = z.array(synthesisStatus);
export const synthesisListQuery = z.object({ cohortId: z.string().optional() });
