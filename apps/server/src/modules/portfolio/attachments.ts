import type { AppContext } from '../../context.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { ResidentContext } from './access.ts';
import type { TraceRow } from './queries.ts';
import { actionsFor, draftVersion } from './traces.ts';

// Files of a trace's version: PDF and images only, recognised by their first bytes rather than by
// the name or type the browser claims, at most 10 MB each and 10 per version.

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
const MAX_PER_VERSION = 10;

const signatures: Array<{ mime: string; test: (b: Buffer) => boolean }> = [
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/jpeg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
];

/** The type of a file from its content, or null when it is none of those a trace accepts. */
export const sniffMime = (bytes: Buffer) => signatures.find((s) => s.test(bytes))?.mime ?? null;

/** A name safe to show and to put in a download header. */
const cleanName = (name: string) =>
  [...name]
    .map((c) => (c.charCodeAt(0) < 32 || '\\/"<>|:*?'.includes(c) ? '_' : c))
    .join('')
    .slice(-120) || 'fichier';

/** The resident attaches a file to the draft. */
export async function addAttachment(
  ctx: AppContext,
  rc: ResidentContext,
  trace: TraceRow,
  read: () => Promise<{ bytes: Buffer; filename: string; truncated: boolean }>,
) {
  if (rc.relation !== 'self') throw forbidden();
  if (
    !actionsFor({ relation: rc.relation, userId: rc.resident.id }, trace, rc.programme.archived_at !== null)
      .edit
  )
    throw refuse(409, 'trace_not_editable');
  const file = await read();
  if (file.truncated || file.bytes.length > MAX_ATTACHMENT_BYTES) throw refuse(413, 'attachment_too_large');
  const mime = sniffMime(file.bytes);
  if (!mime) throw refuse(415, 'attachment_type');
  const at = ctx.clock.now().toISOString();
  const id = newId();
  const filename = cleanName(file.filename);
  await ctx.db.transaction().execute(async (trx) => {
    const draft = await draftVersion(trx, trace.id, at);
    const count = await trx
      .selectFrom('portfolio_attachments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('version_id', '=', draft.id)
      .executeTakeFirstOrThrow();
    if (Number(count.n) >= MAX_PER_VERSION) throw refuse(409, 'attachment_limit');
    await trx
      .insertInto('portfolio_attachments')
      .values({
        id,
        version_id: draft.id,
        filename,
        mime,
        size: file.bytes.length,
        data: file.bytes,
        created_at: at,
      })
      .execute();
    if (trace.state === 'planned')
      await trx.updateTable('portfolio_traces').set({ state: 'draft' }).where('id', '=', trace.id).execute();
  });
  return { id, filename, mime, size: file.bytes.length };
}

/** An attachment with the trace it belongs to, and whether its version is the draft. */
export async function loadAttachment(ctx: AppContext, attachmentId: string) {
  const row = await ctx.db
    .selectFrom('portfolio_attachments as a')
    .innerJoin('portfolio_versions as v', 'v.id', 'a.version_id')
    .select(['a.id', 'a.filename', 'a.mime', 'a.size', 'a.data', 'v.trace_id', 'v.submitted_at'])
    .where('a.id', '=', attachmentId)
    .executeTakeFirst();
  if (!row) throw notFound('attachment');
  return row;
}

/** The resident removes a file from the draft (a sent version keeps its files). */
export async function removeAttachment(
  ctx: AppContext,
  rc: ResidentContext,
  trace: TraceRow,
  attachmentId: string,
) {
  const a = await loadAttachment(ctx, attachmentId);
  if (a.trace_id !== trace.id) throw notFound('attachment');
  if (rc.relation !== 'self') throw forbidden();
  const can = actionsFor(
    { relation: rc.relation, userId: rc.resident.id },
    trace,
    rc.programme.archived_at !== null,
  );
  if (!can.edit || a.submitted_at !== null) throw refuse(409, 'trace_not_editable');
  await ctx.db.deleteFrom('portfolio_attachments').where('id', '=', a.id).execute();
}
