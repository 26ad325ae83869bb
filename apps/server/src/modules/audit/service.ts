import type { AppContext } from '../../context.ts';
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

/** One page of the organisation's audit log, newest first, before the given instant if any. */
export async function auditPage(ctx: AppContext, orgId: string, page: { limit: number; before?: string }) {
  let q = ctx.db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_id')
    .select([
      'audit_log.id',
      'audit_log.at',
      'audit_log.action',
      'users.name as actor',
      'audit_log.subject_type',
      'audit_log.subject_id',
      'audit_log.meta',
    ])
    .where('audit_log.org_id', '=', orgId)
    .orderBy('audit_log.at', 'desc')
    .limit(page.limit);
  if (page.before) q = q.where('audit_log.at', '<', page.before);
  return (await q.execute()).map((r) => ({
    id: r.id,
    at: r.at,
    action: r.action,
    actor: r.actor,
    subjectType: r.subject_type,
    subjectId: r.subject_id,
    meta: r.meta ? JSON.parse(r.meta) : null,
  }));
}
