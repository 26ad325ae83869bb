import { DateTime } from 'luxon';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { publishedColumns, sessionColumns, sessionFieldsView } from '../../sessions/form.ts';
import { countsOf, positionOf } from '../../sessions/places.ts';
import { audit } from '../audit/service.ts';
import { findProgramme } from '../programmes/queries.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { enqueueMails } from './mails.ts';
import { tellOfSession } from './notices.ts';
import { managesTraining, seesTraining, sessionActions } from './policy.ts';
import { peopleOf, placesOf, type SessionRow, sessionById, sessionsOf, untrainedTutors } from './queries.ts';
import { promoteWaiting } from './register.ts';
import type { SessionBody, SessionView } from './schema.ts';

/**
 * Training sessions of a programme: the list (upcoming for tutors; every session, past and
 * cancelled included, for the coordination, with the tutors not yet trained), a session with its
 * registrations and waiting list, publishing, changing and cancelling (everyone registered or
 * waiting told), and the attendance after the start. Registration itself is register.ts.
 */

/** A session reached through its programme in the actor's scope; 404 to whoever does not see training. */
export async function loadSessionFor(ctx: AppContext, actor: UserActor, sessionId: string) {
  const s = await sessionById(ctx.db, sessionId);
  const p = s && (await findProgramme(ctx.db, scopeFor(actor), s.programme_id));
  if (!s || !p || !seesTraining(actor, p)) throw notFound('training_session');
  return { s, p };
}

async function present(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  rows: SessionRow[],
): Promise<SessionView[]> {
  const ids = rows.map((r) => r.id);
  const [counts, places] = await Promise.all([
    countsOf(ctx.db, 'training_registrations', ids),
    placesOf(ctx.db, ids, actor.id),
  ]);
  const now = ctx.clock.now();
  return rows.map((s) => {
    const place = places.get(s.id);
    const status =
      place && place.status !== 'cancelled' ? (place.status as 'registered' | 'waiting') : 'none';
    return {
      ...sessionFieldsView(s),
      programmeId: s.programme_id,
      kind: s.kind as SessionView['kind'],
      past: now.toISOString() >= s.ends_at,
      ...(counts.get(s.id) ?? { registered: 0, waiting: 0 }),
      mine: {
        status,
        position: status === 'waiting' ? (place?.position ?? null) : null,
        attendance: (place?.attendance as 'present' | 'absent' | null) ?? null,
      },
      actions: sessionActions(actor, p, s, status, now),
    };
  });
}

/** The programme's sessions as the actor may see them; the coordination also gets the untrained tutors. */
export async function programmeTraining(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!seesTraining(actor, p)) throw forbidden();
  const manager = managesTraining(actor, p, 'read');
  const now = ctx.clock.now();
  const since = manager ? DateTime.fromJSDate(now).minus({ months: 12 }).toUTC().toISO() : now.toISOString();
  const rows = await sessionsOf(ctx.db, p.id, { since: since ?? undefined, live: !manager });
  const zone = await ctx.db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', p.org_id)
    .executeTakeFirstOrThrow();
  return {
    timeZone: zone.time_zone,
    sessions: await present(ctx, actor, p, rows),
    untrained: manager ? await untrainedTutors(ctx.db, p, now.toISOString()) : null,
    actions: { create: managesTraining(actor, p, 'write') },
  };
}

/** One session; the coordination also sees who registered and who waits. */
export async function sessionDetail(ctx: AppContext, actor: UserActor, sessionId: string) {
  const { s, p } = await loadSessionFor(ctx, actor, sessionId);
  const [view] = await present(ctx, actor, p, [s]);
  const manager = managesTraining(actor, p, 'read');
  const people = manager ? await peopleOf(ctx.db, s.id) : [];
  const row = async (r: (typeof people)[number]) => ({
    id: r.user_id,
    name: r.name,
    status: r.status as 'registered' | 'waiting',
    position:
      r.status === 'waiting'
        ? await positionOf(ctx.db, 'training_registrations', { ...r, session_id: s.id })
        : null,
    attendance: (r.attendance as 'present' | 'absent' | null) ?? null,
  });
  return {
    ...(view as SessionView),
    registrations: await Promise.all(people.filter((r) => r.status === 'registered').map(row)),
    waitingList: await Promise.all(people.filter((r) => r.status === 'waiting').map(row)),
  };
}

/** The session's columns from the form, its times read in the organisation's zone. */
async function columns(db: Db, orgId: string, b: SessionBody) {
  const { time_zone: zone } = await db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow();
  return { ...sessionColumns(b, zone), kind: b.kind };
}

export async function createSession(ctx: AppContext, actor: UserActor, programmeId: string, b: SessionBody) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!managesTraining(actor, p, 'write')) throw forbidden();
  const now = ctx.clock.now();
  const id = newId();
  const values = await columns(ctx.db, p.org_id, b);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('training_sessions')
      .values({
        id,
        org_id: p.org_id,
        programme_id: p.id,
        ...values,
        ...publishedColumns(`training-${id}@compagnon`, actor.id, now),
      })
      .execute();
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'training.session_created',
      subjectType: 'training_session',
      subjectId: id,
      meta: { programmeId: p.id, kind: b.kind, capacity: b.capacity },
    });
  });
  return { id };
}

async function loadForChange(ctx: AppContext, actor: UserActor, sessionId: string) {
  const loaded = await loadSessionFor(ctx, actor, sessionId);
  if (!managesTraining(actor, loaded.p, 'write')) throw forbidden();
  if (loaded.s.cancelled_at) throw refuse(409, 'training_cancelled');
  return loaded;
}

/** Tells everyone registered or waiting of a change or a cancellation; e-mails those registered. */
async function tellEveryone(
  trx: Db,
  s: SessionRow,
  change: 'updated' | 'cancelled',
  actorId: string,
  now: Date,
) {
  const people = (await peopleOf(trx, s.id)).filter((r) => r.user_id !== actorId);
  const registered = people.filter((r) => r.status === 'registered').map((r) => r.user_id);
  const waiting = people.filter((r) => r.status === 'waiting').map((r) => r.user_id);
  await enqueueMails(trx, s, registered, change === 'cancelled' ? 'cancel' : 'update', now);
  await tellOfSession(trx, now, s, change, { registered, waiting });
}

/** Changes a session before its start; a larger capacity promotes from the waiting list. */
export async function updateSession(ctx: AppContext, actor: UserActor, sessionId: string, b: SessionBody) {
  const { s, p } = await loadForChange(ctx, actor, sessionId);
  const now = ctx.clock.now();
  if (now.toISOString() >= s.starts_at) throw refuse(409, 'training_started');
  const values = await columns(ctx.db, p.org_id, b);
  await ctx.db.transaction().execute(async (trx) => {
    const q = trx.selectFrom('training_sessions').select('id').where('id', '=', s.id);
    await (ctx.dbKind === 'postgres' ? q.forUpdate() : q).execute();
    const registered = (await peopleOf(trx, s.id)).filter((r) => r.status === 'registered').length;
    if (b.capacity < registered) throw refuse(409, 'training_capacity_below', { registered });
    const moved = values.starts_at !== s.starts_at;
    await trx
      .updateTable('training_sessions')
      .set({ ...values, sequence: s.sequence + 1, updated_at: now.toISOString() })
      .where('id', '=', s.id)
      .execute();
    // A session moved is reminded again before its new start.
    if (moved)
      await trx
        .updateTable('training_registrations')
        .set({ reminded_at: null })
        .where('session_id', '=', s.id)
        .execute();
    const after = { ...s, ...values, sequence: s.sequence + 1 };
    await tellEveryone(trx, after, 'updated', actor.id, now);
    await promoteWaiting(trx, after, now);
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'training.session_updated',
      subjectType: 'training_session',
      subjectId: s.id,
      meta: { moved, capacity: b.capacity },
    });
  });
}

/** Cancels a session that has not ended; everyone registered or waiting is told. */
export async function cancelSession(ctx: AppContext, actor: UserActor, sessionId: string) {
  const { s, p } = await loadForChange(ctx, actor, sessionId);
  const now = ctx.clock.now();
  if (now.toISOString() >= s.starts_at) throw refuse(409, 'training_started');
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('training_sessions')
      .set({ cancelled_at: now.toISOString(), sequence: s.sequence + 1, updated_at: now.toISOString() })
      .where('id', '=', s.id)
      .where('cancelled_at', 'is', null)
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw refuse(409, 'training_cancelled');
    await tellEveryone(
      trx,
      { ...s, sequence: s.sequence + 1, cancelled_at: now.toISOString() },
      'cancelled',
      actor.id,
      now,
    );
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'training.session_cancelled',
      subjectType: 'training_session',
      subjectId: s.id,
    });
  });
}

/** Records who was present once the session started; only people registered can be marked. */
export async function recordAttendance(
  ctx: AppContext,
  actor: UserActor,
  sessionId: string,
  marks: { userId: string; status: 'present' | 'absent' }[],
) {
  const { s, p } = await loadForChange(ctx, actor, sessionId);
  const now = ctx.clock.now();
  if (now.toISOString() < s.starts_at) throw refuse(409, 'training_not_started');
  await ctx.db.transaction().execute(async (trx) => {
    for (const m of marks) {
      const done = await trx
        .updateTable('training_registrations')
        .set({ attendance: m.status, attendance_at: now.toISOString() })
        .where('session_id', '=', s.id)
        .where('user_id', '=', m.userId)
        .where('status', '=', 'registered')
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) === 0) throw refuse(409, 'training_not_registered');
    }
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'training.attendance_recorded',
      subjectType: 'training_session',
      subjectId: s.id,
      meta: { present: marks.filter((m) => m.status === 'present').length, marked: marks.length },
    });
  });
}
