import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import type { Pairing } from './factories.ts';

/** A small PDF, enough for the content sniffing of attachments. */
export const tinyPdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n', 'latin1');

/**
 * A trace of the pair's tutee, sent to their tutor and waiting for review this week, with one
 * version and one attached PDF — as the submit route leaves it (no notice, no e-mail).
 */
export async function portfolioTrace(ctx: AppContext, o: { pairing: Pairing; week?: string }) {
  const at = ctx.clock.now().toISOString();
  const traceId = newId();
  const versionId = newId();
  const attachmentId = newId();
  const week = o.week ?? '2026-11-16';
  await ctx.db
    .insertInto('portfolio_traces')
    .values({
      id: traceId,
      org_id: o.pairing.orgId,
      programme_id: o.pairing.programmeId,
      resident_id: o.pairing.tuteeId,
      type_id: 'rsca',
      phase_id: 'approfondissement',
      period: '2026-2027 S1',
      seq: 1,
      family: null,
      title: 'RSCA : une annonce difficile',
      state: 'submitted',
      due_on: '2026-11-27',
      revision_due_on: null,
      reviewer_id: o.pairing.tutorId,
      review_week: week,
      review_token_hash: null,
      review_token_expires_at: null,
      nudged_at: null,
      created_at: at,
      submitted_at: at,
      validated_at: null,
    })
    .execute();
  await ctx.db
    .insertInto('portfolio_versions')
    .values({
      id: versionId,
      trace_id: traceId,
      number: 1,
      body: '## Situation\nUne annonce de diagnostic difficile en consultation.',
      created_at: at,
      updated_at: at,
      submitted_at: at,
      reviewer_id: o.pairing.tutorId,
      review_week: week,
    })
    .execute();
  await ctx.db
    .insertInto('portfolio_attachments')
    .values({
      id: attachmentId,
      version_id: versionId,
      filename: 'notes.pdf',
      mime: 'application/pdf',
      size: tinyPdf.length,
      data: tinyPdf,
      created_at: at,
    })
    .execute();
  return { traceId, attachmentId };
}
