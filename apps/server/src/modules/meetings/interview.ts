import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import { rulesOf } from '../programmes/templates.ts';
import type { InterviewGrid, InterviewRecord, Signature } from './interview-schema.ts';
import { tuteesOf } from './policy.ts';

// The tutored interview: who plans it, what its signatures bind, and the levels it records on the
// resident's competency map once both have signed.

/**
 * An interview is planned by a pair's tutor, with that one resident, in a programme that keeps a
 * portfolio; a coordinator who is not the tutor does not plan it.
 */
export async function checkInterviewPlan(
  ctx: AppContext,
  actor: UserActor,
  programme: { id: string; rules: string; template: string },
  participantIds: string[],
) {
  if (!rulesOf(programme).portfolioEnabled) throw refuse(409, 'portfolio_off');
  const others = [...new Set(participantIds.filter((id) => id !== actor.id))];
  if (!rolesIn(actor, programme.id).has('tutor') || others.length !== 1)
    throw refuse(403, 'interview_tutor_only');
  const tutees = await tuteesOf(ctx.db, programme.id, actor.id);
  if (!tutees.has(others[0] as string)) throw refuse(403, 'interview_tutor_only');
}

/** The content signed, in a fixed order: the same content always has the same hash. */
export function contentHash(r: InterviewRecord): string {
  const canonical = {
    competencies: r.competencies.map((c) => ({ id: c.id, level: c.level, note: c.note })),
    traceIds: [...r.traceIds],
    plan: r.plan,
    residentView: r.residentView,
  };
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** Every competency of the framework has a level: a report is filed complete. */
export function gridComplete(grid: InterviewGrid, competencyIds: string[]): boolean {
  return competencyIds.every((id) => grid.competencies.some((c) => c.id === id && c.level !== null));
}

/** Both signed the content as it stands. */
export const bothSigned = (signatures: Signature[], hash: string) =>
  (['tutor', 'resident'] as const).every((role) =>
    signatures.some((s) => s.role === role && s.hash === hash),
  );

/** The interview's levels, on the resident's competency map; replaced when it is signed again. */
export async function recordRatings(
  db: Db,
  m: { id: string; org_id: string; programme_id: string; organiser_id: string },
  residentId: string,
  record: InterviewRecord | null,
  now: Date,
) {
  await db
    .deleteFrom('competency_ratings')
    .where('source', '=', 'interview')
    .where('source_id', '=', m.id)
    .execute();
  for (const c of record?.competencies ?? []) {
    if (!c.level) continue;
    await db
      .insertInto('competency_ratings')
      .values({
        id: newId(),
        org_id: m.org_id,
        programme_id: m.programme_id,
        resident_id: residentId,
        competency_id: c.id,
        level: c.level,
        source: 'interview',
        source_id: m.id,
        rated_by: m.organiser_id,
        rated_at: now.toISOString(),
      })
      .execute();
  }
}
