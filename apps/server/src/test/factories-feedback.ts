import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { liveTeamOf } from '../modules/teams/queries.ts';
import { createWorld } from './factories.ts';

// Teams, team cases and feedback written straight into the database, for the tests of
// modules/cases and modules/feedback (the teams module's own routes are not needed for them).

/** A live team of a programme with these members; a member already in a live team is left there. */
export async function team(
  db: Db,
  p: { orgId: string; programmeId: string; memberIds: string[]; name?: string; at?: string },
) {
  const at = p.at ?? new Date().toISOString();
  const id = newId();
  await db
    .insertInto('teams')
    .values({
      id,
      org_id: p.orgId,
      programme_id: p.programmeId,
      name: p.name ?? 'Équipe test',
      created_by: null,
      created_at: at,
      archived_at: null,
    })
    .execute();
  for (const userId of p.memberIds) await joinTeam(db, { teamId: id, orgId: p.orgId, userId, at });
  return id;
}

export async function joinTeam(db: Db, p: { teamId: string; orgId: string; userId: string; at?: string }) {
  if (await liveTeamOf(db, p.orgId, p.userId)) return;
  await db
    .insertInto('team_members')
    .values({
      id: newId(),
      team_id: p.teamId,
      org_id: p.orgId,
      user_id: p.userId,
      joined_at: p.at ?? new Date().toISOString(),
      left_at: null,
    })
    .execute();
}

/** An open case of a team. */
export async function teamCase(
  db: Db,
  p: {
    orgId: string;
    programmeId: string;
    teamId: string;
    authorId: string;
    kind?: string;
    subjectId?: string | null;
    at?: string;
    title?: string;
  },
) {
  const at = p.at ?? new Date().toISOString();
  const id = newId();
  await db
    .insertInto('team_cases')
    .values({
      id,
      org_id: p.orgId,
      programme_id: p.programmeId,
      team_id: p.teamId,
      author_id: p.authorId,
      title: p.title ?? 'Une interne épuisée',
      situation: 'Elle enchaîne les gardes et ne répond plus aux messages depuis deux semaines.',
      kind: p.kind ?? 'difficulty',
      subject_id: p.subjectId ?? null,
      meeting_id: null,
      state: 'open',
      decision: null,
      decided_by: null,
      decided_at: null,
      shared_at: null,
      created_at: at,
      updated_at: at,
    })
    .execute();
  return id;
}

/** A request for peer feedback, not answered yet. */
export async function peerRequest(
  db: Db,
  p: { orgId: string; askerId: string; peerId: string; year: number; at?: string },
) {
  const id = newId();
  await db
    .insertInto('peer_feedback')
    .values({
      id,
      org_id: p.orgId,
      asker_id: p.askerId,
      peer_id: p.peerId,
      year: p.year,
      asked_at: p.at ?? new Date().toISOString(),
      ratings: null,
      comment: null,
      answered_at: null,
    })
    .execute();
  return id;
}

/** A tutee asked about their tutor at a moment of their pairing, not answered yet. */
export async function tuteeAsk(
  db: Db,
  p: { orgId: string; pairingId: string; tuteeId: string; tutorId: string; moment?: string; at?: string },
) {
  const id = newId();
  await db
    .insertInto('tutor_feedback_asks')
    .values({
      id,
      org_id: p.orgId,
      pairing_id: p.pairingId,
      moment: p.moment ?? 'six-months',
      tutee_id: p.tuteeId,
      tutor_id: p.tutorId,
      asked_at: p.at ?? new Date().toISOString(),
      answered: 0,
    })
    .execute();
  return id;
}

/**
 * The matrix world's records: the tutor and the other tutor in one team (the tutor's team if the
 * world already made one), the tutor's case about their tutee, the tutor's request for feedback from
 * the other tutor, and the tutee asked about their tutor.
 */
export async function feedbackWorld(
  ctx: AppContext,
  w: {
    orgId: string;
    programmeId: string;
    tutorId: string;
    otherTutorId: string;
    tuteeId: string;
    pairingId: string;
  },
) {
  const at = ctx.clock.now().toISOString();
  const existing = await liveTeamOf(ctx.db, w.orgId, w.tutorId);
  const teamId =
    existing?.id ??
    (await team(ctx.db, { orgId: w.orgId, programmeId: w.programmeId, memberIds: [w.tutorId], at }));
  await joinTeam(ctx.db, { teamId, orgId: w.orgId, userId: w.otherTutorId, at });
  return {
    teamId,
    caseId: await teamCase(ctx.db, {
      orgId: w.orgId,
      programmeId: w.programmeId,
      teamId,
      authorId: w.tutorId,
      subjectId: w.tuteeId,
      kind: 'other',
      at,
    }),
    peerRequestId: await peerRequest(ctx.db, {
      orgId: w.orgId,
      askerId: w.tutorId,
      peerId: w.otherTutorId,
      year: 2000,
      at,
    }),
    feedbackAskId: await tuteeAsk(ctx.db, {
      orgId: w.orgId,
      pairingId: w.pairingId,
      tuteeId: w.tuteeId,
      tutorId: w.tutorId,
      at,
    }),
  };
}

/** The shared test world with team cases and feedback: the tutor and the other tutor in one team. */
export async function createFeedbackWorld(ctx: AppContext) {
  const w = await createWorld(ctx);
  const feedback = await feedbackWorld(ctx, {
    orgId: w.orgId,
    programmeId: w.programme.id,
    tutorId: w.actors.tutor.id,
    otherTutorId: w.actors.otherTutor.id,
    tuteeId: w.actors.tutee.id,
    pairingId: w.pairing.id,
  });
  return { ...w, feedback };
}
export type FeedbackWorld = Awaited<ReturnType<typeof createFeedbackWorld>>;
