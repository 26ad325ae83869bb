import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { dayWords } from '../../domain/days.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import { type Assignment, byTuteeChoice, byTutorChoice, facts, optimal, type Weights } from './criteria.ts';
import { loadSnapshot, type Snapshot, weightsOf, withProposals } from './queries.ts';
import { firstComeFirstServed, summarise } from './summary.ts';

// The draft: computed by the engine in a mode, edited by hand (moves and locks), discarded.

export type Mode = 'optimal' | 'tutee-choice' | 'tutor-choice' | 'manual';

/** A refusal in both languages: the web app shows the one of the reader. */
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
  const cohort = {
    ...base,
    tutees: base.tutees.filter((t) => !lockedTutees.has(t.userId)),
    groupsBySite: rulesOf(p).groupsBySite,
  };
  if (mode === 'tutee-choice' && !s.round) {
    throw refuse(409, 'no_round', { variant: 'open_first' });
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
        eb('state', 'in', LIVE_PAIRING_STATES),
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
      if (tutor.awayUntil) {
        const day = tutor.awayUntil;
        const until = { fr: dayWords(day, 'fr'), en: dayWords(day, 'en') };
        throw refuse(409, 'tutor_away', { tutor: tutor.name, until });
      }
      const f = facts(s.cohort, tutor, tutee);
      if (f.conflict) {
        throw refuse(409, 'conflict_of_interest', { tutor: tutor.name, tutee: tutee.name });
      }
      const row = await lockTutor(trx, ctx, p.id, tutor.userId);
      if (!row) throw notFound('tutor');
      const capacity = tutor.capacity;
      const taken = await placesTaken(trx, p.id, tutor.userId, runId, tutee.userId);
      if (taken >= capacity) {
        throw refuse(409, 'capacity_reached', { tutor: tutor.name, taken, capacity });
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

/** The draft's summary side by side with a first-come, first-served sign-up on the same cohort. */
export function compare(s: Snapshot) {
  const draftPairs = s.proposals.map((x) => ({ tutee: x.tutee_user_id, tutor: x.tutor_user_id }));
  return {
    summary: summarise(s.cohort, draftPairs),
    baseline: summarise(s.cohort, firstComeFirstServed(s.cohort)),
  };
}
