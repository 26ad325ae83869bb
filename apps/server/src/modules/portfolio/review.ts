import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { dayIn } from '../../domain/days.ts';
import { forbidden, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { ResidentContext } from './access.ts';
import type { Framework } from './framework.ts';
import { loadTrace, type TraceRow, versionsOf } from './queries.ts';
import { portfolioNotice, portfolioTexts, wordedDay } from './texts.ts';
import { actionsFor, traceView, type Viewer } from './traces.ts';

// The one thread of a trace and the tutor's review: comments (overall, or on a quoted passage), a
// revision asked with a due date, a validation that links the competencies the trace shows.

type Rc = Omit<ResidentContext, 'relation'>;

async function lastSentNumber(db: Db, traceId: string) {
  const sent = (await versionsOf(db, traceId)).filter((v) => v.submitted_at !== null);
  return sent.at(-1)?.number ?? 0;
}

async function addMessage(
  db: Db,
  trace: TraceRow,
  m: {
    author: string;
    kind: 'comment' | 'revision' | 'validation';
    body: string;
    quote?: string | null;
    at: string;
  },
) {
  await db
    .insertInto('portfolio_messages')
    .values({
      id: newId(),
      trace_id: trace.id,
      version_number: await lastSentNumber(db, trace.id),
      author_id: m.author,
      kind: m.kind,
      quote: m.quote ?? null,
      body: m.body,
      created_at: m.at,
    })
    .execute();
}

async function fresh(ctx: AppContext, rc: Rc, traceId: string, framework: Framework, viewer: Viewer) {
  return traceView(ctx, rc, (await loadTrace(ctx.db, traceId)) as TraceRow, framework, viewer);
}

/** A comment on the trace, by the resident or the tutor; the other one is told. */
export async function commentTrace(
  ctx: AppContext,
  rc: Rc,
  trace: TraceRow,
  framework: Framework,
  viewer: Viewer,
  body: { body: string; quote?: string | null },
) {
  if (!actionsFor(viewer, trace, rc.programme.archived_at !== null).comment)
    throw refuse(409, 'trace_not_editable');
  const now = ctx.clock.now();
  const fromResident = viewer.relation === 'self';
  const to = fromResident ? (trace.reviewer_id ?? rc.resident.tutor?.id ?? null) : rc.resident.id;
  const author = fromResident ? rc.resident.name : await nameOf(ctx.db, viewer.userId);
  await ctx.db.transaction().execute(async (trx) => {
    await addMessage(trx, trace, {
      author: viewer.userId,
      kind: 'comment',
      body: body.body,
      quote: body.quote,
      at: now.toISOString(),
    });
    if (!to) return;
    await notify(
      trx,
      {
        userId: to,
        orgId: rc.programme.org_id,
        kind: 'message',
        key: `portfolio:comment:${trace.id}:${now.getTime()}:${viewer.userId}`,
        link: `/portfolio/traces/${trace.id}`,
        content: portfolioNotice(fromResident ? 'commentTutor' : 'comment', { author, title: trace.title }),
      },
      now,
    );
  });
  return fresh(ctx, rc, trace.id, framework, viewer);
}

const nameOf = async (db: Db, id: string) =>
  (await db.selectFrom('users').select('name').where('id', '=', id).executeTakeFirst())?.name ?? '';

/** The tutor asks for a revision by a date; the resident's next version goes back to them. */
export async function askRevision(
  ctx: AppContext,
  rc: Rc,
  trace: TraceRow,
  framework: Framework,
  viewer: Viewer,
  body: { body: string; dueOn: string },
) {
  if (viewer.relation === 'self') throw forbidden();
  if (!actionsFor(viewer, trace, rc.programme.archived_at !== null).review)
    throw refuse(409, 'trace_not_reviewable');
  const now = ctx.clock.now();
  if (body.dueOn <= dayIn(now, rc.programme.time_zone)) throw refuse(400, 'revision_due_past');
  const author = await nameOf(ctx.db, viewer.userId);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('portfolio_traces')
      .set({ state: 'revision', revision_due_on: body.dueOn, nudged_at: null })
      .where('id', '=', trace.id)
      .where('state', '=', 'submitted')
      .execute();
    await addMessage(trx, trace, {
      author: viewer.userId,
      kind: 'revision',
      body: body.body,
      at: now.toISOString(),
    });
    await notify(
      trx,
      {
        userId: rc.resident.id,
        orgId: rc.programme.org_id,
        kind: 'message',
        key: `portfolio:revision:${trace.id}:${now.getTime()}`,
        link: `/portfolio/traces/${trace.id}`,
        content: portfolioNotice('revision', { author, title: trace.title, due: wordedDay(body.dueOn) }),
      },
      now,
    );
  });
  return fresh(ctx, rc, trace.id, framework, viewer);
}

/** The tutor validates the trace and links the competencies it shows, each at a level. */
export async function validateTrace(
  ctx: AppContext,
  rc: Rc,
  trace: TraceRow,
  framework: Framework,
  viewer: Viewer,
  body: {
    body?: string;
    competencies: Array<{ id: string; level: 'novice' | 'intermediate' | 'competent' }>;
  },
) {
  if (viewer.relation === 'self') throw forbidden();
  if (!actionsFor(viewer, trace, rc.programme.archived_at !== null).review)
    throw refuse(409, 'trace_not_reviewable');
  const known = new Set(framework.competencies.map((c) => c.id));
  if (body.competencies.some((c) => !known.has(c.id))) throw refuse(400, 'unknown_competency');
  const linked = [...new Map(body.competencies.map((c) => [c.id, c])).values()];
  const now = ctx.clock.now();
  const at = now.toISOString();
  const author = await nameOf(ctx.db, viewer.userId);
  const lang = rc.resident.locale?.startsWith('en') ? 'en' : 'fr';
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('portfolio_traces')
      .set({
        state: 'validated',
        validated_at: at,
        competencies: JSON.stringify(linked),
        revision_due_on: null,
      })
      .where('id', '=', trace.id)
      .where('state', '=', 'submitted')
      .execute();
    for (const c of linked)
      await trx
        .insertInto('competency_ratings')
        .values({
          id: newId(),
          org_id: rc.programme.org_id,
          programme_id: rc.programme.id,
          resident_id: rc.resident.id,
          competency_id: c.id,
          level: c.level,
          source: 'trace',
          source_id: trace.id,
          rated_by: viewer.userId,
          rated_at: at,
        })
        .execute();
    const text = body.body?.trim() || portfolioTexts(lang)('validation');
    await addMessage(trx, trace, { author: viewer.userId, kind: 'validation', body: text, at });
    await notify(
      trx,
      {
        userId: rc.resident.id,
        orgId: rc.programme.org_id,
        kind: 'message',
        key: `portfolio:validated:${trace.id}`,
        link: `/portfolio/traces/${trace.id}`,
        content: portfolioNotice('validated', { author, title: trace.title }),
      },
      now,
    );
  });
  return fresh(ctx, rc, trace.id, framework, viewer);
}
