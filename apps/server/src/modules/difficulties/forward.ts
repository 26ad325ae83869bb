import type { Insertable } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { DifficultyTable } from '../../db/tables-difficulties.ts';
import { forbidden, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { tellEach } from './notices.ts';
import { forwardTargets, organisationCoordination } from './queries.ts';
import { loadDifficulty } from './service.ts';
import { forwardedNotice, receivedNotice } from './texts.ts';

/**
 * The coordination forwards a systemic difficulty to another organisation of the instance (an
 * association's national level): a copy with the text the coordination chose, no author at all,
 * the originating organisation's name, and a state of its own that the sender can follow.
 */
export async function forward(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  body: { orgId: string; text: string },
) {
  const { d, a } = await loadDifficulty(ctx, actor, id);
  if (!a.handles) throw forbidden();
  if (d.scope !== 'systemic') throw refuse(409, 'forward_individual');
  if (!a.actions.forward) throw forbidden();
  const target = (await forwardTargets(ctx.db, d)).find((o) => o.id === body.orgId);
  if (!target)
    throw refuse(400, 'forward_target', {}, { fields: [{ path: 'orgId', message: 'Organisation' }] });
  const origin = await ctx.db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', d.org_id)
    .executeTakeFirstOrThrow();
  const now = ctx.clock.now();
  const at = now.toISOString();
  const copyId = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('difficulties')
      .values(forwardedCopy(d, { id: copyId, orgId: target.id, text: body.text, at }))
      .execute();
    const event = (difficultyId: string, kind: 'raised' | 'forwarded', by: string | null) => ({
      id: newId(),
      difficulty_id: difficultyId,
      at,
      actor_id: by,
      kind,
      from_state: null,
      to_state: kind === 'raised' ? 'new' : null,
      target_org_id: kind === 'forwarded' ? target.id : null,
    });
    await trx
      .insertInto('difficulty_events')
      .values([event(d.id, 'forwarded', actor.id), event(copyId, 'raised', null)])
      .execute();
    await trx.updateTable('difficulties').set({ updated_at: at }).where('id', '=', d.id).execute();
    await tellEach(trx, now, await organisationCoordination(trx, target.id), {
      orgId: target.id,
      kind: 'message',
      key: `difficulty:${copyId}:received`,
      link: `/difficultes/${copyId}`,
      content: receivedNotice({ category: d.category, from: origin.name }),
    });
    if (d.author_id && d.author_id !== actor.id)
      await tellEach(trx, now, [d.author_id], {
        orgId: d.org_id,
        kind: 'message',
        key: `difficulty:${d.id}:forwarded:${target.id}`,
        link: `/difficultes/${d.id}`,
        content: forwardedNotice({ category: d.category, organisation: target.name }),
      });
    await audit(trx, now, {
      orgId: d.org_id,
      actorId: actor.id,
      action: 'difficulty.forwarded',
      subjectType: 'difficulty',
      subjectId: d.id,
      meta: { to: target.id },
    });
  });
  return { id: copyId };
}

/** The receiving organisation's copy: the coordination's text, no author, a state of its own. */
function forwardedCopy(
  d: { id: string; org_id: string; category: string },
  copy: { id: string; orgId: string; text: string; at: string },
): Insertable<DifficultyTable> {
  return {
    id: copy.id,
    org_id: copy.orgId,
    programme_id: null,
    author_id: null,
    anonymised: 1,
    category: d.category,
    scope: 'systemic',
    description: copy.text,
    description_erased_at: null,
    state: 'new',
    created_at: copy.at,
    updated_at: copy.at,
    closed_at: null,
    closing_note: null,
    source_id: d.id,
    source_org_id: d.org_id,
  };
}
