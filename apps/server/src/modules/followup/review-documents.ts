import { toCsv } from '../../lib/csv.ts';
import { newPdf } from '../../lib/heavy.ts';
import { translator } from '../../notify/i18n.ts';
import { themeLines } from '../difficulties/themes.ts';
import { qualitativeLines, themesNote, type WithQualitative } from '../reviews/yearly-documents.ts';
import type { YearlyReview } from './review.ts';
import { describeRule, reviewTexts } from './review-texts.ts';

/** The review as CSV (lib/csv.ts), one row per figure: section, item, value. */
export function reviewCsv(r: YearlyReview, lang: 'fr' | 'en'): string {
  const t = reviewTexts(lang, r.programme.template);
  const rows: (string | number)[][] = [[t.section, t.item, t.value]];
  const add = (section: string, item: string, value: string | number | null) =>
    rows.push([section, item, typeof value === 'number' ? t.num(value) : (value ?? '')]);
  add(t.programme, t.name, r.programme.name);
  add(t.programme, t.period, `${r.period.start} – ${r.period.end}`);
  for (const [k, v] of Object.entries(r.participation)) add(t.participation, t.labels[k] ?? k, v);
  add(t.meetings, t.labels.total as string, r.meetings.total);
  add(t.meetings, t.labels.reports as string, r.meetings.reports);
  add(t.meetings, t.labels.perPairMean as string, r.meetings.perPairMean);
  add(t.meetings, t.labels.perPairMedian as string, r.meetings.perPairMedian);
  for (const d of r.meetings.distribution) add(t.distribution, t.pairsWith(d.label), d.pairs);
  for (const m of r.meetings.byMonth) add(t.byMonth, m.month, m.held);
  for (const [k, v] of Object.entries(r.channels.meetingsAndContacts)) add(t.channels, t.channel(k), v);
  add(t.channels, t.labels.unansweredAttempts as string, r.channels.unansweredAttempts);
  for (const [k, v] of Object.entries(r.channels.messages)) add(t.messages, t.channel(k), v);
  add(t.alerts, t.labels.total as string, r.alerts.total);
  add(t.alerts, t.labels.escalated as string, r.alerts.escalated);
  add(t.alerts, t.labels.medianDaysToHandle as string, r.alerts.medianDaysToHandle);
  for (const a of r.alerts.byRule) {
    add(t.alerts, `${describeRule(a.rule, lang)} — ${t.labels.opened}`, a.opened);
    add(t.alerts, `${describeRule(a.rule, lang)} — ${t.labels.resolved}`, a.resolved);
    add(t.alerts, `${describeRule(a.rule, lang)} — ${t.labels.closed}`, a.closed);
  }
  add(t.reviews, t.labels.answers as string, r.endOfYearReviews.answers);
  add(
    t.reviews,
    t.labels.mean as string,
    r.endOfYearReviews.shown ? r.endOfYearReviews.mean : t.hidden(r.minAggregate),
  );
  const themes = themeLines(r.difficultyThemes, lang);
  for (const x of themes.lines) add(themes.title, x.label, x.value);
  for (const x of qualitativeLines(r as WithQualitative, lang, t.hidden(r.minAggregate)))
    add(x.section, x.item, x.value);
  return toCsv(rows, { delimiter: t.csvDelimiter });
}

/** The review as a PDF with its charts drawn as bars (pdfkit, no browser needed). */
export function reviewPdf(r: YearlyReview, lang: 'fr' | 'en'): Promise<Buffer> {
  const t = reviewTexts(lang, r.programme.template);
  const doc = newPdf({
    size: 'A4',
    margin: 50,
    info: { Title: `${t.title} — ${r.programme.name}`, Author: 'Compagnon' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));

  doc.fillColor(green).fontSize(20).text(t.title);
  doc.moveDown(0.3).fillColor(ink).fontSize(13).text(`${r.programme.name} — ${r.programme.organisation}`);
  doc
    .fillColor(grey)
    .fontSize(10)
    .text(translator(lang)('line', { label: t.period, value: `${r.period.start} – ${r.period.end}` }));
  doc.moveDown(0.5).fontSize(9).text(t.confidentiality(r.minAggregate));
  writeSections(doc, writer(doc, t, lang), t, r, lang);
  doc.end();
  return done;
}

const green = '#2f6f5e';
const grey = '#5b6b66';
const ink = '#1f2d2a';

type Texts = ReturnType<typeof reviewTexts>;
type Writer = ReturnType<typeof writer>;

/** How the PDF writes: headings, a labelled figure, a bar chart. */
function writer(doc: PDFKit.PDFDocument, t: Texts, lang: 'fr' | 'en') {
  const heading = (s: string) => {
    if (doc.y > 700) doc.addPage();
    doc.moveDown(1).fillColor(green).fontSize(14).text(s).moveDown(0.3).fillColor(ink).fontSize(10);
  };
  const line = (label: string, value: string | number | null) =>
    doc.text(
      translator(lang)('line', { label, value: typeof value === 'number' ? t.num(value) : (value ?? '—') }),
    );
  const bars = (items: { label: string; value: number }[], height = 120) => {
    if (doc.y + height + 40 > 780) doc.addPage();
    const x0 = 60;
    const y0 = doc.y + 10;
    const width = 470;
    const max = Math.max(1, ...items.map((i) => i.value));
    const w = width / items.length;
    doc
      .strokeColor('#d5ddd9')
      .moveTo(x0, y0 + height)
      .lineTo(x0 + width, y0 + height)
      .stroke();
    items.forEach((it, i) => {
      const h = (it.value / max) * height;
      doc.rect(x0 + i * w + 4, y0 + height - h, w - 8, h).fill(green);
      doc
        .fillColor(ink)
        .fontSize(8)
        .text(t.num(it.value), x0 + i * w, y0 + height - h - 11, { width: w, align: 'center' });
      doc
        .fillColor(grey)
        .fontSize(7)
        .text(it.label, x0 + i * w, y0 + height + 4, { width: w, align: 'center' });
    });
    doc.x = 50;
    doc.y = y0 + height + 24;
    doc.fillColor(ink).fontSize(10);
  };
  return { heading, line, bars };
}

/** Participation, meetings (with their charts), channels, alerts and end-of-year reviews. */
function writeSections(doc: PDFKit.PDFDocument, w: Writer, t: Texts, r: YearlyReview, lang: 'fr' | 'en') {
  const { heading, line, bars } = w;
  heading(t.participation);
  for (const [k, v] of Object.entries(r.participation)) line(t.labels[k] ?? k, v);

  heading(t.meetings);
  line(t.labels.total as string, r.meetings.total);
  line(t.labels.reports as string, r.meetings.reports);
  line(t.labels.perPairMean as string, r.meetings.perPairMean);
  line(t.labels.perPairMedian as string, r.meetings.perPairMedian);
  doc.moveDown(0.5).text(t.byMonth);
  bars(r.meetings.byMonth.map((m) => ({ label: m.month.slice(2), value: m.held })));
  doc.text(t.distribution);
  bars(
    r.meetings.distribution.map((d) => ({ label: d.label, value: d.pairs })),
    90,
  );

  heading(t.channels);
  const ch = Object.entries(r.channels.meetingsAndContacts);
  if (ch.length === 0) doc.text('—');
  for (const [k, v] of ch) line(t.channel(k), v);
  line(t.labels.unansweredAttempts as string, r.channels.unansweredAttempts);
  doc.moveDown(0.3).text(t.messages);
  for (const [k, v] of Object.entries(r.channels.messages)) line(t.channel(k), v);

  heading(t.alerts);
  line(t.labels.total as string, r.alerts.total);
  line(t.labels.escalated as string, r.alerts.escalated);
  line(t.labels.medianDaysToHandle as string, r.alerts.medianDaysToHandle);
  for (const a of r.alerts.byRule) {
    line(
      describeRule(a.rule, lang),
      `${a.opened} (${t.labels.resolved} ${a.resolved}, ${t.labels.closed} ${a.closed}, ${t.labels.open} ${a.open})`,
    );
  }

  heading(t.reviews);
  line(t.labels.answers as string, r.endOfYearReviews.answers);
  doc.text(
    r.endOfYearReviews.shown && r.endOfYearReviews.mean !== null
      ? `${t.labels.mean} : ${t.num(r.endOfYearReviews.mean)}`
      : t.hidden(r.minAggregate),
  );

  const themes = themeLines(r.difficultyThemes, lang);
  heading(themes.title);
  doc.fillColor(grey).fontSize(9).text(themes.note).moveDown(0.3).fillColor(ink).fontSize(10);
  for (const x of themes.lines) line(x.label, x.value);
  writeQualitative(doc, w, t, r, lang);
}

/** The pairs' figures, the end reviews' aggregates and themes, the questionnaires' results: counts only. */
function writeQualitative(doc: PDFKit.PDFDocument, w: Writer, t: Texts, r: YearlyReview, lang: 'fr' | 'en') {
  const note = themesNote(lang);
  let section = '';
  for (const x of qualitativeLines(r as WithQualitative, lang, t.hidden(r.minAggregate))) {
    if (x.section !== section) {
      section = x.section;
      w.heading(section);
      if (section === note.title)
        doc.fillColor(grey).fontSize(9).text(note.text).moveDown(0.3).fillColor(ink).fontSize(10);
    }
    if (x.value === '') doc.text(x.item);
    else w.line(x.item, x.value);
  }
}
