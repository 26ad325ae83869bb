import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';

// Training sessions and registrations straight into the database, and the teams the other
// helpers' module makes (tables 0025), for tests that need them without the teams' routes.

export async function trainingSession(
  ctx: AppContext,
  o: {
    programme: { id: string; orgId: string };
    createdBy: string | null;
    start: Date;
    hours?: number;
    capacity?: number;
    kind?: 'initial' | 'refresher' | 'exchange';
    title?: string;
  },
) {
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('training_sessions')
    .values({
      id,
      org_id: o.programme.orgId,
      programme_id: o.programme.id,
      title: o.title ?? 'Formation initiale des tuteurs',
      kind: o.kind ?? 'initial',
      starts_at: o.start.toISOString(),
      ends_at: new Date(o.start.getTime() + (o.hours ?? 3) * 3_600_000).toISOString(),
      mode: 'in-person',
      place: 'Faculté de médecine, salle 2',
      video_url: null,
      capacity: o.capacity ?? 10,
      description: 'Le rôle du tuteur, le premier entretien, le portfolio.',
      registration_deadline: null,
      ical_uid: `training-${id}@compagnon`,
      sequence: 0,
      created_by: o.createdBy,
      created_at: now,
      updated_at: now,
      cancelled_at: null,
    })
    .execute();
  return id;
}

export async function trainingRegistration(
  ctx: AppContext,
  o: {
    sessionId: string;
    orgId: string;
    userId: string;
    status?: 'registered' | 'waiting' | 'cancelled';
    attendance?: 'present' | 'absent' | null;
    at?: Date;
  },
) {
  const at = (o.at ?? ctx.clock.now()).toISOString();
  const status = o.status ?? 'registered';
  await ctx.db
    .insertInto('training_registrations')
    .values({
      id: newId(),
      session_id: o.sessionId,
      org_id: o.orgId,
      user_id: o.userId,
      status,
      queued_at: at,
      registered_at: status === 'registered' ? at : null,
      cancelled_at: status === 'cancelled' ? at : null,
      reminded_at: null,
      attendance: o.attendance ?? null,
      attendance_at: o.attendance ? at : null,
    })
    .execute();
}

/** The world's session for the authorization matrix: three weeks ahead, the tutor registered. */
export async function trainingWorld(
  ctx: AppContext,
  o: { programme: { id: string; orgId: string }; coordinatorId: string; tutorId: string },
) {
  // Far ahead: tests that let weeks or a year pass never reach its reminder (the day before).
  const start = new Date(ctx.clock.now().getTime() + 1000 * 86_400_000);
  const sessionId = await trainingSession(ctx, { programme: o.programme, createdBy: o.coordinatorId, start });
  await trainingRegistration(ctx, { sessionId, orgId: o.programme.orgId, userId: o.tutorId });
  return { sessionId };
}

/** A team of a programme with its members, as the teams module writes it (0025). */
export async function team(
  ctx: AppContext,
  o: { programme: { id: string; orgId: string }; name?: string; memberIds: string[] },
) {
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db
    .insertInto('teams')
    .values({
      id,
      org_id: o.programme.orgId,
      programme_id: o.programme.id,
      name: o.name ?? 'Équipe de tuteurs',
      created_by: null,
      created_at: now,
      archived_at: null,
    })
    .execute();
  for (const userId of o.memberIds)
    await ctx.db
      .insertInto('team_members')
      .values({
        id: newId(),
        team_id: id,
        org_id: o.programme.orgId,
        user_id: userId,
        joined_at: now,
        left_at: null,
      })
      .execute();
  return id;
}
