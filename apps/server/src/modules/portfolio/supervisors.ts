import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { dayIn } from '../../domain/days.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { enqueue } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { residentFor } from './access.ts';
import { loadFramework, siteOf, tracesOf } from './queries.ts';
import { semesterOfDay } from './schedule.ts';
import { supervisorMail } from './supervisor-link.ts';
import { feedbackBody, type inviteBody, type supervisorRequestView } from './supervisor-schema.ts';

// The resident or their tutor invites the internship supervisor of one internship; the resident
// alone chooses the traces the supervisor may read. Both read the requests and the feedback; the
// coordination does not (the portfolio row of the confidentiality table).

const DAY = 86_400_000;
/** How long a supervisor's link stays valid. */
export const SUPERVISOR_LINK_DAYS = 60;

type RequestRow = Awaited<ReturnType<typeof requestsOf>>[number];

function requestsOf(db: Db, where: { programmeId: string; residentId: string } | { id: string }) {
  let q = db
    .selectFrom('supervisor_requests as r')
    .leftJoin('users as u', 'u.id', 'r.invited_by')
    .selectAll('r')
    .select('u.name as inviter_name');
  q = 'id' in where ? q.where('r.id', '=', where.id) : q.where('r.programme_id', '=', where.programmeId);
  if ('residentId' in where) q = q.where('r.resident_id', '=', where.residentId);
  return q.orderBy('r.created_at', 'desc').orderBy('r.id').execute();
}

async function sharesOf(db: Db, requestIds: string[]) {
  if (requestIds.length === 0) return [];
  return db
    .selectFrom('supervisor_shares')
    .select(['request_id', 'trace_id'])
    .where('request_id', 'in', requestIds)
    .orderBy('shared_at')
    .execute();
}

function requestView(
  r: RequestRow,
  shares: Array<{ request_id: string; trace_id: string }>,
  now: Date,
): z.infer<typeof supervisorRequestView> {
  const state = r.submitted_at
    ? 'answered'
    : r.expires_at <= now.toISOString()
      ? 'expired'
      : r.token_hash
        ? 'sent'
        : 'invited';
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    period: r.period,
    site: r.site,
    invitedBy: r.invited_by ? { id: r.invited_by, name: r.inviter_name ?? '' } : null,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    state,
    feedback: r.feedback ? readJson(feedbackBody, r.feedback, 'supervisor_requests.feedback') : null,
    submittedAt: r.submitted_at,
    sharedTraceIds: shares.filter((s) => s.request_id === r.id).map((s) => s.trace_id),
  };
}

/** The resident or their tutor invites a supervisor; the private link goes out by e-mail (a job). */
export async function inviteSupervisor(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  residentId: string,
  body: z.infer<typeof inviteBody>,
) {
  const { programme, resident } = await residentFor(ctx, actor, programmeId, residentId);
  if (programme.archived_at) throw refuse(403, 'forbidden', { variant: 'archived' });
  const now = ctx.clock.now();
  const period = body.period ?? semesterOfDay(dayIn(now, programme.time_zone));
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('supervisor_requests')
      .values({
        id,
        org_id: programme.org_id,
        programme_id: programme.id,
        resident_id: resident.id,
        invited_by: actor.id,
        period,
        site: await siteOf(trx, programme.org_id, resident.id, period),
        name: body.name,
        email: body.email,
        token_hash: null,
        expires_at: new Date(now.getTime() + SUPERVISOR_LINK_DAYS * DAY).toISOString(),
        feedback: null,
        submitted_at: null,
        created_at: now.toISOString(),
      })
      .execute();
    await enqueue(trx, supervisorMail, { requestId: id }, { dedupeKey: `portfolio.supervisor:${id}`, now });
    await audit(trx, now, {
      orgId: programme.org_id,
      actorId: actor.id,
      action: 'portfolio.supervisor_invited',
      subjectType: 'user',
      subjectId: resident.id,
      meta: { requestId: id },
    });
  });
  const [row] = await requestsOf(ctx.db, { id });
  return requestView(row as RequestRow, [], now);
}

/** A resident's supervisors, their state and feedback, for the resident and their tutor. */
export async function listSupervisors(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  residentId: string,
) {
  const { programme, resident, relation } = await residentFor(ctx, actor, programmeId, residentId);
  const now = ctx.clock.now();
  const rows = await requestsOf(ctx.db, { programmeId: programme.id, residentId: resident.id });
  const shares = await sharesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  const [traces, framework] = await Promise.all([
    tracesOf(ctx.db, programme.id, resident.id),
    loadFramework(ctx.db, programme.id),
  ]);
  const open = !programme.archived_at;
  return {
    requests: rows.map((r) => requestView(r, shares, now)),
    shareable: traces
      .filter((t) => Number(t.versions ?? 0) > 0)
      .map((t) => ({ id: t.id, title: t.title, period: t.period, state: t.state })),
    competencies: framework.competencies.map((c) => ({ id: c.id, label: c.label })),
    can: { invite: open, share: open && relation === 'self' },
  };
}

/** The resident alone chooses which of their sent traces a supervisor reads. */
export async function shareTraces(ctx: AppContext, actor: UserActor, requestId: string, traceIds: string[]) {
  const [row] = await requestsOf(ctx.db, { id: requestId });
  if (!row) throw notFound();
  const { programme, resident, relation } = await residentFor(
    ctx,
    actor,
    row.programme_id,
    row.resident_id,
  ).catch(() => {
    throw notFound();
  });
  if (relation !== 'self' || programme.archived_at) throw forbidden();
  const wanted = [...new Set(traceIds)];
  const sent = new Set(
    (await tracesOf(ctx.db, programme.id, resident.id))
      .filter((t) => Number(t.versions ?? 0) > 0)
      .map((t) => t.id),
  );
  if (wanted.some((id) => !sent.has(id))) throw refuse(400, 'unknown_trace');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('supervisor_shares').where('request_id', '=', row.id).execute();
    for (const traceId of wanted)
      await trx
        .insertInto('supervisor_shares')
        .values({ request_id: row.id, trace_id: traceId, shared_at: now.toISOString() })
        .execute();
    await audit(trx, now, {
      orgId: row.org_id,
      actorId: actor.id,
      action: 'portfolio.supervisor_shares',
      subjectType: 'user',
      subjectId: resident.id,
      meta: { requestId: row.id, traces: wanted.length },
    });
  });
  return requestView(row, await sharesOf(ctx.db, [row.id]), now);
}
