import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { z } from 'zod';
import type { Role } from '../../policy/actor.ts';
import { normalisePhone } from '../people/phone.ts';
import { fieldForHeader, type PeopleField, roleForValue } from './columns.ts';
import {
  fileIssues,
  type ImportIssue,
  MAX_FILE_BYTES,
  MAX_ROWS,
  missingLabels,
  type RowIssue,
  rowIssues,
  warnings as warn,
} from './messages.ts';

/**
 * One person read from a file. Optional fields are absent when the file has no such column or
 * the cell is empty: an import never erases what is already known about a person.
 */
export interface ParsedRow {
  line: number;
  email: string;
  name: string;
  role: Role;
  phone?: string;
  homeCommune?: string;
  site?: string;
  siteCity?: string;
  professionalProject?: string;
  themes?: string[];
  languages?: string[];
  faculty?: string;
  desYear?: number;
  capacity?: number;
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type Delimiter = ';' | ',' | '\t';

export interface ParseResult {
  /** True when the file can be imported as it is: no file error and no row error. */
  ok: boolean;
  filename: string;
  format?: 'csv' | 'xlsx';
  encoding?: Encoding;
  delimiter?: Delimiter;
  headerLine?: number;
  /** Columns used, in file order, with the field each one feeds. */
  columns: { header: string; field: PeopleField }[];
  /** Columns present in the file that the import does not use. */
  ignoredColumns: string[];
  /** Non-empty lines below the header. */
  dataRowCount: number;
  fileErrors: ImportIssue[];
  rowErrors: RowIssue[];
  warnings: ImportIssue[];
  /** Valid rows only (rows with an error are in rowErrors; exact duplicates are merged). */
  rows: ParsedRow[];
}

export interface ParseOptions {
  /** Role of every row whose file has no role column or whose role cell is empty. */
  defaultRole?: Role;
}

/** A spreadsheet row: the line number the user sees and its cells, trimmed. */
interface GridRow {
  line: number;
  cells: string[];
}

const HEADER_SEARCH_ROWS = 10;

/**
 * Reads a people list exported from a spreadsheet (CSV in any of the encodings and separators
 * French spreadsheets produce, or the first sheet of an XLSX workbook) and validates every row.
 * It never throws on bad input: every problem comes back as an issue with a French message.
 */
export async function parsePeopleFile(
  bytes: Buffer,
  filename: string,
  options: ParseOptions = {},
): Promise<ParseResult> {
  const result: ParseResult = {
    ok: false,
    filename,
    columns: [],
    ignoredColumns: [],
    dataRowCount: 0,
    fileErrors: [],
    rowErrors: [],
    warnings: [],
    rows: [],
  };
  const fail = (issue: ImportIssue) => {
    result.fileErrors.push(issue);
    return result;
  };

  if (bytes.length > MAX_FILE_BYTES) return fail(fileIssues.tooLarge(bytes.length));
  if (bytes.length === 0) return fail(fileIssues.empty());

  let grid: GridRow[];
  const kind = sniff(bytes);
  if (kind === 'xlsx') {
    result.format = 'xlsx';
    const sheet = await readXlsx(bytes);
    if (!sheet) return fail(fileIssues.unreadableXlsx());
    grid = sheet;
  } else if (kind === 'ole') {
    return fail(fileIssues.xlsLegacy());
  } else if (kind === 'ods') {
    return fail(fileIssues.ods());
  } else if (kind === 'unsupported') {
    return fail(fileIssues.unsupported());
  } else {
    const decoded = decodeText(bytes);
    if (!decoded) return fail(fileIssues.unsupported());
    result.format = 'csv';
    result.encoding = decoded.encoding;
    const csv = readCsv(decoded.text);
    result.delimiter = csv.delimiter;
    if (csv.unclosedQuoteLine !== undefined) return fail(fileIssues.unclosedQuote(csv.unclosedQuoteLine));
    result.rowErrors.push(...csv.badQuoteLines.map((line) => rowIssues.badQuotes(line)));
    grid = csv.rows;
  }

  const filled = grid.filter((r) => r.cells.some((c) => c !== ''));
  if (filled.length === 0) return fail(fileIssues.empty());

  const header = findHeader(filled);
  if (!header) {
    const first = filled[0] as GridRow;
    return fail(
      fileIssues.noHeader(
        first.line,
        first.cells.filter((c) => c !== ''),
      ),
    );
  }
  result.headerLine = header.line;
  if (header.line > 1 && filled[0] !== header) result.warnings.push(warn.rowsBeforeHeader(header.line));

  const dataRows = filled.slice(filled.indexOf(header) + 1);
  const mapping = mapColumns(header, dataRows, result);
  const missing = missingRequirements(mapping, options);
  if (missing.length > 0) {
    return fail(
      fileIssues.missingColumns(
        missing,
        header.cells.filter((c) => c !== ''),
      ),
    );
  }

  result.dataRowCount = dataRows.length;
  if (dataRows.length === 0) return fail(fileIssues.noRows());
  if (dataRows.length > MAX_ROWS) return fail(fileIssues.tooManyRows(dataRows.length));

  validateRows(dataRows, mapping, options, result);
  result.rowErrors.sort((a, b) => a.line - b.line);
  result.ok = result.fileErrors.length === 0 && result.rowErrors.length === 0;
  return result;
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
  const workbook = new ExcelJS.Workbook();
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

// ── Header and columns ──────────────────────────────────────────────────────────────────────

const looksLikeEmail = (cell: string) => /^(mailto:)?[^\s@]+@[^\s@]+\.[^\s@]+$/i.test(cell);
const recognised = (cells: string[]) => new Set(cells.map(fieldForHeader).filter((f) => f !== null)).size;

/**
 * The header is the first of the first rows that names at least two known columns, so a title
 * line above the table ("Internes 2025-2026") is tolerated. Failing that, the first row if it
 * names one known column (and the missing ones are reported). A row holding an e-mail address is
 * data, never a header.
 */
function findHeader(filled: GridRow[]): GridRow | null {
  const candidates = filled.slice(0, HEADER_SEARCH_ROWS).filter((r) => !r.cells.some(looksLikeEmail));
  const good = candidates.find((r) => recognised(r.cells) >= 2);
  if (good) return good;
  const first = filled[0] as GridRow;
  return candidates[0] === first && recognised(first.cells) >= 1 ? first : null;
}

type Mapping = Partial<Record<PeopleField, { index: number; header: string }>>;

const columnLetter = (index: number): string => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

function mapColumns(header: GridRow, dataRows: GridRow[], result: ParseResult): Mapping {
  const mapping: Mapping = {};
  const ignore = (name: string) => result.ignoredColumns.push(name);
  for (const [index, title] of header.cells.entries()) {
    if (title === '') {
      // A column with values but no title is reported so the user knows it was not read.
      if (dataRows.some((r) => (r.cells[index] ?? '') !== ''))
        ignore(`Colonne ${columnLetter(index)} (sans titre)`);
      continue;
    }
    const field = fieldForHeader(title);
    if (!field) {
      ignore(title);
      continue;
    }
    const kept = mapping[field];
    if (kept) {
      result.warnings.push(warn.duplicateColumn(title, kept.header));
      ignore(title);
      continue;
    }
    mapping[field] = { index, header: title };
  }
  // Separate first and last names win over a full-name column; a full name wins over half a name.
  const { fullName, lastName, firstName } = mapping;
  if (fullName && lastName && firstName) {
    result.warnings.push(warn.duplicateColumn(fullName.header, `${lastName.header} + ${firstName.header}`));
    ignore(fullName.header);
    delete mapping.fullName;
  } else if (fullName) {
    for (const part of [lastName, firstName]) {
      if (!part) continue;
      result.warnings.push(warn.duplicateColumn(part.header, fullName.header));
      ignore(part.header);
    }
    delete mapping.lastName;
    delete mapping.firstName;
  }
  result.columns = (Object.entries(mapping) as [PeopleField, { index: number; header: string }][])
    .sort((a, b) => a[1].index - b[1].index)
    .map(([field, c]) => ({ header: c.header, field }));
  return mapping;
}

function missingRequirements(mapping: Mapping, options: ParseOptions) {
  const missing: { fr: string; en: string }[] = [];
  if (!mapping.email) missing.push(missingLabels.email);
  if (!mapping.fullName) {
    if (!mapping.lastName && !mapping.firstName) missing.push(missingLabels.bothNames);
    else if (!mapping.lastName) missing.push(missingLabels.lastName);
    else if (!mapping.firstName) missing.push(missingLabels.firstName);
  }
  if (!mapping.role && !options.defaultRole) missing.push(missingLabels.role);
  return missing;
}

// ── Rows ────────────────────────────────────────────────────────────────────────────────────

const emailSchema = z.email();
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

function splitList(value: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of value.split(/[,;|\n]/)) {
    const item = oneLine(part).trim();
    if (item && !seen.has(item.toLowerCase())) {
      seen.add(item.toLowerCase());
      out.push(item);
    }
  }
  return out;
}

function parsePhone(value: string): string | null {
  const cleaned = value.replace(/\(0\)/g, '');
  const phone = normalisePhone(cleaned);
  if (phone) return phone;
  // A number typed into a numeric cell loses its "+": 33612345678.
  const digits = cleaned.replace(/[\s.-]/g, '');
  return /^\d{8,15}$/.test(digits) ? normalisePhone(`+${digits}`) : null;
}

/** "2", "DES2", "DES 2", "2e année", "2ème année" → 2; null when not a DES year 1 to 4. */
function parseDesYear(value: string): number | null {
  const label = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const m = /^(?:des ?)?(\d{1,2})(?: ?(?:e|er|ere|re|eme|nd|nde|st|th))?(?: annee)?$/.exec(label);
  const n = m ? Number(m[1]) : Number.NaN;
  return n >= 1 && n <= 4 ? n : null;
}

function validateRows(
  dataRows: GridRow[],
  mapping: Mapping,
  options: ParseOptions,
  result: ParseResult,
): void {
  const firstSeen = new Map<string, { line: number; key: string }>();

  for (const gridRow of dataRows) {
    const { line } = gridRow;
    const cell = (field: PeopleField) => {
      const c = mapping[field];
      return c ? (gridRow.cells[c.index] ?? '') : '';
    };
    const col = (field: PeopleField) => mapping[field]?.header ?? '';
    const errors: RowIssue[] = [];

    const rawEmail = oneLine(cell('email')).replace(/^mailto:/i, '');
    const email = rawEmail.toLowerCase();

    // Duplicates are judged on values as they will be stored, so "06 12 34 56 78" and
    // "0612345678" on two otherwise identical lines are the same person said twice.
    const key = JSON.stringify(
      (Object.keys(mapping) as PeopleField[]).sort().map((f) => {
        const v = cell(f);
        if (f === 'email') return email;
        if (f === 'phone') return parsePhone(v) ?? v;
        if (f === 'role') return roleForValue(v) ?? (v || options.defaultRole);
        return oneLine(v);
      }),
    );
    const previous = email ? firstSeen.get(email) : undefined;
    if (previous && previous.key === key) {
      result.warnings.push(warn.duplicateRow(line, previous.line));
      continue;
    }
    if (previous) errors.push(rowIssues.duplicateEmail(line, col('email'), email, previous.line));
    else if (email) firstSeen.set(email, { line, key });

    if (!email) errors.push(rowIssues.missingEmail(line, col('email')));
    else if (!emailSchema.safeParse(email).success)
      errors.push(rowIssues.invalidEmail(line, col('email'), rawEmail));

    let name = '';
    if (mapping.fullName) {
      name = oneLine(cell('fullName'));
      if (!name) errors.push(rowIssues.missingName(line, col('fullName'), 'fullName'));
    } else {
      const last = oneLine(cell('lastName'));
      const first = oneLine(cell('firstName'));
      if (!last) errors.push(rowIssues.missingName(line, col('lastName'), 'lastName'));
      if (!first) errors.push(rowIssues.missingName(line, col('firstName'), 'firstName'));
      name = `${first} ${last}`.trim();
    }

    let role: Role | null = options.defaultRole ?? null;
    const roleCell = oneLine(cell('role'));
    if (roleCell) {
      role = roleForValue(roleCell);
      if (!role) errors.push(rowIssues.unknownRole(line, col('role'), roleCell));
    } else if (!role) {
      errors.push(rowIssues.missingRole(line, col('role')));
    }

    const parsed: ParsedRow = { line, email, name, role: role ?? 'tutee' };

    const phoneCell = oneLine(cell('phone'));
    if (phoneCell) {
      const phone = parsePhone(phoneCell);
      if (phone) parsed.phone = phone;
      else errors.push(rowIssues.invalidPhone(line, col('phone'), phoneCell));
    }

    for (const field of ['homeCommune', 'site', 'siteCity', 'faculty'] as const) {
      const v = oneLine(cell(field));
      if (v) parsed[field] = v;
    }
    const project = cell('professionalProject')
      .split(/\r\n|\r|\n/)
      .map((l) => oneLine(l).trim())
      .filter(Boolean)
      .join('\n');
    if (project) parsed.professionalProject = project;
    for (const field of ['themes', 'languages'] as const) {
      const items = splitList(cell(field));
      if (items.length > 0) parsed[field] = items;
    }

    const desCell = oneLine(cell('desYear'));
    if (desCell) {
      const year = parseDesYear(desCell);
      if (year === null) errors.push(rowIssues.invalidDesYear(line, col('desYear'), desCell));
      else parsed.desYear = year;
    }

    const capacityCell = oneLine(cell('capacity'));
    if (capacityCell) {
      if (!/^\d{1,4}$/.test(capacityCell)) {
        errors.push(rowIssues.invalidCapacity(line, col('capacity'), capacityCell));
      } else if (role && role !== 'tutor') {
        result.warnings.push(warn.capacityIgnored(line, col('capacity')));
      } else {
        parsed.capacity = Number(capacityCell);
      }
    }

    if (errors.length > 0) result.rowErrors.push(...errors);
    else result.rows.push(parsed);
  }
}
