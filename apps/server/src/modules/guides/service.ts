import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { audit } from '../audit/service.ts';
import { loadOrganisationFor } from '../programmes/service.ts';
import { mayManageGuides, maySuggestGuides } from './policy.ts';
import { ensureLibrary, findGuide, type GuideRow, libraryOf, nextPosition } from './queries.ts';
import type { GuideView, guideBody } from './schema.ts';

// The organisation's guides library: read by everyone of its programmes, written by its
// coordination. The shipped guides are copied in on first need (queries.ts ensureLibrary).

const summary = (g: GuideRow) => ({
  id: g.id,
  theme: g.theme as GuideView['theme'],
  title: g.title,
  when: g.when_to_use,
  archived: g.archived_at !== null,
  updatedAt: g.updated_at,
});

export function presentGuide(actor: UserActor, g: GuideRow): GuideView {
  return {
    ...summary(g),
    orgId: g.org_id,
    body: g.body,
    editedBy: g.updated_by ? { id: g.updated_by, name: g.updated_by_name ?? '' } : null,
    wellbeingGuide: g.theme === 'difficulty' ? `/organisations/${g.org_id}/aide` : null,
    actions: {
      edit: mayManageGuides(actor, g.org_id),
      suggest: maySuggestGuides(actor, g.org_id) && !g.archived_at,
    },
  };
}

/** The library: live guides for everyone, archived ones too for the coordination. */
export async function readLibrary(ctx: AppContext, actor: UserActor, orgId: string) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  await ensureLibrary(ctx.db, org.id, ctx.clock.now());
  const manage = mayManageGuides(actor, org.id);
  const rows = await libraryOf(ctx.db, org.id, manage);
  const pending = manage
    ? await ctx.db
        .selectFrom('guide_suggestions')
        .select((eb) => eb.fn.countAll<string | number>().as('n'))
        .where('org_id', '=', org.id)
        .where('state', '=', 'pending')
        .executeTakeFirst()
    : undefined;
  return {
    orgId: org.id,
    guides: rows.map(summary),
    actions: { manage, suggest: maySuggestGuides(actor, org.id) },
    pendingSuggestions: Number(pending?.n ?? 0),
  };
}

/** A guide of an organisation the actor belongs to; an archived one for the coordination only. */
export async function loadGuideFor(ctx: AppContext, actor: UserActor, guideId: string) {
  const g = await findGuide(ctx.db, scopeFor(actor), guideId);
  if (!g || (g.archived_at && !mayManageGuides(actor, g.org_id))) throw notFound('guide');
  return g;
}

export async function readGuide(ctx: AppContext, actor: UserActor, guideId: string) {
  return presentGuide(actor, await loadGuideFor(ctx, actor, guideId));
}

type GuideInput = z.infer<typeof guideBody>;

export async function createGuide(ctx: AppContext, actor: UserActor, orgId: string, body: GuideInput) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  if (!mayManageGuides(actor, org.id)) throw forbidden();
  const now = ctx.clock.now();
  await ensureLibrary(ctx.db, org.id, now);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await insertGuide(trx, org.id, id, body, actor.id, now);
    await audit(trx, now, {
      orgId: org.id,
      actorId: actor.id,
      action: 'guide.created',
      subjectType: 'guide',
      subjectId: id,
    });
  });
  return readGuide(ctx, actor, id);
}

export async function insertGuide(
  db: AppContext['db'],
  orgId: string,
  id: string,
  body: GuideInput,
  by: string,
  now: Date,
) {
  const at = now.toISOString();
  await db
    .insertInto('guides')
    .values({
      id,
      org_id: orgId,
      default_key: null,
      theme: body.theme,
      title: body.title,
      when_to_use: body.when,
      body: body.body,
      position: await nextPosition(db, orgId),
      created_by: by,
      created_at: at,
      updated_by: by,
      updated_at: at,
      archived_at: null,
    })
    .execute();
}

/** Writes a guide's new text, naming who changed it and when. */
export async function writeGuide(db: AppContext['db'], id: string, body: GuideInput, by: string, now: Date) {
  await db
    .updateTable('guides')
    .set({
      theme: body.theme,
      title: body.title,
      when_to_use: body.when,
      body: body.body,
      updated_by: by,
      updated_at: now.toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

export async function updateGuide(ctx: AppContext, actor: UserActor, guideId: string, body: GuideInput) {
  const g = await loadGuideFor(ctx, actor, guideId);
  if (!mayManageGuides(actor, g.org_id)) throw forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await writeGuide(trx, g.id, body, actor.id, now);
    await audit(trx, now, {
      orgId: g.org_id,
      actorId: actor.id,
      action: 'guide.edited',
      subjectType: 'guide',
      subjectId: g.id,
    });
  });
  return readGuide(ctx, actor, g.id);
}

/** Archives a guide (meetings that name it keep it) or brings it back. */
export async function archiveGuide(ctx: AppContext, actor: UserActor, guideId: string, archived: boolean) {
  const g = await loadGuideFor(ctx, actor, guideId);
  if (!mayManageGuides(actor, g.org_id)) throw forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('guides')
      .set({
        archived_at: archived ? now.toISOString() : null,
        updated_by: actor.id,
        updated_at: now.toISOString(),
      })
      .where('id', '=', g.id)
      .execute();
    await audit(trx, now, {
      orgId: g.org_id,
      actorId: actor.id,
      action: archived ? 'guide.archived' : 'guide.restored',
      subjectType: 'guide',
      subjectId: g.id,
    });
  });
  return readGuide(ctx, actor, g.id);
}
