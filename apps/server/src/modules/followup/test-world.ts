import type { AppContext } from '../../context.ts';
import { newId } from '../../lib/ids.ts';

/** For the authorization matrix: the tutee's pairing and a live alert on it. */
export async function followupWorld(ctx: AppContext, p: { id: string; orgId: string }, tuteeId: string) {
  const pairing = await ctx.db
    .selectFrom('pairings')
    .select('id')
    .where('programme_id', '=', p.id)
    .where('tutee_user_id', '=', tuteeId)
    .executeTakeFirstOrThrow();
  const alertId = newId();
  await ctx.db
    .insertInto('followup_alerts')
    .values({
      id: alertId,
      org_id: p.orgId,
      programme_id: p.id,
      pairing_id: pairing.id,
      rule: 'stuck',
      state: 'open',
      level: 'tutor',
      live_key: `stuck:${pairing.id}`,
      opened_at: ctx.clock.now().toISOString(),
      escalated_at: null,
      snoozed_until: null,
      closed_at: null,
      closed_by: null,
      close_note: null,
      resolved_at: null,
      detail: JSON.stringify({ days: 21 }),
    })
    .execute();
  return { pairingId: pairing.id, alertId };
}
