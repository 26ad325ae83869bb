import { type DocLang, documentTexts, instantWords } from './document-texts.ts';
import { green, grey, ink, pdfDocument, writeMarkdown } from './pdf-markdown.ts';

/** One trace as its resident keeps it: what it is, every version sent (and the draft), its thread. */
export interface TraceDocument {
  title: string;
  type: string;
  phase: string;
  period: string;
  state: string;
  dueOn: string;
  family: string | null;
  versions: Array<{ number: number; body: string; submittedAt: string | null; files: string[] }>;
  messages: Array<{
    author: string | null;
    kind: string;
    version: number;
    quote: string | null;
    body: string;
    at: string;
  }>;
}

/** A trace as a PDF, dates and times in the organisation's zone. */
export function tracePdf(d: TraceDocument, lang: DocLang, zone: string, now: Date): Promise<Buffer> {
  const t = documentTexts(lang);
  const { doc, done } = pdfDocument(d.title);
  const when = (iso: string) => instantWords(iso, zone, lang);
  const colon = lang === 'fr' ? ' : ' : ': ';
  const line = (label: string, value: string) => doc.text(`${label}${colon}${value}`);
  const heading = (s: string) => {
    if (doc.y > 700) doc.addPage();
    doc.moveDown(0.8).fillColor(green).fontSize(13).font('Helvetica-Bold').text(s, 50);
    doc.font('Helvetica').fillColor(ink).fontSize(10).moveDown(0.3);
  };

  doc.fillColor(green).fontSize(18).font('Helvetica-Bold').text(d.title).font('Helvetica');
  doc.moveDown(0.3).fillColor(ink).fontSize(10);
  line(t('trace.type'), d.type);
  line(t('trace.phase'), d.phase);
  line(t('trace.period'), d.period);
  if (d.family) line(t('trace.family'), d.family);
  line(t('trace.state'), t(`state.${d.state}`));
  line(t('trace.due'), d.dueOn);

  for (const v of d.versions) {
    heading(
      v.submittedAt
        ? t('trace.version', { number: v.number, date: when(v.submittedAt) })
        : t('trace.draftVersion'),
    );
    if (v.body.trim()) writeMarkdown(doc, v.body);
    else doc.fillColor(grey).text(t('trace.empty'), 50).fillColor(ink);
    if (v.files.length > 0)
      doc
        .moveDown(0.2)
        .fillColor(grey)
        .fontSize(9)
        .text(t('trace.attachments', { names: v.files.join(', ') }), 50)
        .fillColor(ink)
        .fontSize(10);
  }

  heading(t('trace.thread'));
  if (d.messages.length === 0) doc.fillColor(grey).text(t('trace.noMessage'), 50).fillColor(ink);
  for (const m of d.messages) {
    if (doc.y > 740) doc.addPage();
    const author = m.author ?? t('trace.erased');
    doc
      .font('Helvetica-Bold')
      .text(
        t('trace.message', {
          author,
          date: when(m.at),
          kind: t(`trace.kind.${m.kind}`),
          version: m.version,
        }),
        50,
      )
      .font('Helvetica');
    if (m.quote)
      doc
        .fillColor(grey)
        .text(t('trace.quote', { quote: m.quote }), 62)
        .fillColor(ink);
    if (m.body.trim()) doc.text(m.body, 62);
    doc.moveDown(0.4);
  }
  doc
    .moveDown(1)
    .fillColor(grey)
    .fontSize(8)
    .text(t('pdf.generated', { date: when(now.toISOString()), zone }), 50);
  doc.end();
  return done;
}
