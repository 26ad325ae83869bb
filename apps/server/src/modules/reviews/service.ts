import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { readJson } from '../../db/json.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { langOf } from '../../notify/templates.ts';
import type { UserActor } from '../../policy/actor.ts';
import { MIN_AGGREGATE } from '../../policy/confidentiality.ts';
import { scopeFor } from '../../policy/scope.ts';
import { auditRead } from '../audit/reads.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { scaleAggregates } from './aggregates.ts';
import { mayEditReview, mayReadProgrammeReviews, mayReadReview, relationToReview } from './policy.ts';
import { counterparts, type FoundReview, findReview, myReviews } from './queries.ts';
import { endReviewThemes, questionSetOf, scaleLabel, textIds, themeLabels } from './questions.ts';
import type { EndReviewBody, EndReviewView } from './schema.ts';

// A party's confidential end review: read and written by its author, submitted once; read by the
// coordination only once submitted with its author's consent (policy.ts); counted in aggregates.

export const textsJson = z.partialRecord(z.enum(textIds), z.string());
export const scalesJson = z.record(z.string(), z.number());
const themesJson = z.array(z.enum(endReviewThemes));

async function reachable(ctx: AppContext, actor: UserActor, id: string) {
  const r = await findReview(ctx.db, scopeFor(actor), id);
  if (!r) throw notFound('end review');
  const p = { id: r.programme_id, org_id: r.org_id, archived_at: r.archived_at };
  if (!mayReadReview(actor, r, p)) throw notFound('end review');
  return r;
}

/** A review as its reader sees it: the questions in their language, the answers, what they may do. */
async function present(ctx: AppContext, actor: UserActor, r: FoundReview): Promise<EndReviewView> {
  const lang = langOf(actor.locale);
  const set = questionSetOf(r.question_set);
  const mine = r.user_id === actor.id;
  const scales = readJson(scalesJson, r.scales, 'end_reviews.scales');
  return {
    id: r.id,
    orgId: r.org_id,
    programme: { id: r.programme_id, name: r.programme_name },
    title: set.title[lang],
    role: r.role === 'tutor' ? 'tutor' : 'tutee',
    author: mine ? null : { id: r.user_id ?? '', name: r.author_name ?? '' },
    with: await counterparts(ctx.db, r),
    endedAt: r.pair_ended_at,
    invitedAt: r.invited_at,
    updatedAt: r.updated_at,
    submittedAt: r.submitted_at,
    questions: {
      texts: set.texts.map((q) => ({ id: q.id, label: q.label[lang], hint: q.hint?.[lang] ?? null })),
      scales: set.scales.map((q) => ({ id: q.id, label: q.label[lang], hint: null })),
    },
    themes: endReviewThemes.map((id) => ({ id, label: themeLabels[id][lang] })),
    answers: {
      texts: readJson(textsJson, r.texts, 'end_reviews.texts'),
      scales: Object.fromEntries(Object.entries(scales).filter(([k]) => set.scales.some((q) => q.id === k))),
      themes: readJson(themesJson, r.themes, 'end_reviews.themes'),
      otherTheme: r.other_theme,
      shared: r.shared === 1,
    },
    actions: { edit: mayEditReview(actor, r), submit: mayEditReview(actor, r) },
  };
}

/** The actor's reviews: those waiting for them first (the home page's card), then those submitted. */
export async function myEndReviews(ctx: AppContext, actor: UserActor) {
  const lang = langOf(actor.locale);
  const rows = await myReviews(ctx.db, scopeFor(actor));
  const out = [];
  for (const r of rows) {
    out.push({
      id: r.id,
      orgId: r.org_id,
      programme: { id: r.programme_id, name: r.programme_name },
      title: questionSetOf(r.question_set).title[lang],
      with: await counterparts(ctx.db, r),
      endedAt: r.pair_ended_at,
      submittedAt: r.submitted_at,
    });
  }
  return out.sort((a, b) => Number(a.submittedAt !== null) - Number(b.submittedAt !== null));
}

/** One review, for its author or for the coordination it was shared with (that read is audited). */
export async function readEndReview(ctx: AppContext, actor: UserActor, id: string) {
  const r = await reachable(ctx, actor, id);
  const p = { id: r.programme_id, org_id: r.org_id, archived_at: r.archived_at };
  if (relationToReview(actor, r, p) === 'coordinator' && r.user_id) {
    await auditRead(ctx.db, ctx.clock.now(), {
      orgId: r.org_id,
      actor,
      subjectPersonIds: [r.user_id],
      kind: 'endReview',
      recordType: 'end_review',
      recordId: r.id,
      programmeId: r.programme_id,
    });
  }
  return present(ctx, actor, r);
}

/** What is stored of a body: the set's own scales only, the other theme only with a text. */
function stored(r: FoundReview, body: EndReviewBody) {
  const set = questionSetOf(r.question_set);
  const scales = Object.fromEntries(
    Object.entries(body.scales).filter(([k]) => set.scales.some((q) => q.id === k)),
  );
  const texts = Object.fromEntries(Object.entries(body.texts).filter(([, v]) => v && v.length > 0));
  return {
    texts: JSON.stringify(texts),
    scales: JSON.stringify(scales),
    themes: JSON.stringify([...new Set(body.themes)]),
    other_theme: body.otherTheme || null,
    shared: body.shared ? 1 : 0,
    missing: set.scales.filter((q) => !(q.id in scales)).length,
  };
}

/**
 * Saves the author's draft, or (`submit`) saves and submits it: once, with every quantitative
 * question answered. A refusal writes nothing, the draft stays as it was.
 */
export async function saveEndReview(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  body: EndReviewBody,
  submit: boolean,
) {
  const r = await reachable(ctx, actor, id);
  if (r.user_id !== actor.id) throw forbidden();
  if (!mayEditReview(actor, r)) throw refuse(409, 'review_submitted');
  const { missing, ...values } = stored(r, body);
  if (submit && missing > 0) throw refuse(400, 'review_incomplete', { count: missing });
  const at = ctx.clock.now().toISOString();
  await ctx.db
    .updateTable('end_reviews')
    .set({ ...values, updated_at: at, ...(submit ? { submitted_at: at } : {}) })
    .where('id', '=', r.id)
    .where('submitted_at', 'is', null)
    .execute();
  return present(ctx, actor, (await findReview(ctx.db, scopeFor(actor), id)) as FoundReview);
}

/**
 * What the coordination gets of its programme's end reviews: how many were asked and submitted, each
 * quantitative question's mean over at least MIN_AGGREGATE answers (withheld otherwise), and the
 * reviews their authors shared — by name, opened one at a time (each read audited).
 */
export async function programmeEndReviews(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!mayReadProgrammeReviews(actor, p)) throw forbidden();
  const lang = langOf(actor.locale);
  const rows = await ctx.db
    .selectFrom('end_reviews as r')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .select(['r.id', 'r.role', 'r.submitted_at', 'r.shared', 'r.scales', 'r.user_id', 'u.name'])
    .where('r.programme_id', '=', p.id)
    .execute();
  const submitted = rows.filter((r) => r.submitted_at !== null);
  return {
    minAggregate: MIN_AGGREGATE,
    invited: rows.length,
    submitted: submitted.length,
    scales: scaleAggregates(
      submitted,
      questionSetOf(p.template).scales.map((q) => q.id),
    ).map((a) => ({
      ...a,
      label: scaleLabel(a.id, lang),
    })),
    shared: submitted
      .filter((r) => r.shared === 1 && r.user_id !== null)
      .map((r) => ({
        id: r.id,
        author: r.name ?? '',
        role: r.role === 'tutor' ? ('tutor' as const) : ('tutee' as const),
        submittedAt: r.submitted_at as string,
      }))
      .sort((a, b) => b.submittedAt.localeCompare(a.submittedAt)),
  };
}
