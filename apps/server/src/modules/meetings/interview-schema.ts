import { z } from 'zod';
import { competencyLevels } from '../portfolio/framework.ts';

// The yearly tutored interview's report: its own grid instead of the ordinary report's content.
// Per competency of the programme's framework a level and a note on the progress made; the traces
// the tutor and the resident went through; the plan for the next year; and, written by the
// resident, their own view. Both sign what they read: the signature names the hash of the content.

export const meetingKinds = ['meeting', 'tutored-interview'] as const;
export type MeetingKind = (typeof meetingKinds)[number];
export const INTERVIEW: MeetingKind = 'tutored-interview';
/** The title of an interview when its organiser gives none. */
export const INTERVIEW_TITLE = 'Entretien tuteuré';

export const interviewGrid = z.object({
  competencies: z
    .array(
      z.object({
        id: z.string().max(40),
        level: z.enum(competencyLevels).nullable().default(null),
        note: z.string().max(5000).default(''),
      }),
    )
    .max(12)
    .default([]),
  /** Ids of the resident's traces read together. */
  traceIds: z.array(z.string().max(60)).max(100).default([]),
  plan: z.string().max(10_000).default(''),
});
export type InterviewGrid = z.infer<typeof interviewGrid>;

/** What is stored as the report's content: the tutor's grid and the resident's own view. */
export const interviewRecord = interviewGrid.extend({ residentView: z.string().max(10_000).default('') });
export type InterviewRecord = z.infer<typeof interviewRecord>;

export const signatureRecord = z.object({
  role: z.enum(['tutor', 'resident']),
  userId: z.string(),
  /** The name as its signer typed it. */
  name: z.string(),
  signedAt: z.string(),
  /** sha256 of the content signed. */
  hash: z.string(),
});
export const signatureList = z.array(signatureRecord);
export type Signature = z.infer<typeof signatureRecord>;

export const residentViewBody = z.object({ text: z.string().trim().max(10_000) });

export const signBody = z.object({
  /** The signer's full name, typed. */
  name: z.string().trim().min(2).max(200),
  consent: z.literal(true),
  /** The hash of the content the signer read: a report changed since is not signed. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export const interviewView = z.object({
  /** The grid as written; null while nothing is (or the viewer may not read it). */
  record: interviewRecord.nullable(),
  /** The hash of the content as it stands, to sign. */
  hash: z.string().nullable(),
  resident: z.object({ id: z.string(), name: z.string() }).nullable(),
  competencies: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      /** What the resident's phase expects. */
      expected: z.object({ level: z.enum(competencyLevels), text: z.string() }).nullable(),
    }),
  ),
  /** The resident's traces, to pick those reviewed. */
  traces: z.array(z.object({ id: z.string(), title: z.string(), period: z.string(), state: z.string() })),
  signatures: z.array(signatureRecord.omit({ userId: true }).extend({ valid: z.boolean() })),
  signed: z.boolean(),
  can: z.object({ writeView: z.boolean(), sign: z.boolean() }),
});
