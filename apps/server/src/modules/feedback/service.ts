import type { AppContext } from '../../context.ts';
import { readJson } from '../../db/json.ts';
import { refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { loadOrganisationFor } from '../programmes/service.ts';
import { isTutorIn, maySeeSelfEvaluation } from './policy.ts';
import { academicYearAt, selfEvaluationsOf, yearLabel } from './queries.ts';
import {
  type Ratings,
  ratingsSchema,
  type SelfEvaluationBody,
  type SelfEvaluationView,
  skillItems,
} from './schema.ts';

// A tutor's yearly self-evaluation: one per academic year of the organisation's calendar, a draft
// until saved, read by its author only (the confidentiality table's selfEvaluation row), last year's
// beside this year's. Peer feedback: peers.ts; tutees' anonymous feedback: tutees.ts.

/** The organisation, for one of its tutors; anyone else is refused (403) or told it does not exist (404). */
export async function loadTutorOrg(ctx: AppContext, actor: UserActor, orgId: string) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  if (!isTutorIn(actor, org.id)) throw refuse(403, 'feedback_tutors_only');
  return org;
}

export const readRatings = (json: string | null): Ratings =>
  json ? readJson(ratingsSchema, json, 'ratings') : ({} as Ratings);

/** Every skill has a level: what saving a grid, or answering a peer, requires. */
export const complete = (r: Ratings) => skillItems.every((k) => !!r[k]?.level);

type Row = Awaited<ReturnType<typeof selfEvaluationsOf>>[number];
const present = (r: Row) => ({
  year: yearLabel(r.year),
  ratings: readRatings(r.ratings),
  strengths: r.strengths,
  toImprove: r.to_improve,
  savedAt: r.saved_at,
  updatedAt: r.updated_at,
});

/** This academic year's grid (or none yet) and last year's saved one. */
export async function readSelfEvaluation(
  ctx: AppContext,
  actor: UserActor,
  orgId: string,
): Promise<SelfEvaluationView> {
  const org = await loadTutorOrg(ctx, actor, orgId);
  const year = academicYearAt(ctx.clock.now(), org.time_zone);
  const rows = (await selfEvaluationsOf(ctx.db, org.id, actor.id, [year, year - 1])).filter((r) =>
    maySeeSelfEvaluation(actor, r.user_id),
  );
  const current = rows.find((r) => r.year === year);
  const previous = rows.find((r) => r.year === year - 1 && r.saved_at);
  return {
    year: yearLabel(year),
    current: current ? present(current) : null,
    previous: previous ? present(previous) : null,
  };
}

/** Writes this year's grid: a draft, or saved once every skill is rated (it stays editable this year). */
export async function writeSelfEvaluation(
  ctx: AppContext,
  actor: UserActor,
  orgId: string,
  body: SelfEvaluationBody,
) {
  const org = await loadTutorOrg(ctx, actor, orgId);
  if (body.save && !complete(body.ratings)) throw refuse(400, 'feedback_grid_incomplete');
  const now = ctx.clock.now().toISOString();
  const year = academicYearAt(ctx.clock.now(), org.time_zone);
  await ctx.db.transaction().execute(async (trx) => {
    const [existing] = await selfEvaluationsOf(trx, org.id, actor.id, [year]);
    const values = {
      ratings: JSON.stringify(body.ratings),
      strengths: body.strengths,
      to_improve: body.toImprove,
      updated_at: now,
      saved_at: body.save ? now : (existing?.saved_at ?? null),
    };
    if (existing)
      await trx.updateTable('self_evaluations').set(values).where('id', '=', existing.id).execute();
    else
      await trx
        .insertInto('self_evaluations')
        .values({ id: newId(), org_id: org.id, user_id: actor.id, year, created_at: now, ...values })
        .execute();
  });
  return readSelfEvaluation(ctx, actor, orgId);
}
