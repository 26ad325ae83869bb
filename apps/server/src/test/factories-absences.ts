import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';

// Teams for the absences' tests, inserted directly (modules/teams builds its own pages), and
// absences with their covers when a test needs one as it would be after some answers.

export async function team(ctx: AppContext, programme: { id: string; orgId: string }, memberIds: string[]) {
  const id = newId();
  const at = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('teams')
    .values({
      id,
      org_id: programme.orgId,
      programme_id: programme.id,
      name: `Équipe ${id.slice(-4)}`,
      created_by: null,
      created_at: at,
      archived_at: null,
    })
    .execute();
  for (const userId of memberIds)
    await ctx.db
      .insertInto('team_members')
      .values({
        id: newId(),
        team_id: id,
        org_id: programme.orgId,
        user_id: userId,
        joined_at: at,
        left_at: null,
      })
      .execute();
  return id;
}

/** An absence of a tutor, and for each tutee given the backup who already accepted. */
export async function absence(
  ctx: AppContext,
  programme: { id: string; orgId: string },
  o: { tutorId: string; startOn: string; endOn: string; covers?: { tuteeId: string; backupId: string }[] },
) {
  const id = newId();
  const at = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('absences')
    .values({
      id,
      org_id: programme.orgId,
      programme_id: programme.id,
      user_id: o.tutorId,
      start_on: o.startOn,
      end_on: o.endOn,
      reason: 'Congé',
      created_at: at,
      updated_at: at,
      sent_at: at,
      cancelled_at: null,
    })
    .execute();
  for (const c of o.covers ?? [])
    await ctx.db
      .insertInto('absence_covers')
      .values({
        id: newId(),
        absence_id: id,
        org_id: programme.orgId,
        programme_id: programme.id,
        tutee_user_id: c.tuteeId,
        backup_user_id: c.backupId,
        state: 'accepted',
        named_by: null,
        answered_at: at,
        start_told_at: null,
        end_told_at: null,
        created_at: at,
      })
      .execute();
  return id;
}
