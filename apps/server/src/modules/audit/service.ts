import type { Db } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';

export interface AuditEntry {
  orgId?: string | null;
  actorId?: string | null;
  action: string;
  subjectType?: string;
  subjectId?: string;
  ip?: string | null;
  meta?: Record<string, unknown>;
}

/**
 * Appends to the audit log: sign-ins, role changes and every read of a sensitive record. Called
 * inside the operation's transaction so a read or change is never recorded without happening.
 */
export async function audit(db: Db, at: Date, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      org_id: e.orgId ?? null,
      actor_id: e.actorId ?? null,
      action: e.action,
      subject_type: e.subjectType ?? null,
      subject_id: e.subjectId ?? null,
      ip: e.ip ?? null,
      at: at.toISOString(),
      meta: e.meta ? JSON.stringify(e.meta) : null,
    })
    .execute();
}
