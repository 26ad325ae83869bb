import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { type Retention, retentionBounds, retentionDefaults } from './schema.ts';

/** An organisation's retention periods: its own where it chose them, the defaults elsewhere. */
export async function retentionOf(
  db: Db,
  orgId: string,
): Promise<Required<Retention> & { updatedAt: string | null }> {
  const row = await db
    .selectFrom('retention_settings')
    .selectAll()
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (!row) return { ...retentionDefaults, updatedAt: null };
  return {
    auditDays: row.audit_days,
    signInDays: row.sign_in_days,
    sessionDays: row.session_days,
    importDays: row.import_days,
    pairingMonths: row.pairing_months,
    checkinMonths: row.checkin_months,
    difficultyMonths: row.difficulty_months ?? retentionDefaults.difficultyMonths,
    joinRequestMonths: row.join_request_months ?? retentionDefaults.joinRequestMonths,
    updatedAt: row.updated_at,
  };
}

export async function presentRetention(ctx: AppContext, orgId: string) {
  return {
    ...(await retentionOf(ctx.db, orgId)),
    defaults: { ...retentionDefaults },
    bounds: retentionBounds,
  };
}

/** Saves the organisation's periods (bounds checked by the schema) and audits the change. */
export async function setRetention(ctx: AppContext, actor: UserActor, orgId: string, r: Retention) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const before = await retentionOf(trx, orgId);
    const values = {
      audit_days: r.auditDays,
      sign_in_days: r.signInDays,
      session_days: r.sessionDays,
      import_days: r.importDays,
      pairing_months: r.pairingMonths,
      checkin_months: r.checkinMonths ?? before.checkinMonths,
      difficulty_months: r.difficultyMonths,
      join_request_months: r.joinRequestMonths ?? before.joinRequestMonths,
      updated_at: now.toISOString(),
      updated_by: actor.id,
    };
    const done = await trx
      .updateTable('retention_settings')
      .set(values)
      .where('org_id', '=', orgId)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0)
      await trx
        .insertInto('retention_settings')
        .values({ org_id: orgId, ...values })
        .execute();
    const { updatedAt: _, ...was } = before;
    await audit(trx, now, {
      orgId,
      actorId: actor.id,
      action: 'org.retention_changed',
      subjectType: 'organisation',
      subjectId: orgId,
      meta: { before: was, after: r },
    });
  });
  return presentRetention(ctx, orgId);
}
