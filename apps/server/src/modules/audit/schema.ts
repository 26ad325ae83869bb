import { z } from 'zod';

/** One entry of an organisation's audit log, as its administrators read it. */
export const auditEntryView = z.object({
  id: z.string(),
  at: z.string(),
  action: z.string(),
  actor: z.string().nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  meta: z.unknown(),
});

export const auditParams = z.object({ orgId: z.string() });
export const auditQuery = z.object({
  before: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
