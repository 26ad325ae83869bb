import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import type { Programme } from '../../db/types.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { alertsMayChange } from '../followup/reevaluate.ts';
import { explanationSchema, facts, reasonsOf } from './criteria.ts';
import { scheduleConsequences } from './ending.ts';
import { loadSnapshot } from './queries.ts';

// A pairing's lifecycle once published: its events, state changes, repair requests, roll-over.
// The draft is in draft.ts, its publication in publish.ts.

/** A refusal in both languages: the web app shows the one of the reader. */
export async function event(
  db: Db,
  at: string,
  pairing: { id: string; org_id: string; programme_id: string },
  e: {
    actorId: string | null;
    kind: string;
    from?: string | null;
    to?: string | null;
    reason?: string | null;
  },
) {
  await db
    .insertInto('pairing_events')
    .values({
      id: newId(),
      org_id: pairing.org_id,
      programme_id: pairing.programme_id,
      pairing_id: pairing.id,
      at,
      actor_id: e.actorId,
      kind: e.kind,
      from_state: e.from ?? null,
      to_state: e.to ?? null,
      reason: e.reason ?? null,
    })
    .execute();
}

const TRANSITIONS: Record<string, string[]> = {
  active: ['paused', 'completed', 'ended'],
  paused: ['active', 'completed', 'ended'],
};

/** Changes a pairing's state; ending early needs a reason. The end may be undone for a while (ending.ts). */
export async function transition(
  ctx: AppContext,
  actor: UserActor,
  pairing: { id: string; org_id: string; programme_id: string; state: string },
  to: string,
  reason: string | null,
) {
  await ctx.db
    .transaction()
    .execute((trx) => transitionIn(trx, ctx.clock.now(), actor.id, pairing, to, reason));
}

/**
 * The same change inside the caller's transaction, by a person or by the platform (`actorId` null:
 * a pair reaching its end day, agreements/jobs.ts).
 */
export async function transitionIn(
  trx: Db,
  clockNow: Date,
  actorId: string | null,
  pairing: { id: string; org_id: string; programme_id: string; state: string },
  to: string,
  reason: string | null,
) {
  if (!(TRANSITIONS[pairing.state] ?? []).includes(to)) {
    throw refuse(409, 'invalid_transition', { variant: 'from_to', from: pairing.state, to });
  }
  if (to === 'ended' && !reason) throw refuse(400, 'reason_required');
  const now = clockNow.toISOString();
  const res = await trx
    .updateTable('pairings')
    .set({
      state: to,
      ...(to === 'ended' || to === 'completed' ? { ended_at: now, end_reason: reason } : {}),
      ...(to === 'ended' ? { repair_requested_at: null } : {}),
    })
    .where('id', '=', pairing.id)
    .where('state', '=', pairing.state)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw refuse(409, 'changed');
  await event(trx, now, pairing, { actorId, kind: to, from: pairing.state, to, reason });
  // A pair no longer active has no live alert: they are resolved at once.
  await alertsMayChange(trx, pairing.programme_id, clockNow);
  // Its meetings and the people's notices follow once the end can no longer be undone.
  if (to === 'ended' || to === 'completed') await scheduleConsequences(trx, pairing.id, now, clockNow);
}

export async function requestRepair(
  ctx: AppContext,
  actor: UserActor,
  pairing: { id: string; org_id: string; programme_id: string; state: string },
  reason: string,
) {
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('pairings')
      .set({ repair_requested_at: now, repair_requested_by: actor.id })
      .where('id', '=', pairing.id)
      .execute();
    await event(trx, now, pairing, {
      actorId: actor.id,
      kind: 'repair-requested',
      from: pairing.state,
      to: pairing.state,
      reason,
    });
  });
}

/**
 * Semester roll-over: live pairs stay together in the new cohort, and their explanations are
 * recomputed from everyone's current site, so "same site" and distances follow the new placements.
 */
export async function rollOver(ctx: AppContext, actor: UserActor, p: Programme, cohortId: string) {
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const cohort = await trx
      .selectFrom('cohorts')
      .select('id')
      .where('id', '=', cohortId)
      .where('programme_id', '=', p.id)
      .executeTakeFirst();
    if (!cohort) throw notFound('cohort');
    const live = await trx
      .selectFrom('pairings')
      .selectAll()
      .where('programme_id', '=', p.id)
      .where('state', 'in', LIVE_PAIRING_STATES)
      .execute();
    const s = await loadSnapshot(trx, p, ctx.clock.now());
    const people = s.profiles;
    const changes: { pairingId: string; tuteeId: string; site: string | null; sameSite: boolean }[] = [];
    for (const x of live) {
      const tutorProf = people.get(x.tutor_user_id);
      const tuteeProf = people.get(x.tutee_user_id);
      let explanation: string | null = x.explanation;
      if (tutorProf && tuteeProf) {
        const tutor = { ...tutorProf, arrivedAt: '', capacity: 0, load: 0 };
        const f = facts(s.cohort, tutor, { ...tuteeProf, arrivedAt: '' });
        const before = x.explanation
          ? readJson(explanationSchema, x.explanation, 'pairings.explanation')
          : null;
        const beforeSite = before?.reasons?.find((r) => r.code === 'sameSite')?.site ?? null;
        const { reasons } = reasonsOf(f, tutor);
        explanation = JSON.stringify({ reasons, km: f.km });
        if (beforeSite !== f.sameSite)
          changes.push({
            pairingId: x.id,
            tuteeId: x.tutee_user_id,
            site: tuteeProf.site,
            sameSite: !!f.sameSite,
          });
      }
      await trx
        .updateTable('pairings')
        .set({ cohort_id: cohort.id, explanation })
        .where('id', '=', x.id)
        .execute();
      await event(trx, now, x, {
        actorId: actor.id,
        kind: 'rolled-over',
        from: x.state,
        to: x.state,
        reason: null,
      });
    }
    await audit(trx, ctx.clock.now(), {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'matching.rolled-over',
      subjectType: 'programme',
      subjectId: p.id,
      meta: { kept: live.length },
    });
    return { kept: live.length, siteChanges: changes };
  });
}
