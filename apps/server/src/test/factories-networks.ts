import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { codeHash, newJoinCode } from '../modules/networks/load.ts';
import { messageRow } from '../modules/networks/thread.ts';
import { addMember, createProgramme, createUser } from './factories.ts';
import { createTeamWorld, team } from './factories-teams.ts';

/**
 * The teams' world (createTeamWorld) in a network of two organisations: « Réseau test », created by
 * the world's organisation with its team (the tutor and Tuteur C), joined by « Équipe CPTS B » of
 * the other organisation (Tutrice B, in a peer-tutoring programme its coordinator coordinates);
 * a message of the tutor and one of Tutrice B; a video session the other organisation published
 * for in three days, the tutor registered. « Équipe D » of the world's programme (Tuteur D) is in
 * no network: the team the coordination joins with the code.
 */
export async function createNetworkWorld(ctx: AppContext) {
  const w = await createTeamWorld(ctx);
  const programmeB = await createProgramme(ctx, w.otherOrgId, 'peer-tutoring');
  await addMember(ctx, programmeB, w.actors.otherOrgCoordinator.id, 'coordinator');
  const tutorB = await createUser(ctx, w.otherOrgId, {
    name: 'Tutrice B',
    phone: '+33698765432',
    sharePhone: true,
  });
  await addMember(ctx, programmeB, tutorB.id, 'tutor', 4);
  const teamBId = await team(ctx, { programme: programmeB, name: 'Équipe CPTS B', memberIds: [tutorB.id] });
  const spareTeamId = await team(ctx, {
    programme: w.programme,
    name: 'Équipe D',
    memberIds: [w.teams.newcomerId],
  });
  const now = ctx.clock.now();
  const at = now.toISOString();
  const networkId = newId();
  // The join code, as its coordination was shown it: one per world (codes are unique).
  const code = newJoinCode();
  await ctx.db
    .insertInto('networks')
    .values({
      id: networkId,
      org_id: w.orgId,
      name: 'Réseau test',
      scope: 'regional',
      description: 'Les tuteurs de la région.',
      code_hash: codeHash(code),
      code_changed_at: at,
      created_by: w.actors.coordinator.id,
      created_at: at,
      archived_at: null,
    })
    .execute();
  for (const [teamId, orgId] of [
    [w.teams.teamId, w.orgId],
    [teamBId, w.otherOrgId],
  ] as const)
    await ctx.db
      .insertInto('network_teams')
      .values({
        id: newId(),
        network_id: networkId,
        team_id: teamId,
        org_id: orgId,
        joined_by: null,
        joined_at: at,
        left_by: null,
        left_at: null,
      })
      .execute();
  const message = (authorId: string, teamId: string, orgId: string, body: string) =>
    messageRow({ id: newId(), networkId, authorId, teamId, orgId, body, at });
  const mine = message(w.actors.tutor.id, w.teams.teamId, w.orgId, 'Qui a une grille pour le RSCA ?');
  const theirs = message(tutorB.id, teamBId, w.otherOrgId, 'Nous en avons une, je la partage.');
  await ctx.db.insertInto('network_messages').values([mine, theirs]).execute();
  const sessionId = newId();
  const start = new Date(now.getTime() + 3 * 86_400_000);
  await ctx.db
    .insertInto('network_sessions')
    .values({
      id: sessionId,
      network_id: networkId,
      org_id: w.otherOrgId,
      title: 'Échanges de pratiques',
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 90 * 60_000).toISOString(),
      mode: 'video',
      place: null,
      video_url: 'https://visio.example.org/reseau',
      capacity: 10,
      description: '',
      registration_deadline: null,
      ical_uid: `network-session-${sessionId}@compagnon`,
      sequence: 0,
      created_by: w.actors.otherOrgCoordinator.id,
      created_at: at,
      updated_at: at,
      cancelled_at: null,
    })
    .execute();
  await ctx.db
    .insertInto('network_registrations')
    .values({
      id: newId(),
      session_id: sessionId,
      org_id: w.orgId,
      user_id: w.actors.tutor.id,
      status: 'registered',
      queued_at: at,
      registered_at: at,
      cancelled_at: null,
      reminded_at: null,
    })
    .execute();
  return {
    ...w,
    networks: {
      networkId,
      code,
      programmeB,
      tutorB,
      teamBId,
      spareTeamId,
      messageId: mine.id,
      otherMessageId: theirs.id,
      sessionId,
    },
  };
}
export type NetworkWorld = Awaited<ReturnType<typeof createNetworkWorld>>;
