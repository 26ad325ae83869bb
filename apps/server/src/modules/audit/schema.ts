import { z } from 'zod';

const personRef = z.object({ id: z.string(), name: z.string() });

/** One entry of an organisation's audit log, as its administrators read it. */
export const auditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actor: personRef.nullable(),
  /** How the reader stood towards the records (reads only): coordinator, admin, tutor… */
  role: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  /** The people whose records a read showed: the first few, and how many in all. */
  people: z.array(personRef),
  peopleCount: z.number().int(),
  meta: z.unknown(),
});

export const auditPageView = z.object({
  timeZone: z.string(),
  entries: z.array(auditEntryView),
  /** Pass as `before` for the next (older) page; null on the last page. */
  next: z.string().nullable(),
});

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const cursor = z.string().regex(/^[0-9T:.\-Z]+_[0-9a-f-]+$/i, 'a cursor from a previous page');

export const auditParams = z.object({ orgId: z.string() });
export const auditQuery = z.object({
  /** An action code, or `reads` for every read of a sensitive record. */
  action: z.string().trim().min(1).max(80).optional(),
  actorId: z.string().max(64).optional(),
  /** Entries whose read showed this person's records. */
  personId: z.string().max(64).optional(),
  /** First and last day, in the organisation's time zone. */
  from: day.optional(),
  to: day.optional(),
  before: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A read of the signed-in person's records, as they see it. */
export const recordReadView = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.enum([
    'contact',
    'report',
    'pairingHistory',
    'checkin',
    'difficulty',
    'consultation',
    'portfolio',
    'endReview',
    'teamCase',
  ]),
  reader: z.string(),
  role: z.string().nullable(),
  organisation: z.string(),
  timeZone: z.string(),
});

export const recordReadsQuery = z.object({
  before: cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export const recordReadsView = z.object({ entries: z.array(recordReadView), next: z.string().nullable() });
