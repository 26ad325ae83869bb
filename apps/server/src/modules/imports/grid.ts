import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { newWorkbook } from '../../lib/heavy.ts';
import { fieldForHeader } from './columns.ts';
import { fileIssues, type ImportIssue } from './messages.ts';

/**
 * From the bytes of an uploaded file to a grid of rows and cells: the kind of file recognised by
 * its content, the text decoded and its separator found for a CSV, the first sheet of a workbook.
 * What the columns mean is parse.ts's business.
 */

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type Delimiter = ';' | ',' | '\t';

/** A spreadsheet row: the line number the user sees and its cells, trimmed. */
export interface GridRow {
  line: number;
  cells: string[];
}

/** The header is looked for in this many first rows. */
export const HEADER_SEARCH_ROWS = 10;

/** How many known column titles a row holds. */
export const recognised = (cells: string[]) =>
  new Set(cells.map(fieldForHeader).filter((f) => f !== null)).size;

/** What was read, and when the file cannot be read, why (`issue`); what was learnt before is kept. */
export interface GridRead {
  format?: 'csv' | 'xlsx';
  encoding?: Encoding;
  delimiter?: Delimiter;
  issue?: ImportIssue;
  rows: GridRow[];
  /** Lines of a CSV with a stray quote (the file is still read). */
  badQuoteLines: number[];
}

export async function readGrid(bytes: Buffer): Promise<GridRead> {
  const kind = sniff(bytes);
  if (kind === 'xlsx') {
    const sheet = await readXlsx(bytes);
    if (!sheet) return { format: 'xlsx', issue: fileIssues.unreadableXlsx(), rows: [], badQuoteLines: [] };
    return { format: 'xlsx', rows: sheet, badQuoteLines: [] };
  }
  if (kind === 'ole') return { issue: fileIssues.xlsLegacy(), rows: [], badQuoteLines: [] };
  if (kind === 'ods') return { issue: fileIssues.ods(), rows: [], badQuoteLines: [] };
  if (kind === 'unsupported') return { issue: fileIssues.unsupported(), rows: [], badQuoteLines: [] };
  const decoded = decodeText(bytes);
  if (!decoded) return { issue: fileIssues.unsupported(), rows: [], badQuoteLines: [] };
  const csv = readCsv(decoded.text);
  const read: GridRead = {
    format: 'csv',
    encoding: decoded.encoding,
    delimiter: csv.delimiter,
    rows: csv.rows,
    badQuoteLines: csv.badQuoteLines,
  };
  if (csv.unclosedQuoteLine !== undefined) read.issue = fileIssues.unclosedQuote(csv.unclosedQuoteLine);
  return read;
}

// ── Recognising the file ────────────────────────────────────────────────────────────────────

type Sniffed = 'xlsx' | 'ods' | 'ole' | 'unsupported' | 'text';

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/** By content, never by extension: a workbook renamed .csv is still read as a workbook. */
function sniff(bytes: Buffer): Sniffed {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes);
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    if (names[0] === 'mimetype' && bytes.includes('application/vnd.oasis.opendocument.spreadsheet'))
      return 'ods';
    return 'unsupported';
  }
  // Compound document: Excel 97-2003, or an encrypted (password-protected) .xlsx.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole';
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'unsupported';
  return 'text';
}

/**
 * Names of the entries of a zip, read from its local headers, which store them in clear: enough
 * to tell a workbook (xl/…) from a Word document or an OpenDocument file, even when truncated.
 */
function zipEntryNames(bytes: Buffer): string[] {
  const names: string[] = [];
  let at = 0;
  while (names.length < 1000) {
    at = bytes.indexOf('PK\x03\x04', at, 'latin1');
    if (at < 0 || at + 30 > bytes.length) break;
    const length = bytes.readUInt16LE(at + 26);
    names.push(bytes.subarray(at + 30, Math.min(bytes.length, at + 30 + length)).toString('latin1'));
    at += 30 + length;
  }
  return names;
}

/**
 * UTF-8 with or without BOM, UTF-16 with BOM (Excel's "Unicode text"), else Windows-1252 (Excel's
 * "CSV (séparateur : point-virgule)" on a French Windows). Null when the bytes are not text.
 */
function decodeText(bytes: Buffer): { text: string; encoding: Encoding } | null {
  let text: string;
  let encoding: Encoding;
  if (startsWith(bytes, [0xff, 0xfe])) {
    text = iconv.decode(bytes.subarray(2), 'utf-16le');
    encoding = 'utf-16le';
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    text = iconv.decode(bytes.subarray(2), 'utf-16be');
    encoding = 'utf-16be';
  } else {
    if (bytes.includes(0)) return null;
    const bom = startsWith(bytes, [0xef, 0xbb, 0xbf]);
    const body = bom ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      encoding = bom ? 'utf-8-bom' : 'utf-8';
    } catch {
      text = iconv.decode(body, 'win1252');
      encoding = 'windows-1252';
    }
  }
  // Text files have almost no control characters besides tabs and line breaks.
  const sample = text.slice(0, 65536);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) || c === 0x7f) controls++;
  }
  if (controls > Math.max(2, sample.length / 100)) return null;
  return { text, encoding };
}

async function readXlsx(bytes: Buffer): Promise<GridRow[] | null> {
  const workbook = newWorkbook();
  try {
    // exceljs' typings predate Node's generic Buffer.
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return null;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return null;
  const rows: GridRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = Array.isArray(row.values) ? row.values : [];
    const cells: string[] = [];
    // row.values is 1-based (index 0 is always empty), like the sheet's columns.
    for (let i = 1; i < values.length; i++) cells.push(cleanCell(cellText(values[i])));
    rows.push({ line: rowNumber, cells });
  });
  return rows;
}

/** The text a person sees in a cell, whatever exceljs made of it. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((t: { text?: string }) => t.text ?? '').join('');
    if ('hyperlink' in v) {
      const text = cellText(v.text);
      return text || String(v.hyperlink ?? '');
    }
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('error' in v) return String(v.error);
    if ('text' in v) return cellText(v.text);
  }
  return '';
}

/** Trimmed; Excel's `="0612…"` trick for keeping leading zeros undone; stray BOMs removed. */
function cleanCell(raw: string): string {
  const s = raw.replace(/\uFEFF/g, '').trim();
  const formula = /^="(.*)"$/s.exec(s);
  return (formula ? (formula[1] as string) : s).trim();
}

// ── CSV ─────────────────────────────────────────────────────────────────────────────────────

const DELIMITERS: Delimiter[] = [';', ',', '\t'];

interface CsvRead {
  rows: GridRow[];
  delimiter: Delimiter;
  unclosedQuoteLine?: number;
  badQuoteLines: number[];
}

/**
 * Line numbers are spreadsheet rows: papaparse yields one record per row, empty lines included,
 * and a quoted cell holding line breaks stays in one row, exactly as Excel or LibreOffice shows it.
 */
function readCsv(input: string): CsvRead {
  let text = input;
  let delimiter: Delimiter | undefined;
  // Excel writes and honours a first line "sep=;"; blank it so line numbers stay put.
  const sep = /^sep=(.)[^\r\n]*/i.exec(text);
  if (sep && DELIMITERS.includes(sep[1] as Delimiter)) {
    delimiter = sep[1] as Delimiter;
    text = text.slice(sep[0].length);
  }
  delimiter ??= detectDelimiter(text);

  const parsed = Papa.parse<string[]>(text, { delimiter, skipEmptyLines: false });
  const rows = parsed.data.map((cells, index) => ({ line: index + 1, cells: cells.map(cleanCell) }));
  const read: CsvRead = { rows, delimiter, badQuoteLines: [] };
  for (const error of parsed.errors) {
    if (error.type !== 'Quotes' || error.row === undefined) continue;
    const line = error.row + 1;
    if (error.code === 'MissingQuotes')
      read.unclosedQuoteLine = Math.min(read.unclosedQuoteLine ?? line, line);
    else if (!read.badQuoteLines.includes(line)) read.badQuoteLines.push(line);
  }
  return read;
}

/**
 * The separator is the one that makes the most recognised column titles; when none does (a file
 * with no header at all), the one most frequent outside quotes on the first line. Ties go to `;`,
 * the French default.
 */
function detectDelimiter(text: string): Delimiter {
  const head = text.slice(0, 20000);
  let best: { delimiter: Delimiter; score: number; count: number } | undefined;
  const firstLine = head.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '';
  for (const delimiter of DELIMITERS) {
    const preview = Papa.parse<string[]>(head, { delimiter, preview: 20, skipEmptyLines: true });
    const score = Math.max(
      0,
      ...preview.data.slice(0, HEADER_SEARCH_ROWS).map((r) => recognised(r.map(cleanCell))),
    );
    const count = countOutsideQuotes(firstLine, delimiter);
    if (!best || score > best.score || (score === best.score && count > best.count)) {
      best = { delimiter, score, count };
    }
  }
  return best?.delimiter ?? ';';
}

function countOutsideQuotes(line: string, char: string): number {
  let inQuotes = false;
  let count = 0;
  for (const c of line) {
    if (c === '"') inQuotes = !inQuotes;
    else if (c === char && !inQuotes) count++;
  }
  return count;
}
