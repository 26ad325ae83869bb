import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { auditRead } from '../audit/reads.ts';
import { type ResidentContext, traceFor } from './access.ts';
import { addAttachment, loadAttachment, removeAttachment } from './attachments.ts';
import { traceByToken } from './link.ts';
import { loadFramework, type TraceRow } from './queries.ts';
import { askRevision, commentTrace, validateTrace } from './review.ts';
import { submitTrace } from './submit.ts';
import { saveDraft, traceView, type Viewer } from './traces.ts';

// What the routes call: each action finds the trace as the actor may reach it (signed in, or by
// the tutor's private link), then does one thing. A tutor's reading is audited, the resident's not.

type Found = Awaited<ReturnType<typeof traceFor>>;

async function audited(ctx: AppContext, actor: UserActor, found: Found) {
  if (found.relation === 'self') return;
  await auditRead(ctx.db, ctx.clock.now(), {
    orgId: found.programme.org_id,
    actor,
    subjectPersonIds: [found.resident.id],
    kind: 'portfolio',
    recordType: 'trace',
    recordId: found.trace.id,
    programmeId: found.programme.id,
  });
}

const viewerOf = (actor: UserActor, found: { relation: ResidentContext['relation'] }): Viewer => ({
  relation: found.relation,
  userId: actor.id,
});

export async function readTrace(ctx: AppContext, actor: UserActor, traceId: string) {
  const found = await traceFor(ctx, actor, traceId);
  await audited(ctx, actor, found);
  return traceView(
    ctx,
    found,
    found.trace,
    await loadFramework(ctx.db, found.programme.id),
    viewerOf(actor, found),
  );
}

export async function writeDraft(
  ctx: AppContext,
  actor: UserActor,
  traceId: string,
  body: { title: string; family?: string | null; body: string },
) {
  const found = await traceFor(ctx, actor, traceId);
  return saveDraft(ctx, found, found.trace, await loadFramework(ctx.db, found.programme.id), body);
}

export async function sendTrace(ctx: AppContext, actor: UserActor, traceId: string) {
  const found = await traceFor(ctx, actor, traceId);
  return submitTrace(ctx, found, found.trace, await loadFramework(ctx.db, found.programme.id));
}

type ReviewAction = 'comment' | 'revision' | 'validate';
type Bodies = {
  comment: { body: string; quote?: string | null };
  revision: { body: string; dueOn: string };
  validate: {
    body?: string;
    competencies: Array<{ id: string; level: 'novice' | 'intermediate' | 'competent' }>;
  };
};

async function act<A extends ReviewAction>(
  ctx: AppContext,
  found: Omit<ResidentContext, 'relation'> & { trace: TraceRow },
  viewer: Viewer,
  action: A,
  body: Bodies[A],
) {
  const framework = await loadFramework(ctx.db, found.programme.id);
  if (action === 'comment')
    return commentTrace(ctx, found, found.trace, framework, viewer, body as Bodies['comment']);
  if (action === 'revision')
    return askRevision(ctx, found, found.trace, framework, viewer, body as Bodies['revision']);
  return validateTrace(ctx, found, found.trace, framework, viewer, body as Bodies['validate']);
}

/** A comment, a revision or a validation by a signed-in reader of the trace. */
export async function reviewAsUser<A extends ReviewAction>(
  ctx: AppContext,
  actor: UserActor,
  traceId: string,
  action: A,
  body: Bodies[A],
) {
  const found = await traceFor(ctx, actor, traceId);
  return act(ctx, found, viewerOf(actor, found), action, body);
}

/** The same through the tutor's private link. */
export async function reviewByLink<A extends ReviewAction>(
  ctx: AppContext,
  token: string,
  action: A,
  body: Bodies[A],
) {
  const found = await traceByToken(ctx, token);
  return act(ctx, found, { relation: 'link', userId: found.trace.reviewer_id as string }, action, body);
}

/** The trace as its private link shows it. */
export async function readByLink(ctx: AppContext, token: string) {
  const found = await traceByToken(ctx, token);
  const framework = await loadFramework(ctx.db, found.programme.id);
  return traceView(ctx, found, found.trace, framework, {
    relation: 'link',
    userId: found.trace.reviewer_id as string,
  });
}

export async function attach(
  ctx: AppContext,
  actor: UserActor,
  traceId: string,
  read: () => Promise<{ bytes: Buffer; filename: string; truncated: boolean }>,
) {
  const found = await traceFor(ctx, actor, traceId);
  return addAttachment(ctx, found, found.trace, read);
}

export async function detach(ctx: AppContext, actor: UserActor, attachmentId: string) {
  const a = await loadAttachment(ctx, attachmentId);
  const found = await traceFor(ctx, actor, a.trace_id);
  await removeAttachment(ctx, found, found.trace, attachmentId);
}

/** A file, for the resident or their tutor; the tutor sees a draft's files only once sent. */
export async function download(ctx: AppContext, actor: UserActor, attachmentId: string) {
  const a = await loadAttachment(ctx, attachmentId);
  const found = await traceFor(ctx, actor, a.trace_id);
  if (found.relation !== 'self' && a.submitted_at === null) throw notFound('attachment');
  await audited(ctx, actor, found);
  return a;
}

/** A sent file through the tutor's private link. */
export async function downloadByLink(ctx: AppContext, token: string, attachmentId: string) {
  const found = await traceByToken(ctx, token);
  const a = await loadAttachment(ctx, attachmentId);
  if (a.trace_id !== found.trace.id || a.submitted_at === null) throw notFound('attachment');
  return a;
}
