import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { audit } from '../audit/service.ts';
import { loadOrganisationFor } from '../programmes/service.ts';
import type { GuideTheme } from './defaults.ts';
import { mayManageGuides, mayReadSuggestion, maySuggestGuides } from './policy.ts';
import { findSuggestion, orgCoordinators, type SuggestionRow, suggestionsOf } from './queries.ts';
import type { suggestionBody } from './schema.ts';
import { insertGuide, loadGuideFor, writeGuide } from './service.ts';
import { decidedNotice, suggestedNotice } from './texts.ts';

// Tutors suggest a guide or a change to one, with a message; the coordination accepts (the guide is
// written or changed, the suggester told) or declines with a note (the suggester told).

const guidesLink = (orgId: string) => `/organisations/${orgId}/guides`;

function presentSuggestion(actor: UserActor, s: SuggestionRow) {
  return {
    id: s.id,
    guide: s.guide_id ? { id: s.guide_id, title: s.guide_title ?? '' } : null,
    author: s.author_id ? { id: s.author_id, name: s.author_name ?? '' } : null,
    theme: s.theme as GuideTheme,
    title: s.title,
    when: s.when_to_use,
    body: s.body,
    message: s.message,
    state: s.state as 'pending' | 'accepted' | 'declined',
    note: s.note,
    decidedBy: s.decided_by ? { id: s.decided_by, name: s.decided_by_name ?? '' } : null,
    decidedAt: s.decided_at,
    createdAt: s.created_at,
    actions: { decide: s.state === 'pending' && mayManageGuides(actor, s.org_id) },
  };
}

/** The coordination's queue (every suggestion), or a tutor's own suggestions. */
export async function listSuggestions(ctx: AppContext, actor: UserActor, orgId: string) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  const manage = mayManageGuides(actor, org.id);
  if (!manage && !maySuggestGuides(actor, org.id)) throw forbidden();
  const rows = await suggestionsOf(ctx.db, org.id, manage ? null : actor.id);
  return { suggestions: rows.map((s) => presentSuggestion(actor, s)) };
}

export async function suggest(
  ctx: AppContext,
  actor: UserActor,
  orgId: string,
  body: z.infer<typeof suggestionBody>,
) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  if (!maySuggestGuides(actor, org.id)) throw forbidden();
  const guide = body.guideId ? await loadGuideFor(ctx, actor, body.guideId) : null;
  if (guide && guide.org_id !== org.id) throw notFound('guide');
  if (guide?.archived_at) throw refuse(409, 'guide_archived');
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('guide_suggestions')
      .values({
        id,
        org_id: org.id,
        guide_id: guide?.id ?? null,
        author_id: actor.id,
        theme: body.theme,
        title: body.title,
        when_to_use: body.when,
        body: body.body,
        message: body.message,
        state: 'pending',
        note: null,
        decided_by: null,
        decided_at: null,
        created_at: now.toISOString(),
      })
      .execute();
    const content = suggestedNotice({ author: actor.name, title: body.title, change: !!guide });
    for (const userId of await orgCoordinators(trx, org.id)) {
      if (userId === actor.id) continue;
      await notify(
        trx,
        {
          userId,
          orgId: org.id,
          kind: 'message',
          key: `guide-suggestion:${id}:${userId}`,
          link: guidesLink(org.id),
          content,
        },
        now,
      );
    }
  });
  const row = await findSuggestion(ctx.db, scopeFor(actor), id);
  return presentSuggestion(actor, row as SuggestionRow);
}

async function pendingFor(ctx: AppContext, actor: UserActor, suggestionId: string) {
  const s = await findSuggestion(ctx.db, scopeFor(actor), suggestionId);
  if (!s || !mayReadSuggestion(actor, s)) throw notFound('suggestion');
  if (!mayManageGuides(actor, s.org_id)) throw forbidden();
  if (s.state !== 'pending') throw refuse(409, 'suggestion_decided');
  return s;
}

/** Accepting writes the suggested text: a new guide, or the guide it changes. */
export async function acceptSuggestion(ctx: AppContext, actor: UserActor, suggestionId: string) {
  const s = await pendingFor(ctx, actor, suggestionId);
  const now = ctx.clock.now();
  const text = { theme: s.theme as GuideTheme, title: s.title, when: s.when_to_use, body: s.body };
  const guideId = s.guide_id ?? newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (s.guide_id) await writeGuide(trx, s.guide_id, text, actor.id, now);
    else await insertGuide(trx, s.org_id, guideId, text, actor.id, now);
    await decide(trx, s.id, 'accepted', null, actor.id, now);
    await audit(trx, now, {
      orgId: s.org_id,
      actorId: actor.id,
      action: 'guide.suggestion_accepted',
      subjectType: 'guide',
      subjectId: guideId,
    });
    if (s.author_id) {
      await notify(
        trx,
        {
          userId: s.author_id,
          orgId: s.org_id,
          kind: 'message',
          key: `guide-suggestion:${s.id}:decided`,
          link: `/guides/${guideId}`,
          content: decidedNotice('accepted', { title: s.title }),
        },
        now,
      );
    }
  });
  return presentSuggestion(actor, (await findSuggestion(ctx.db, scopeFor(actor), s.id)) as SuggestionRow);
}

export async function declineSuggestion(
  ctx: AppContext,
  actor: UserActor,
  suggestionId: string,
  note: string,
) {
  const s = await pendingFor(ctx, actor, suggestionId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await decide(trx, s.id, 'declined', note, actor.id, now);
    await audit(trx, now, {
      orgId: s.org_id,
      actorId: actor.id,
      action: 'guide.suggestion_declined',
      subjectType: 'guide_suggestion',
      subjectId: s.id,
    });
    if (s.author_id) {
      await notify(
        trx,
        {
          userId: s.author_id,
          orgId: s.org_id,
          kind: 'message',
          key: `guide-suggestion:${s.id}:decided`,
          link: guidesLink(s.org_id),
          content: decidedNotice('declined', { title: s.title, note }),
        },
        now,
      );
    }
  });
  return presentSuggestion(actor, (await findSuggestion(ctx.db, scopeFor(actor), s.id)) as SuggestionRow);
}

async function decide(
  db: AppContext['db'],
  id: string,
  state: 'accepted' | 'declined',
  note: string | null,
  by: string,
  now: Date,
) {
  await db
    .updateTable('guide_suggestions')
    .set({ state, note, decided_by: by, decided_at: now.toISOString() })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .execute();
}
