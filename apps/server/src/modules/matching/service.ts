import type { TFunction } from 'i18next';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { AppError, badRequest, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { contactFor } from '../../policy/confidentiality.ts';
import { audit } from '../audit/service.ts';
import {
  type Assignment,
  byTuteeChoice,
  byTutorChoice,
  facts,
  firstComeFirstServed,
  optimal,
  pairCost,
  reasonsOf,
  summarise,
  type Weights,
} from './criteria.ts';
import { explain, matchingTexts } from './i18n.ts';
import { LIVE, loadSnapshot, peopleOf, rulesOf, type Snapshot, weightsOf, withProposals } from './queries.ts';

export type Mode = 'optimal' | 'tutee-choice' | 'tutor-choice' | 'manual';

/** A refusal in both languages: the web app shows the one of the reader. */
const refuse = (status: number, code: string, fr: string, en: string) =>
  new AppError(status, code, fr, { messageEn: en });

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

async function ensureDraft(
  db: Db,
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  mode: Mode,
  weights: Weights,
  keepMode = false,
) {
  const now = ctx.clock.now().toISOString();
  const existing = await db
    .selectFrom('matching_runs')
    .selectAll()
    .where('programme_id', '=', p.id)
    .where('status', '=', 'draft')
    .executeTakeFirst();
  if (existing && keepMode) return existing.id;
  if (existing) {
    await db
      .updateTable('matching_runs')
      .set({ mode, weights: JSON.stringify(weights), updated_at: now })
      .where('id', '=', existing.id)
      .execute();
    return existing.id;
  }
  const id = newId();
  await db
    .insertInto('matching_runs')
    .values({
      id,
      org_id: p.org_id,
      programme_id: p.id,
      mode,
      status: 'draft',
      weights: JSON.stringify(weights),
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      published_at: null,
      published_by: null,
    })
    .execute();
  return id;
}

/**
 * Computes (or re-computes) the draft with the given mode. Locked proposals stay as they are and
 * keep their places; every other proposal is replaced by the engine's result for the rest.
 */
export async function runMatching(ctx: AppContext, actor: UserActor, p: Programme, mode: Mode) {
  await ctx.db.transaction().execute((trx) => runMatchingIn(trx, ctx, actor, p, mode));
}

/** `runMatching` inside the caller's transaction, so what led to the run is undone with it. */
export async function runMatchingIn(trx: Db, ctx: AppContext, actor: UserActor, p: Programme, mode: Mode) {
  const weights = await weightsOf(trx, p.id);
  const runId = await ensureDraft(trx, ctx, actor, p, mode, weights);
  await trx
    .deleteFrom('pairing_events')
    .where(
      'pairing_id',
      'in',
      trx
        .selectFrom('pairings')
        .select('id')
        .where('run_id', '=', runId)
        .where('state', '=', 'proposed')
        .where('locked', '=', 0),
    )
    .execute();
  await trx
    .deleteFrom('pairings')
    .where('run_id', '=', runId)
    .where('state', '=', 'proposed')
    .where('locked', '=', 0)
    .execute();
  const s = await loadSnapshot(trx, p, ctx.clock.now());
  const lockedTutees = new Set(s.proposals.map((x) => x.tutee_user_id));
  const base = withProposals(s);
  const cohort = { ...base, tutees: base.tutees.filter((t) => !lockedTutees.has(t.userId)) };
  if (mode === 'tutee-choice' && !s.round) {
    throw refuse(
      409,
      'no_round',
      'Ouvrez d’abord un tour de choix pour les internes.',
      'Open a choice round for the tutees first.',
    );
  }
  let result: Assignment[] = [];
  if (mode === 'optimal') result = optimal(cohort, weights);
  else if (mode === 'tutee-choice') result = byTuteeChoice(cohort, weights);
  else if (mode === 'tutor-choice') result = byTutorChoice(cohort, weights);
  const now = ctx.clock.now().toISOString();
  for (const a of result) {
    await trx
      .insertInto('pairings')
      .values({
        id: newId(),
        org_id: p.org_id,
        programme_id: p.id,
        cohort_id: null,
        tutor_user_id: a.tutor,
        tutee_user_id: a.tutee,
        group_key: null,
        state: 'proposed',
        created_at: now,
        ended_at: null,
        end_reason: null,
        locked: 0,
        run_id: runId,
      })
      .execute();
  }
  await audit(trx, ctx.clock.now(), {
    orgId: p.org_id,
    actorId: actor.id,
    action: 'matching.run',
    subjectType: 'programme',
    subjectId: p.id,
    meta: { mode, proposals: result.length },
  });
}

/**
 * Locks the tutor's membership row for the rest of the transaction on PostgreSQL, so two
 * coordinators giving the tutor's last place at the same time are serialised; SQLite runs one
 * write transaction at a time already.
 */
async function lockTutor(trx: Db, ctx: AppContext, programmeId: string, tutorId: string) {
  let q = trx
    .selectFrom('memberships')
    .select(['id', 'capacity'])
    .where('programme_id', '=', programmeId)
    .where('user_id', '=', tutorId)
    .where('role', '=', 'tutor')
    .where('ended_at', 'is', null);
  if (ctx.dbKind === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

async function placesTaken(
  trx: Db,
  programmeId: string,
  tutorId: string,
  runId: string | null,
  exceptTutee?: string,
) {
  let q = trx
    .selectFrom('pairings')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('programme_id', '=', programmeId)
    .where('tutor_user_id', '=', tutorId)
    .where((eb) =>
      eb.or([
        eb('state', 'in', LIVE),
        ...(runId ? [eb.and([eb('state', '=', 'proposed'), eb('run_id', '=', runId)])] : []),
      ]),
    );
  if (exceptTutee) q = q.where('tutee_user_id', '!=', exceptTutee);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Moves a tutee of the draft to a tutor (or takes them out); the moved pair is locked. */
export async function assignInDraft(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  body: { tuteeId: string; tutorId: string | null },
) {
  await ctx.db.transaction().execute(async (trx) => {
    const weights = await weightsOf(trx, p.id);
    // A manual edit of an automatic draft keeps the draft's mode.
    const runId = await ensureDraft(trx, ctx, actor, p, 'manual', weights, true);
    const s = await loadSnapshot(trx, p, ctx.clock.now());
    const tutee = s.cohort.tutees.find((t) => t.userId === body.tuteeId);
    if (!tutee) throw notFound('tutee');
    if (body.tutorId) {
      const tutor = s.cohort.tutors.find((t) => t.userId === body.tutorId);
      if (!tutor) throw notFound('tutor');
      const f = facts(s.cohort, tutor, tutee);
      if (f.conflict) {
        throw refuse(
          409,
          'conflict_of_interest',
          `${tutor.name} et ${tutee.name} ne peuvent pas être appariés (conflit d’intérêts).`,
          `${tutor.name} and ${tutee.name} cannot be paired (conflict of interest).`,
        );
      }
      const row = await lockTutor(trx, ctx, p.id, tutor.userId);
      if (!row) throw notFound('tutor');
      const capacity = tutor.capacity;
      const taken = await placesTaken(trx, p.id, tutor.userId, runId, tutee.userId);
      if (taken >= capacity) {
        throw refuse(
          409,
          'capacity_reached',
          `${tutor.name} n’a plus de place (${taken}/${capacity}).`,
          `${tutor.name} has no place left (${taken}/${capacity}).`,
        );
      }
    }
    await trx
      .deleteFrom('pairings')
      .where('run_id', '=', runId)
      .where('state', '=', 'proposed')
      .where('tutee_user_id', '=', tutee.userId)
      .execute();
    if (body.tutorId) {
      await trx
        .insertInto('pairings')
        .values({
          id: newId(),
          org_id: p.org_id,
          programme_id: p.id,
          cohort_id: null,
          tutor_user_id: body.tutorId,
          tutee_user_id: tutee.userId,
          group_key: null,
          state: 'proposed',
          created_at: ctx.clock.now().toISOString(),
          ended_at: null,
          end_reason: null,
          locked: 1,
          run_id: runId,
        })
        .execute();
    }
    await trx
      .updateTable('matching_runs')
      .set({ updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', runId)
      .execute();
  });
}

export async function lockInDraft(ctx: AppContext, p: Programme, tuteeId: string, locked: boolean) {
  const res = await ctx.db
    .updateTable('pairings')
    .set({ locked: locked ? 1 : 0 })
    .where('programme_id', '=', p.id)
    .where('state', '=', 'proposed')
    .where('tutee_user_id', '=', tuteeId)
    .where(
      'run_id',
      'in',
      ctx.db
        .selectFrom('matching_runs')
        .select('id')
        .where('programme_id', '=', p.id)
        .where('status', '=', 'draft'),
    )
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound('proposal');
}

export async function discardDraft(ctx: AppContext, actor: UserActor, p: Programme) {
  await ctx.db.transaction().execute(async (trx) => {
    const draft = await trx
      .selectFrom('matching_runs')
      .select('id')
      .where('programme_id', '=', p.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (!draft) throw notFound('draft');
    await trx.deleteFrom('pairings').where('run_id', '=', draft.id).where('state', '=', 'proposed').execute();
    await trx
      .updateTable('matching_runs')
      .set({ status: 'discarded', updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', draft.id)
      .execute();
    await audit(trx, ctx.clock.now(), {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'matching.discarded',
      subjectType: 'programme',
      subjectId: p.id,
    });
  });
}

/** Explanation of one pair as it stands in a cohort: reasons, warnings and its cost. */
export function explainPair(
  s: Snapshot,
  cohortTutors: ReturnType<typeof withProposals>,
  tutorId: string,
  tuteeId: string,
  weights: Weights,
) {
  const tutor = cohortTutors.tutors.find((t) => t.userId === tutorId);
  const tutee = s.cohort.tutees.find((t) => t.userId === tuteeId);
  if (!tutor || !tutee) return null;
  const f = facts(s.cohort, tutor, tutee);
  return { ...reasonsOf(f, tutor), km: f.km, cost: pairCost(f, weights) };
}

/**
 * Publishes the draft: every proposal becomes an active pairing, once. The status change is a
 * conditional write, so a second publish (or a second coordinator) finds nothing to publish and
 * nobody is notified twice. Capacities are checked again inside the transaction.
 */
export async function publishDraft(ctx: AppContext, actor: UserActor, p: Programme) {
  const now = ctx.clock.now().toISOString();
  const rules = rulesOf(p);
  const published = await ctx.db.transaction().execute(async (trx) => {
    const s = await loadSnapshot(trx, p, ctx.clock.now());
    if (!s.draft) throw notFound('draft');
    const claimed = await trx
      .updateTable('matching_runs')
      .set({ status: 'published', published_at: now, published_by: actor.id, updated_at: now })
      .where('id', '=', s.draft.id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0)
      throw refuse(
        409,
        'already_published',
        'Ce brouillon a déjà été publié.',
        'This draft was already published.',
      );
    const weights = JSON.parse(s.draft.weights) as Weights;
    const cohort = withProposals(s);
    for (const t of cohort.tutors) {
      if (t.load > t.capacity) {
        throw refuse(
          409,
          'capacity_reached',
          `${t.name} dépasserait sa capacité (${t.load}/${t.capacity}).`,
          `${t.name} would exceed their capacity (${t.load}/${t.capacity}).`,
        );
      }
    }
    const cohortRow = await trx
      .selectFrom('cohorts')
      .select('id')
      .where('programme_id', '=', p.id)
      .where('archived_at', 'is', null)
      .orderBy('starts_on', 'desc')
      .executeTakeFirst();
    const out: {
      pairingId: string;
      tutorId: string;
      tuteeId: string;
      reasons: ReturnType<typeof reasonsOf>['reasons'];
    }[] = [];
    for (const x of s.proposals) {
      if (!s.cohort.tutees.some((t) => t.userId === x.tutee_user_id)) {
        throw refuse(
          409,
          'already_paired',
          'Une personne du brouillon a déjà un binôme : relancez le calcul.',
          'Someone in the draft is already paired: run the matching again.',
        );
      }
      const e = explainPair(s, cohort, x.tutor_user_id, x.tutee_user_id, weights);
      await trx
        .updateTable('pairings')
        .set({
          state: 'active',
          cohort_id: cohortRow?.id ?? null,
          group_key: rules.unit === 'group' ? `groupe-${x.tutor_user_id}` : null,
          explanation: JSON.stringify(e ? { reasons: e.reasons, km: e.km } : null),
        })
        .where('id', '=', x.id)
        .execute();
      await event(trx, now, x, {
        actorId: actor.id,
        kind: 'published',
        from: 'proposed',
        to: 'active',
        reason: s.draft.mode,
      });
      out.push({
        pairingId: x.id,
        tutorId: x.tutor_user_id,
        tuteeId: x.tutee_user_id,
        reasons: e?.reasons ?? [],
      });
    }
    await notifyPublished(trx, p, s.draft.id, ctx.clock.now(), out);
    await audit(trx, ctx.clock.now(), {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'matching.published',
      subjectType: 'programme',
      subjectId: p.id,
      meta: { pairs: out.length },
    });
    return out;
  });
  return published.length;
}

/**
 * One notice per person through the notification layer (in-app, then e-mail or SMS as they chose,
 * after their quiet hours): each tutee learns their tutor, how to reach them and why; each tutor
 * learns the people they will accompany. Enqueued in the publishing transaction, one job per
 * recipient, keyed by the draft and the person: a retried publish enqueues nothing new, and a job
 * that runs again delivers nothing twice.
 */
async function notifyPublished(
  trx: Db,
  p: Programme,
  runId: string,
  now: Date,
  pairs: { tutorId: string; tuteeId: string; reasons: ReturnType<typeof reasonsOf>['reasons'] }[],
) {
  if (pairs.length === 0) return;
  const ids = [...new Set(pairs.flatMap((x) => [x.tutorId, x.tuteeId]))];
  const people = await peopleOf(trx, p, ids);
  const rules = rulesOf(p);
  const link = `/programmes/${p.id}/appariement`;
  const both = (render: (t: TFunction) => { title: string; body: string }) => ({
    fr: render(matchingTexts('fr')),
    en: render(matchingTexts('en')),
  });
  const byTutor = new Map<string, string[]>();
  for (const x of pairs) {
    const tutor = people.get(x.tutorId);
    const tutee = people.get(x.tuteeId);
    if (!tutor || !tutee) continue;
    byTutor.set(x.tutorId, [...(byTutor.get(x.tutorId) ?? []), x.tuteeId]);
    const content = both((t) => {
      const vars = {
        tutor: tutor.name,
        programme: p.name,
        role: t(`role.${rules.unit}`),
        contact: [tutor.email, contactFor('ownTutor', tutor).phone ?? t('noPhone')].join(' · '),
        why: explain(t, x.reasons),
      };
      return { title: t('tutee.subject', vars), body: t('notice.tutee', vars) };
    });
    await notify(
      trx,
      {
        userId: tutee.userId,
        orgId: p.org_id,
        kind: 'message',
        key: `matching.published:${runId}:${tutee.userId}`,
        link,
        content,
      },
      now,
    );
  }
  for (const [tutorId, tutees] of byTutor) {
    const tutor = people.get(tutorId);
    if (!tutor) continue;
    const list = tutees.map((id) => `• ${people.get(id)?.name} <${people.get(id)?.email}>`).join('\n');
    const content = both((t) => {
      const vars = { programme: p.name, count: tutees.length, list };
      return { title: t('tutor.subject', vars), body: t('notice.tutor', vars) };
    });
    await notify(
      trx,
      {
        userId: tutorId,
        orgId: p.org_id,
        kind: 'message',
        key: `matching.published:${runId}:${tutorId}`,
        link,
        content,
      },
      now,
    );
  }
}

const TRANSITIONS: Record<string, string[]> = {
  active: ['paused', 'completed', 'ended'],
  paused: ['active', 'completed', 'ended'],
};

/** Changes a pairing's state; ending early needs a reason. */
export async function transition(
  ctx: AppContext,
  actor: UserActor,
  pairing: { id: string; org_id: string; programme_id: string; state: string },
  to: string,
  reason: string | null,
) {
  if (!(TRANSITIONS[pairing.state] ?? []).includes(to)) {
    throw refuse(
      409,
      'invalid_transition',
      `Impossible de passer de « ${pairing.state} » à « ${to} ».`,
      `Cannot go from “${pairing.state}” to “${to}”.`,
    );
  }
  if (to === 'ended' && !reason)
    throw badRequest('reason_required', 'Indiquez la raison de la fin anticipée.');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
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
    if (Number(res.numUpdatedRows) === 0)
      throw refuse(
        409,
        'changed',
        'Ce binôme vient d’être modifié : rechargez la page.',
        'This pairing just changed: reload the page.',
      );
    await event(trx, now, pairing, { actorId: actor.id, kind: to, from: pairing.state, to, reason });
  });
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
      .where('state', 'in', LIVE)
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
          ? (JSON.parse(x.explanation) as { reasons?: { code: string; site?: string }[] } | null)
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

/** The draft's summary side by side with a first-come, first-served sign-up on the same cohort. */
export function compare(s: Snapshot) {
  const draftPairs = s.proposals.map((x) => ({ tutee: x.tutee_user_id, tutor: x.tutor_user_id }));
  return {
    summary: summarise(s.cohort, draftPairs),
    baseline: summarise(s.cohort, firstComeFirstServed(s.cohort)),
  };
}
