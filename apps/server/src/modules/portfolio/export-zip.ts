import { Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { dayIn } from '../../domain/days.ts';
import { refuse } from '../../http/errors.ts';
import { toCsv } from '../../lib/csv.ts';
import type { UserActor } from '../../policy/actor.ts';
import { residentFor } from './access.ts';
import { type DocLang, documentTexts, langOf } from './document-texts.ts';
import type { Framework } from './framework.ts';
import { loadFramework, messagesOf, type TraceRow, tracesOf, versionsOf } from './queries.ts';
import { synthesisPdf } from './synthesis-pdf.ts';
import { tracePdf } from './trace-pdf.ts';

/**
 * A resident's whole portfolio as a ZIP, for their own records or the official platform: one
 * folder per trace (`traces/<nn>-<slug>/`) with its PDF (every version, the thread) and its files,
 * the syntheses' PDFs, and `index.csv` listing the traces. Entries are made one at a time as the
 * archive is read — a trace's PDF, a file fetched from the database — so memory holds one entry,
 * not the portfolio.
 */

/** A name for a folder: no accents, lowercase letters, digits and dashes, at most 40 characters. */
export function slugOf(text: string) {
  const slug = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug || 'trace';
}

/** A file name safe inside the archive, unique in its folder ("cr.pdf", then "cr (2).pdf"). */
function uniqueName(used: Set<string>, filename: string) {
  const clean = filename.replace(/[\\/]/g, '_').replace(/^\.+/, '_') || 'fichier';
  const dot = clean.lastIndexOf('.');
  const [stem, ext] = dot > 0 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ''];
  let name = clean;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${stem} (${n})${ext}`;
  used.add(name.toLowerCase());
  return name;
}

/** Every file of the resident's traces (no bytes), a file copied from one version to the next once. */
async function filesOf(db: Db, traceIds: string[]) {
  if (traceIds.length === 0) return [];
  const rows = await db
    .selectFrom('portfolio_attachments as a')
    .innerJoin('portfolio_versions as v', 'v.id', 'a.version_id')
    .select(['a.id', 'a.filename', 'a.size', 'a.created_at', 'v.trace_id', 'v.number'])
    .where('v.trace_id', 'in', traceIds)
    .orderBy('v.number')
    .orderBy('a.created_at')
    .orderBy('a.id')
    .execute();
  const seen = new Set<string>();
  return rows.filter((r) => {
    const key = `${r.trace_id}|${r.filename}|${r.size}|${r.created_at}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** An entry whose bytes are made when the archive reaches it. */
function lazy(zip: ZipFile, path: string, mtime: Date, compress: boolean, make: () => Promise<Buffer>) {
  zip.addReadStreamLazy(path, { mtime, compress }, (cb) => {
    make().then(
      (bytes) => cb(null, Readable.from(bytes)),
      (err) => cb(err, undefined as never),
    );
  });
}

interface Job {
  ctx: AppContext;
  framework: Framework;
  lang: DocLang;
  zone: string;
  now: Date;
}

/** The PDF of one trace: its versions (the draft too: it is the resident's own) and its thread. */
async function traceDocument(job: Job, trace: TraceRow, files: Array<{ filename: string; number: number }>) {
  const { ctx, framework } = job;
  const [versions, messages] = await Promise.all([
    versionsOf(ctx.db, trace.id),
    messagesOf(ctx.db, trace.id),
  ]);
  return tracePdf(
    {
      title: trace.title,
      type: framework.traceTypes.find((t) => t.id === trace.type_id)?.label ?? trace.type_id,
      phase: framework.phases.find((p) => p.id === trace.phase_id)?.label ?? trace.phase_id,
      period: trace.period,
      state: trace.state,
      dueOn: trace.due_on,
      family: trace.family,
      versions: versions.map((v) => ({
        number: v.number,
        body: v.body,
        submittedAt: v.submitted_at,
        files: files.filter((f) => f.number === v.number).map((f) => f.filename),
      })),
      messages: messages.map((m) => ({
        author: m.author_name,
        kind: m.kind,
        version: m.version_number,
        quote: m.quote,
        body: m.body,
        at: m.created_at,
      })),
    },
    job.lang,
    job.zone,
    job.now,
  );
}

/** The resident's ZIP, as a stream to send; only the resident themself gets it. */
export async function portfolioZip(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  residentId: string,
) {
  const rc = await residentFor(ctx, actor, programmeId, residentId);
  if (rc.relation !== 'self') throw refuse(403, 'forbidden');
  const { programme, resident } = rc;
  const now = ctx.clock.now();
  const job: Job = {
    ctx,
    framework: await loadFramework(ctx.db, programme.id),
    lang: langOf(actor.locale),
    zone: programme.time_zone,
    now,
  };
  const traces = await tracesOf(ctx.db, programme.id, resident.id);
  const files = await filesOf(
    ctx.db,
    traces.map((t) => t.id),
  );
  const zip = new ZipFile();
  const stream = zip.outputStream as Readable;
  zip.on('error', (err: Error) => stream.destroy(err));
  const folders = traces.map((trace, i) => {
    const folder = `traces/${String(i + 1).padStart(2, '0')}-${slugOf(trace.title)}`;
    const used = new Set(['trace.pdf']);
    const mine = files
      .filter((f) => f.trace_id === trace.id)
      .map((f) => ({ ...f, entry: uniqueName(used, f.filename) }));
    lazy(zip, `${folder}/trace.pdf`, now, false, () => traceDocument(job, trace, mine));
    for (const f of mine)
      lazy(zip, `${folder}/${f.entry}`, now, false, async () => {
        const row = await ctx.db
          .selectFrom('portfolio_attachments')
          .select('data')
          .where('id', '=', f.id)
          .executeTakeFirstOrThrow();
        return Buffer.from(row.data);
      });
    return folder;
  });
  await addSyntheses(zip, job, rc);
  zip.addBuffer(Buffer.from(indexCsv(job, traces, folders), 'utf8'), 'index.csv', { mtime: now });
  zip.end();
  const day = now.toISOString().slice(0, 10);
  return { stream, filename: `portfolio-${slugOf(resident.name)}-${day}.zip` };
}

/** Each saved synthesis of the resident, as its PDF. */
async function addSyntheses(zip: ZipFile, job: Job, rc: Awaited<ReturnType<typeof residentFor>>) {
  const { ctx } = job;
  const rows = await ctx.db
    .selectFrom('portfolio_syntheses as s')
    .leftJoin('users as u', 'u.id', 's.tutor_id')
    .selectAll('s')
    .select('u.name as tutor_name')
    .where('s.programme_id', '=', rc.programme.id)
    .where('s.resident_id', '=', rc.resident.id)
    .orderBy('s.created_at')
    .execute();
  for (const { tutor_name, ...row } of rows)
    lazy(zip, `syntheses/synthese-${slugOf(row.phase_id)}.pdf`, job.now, false, () =>
      synthesisPdf(
        {
          programme: rc.programme.name,
          resident: rc.resident.name,
          tutor: tutor_name ?? rc.resident.tutor?.name ?? null,
          phase: job.framework.phases.find((p) => p.id === row.phase_id)?.label ?? row.phase_id,
          zone: job.zone,
          row,
          draft: null,
        },
        job.lang,
        job.now,
      ),
    );
}

/** The list of traces, one row each, in the resident's language (lib/csv.ts). */
function indexCsv(job: Job, traces: Array<TraceRow & { versions: unknown }>, folders: string[]) {
  const t = documentTexts(job.lang);
  const day = (iso: string | null) => (iso ? dayIn(new Date(iso), job.zone) : '');
  const header = [
    'number',
    'title',
    'type',
    'phase',
    'period',
    'state',
    'due',
    'submitted',
    'validated',
    'versions',
    'folder',
  ];
  const rows: (string | number)[][] = [header.map((h) => t(`index.${h}`))];
  traces.forEach((trace, i) => {
    rows.push([
      i + 1,
      trace.title,
      job.framework.traceTypes.find((x) => x.id === trace.type_id)?.label ?? trace.type_id,
      job.framework.phases.find((p) => p.id === trace.phase_id)?.label ?? trace.phase_id,
      trace.period,
      t(`state.${trace.state}`),
      trace.due_on,
      day(trace.submitted_at),
      day(trace.validated_at),
      Number(trace.versions ?? 0),
      `${folders[i]}/`,
    ]);
  });
  return toCsv(rows, { delimiter: job.lang === 'fr' ? ';' : ',' });
}
