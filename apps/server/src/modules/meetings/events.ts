import type { AppContext } from '../../context.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { eventView } from '../availability/service.ts';
import { loadProgrammeFor } from '../programmes/service.ts';

/** Programme-wide events (course days, welcome day): every member sees them; busy ones block slots. */
export async function listEvents(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  const since = new Date(ctx.clock.now().getTime() - 30 * 86_400_000).toISOString();
  const rows = await ctx.db
    .selectFrom('programme_events')
    .selectAll()
    .where('programme_id', '=', p.id)
    .where('ends_at', '>', since)
    .orderBy('starts_at')
    .limit(200)
    .execute();
  return rows.map(eventView);
}

export async function createEvent(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: { title: string; kind: string; start: string; end: string; busy: boolean },
) {
  const p = await loadProgrammeFor(ctx, actor, programmeId, 'update');
  const id = newId();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('programme_events')
      .values({
        id,
        org_id: p.org_id,
        programme_id: p.id,
        title: body.title,
        kind: body.kind,
        starts_at: new Date(Date.parse(body.start)).toISOString(),
        ends_at: new Date(Date.parse(body.end)).toISOString(),
        busy: body.busy ? 1 : 0,
        created_by: actor.id,
        created_at: now.toISOString(),
      })
      .execute();
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'programme.event_created',
      subjectType: 'programme_event',
      subjectId: id,
    });
  });
  const row = await ctx.db
    .selectFrom('programme_events')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return eventView(row);
}

/** An event of a programme the actor may change (the programme's coordinators and admins). */
async function loadEventFor(ctx: AppContext, actor: UserActor, programmeId: string, eventId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId, 'update');
  const e = await ctx.db
    .selectFrom('programme_events')
    .selectAll()
    .where('id', '=', eventId)
    .where('programme_id', '=', p.id)
    .executeTakeFirst();
  if (!e) throw notFound('event');
  return { programme: p, event: e };
}

export async function updateEvent(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  eventId: string,
  body: Partial<{ title: string; kind: string; start: string; end: string; busy: boolean }>,
) {
  const { programme: p, event: e } = await loadEventFor(ctx, actor, programmeId, eventId);
  const start = body.start ? new Date(Date.parse(body.start)).toISOString() : e.starts_at;
  const end = body.end ? new Date(Date.parse(body.end)).toISOString() : e.ends_at;
  if (end <= start) throw refuse(400, 'event_end_before_start');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('programme_events')
      .set({
        title: body.title ?? e.title,
        kind: body.kind ?? e.kind,
        starts_at: start,
        ends_at: end,
        busy: body.busy === undefined ? e.busy : body.busy ? 1 : 0,
      })
      .where('id', '=', e.id)
      .execute();
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'programme.event_updated',
      subjectType: 'programme_event',
      subjectId: e.id,
    });
  });
  const row = await ctx.db
    .selectFrom('programme_events')
    .selectAll()
    .where('id', '=', e.id)
    .executeTakeFirstOrThrow();
  return eventView(row);
}

export async function deleteEvent(ctx: AppContext, actor: UserActor, programmeId: string, eventId: string) {
  const { programme: p, event: e } = await loadEventFor(ctx, actor, programmeId, eventId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('programme_events').where('id', '=', e.id).execute();
    await audit(trx, ctx.clock.now(), {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'programme.event_deleted',
      subjectType: 'programme_event',
      subjectId: e.id,
    });
  });
}
