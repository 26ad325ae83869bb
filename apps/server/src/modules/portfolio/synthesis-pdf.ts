import { type DocLang, documentTexts, instantWords } from './document-texts.ts';
import { green, grey, ink, pdfDocument, writeMarkdown } from './pdf-markdown.ts';
import type { SynthesisRow } from './queries-synthesis.ts';
import { sha256 } from './signatures.ts';

/** What the printed synthesis shows: the saved row, or the draft while none is saved. */
export interface SynthesisDocument {
  programme: string;
  resident: string;
  tutor: string | null;
  phase: string;
  zone: string;
  row: SynthesisRow | null;
  draft: string | null;
}

/**
 * The synthesis as a PDF: who and which phase, the text (Markdown drawn as headings, paragraphs and
 * lists), its version and the SHA-256 of its text, and each signature with the name typed and its
 * date and time in the organisation's zone — or "not signed yet". A signature of an older version
 * is not printed: the text it signed is no longer this one.
 */
export function synthesisPdf(d: SynthesisDocument, lang: DocLang, now: Date): Promise<Buffer> {
  const t = documentTexts(lang);
  const { doc, done } = pdfDocument(`${t('pdf.title')} — ${d.resident}`);
  const when = (iso: string) => instantWords(iso, d.zone, lang);
  const colon = lang === 'fr' ? ' : ' : ': ';

  doc.fillColor(green).fontSize(20).font('Helvetica-Bold').text(t('pdf.title')).font('Helvetica');
  doc.moveDown(0.3).fillColor(ink).fontSize(11);
  doc.text(`${t('pdf.resident')}${colon}${d.resident}`);
  doc.text(`${t('pdf.tutor')}${colon}${d.tutor ?? '—'}`);
  doc.text(`${t('pdf.programme')}${colon}${d.programme}`);
  doc.text(`${t('pdf.phase')}${colon}${d.phase}`);
  const body = d.row?.body ?? d.draft ?? '';
  doc.moveDown(0.3).fillColor(grey).fontSize(9);
  doc.text(d.row ? t('pdf.version', { version: d.row.version }) : t('pdf.unsaved'));
  doc.text(t('pdf.hash', { hash: d.row?.body_hash ?? sha256(body) }));
  doc.moveDown(0.3).strokeColor('#d5ddd9').moveTo(50, doc.y).lineTo(545, doc.y).stroke().moveDown(0.5);

  writeMarkdown(doc, body);

  if (doc.y > 680) doc.addPage();
  doc.moveDown(1).fillColor(green).fontSize(13).font('Helvetica-Bold').text(t('pdf.signatures'), 50);
  doc.font('Helvetica').fillColor(ink).fontSize(10).moveDown(0.3);
  for (const side of ['tutor', 'resident'] as const) {
    const role = t(side === 'tutor' ? 'pdf.tutor' : 'pdf.resident');
    const row = d.row;
    const name = row?.[`${side}_signed_name`];
    const at = row?.[`${side}_signed_at`];
    const signed = row && name && at && row[`${side}_signed_version`] === row.version;
    doc.text(
      signed
        ? t('pdf.signed', { role, name, date: when(at), version: row.version })
        : t('pdf.notSigned', { role }),
    );
  }
  doc
    .moveDown(1)
    .fillColor(grey)
    .fontSize(8)
    .text(t('pdf.generated', { date: when(now.toISOString()), zone: d.zone }));
  doc.end();
  return done;
}
