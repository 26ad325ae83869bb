import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { addMember, createUser, createWorld, meeting, type Pairing } from './factories.ts';

/** A live team of a programme with these members. */
export async function team(
  ctx: AppContext,
  o: { programme: { id: string; orgId: string }; name?: string; memberIds: string[] },
) {
  const id = newId();
  const at = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('teams')
    .values({
      id,
      org_id: o.programme.orgId,
      programme_id: o.programme.id,
      name: o.name ?? 'Équipe test',
      created_by: null,
      created_at: at,
      archived_at: null,
    })
    .execute();
  for (const userId of o.memberIds) {
    await ctx.db
      .insertInto('team_members')
      .values({
        id: newId(),
        team_id: id,
        org_id: o.programme.orgId,
        user_id: userId,
        joined_at: at,
        left_at: null,
      })
      .execute();
  }
  return id;
}

/** A team meeting organised by a member, confirmed at `at`, with the other members invited. */
export async function teamMeeting(
  ctx: AppContext,
  o: {
    programme: { id: string; orgId: string };
    teamId: string;
    organiserId: string;
    others: string[];
    at: Date;
  },
) {
  const pairing: Pairing = {
    id: '',
    orgId: o.programme.orgId,
    programmeId: o.programme.id,
    tutorId: o.organiserId,
    tuteeId: o.others[0] ?? o.organiserId,
  } as Pairing;
  const { id } = await meeting(ctx, {
    pairing,
    at: o.at,
    title: 'Rencontre d’équipe',
    participants: o.others.map((u) => ({ id: u })),
  });
  await ctx.db.updateTable('meetings').set({ team_id: o.teamId }).where('id', '=', id).execute();
  return id;
}

/**
 * The world's team: the world's tutor and a third tutor, Tuteur C, who asks to take the tutor's
 * tutee (waiting for the tutor's answer) and says they are overloaded; a team meeting held
 * yesterday. The other tutor is in no team.
 */
export async function worldTeam(
  ctx: AppContext,
  w: { programme: { id: string; orgId: string }; tutorId: string; pairingId: string },
) {
  const mate = await createUser(ctx, w.programme.orgId, {
    name: 'Tuteur C',
    phone: '+33612121212',
    sharePhone: true,
  });
  await addMember(ctx, w.programme, mate.id, 'tutor', 4);
  // A tutor of the programme in no team yet, whom the coordination may add.
  const newcomer = await createUser(ctx, w.programme.orgId, { name: 'Tuteur D' });
  await addMember(ctx, w.programme, newcomer.id, 'tutor', 4);
  const teamId = await team(ctx, {
    programme: w.programme,
    name: 'Équipe A',
    memberIds: [w.tutorId, mate.id],
  });
  const at = ctx.clock.now().toISOString();
  const moveId = newId();
  await ctx.db
    .insertInto('team_moves')
    .values({
      id: moveId,
      team_id: teamId,
      org_id: w.programme.orgId,
      programme_id: w.programme.id,
      pairing_id: w.pairingId,
      from_user_id: w.tutorId,
      to_user_id: mate.id,
      proposed_by: mate.id,
      message: null,
      state: 'proposed',
      needs_coordinator: 1,
      created_at: at,
      accepted_at: null,
      approved_by: null,
      decided_at: null,
      new_pairing_id: null,
    })
    .execute();
  const overloadId = newId();
  await ctx.db
    .insertInto('team_overloads')
    .values({
      id: overloadId,
      team_id: teamId,
      org_id: w.programme.orgId,
      programme_id: w.programme.id,
      author_id: mate.id,
      message: 'Trop de situations en ce moment.',
      created_at: at,
      closed_at: null,
      closed_by: null,
      close_note: null,
    })
    .execute();
  const meetingId = await teamMeeting(ctx, {
    programme: w.programme,
    teamId,
    organiserId: mate.id,
    others: [w.tutorId],
    at: new Date(ctx.clock.now().getTime() - 86_400_000),
  });
  return { teamId, mateId: mate.id, mate, newcomerId: newcomer.id, moveId, overloadId, meetingId };
}

/** The test world with its team (worldTeam): for the tests of teams and the authorization matrix. */
export async function createTeamWorld(ctx: AppContext) {
  const w = await createWorld(ctx);
  const teams = await worldTeam(ctx, {
    programme: w.programme,
    tutorId: w.actors.tutor.id,
    pairingId: w.pairing.id,
  });
  return { ...w, teams };
}
export type TeamWorld = Awaited<ReturnType<typeof createTeamWorld>>;
