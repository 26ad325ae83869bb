import { marked, type Token, type Tokens } from 'marked';
import { newPdf } from '../../lib/heavy.ts';

// The portfolio's PDFs (pdfkit, like the yearly review and the data export): a document that
// collects its bytes, and Markdown — headings, paragraphs, lists, quotes, bold and italics — read
// with marked's lexer and drawn as text, so what the resident and the tutor wrote prints as they
// see it.

export const green = '#2f6f5e';
export const ink = '#1f2d2a';
export const grey = '#5b6b66';

/** An A4 document and the promise of its bytes once `doc.end()` is called. */
export function pdfDocument(title: string) {
  const doc = newPdf({ size: 'A4', margin: 50, info: { Title: title, Author: 'Compagnon' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

type Doc = PDFKit.PDFDocument;
interface Segment {
  text: string;
  bold: boolean;
  italic: boolean;
}

const entities: Record<string, string> = {
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&quot;': '"',
  '&#39;': "'",
};
const decode = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e] ?? e);

/** Inline tokens as runs of text with their emphasis. */
function segments(tokens: Token[] | undefined, bold = false, italic = false): Segment[] {
  const out: Segment[] = [];
  for (const tok of tokens ?? []) {
    if (tok.type === 'strong') out.push(...segments((tok as Tokens.Strong).tokens, true, italic));
    else if (tok.type === 'em') out.push(...segments((tok as Tokens.Em).tokens, bold, true));
    else if (tok.type === 'br') out.push({ text: '\n', bold, italic });
    else if ('tokens' in tok && Array.isArray(tok.tokens) && tok.tokens.length > 0)
      out.push(...segments(tok.tokens as Token[], bold, italic));
    else if ('text' in tok && typeof tok.text === 'string')
      out.push({ text: decode(tok.text), bold, italic });
  }
  return out.filter((s) => s.text !== '');
}

const fontOf = (s: { bold: boolean; italic: boolean }) =>
  s.bold
    ? s.italic
      ? 'Helvetica-BoldOblique'
      : 'Helvetica-Bold'
    : s.italic
      ? 'Helvetica-Oblique'
      : 'Helvetica';

/** Runs of text written one after the other on the page, then the font back to plain. */
function runs(doc: Doc, parts: Segment[], indent: number, prefix = '') {
  const all = prefix ? [{ text: prefix, bold: false, italic: false }, ...parts] : parts;
  if (all.length === 0) return;
  all.forEach((s, i) => {
    const options = { continued: i < all.length - 1 };
    if (i === 0) doc.font(fontOf(s)).text(s.text, 50 + indent, undefined, options);
    else doc.font(fontOf(s)).text(s.text, options);
  });
  doc.font('Helvetica');
}

const headingSizes = [0, 16, 13.5, 12, 11, 10.5, 10];

function block(doc: Doc, tok: Token, indent: number) {
  switch (tok.type) {
    case 'heading': {
      const h = tok as Tokens.Heading;
      if (doc.y > 720) doc.addPage();
      doc
        .moveDown(0.6)
        .fillColor(green)
        .fontSize(headingSizes[h.depth] ?? 10);
      runs(
        doc,
        segments(h.tokens).map((s) => ({ ...s, bold: true })),
        indent,
      );
      doc.fillColor(ink).fontSize(10).moveDown(0.3);
      return;
    }
    case 'paragraph':
    case 'text': {
      const p = tok as Tokens.Paragraph;
      runs(doc, segments(p.tokens ?? [{ type: 'text', raw: p.text, text: p.text } as Token]), indent);
      if (tok.type === 'paragraph') doc.moveDown(0.4);
      return;
    }
    case 'list': {
      const l = tok as Tokens.List;
      l.items.forEach((item, i) => {
        const bullet = l.ordered ? `${Number(l.start || 1) + i}. ` : '• ';
        listItem(doc, item, indent, bullet);
      });
      doc.moveDown(0.4);
      return;
    }
    case 'blockquote': {
      doc.fillColor(grey);
      for (const t of (tok as Tokens.Blockquote).tokens) block(doc, t, indent + 14);
      doc.fillColor(ink);
      return;
    }
    case 'code': {
      doc
        .font('Courier')
        .text((tok as Tokens.Code).text, 50 + indent + 10)
        .font('Helvetica');
      doc.moveDown(0.4);
      return;
    }
    case 'hr': {
      doc.moveDown(0.3).strokeColor('#d5ddd9').moveTo(50, doc.y).lineTo(545, doc.y).stroke().moveDown(0.5);
      return;
    }
    case 'table': {
      const table = tok as Tokens.Table;
      for (const row of [table.header, ...table.rows])
        runs(
          doc,
          [{ text: row.map((c) => decode(c.text)).join('  ·  '), bold: row === table.header, italic: false }],
          indent,
        );
      doc.moveDown(0.4);
      return;
    }
    case 'space':
      return;
    default:
      if ('text' in tok && typeof tok.text === 'string' && tok.text.trim())
        runs(doc, [{ text: decode(tok.text), bold: false, italic: false }], indent);
  }
}

/** A list item: its first block after the bullet, the rest (nested lists too) indented under it. */
function listItem(doc: Doc, item: Tokens.ListItem, indent: number, bullet: string) {
  const [first, ...rest] = item.tokens;
  if (first && (first.type === 'text' || first.type === 'paragraph')) {
    const p = first as Tokens.Paragraph;
    runs(doc, segments(p.tokens ?? [{ type: 'text', raw: p.text, text: p.text } as Token]), indent, bullet);
  } else {
    runs(doc, [], indent, bullet);
    if (first) block(doc, first, indent + 14);
  }
  for (const t of rest) block(doc, t, indent + 14);
}

/** Writes Markdown at the current position, in the ink colour and a 10-point body. */
export function writeMarkdown(doc: Doc, markdown: string, indent = 0) {
  doc.fillColor(ink).fontSize(10).font('Helvetica');
  for (const tok of marked.lexer(markdown)) block(doc, tok, indent);
}
