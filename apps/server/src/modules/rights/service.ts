import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { refuse } from '../../http/errors.ts';
import { enqueue } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { absenceData } from '../absences/rights.ts';
import { agreementData } from '../agreements/rights.ts';
import { announcementData } from '../announcements/rights.ts';
import { audit } from '../audit/service.ts';
import { coachingData } from '../coaching/rights.ts';
import { feedbackData } from '../feedback/rights.ts';
import { guideSuggestionData } from '../guides/rights.ts';
import { networkData } from '../networks/rights.ts';
import { portfolioData } from '../portfolio/rights.ts';
import { loadOrganisationFor } from '../programmes/service.ts';
import { requestData } from '../requests/rights.ts';
import { reviewsData } from '../reviews/rights.ts';
import { teamData } from '../teams/rights.ts';
import { threadData } from '../threads/rights.ts';
import { trainingData } from '../training/rights.ts';
import {
  approvalToDecide,
  askOrganisations,
  closeDeclined,
  confirmIdentity,
  openStatuses,
  organisationsToAsk,
  scheduleWhenAllConfirmed,
} from './erasure-requests.ts';
import { eraseJob } from './jobs.ts';
import { GRACE_DAYS } from './policy.ts';
import { personalData } from './queries.ts';
import { difficultyData } from './queries-difficulties.ts';

const DAY = 86_400_000;

/** Everything the platform holds about the actor, recorded in the audit log of each organisation. */
export async function exportData(ctx: AppContext, actor: UserActor, format: 'json' | 'pdf', ip: string) {
  return ctx.db.transaction().execute(async (trx) => {
    const data = {
      ...(await personalData(trx, actor.id)),
      ...(await difficultyData(trx, actor.id)),
      ...(await threadData(trx, actor.id)),
      ...(await portfolioData(trx, actor.id)),
      ...(await reviewsData(trx, actor.id)),
      ...(await requestData(trx, actor.id)),
      ...(await agreementData(trx, actor.id)),
      ...(await teamData(trx, actor.id)),
      ...(await feedbackData(trx, actor.id)),
      ...(await announcementData(trx, actor.id)),
      ...(await guideSuggestionData(trx, actor.id)),
      ...(await trainingData(trx, actor.id)),
      ...(await absenceData(trx, actor.id)),
      ...(await coachingData(trx, actor.id)),
      ...(await networkData(trx, actor.id)),
    };
    const orgs = [...actor.orgIds];
    for (const orgId of orgs.length ? orgs : [null]) {
      await audit(trx, ctx.clock.now(), {
        orgId,
        actorId: actor.id,
        action: 'rights.exported',
        subjectType: 'user',
        subjectId: actor.id,
        ip,
        meta: { format },
      });
    }
    return data;
  });
}

/** The organisations' time zone for the document: the first organisation's, else Paris. */
export const documentZone = (data: { organisations: { timeZone: string }[] }) =>
  data.organisations[0]?.timeZone ?? 'Europe/Paris';

async function latestRequest(db: Db, userId: string) {
  return db
    .selectFrom('erasure_requests')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('requested_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** The actor's latest erasure request and how a new one is confirmed. */
export async function myErasure(ctx: AppContext, actor: UserActor) {
  const [request, account] = await Promise.all([
    latestRequest(ctx.db, actor.id),
    ctx.db.selectFrom('users').select('password_hash').where('id', '=', actor.id).executeTakeFirstOrThrow(),
  ]);
  const approvals = request
    ? await ctx.db
        .selectFrom('erasure_approvals')
        .innerJoin('organisations', 'organisations.id', 'erasure_approvals.org_id')
        .select(['organisations.name', 'erasure_approvals.status', 'erasure_approvals.reason'])
        .where('request_id', '=', request.id)
        .orderBy('organisations.name')
        .execute()
    : [];
  return {
    request: request
      ? {
          id: request.id,
          status: request.status as 'pending' | 'scheduled' | 'declined' | 'cancelled' | 'done',
          requestedAt: request.requested_at,
          dueAt: request.due_at,
          organisations: approvals.map((a) => ({
            name: a.name,
            status: a.status as 'pending' | 'confirmed' | 'declined',
            reason: a.reason,
          })),
          actions: { cancel: openStatuses.includes(request.status) },
        }
      : null,
    confirmWith: account.password_hash ? ('password' as const) : ('word' as const),
    graceDays: GRACE_DAYS,
  };
}

/**
 * A person asks to be erased. They confirm with their password (or, with no password, by typing
 * SUPPRIMER). Each organisation they belong to must confirm through one of its admins; with no
 * organisation the erasure runs after GRACE_DAYS, time for the person to change their mind.
 */
export async function requestErasure(
  ctx: AppContext,
  actor: UserActor,
  body: { password?: string; confirmation?: string },
  ip: string,
) {
  const name = await confirmIdentity(ctx.db, actor.id, body);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const asked = await organisationsToAsk(trx, actor.id);
    const id = newId();
    const due = asked.orgs.length ? null : new Date(now.getTime() + GRACE_DAYS * DAY);
    await trx
      .insertInto('erasure_requests')
      .values({
        id,
        user_id: actor.id,
        status: asked.orgs.length ? 'pending' : 'scheduled',
        requested_at: now.toISOString(),
        due_at: due?.toISOString() ?? null,
        closed_at: null,
        notify_email: null,
        notify_locale: null,
      })
      .execute();
    await askOrganisations(trx, { id, name }, asked, now);
    for (const o of asked.orgs.length ? asked.orgs : [null]) {
      await audit(trx, now, {
        orgId: o?.id ?? null,
        actorId: actor.id,
        action: 'rights.erasure_requested',
        subjectType: 'user',
        subjectId: actor.id,
        ip,
        meta: { requestId: id },
      });
    }
    if (due)
      await enqueue(trx, eraseJob, { requestId: id }, { runAt: due, dedupeKey: `rights.erase:${id}`, now });
  });
  return myErasure(ctx, actor);
}

/** The person withdraws a request that has not been carried out. */
export async function cancelErasure(ctx: AppContext, actor: UserActor) {
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const request = await latestRequest(trx, actor.id);
    if (!request || !openStatuses.includes(request.status)) throw refuse(409, 'erasure_not_open');
    await trx
      .updateTable('erasure_requests')
      .set({ status: 'cancelled', closed_at: now.toISOString() })
      .where('id', '=', request.id)
      .execute();
    await audit(trx, now, {
      actorId: actor.id,
      action: 'rights.erasure_cancelled',
      subjectType: 'user',
      subjectId: actor.id,
      meta: { requestId: request.id },
    });
  });
  return myErasure(ctx, actor);
}

/** Requests waiting for this organisation's decision (its admins only). */
export async function pendingErasures(ctx: AppContext, actor: UserActor, orgId: string) {
  const org = await loadOrganisationFor(ctx, actor, orgId, 'update');
  const rows = await ctx.db
    .selectFrom('erasure_approvals')
    .innerJoin('erasure_requests', 'erasure_requests.id', 'erasure_approvals.request_id')
    .innerJoin('users', 'users.id', 'erasure_requests.user_id')
    .select([
      'erasure_requests.id',
      'users.id as user_id',
      'users.name',
      'users.email',
      'erasure_requests.requested_at',
    ])
    .where('erasure_approvals.org_id', '=', org.id)
    .where('erasure_approvals.status', '=', 'pending')
    .where('erasure_requests.status', '=', 'pending')
    .orderBy('erasure_requests.requested_at')
    .execute();
  const roles = rows.length
    ? await ctx.db
        .selectFrom('memberships')
        .innerJoin('programmes', 'programmes.id', 'memberships.programme_id')
        .select(['memberships.user_id', 'programmes.name', 'memberships.role'])
        .where('memberships.org_id', '=', org.id)
        .where(
          'memberships.user_id',
          'in',
          rows.map((r) => r.user_id),
        )
        .where('memberships.ended_at', 'is', null)
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    requestedAt: r.requested_at,
    roles: roles.filter((m) => m.user_id === r.user_id).map((m) => ({ programme: m.name, role: m.role })),
  }));
}

/**
 * An admin confirms or declines for their organisation. The last confirmation schedules the
 * erasure at once; a refusal (with its reason, shown to the person) closes the request.
 */
export async function decideErasure(
  ctx: AppContext,
  actor: UserActor,
  orgId: string,
  requestId: string,
  decision: { confirm: true } | { confirm: false; reason: string },
  ip: string,
) {
  const org = await loadOrganisationFor(ctx, actor, orgId, 'update');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = await approvalToDecide(trx, actor, org.id, requestId);
    await trx
      .updateTable('erasure_approvals')
      .set({
        status: decision.confirm ? 'confirmed' : 'declined',
        decided_by: actor.id,
        decided_at: now.toISOString(),
        reason: decision.confirm ? null : decision.reason,
      })
      .where('id', '=', row.id)
      .execute();
    await audit(trx, now, {
      orgId: org.id,
      actorId: actor.id,
      action: decision.confirm ? 'rights.erasure_confirmed' : 'rights.erasure_declined',
      subjectType: 'user',
      subjectId: row.user_id,
      ip,
      meta: { requestId },
    });
    if (decision.confirm) await scheduleWhenAllConfirmed(trx, requestId, now);
    else
      await closeDeclined(
        trx,
        { id: requestId, userId: row.user_id, orgId: org.id, reason: decision.reason },
        now,
      );
  });
}
