import { z } from 'zod';

/**
 * How long each kind of record is kept, and the bounds an organisation admin may choose within.
 *
 * - Audit entries, 2 years (6 months – 6 years). The CNIL's recommendation on logging (2021) keeps
 *   access traces 6 months to 1 year unless a specific risk justifies longer; the reads audited here
 *   are of confidential reports and, soon, health data (well-being, distress), and a person must be
 *   able to find out who read their records long after the fact, hence 2 years by default.
 * - Sign-in attempts, 6 months (1 – 12 months): connection logs, the CNIL's 6 months to 1 year; they
 *   only serve to slow down and investigate password guessing.
 * - Expired sessions and sign-in, reset and invitation links, 30 days after they expire (1 day – 1
 *   year): only hashes, useless once expired except to explain a recent "my link did not work".
 * - Import previews, 7 days (1 – 90 days): they hold a whole uploaded spreadsheet of personal data
 *   that nobody committed; a committed import keeps its summary, its uploaded rows go as well.
 * - Ended pairings' records, 3 years after the end (1 – 10 years): the content of their meeting
 *   reports and the free-text reasons of their history are erased, the CNIL's usual 3 years after
 *   the end of a relationship; the facts that make the figures (meetings held, reports filed,
 *   durations, contacts by channel) stay, so past yearly reviews do not change. The portfolio of a
 *   resident who left a programme (traces, versions, files, threads, ratings, syntheses) goes whole
 *   after the same period from their leaving: it is theirs, they could take it with them as a ZIP.
 * - Well-being check-ins, 2 years after they were asked (6 months – 6 years): health data, kept
 *   no longer than it helps the person and their tutor see how things evolve; the coordinators'
 *   aggregates of past periods are counted from them, so a shorter period shortens those too.
 * - Closed difficulties and expert consultations, 2 years after closing (6 months – 10 years): they
 *   hold what a member confided (harassment, a case discussed with a psychologist); once closed, they
 *   serve only to answer a later question about how they were handled. Removed whole — the thread,
 *   the history, forwarded copies in the receiving organisation by its own period; the yearly
 *   review's themes of a past year then count fewer.
 * - Declined and withdrawn requests to join a programme, 6 months after their end (1 – 24 months):
 *   what a person wrote to ask for a mentor (needs, installation, availability) serves only to answer
 *   a question about how the request was handled, or to recognise the same person asking again soon.
 *   A request never confirmed goes with the stale links; an accepted one with its person's records.
 */
export const retentionDefaults = {
  auditDays: 730,
  signInDays: 180,
  sessionDays: 30,
  importDays: 7,
  pairingMonths: 36,
  checkinMonths: 24,
  difficultyMonths: 24,
  joinRequestMonths: 6,
} as const;

export const retentionBounds = {
  auditDays: { min: 180, max: 2190 },
  signInDays: { min: 30, max: 365 },
  sessionDays: { min: 1, max: 365 },
  importDays: { min: 1, max: 90 },
  pairingMonths: { min: 12, max: 120 },
  checkinMonths: { min: 6, max: 72 },
  difficultyMonths: { min: 6, max: 120 },
  joinRequestMonths: { min: 1, max: 24 },
} as const satisfies Record<keyof typeof retentionDefaults, { min: number; max: number }>;

const bounded = (k: keyof typeof retentionBounds) =>
  z.number().int().min(retentionBounds[k].min).max(retentionBounds[k].max);

export const retentionBody = z.object({
  auditDays: bounded('auditDays'),
  signInDays: bounded('signInDays'),
  sessionDays: bounded('sessionDays'),
  importDays: bounded('importDays'),
  pairingMonths: bounded('pairingMonths'),
  /** Left out by a client that predates it: the organisation's period stays as it was. */
  checkinMonths: bounded('checkinMonths').optional(),
  difficultyMonths: bounded('difficultyMonths'),
  /** Left out by a client that predates it: the organisation's period stays as it was. */
  joinRequestMonths: bounded('joinRequestMonths').optional(),
});
export type Retention = z.infer<typeof retentionBody>;

const boundView = z.object({ min: z.number(), max: z.number() });
export const retentionView = retentionBody.extend({
  checkinMonths: z.number(),
  joinRequestMonths: z.number(),
  defaults: retentionBody.required(),
  bounds: z.object({
    auditDays: boundView,
    signInDays: boundView,
    sessionDays: boundView,
    importDays: boundView,
    pairingMonths: boundView,
    checkinMonths: boundView,
    difficultyMonths: boundView,
    joinRequestMonths: boundView,
  }),
  updatedAt: z.string().nullable(),
});

export const retentionParams = z.object({ orgId: z.string() });
