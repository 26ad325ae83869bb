import type { Db } from '../../db/index.ts';

/**
 * Removes an organisation's difficulties and expert consultations closed before `cut` (its
 * retention period, modules/retention), with their threads and histories (cascade). A forwarded
 * copy belongs to its receiving organisation and follows that organisation's period. Returns how
 * many records went.
 */
export async function purgeClosedConcerns(db: Db, orgId: string, cut: string): Promise<number> {
  const difficulties = await db
    .deleteFrom('difficulties')
    .where('org_id', '=', orgId)
    .where('state', '=', 'closed')
    .where('closed_at', '<', cut)
    .executeTakeFirst();
  const consultations = await db
    .deleteFrom('consultations')
    .where('org_id', '=', orgId)
    .where('state', '=', 'closed')
    .where('closed_at', '<', cut)
    .executeTakeFirst();
  return Number(difficulties.numDeletedRows) + Number(consultations.numDeletedRows);
}
