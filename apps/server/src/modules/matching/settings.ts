import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Programme } from '../../db/types.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { mayDeclareConstraint } from './policy.ts';
import { currentRolesOf, saveWeights } from './queries.ts';
import type { constraintBody, weightsBody } from './schema.ts';

// What the coordinator sets before a run: the criteria's weights and the declared constraints.

/** Stores the weights the coordinator chose; the next run uses them. */
export async function setWeights(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  weights: z.infer<typeof weightsBody>,
) {
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute((trx) => saveWeights(trx, p, weights, actor.id, now));
}

/**
 * Conflicts of interest and "we already know each other": declared by the coordinator, or by the
 * tutor or the tutee about themselves, between a current tutor and a current tutee of the programme.
 */
export async function declareConstraint(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  b: z.infer<typeof constraintBody>,
) {
  if (!mayDeclareConstraint(actor, p, b)) {
    throw refuse(403, 'forbidden', { variant: 'own_only' });
  }
  const members = await currentRolesOf(ctx.db, p.id, [b.tutorId, b.tuteeId]);
  if (
    !members.some((m) => m.user_id === b.tutorId && m.role === 'tutor') ||
    !members.some((m) => m.user_id === b.tuteeId && m.role === 'tutee')
  ) {
    throw notFound('person');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('matching_constraints')
      .values({
        id: newId(),
        org_id: p.org_id,
        programme_id: p.id,
        tutor_user_id: b.tutorId,
        tutee_user_id: b.tuteeId,
        kind: b.kind,
        reason: b.reason ?? null,
        declared_by: actor.id,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await audit(trx, ctx.clock.now(), {
      orgId: p.org_id,
      actorId: actor.id,
      action: `matching.${b.kind}`,
      subjectType: 'programme',
      subjectId: p.id,
    });
  });
}

export async function removeConstraint(ctx: AppContext, p: Programme, constraintId: string) {
  const res = await ctx.db
    .deleteFrom('matching_constraints')
    .where('id', '=', constraintId)
    .where('programme_id', '=', p.id)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound('constraint');
}
