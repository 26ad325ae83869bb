import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { dayIn } from '../../domain/days.ts';
import { forbidden, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Relation } from '../../policy/confidentiality.ts';
import type { ResidentContext } from './access.ts';
import type { Framework } from './framework.ts';
import { traceActions } from './policy.ts';
import { traceSummary } from './present.ts';
import { attachmentsOf, loadTrace, messagesOf, type TraceRow, versionsOf } from './queries.ts';
import type { TraceView } from './schema.ts';

// A trace as its readers see it, and the resident's writing of it: the draft is the one version
// not yet submitted; a submitted version is never changed again.

/** Who looks: the resident, their tutor signed in, or the tutor through the e-mailed link. */
export interface Viewer {
  relation: Relation | 'link';
  /** The person acting: the resident, or the tutor (signed in or by link). */
  userId: string;
}

export const actionsFor = (viewer: Viewer, trace: TraceRow, archived: boolean) =>
  traceActions(viewer.relation, trace.state, archived);

/** The trace with its versions, attachments and thread, as this viewer may read it. */
export async function traceView(
  ctx: AppContext,
  rc: Omit<ResidentContext, 'relation'>,
  trace: TraceRow,
  framework: Framework,
  viewer: Viewer,
): Promise<TraceView> {
  const { programme, resident } = rc;
  const today = dayIn(ctx.clock.now(), programme.time_zone);
  const all = await versionsOf(ctx.db, trace.id);
  // The tutor reads what was sent to them, never a draft in progress.
  const versions = viewer.relation === 'self' ? all : all.filter((v) => v.submitted_at !== null);
  const [files, messages, reviewer] = await Promise.all([
    attachmentsOf(
      ctx.db,
      versions.map((v) => v.id),
    ),
    messagesOf(ctx.db, trace.id),
    trace.reviewer_id
      ? ctx.db
          .selectFrom('users')
          .select(['id', 'name'])
          .where('id', '=', trace.reviewer_id)
          .executeTakeFirst()
      : undefined,
  ]);
  const type = framework.traceTypes.find((t) => t.id === trace.type_id);
  const submitted = all.filter((v) => v.submitted_at !== null).length;
  return {
    trace: traceSummary({ ...trace, versions: submitted }, framework, today, programme.time_zone),
    orgId: programme.org_id,
    timeZone: programme.time_zone,
    programme: { id: programme.id, name: programme.name },
    resident: { id: resident.id, name: resident.name },
    reviewer: reviewer ?? (resident.tutor ? { id: resident.tutor.id, name: resident.tutor.name } : null),
    viewer: viewer.relation === 'self' ? 'self' : viewer.relation === 'link' ? 'link' : 'tutor',
    versions: versions.map((v) => ({
      number: v.number,
      body: v.body,
      submittedAt: v.submitted_at,
      attachments: files
        .filter((f) => f.version_id === v.id)
        .map((f) => ({ id: f.id, filename: f.filename, mime: f.mime, size: f.size })),
    })),
    messages: messages.map((m) => ({
      id: m.id,
      author: m.author_id ? { id: m.author_id, name: m.author_name ?? '' } : null,
      mine: m.author_id === viewer.userId,
      kind: m.kind,
      versionNumber: m.version_number,
      quote: m.quote,
      body: m.body,
      at: m.created_at,
    })),
    template: type?.template ?? null,
    families: type?.byFamily ? framework.families : [],
    expectations: framework.competencies.flatMap((c) => {
      const e = c.expectations[trace.phase_id];
      return e ? [{ competencyId: c.id, label: c.label, level: e.level, text: e.text }] : [];
    }),
    can: actionsFor(viewer, trace, programme.archived_at !== null),
  };
}

/** The version being written, created from the last one sent (text and files) when there is none. */
export async function draftVersion(db: Db, traceId: string, now: string) {
  const versions = await versionsOf(db, traceId);
  const open = versions.find((v) => v.submitted_at === null);
  if (open) return open;
  const last = versions.at(-1);
  const draft = {
    id: newId(),
    trace_id: traceId,
    number: (last?.number ?? 0) + 1,
    body: last?.body ?? '',
    created_at: now,
    updated_at: now,
    submitted_at: null,
    reviewer_id: null,
    review_week: null,
  };
  await db.insertInto('portfolio_versions').values(draft).execute();
  if (last) {
    const files = await db
      .selectFrom('portfolio_attachments')
      .selectAll()
      .where('version_id', '=', last.id)
      .execute();
    for (const f of files)
      await db
        .insertInto('portfolio_attachments')
        .values({ ...f, id: newId(), version_id: draft.id })
        .execute();
  }
  return draft;
}

/** The resident saves their draft: title, family of situations, text. */
export async function saveDraft(
  ctx: AppContext,
  rc: ResidentContext,
  trace: TraceRow,
  framework: Framework,
  body: { title: string; family?: string | null; body: string },
) {
  if (rc.relation !== 'self') throw forbidden();
  const viewer: Viewer = { relation: rc.relation, userId: rc.resident.id };
  if (!actionsFor(viewer, trace, rc.programme.archived_at !== null).edit)
    throw refuse(409, 'trace_not_editable');
  const type = framework.traceTypes.find((t) => t.id === trace.type_id);
  const family = type?.byFamily ? (body.family ?? null) : null;
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const draft = await draftVersion(trx, trace.id, at);
    await trx
      .updateTable('portfolio_versions')
      .set({ body: body.body, updated_at: at })
      .where('id', '=', draft.id)
      .execute();
    await trx
      .updateTable('portfolio_traces')
      .set({ title: body.title, family, state: trace.state === 'planned' ? 'draft' : trace.state })
      .where('id', '=', trace.id)
      .execute();
  });
  const fresh = (await loadTrace(ctx.db, trace.id)) as TraceRow;
  return traceView(ctx, rc, fresh, framework, viewer);
}
