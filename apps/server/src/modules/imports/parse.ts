import { z } from 'zod';
import { isCleanName } from '../../domain/text.ts';
import type { ImportableRole, TemplateId } from '../programmes/templates.ts';
import { oneLine, type PeopleField, parseDesYear, parsePhone, splitList } from './columns.ts';
import {
  type Delimiter,
  type Encoding,
  type GridRow,
  HEADER_SEARCH_ROWS,
  readGrid,
  recognised,
} from './grid.ts';
import { type ColumnChoice, type FileColumn, type Mapping, mapColumns } from './mapping.ts';
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
import { readRoleValue, roleForValue, roleNames } from './roles.ts';

/**
 * One person read from a file. Optional fields are absent when the file has no such column or
 * the cell is empty: an import never erases what is already known about a person.
 */
/** A row of the file, read and checked: what the preview keeps (imports.rows) until the commit. */
export const parsedRowSchema = z.object({
  line: z.number().int(),
  email: z.string(),
  name: z.string(),
  role: z.enum(['tutor', 'tutee', 'expert']) satisfies z.ZodType<ImportableRole>,
  phone: z.string().optional(),
  homeCommune: z.string().optional(),
  site: z.string().optional(),
  siteCity: z.string().optional(),
  professionalProject: z.string().optional(),
  themes: z.array(z.string()).optional(),
  languages: z.array(z.string()).optional(),
  faculty: z.string().optional(),
  desYear: z.number().optional(),
  capacity: z.number().optional(),
});
export type ParsedRow = z.infer<typeof parsedRowSchema>;

export type { Delimiter, Encoding } from './grid.ts';
export type { ColumnChoice, FileColumn } from './mapping.ts';

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
  /** Every titled or filled column of the file, with what it is read as. */
  fileColumns: FileColumn[];
  /** Titles of the columns that need a choice before the import can be committed. */
  unresolved: string[];
  /** Non-empty lines below the header. */
  dataRowCount: number;
  fileErrors: ImportIssue[];
  rowErrors: RowIssue[];
  warnings: ImportIssue[];
  /** Valid rows only (rows with an error, exact duplicates included, are in rowErrors). */
  rows: ParsedRow[];
}

export interface ParseOptions {
  /** Role of every row whose file has no role column or whose role cell is empty. */
  defaultRole?: ImportableRole;
  /** The programme's template: its words for the roles. */
  template?: TemplateId;
  /** What the user chose for columns of this file, by column title. */
  choices?: Record<string, ColumnChoice>;
  /** What the organisation chose in earlier imports, by normalised title. */
  remembered?: Record<string, ColumnChoice>;
}

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
    fileColumns: [],
    unresolved: [],
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

  const read = await readGrid(bytes);
  if (read.format) result.format = read.format;
  if (read.encoding) result.encoding = read.encoding;
  if (read.delimiter) result.delimiter = read.delimiter;
  if (read.issue) return fail(read.issue);
  result.rowErrors.push(...read.badQuoteLines.map((line) => rowIssues.badQuotes(line)));
  const grid = read.rows;

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
  const mapping = mapColumns(header, dataRows, result, options);
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

/** The template whose words a file is read with when none is given. */
const DEFAULT_TEMPLATE: TemplateId = 'des-tutoring';

// ── Header and columns ──────────────────────────────────────────────────────────────────────

const looksLikeEmail = (cell: string) => /^(mailto:)?[^\s@]+@[^\s@]+\.[^\s@]+$/i.test(cell);

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

/** One data row being read: its cells by field, the column titles, and the problems found. */
interface RowRead {
  line: number;
  cell: (field: PeopleField) => string;
  col: (field: PeopleField) => string;
  errors: RowIssue[];
}

function rowRead(gridRow: GridRow, mapping: Mapping): RowRead {
  return {
    line: gridRow.line,
    cell: (field) => {
      const c = mapping[field];
      return c ? (gridRow.cells[c.index] ?? '') : '';
    },
    col: (field) => mapping[field]?.header ?? '',
    errors: [],
  };
}

function validateRows(
  dataRows: GridRow[],
  mapping: Mapping,
  options: ParseOptions,
  result: ParseResult,
): void {
  const firstSeen = new Map<string, { line: number; key: string }>();

  for (const gridRow of dataRows) {
    const r = rowRead(gridRow, mapping);
    const { line, errors } = r;
    const rawEmail = oneLine(r.cell('email')).replace(/^mailto:/i, '');
    const email = rawEmail.toLowerCase();
    const key = rowKey(r, mapping, email, options);
    const previous = email ? firstSeen.get(email) : undefined;
    if (previous && previous.key === key) {
      result.rowErrors.push(rowIssues.duplicateRow(line, previous.line));
      continue;
    }
    if (previous) errors.push(rowIssues.duplicateEmail(line, r.col('email'), email, previous.line));
    else if (email) firstSeen.set(email, { line, key });

    if (!email) errors.push(rowIssues.missingEmail(line, r.col('email')));
    else if (!emailSchema.safeParse(email).success)
      errors.push(rowIssues.invalidEmail(line, r.col('email'), rawEmail));

    const name = readName(r, mapping);
    const role = readRole(r, options);
    const parsed: ParsedRow = { line, email, name, role: role ?? 'tutee' };
    readDetails(r, parsed);
    readCapacity(r, parsed, role, result);

    if (errors.length > 0) result.rowErrors.push(...errors);
    else result.rows.push(parsed);
  }
}

/**
 * Duplicates are judged on values as they will be stored, so "06 12 34 56 78" and "0612345678"
 * on two otherwise identical lines are the same person said twice.
 */
function rowKey(r: RowRead, mapping: Mapping, email: string, options: ParseOptions): string {
  return JSON.stringify(
    (Object.keys(mapping) as PeopleField[]).sort().map((f) => {
      const v = r.cell(f);
      if (f === 'email') return email;
      if (f === 'phone') return parsePhone(v) ?? v;
      if (f === 'role')
        return roleForValue(v, options.template ?? DEFAULT_TEMPLATE) ?? (v || options.defaultRole);
      return oneLine(v);
    }),
  );
}

/** A full name, or the first and last names; as every name of the product, without hidden characters. */
function readName(r: RowRead, mapping: Mapping): string {
  const { line, errors } = r;
  const fields = mapping.fullName ? (['fullName'] as const) : (['lastName', 'firstName'] as const);
  const [a, b] = fields.map((f) => {
    const value = oneLine(r.cell(f));
    if (!value) errors.push(rowIssues.missingName(line, r.col(f), f));
    else if (!isCleanName(value)) errors.push(rowIssues.invalidName(line, r.col(f)));
    return value;
  });
  return b === undefined ? (a ?? '') : `${b} ${a}`.trim();
}

/**
 * The role of the row in the template's words, else the role chosen for the whole file; null when
 * neither is. A word of management is an error of its own: coordinators are named in the app.
 */
function readRole(r: RowRead, options: ParseOptions): ImportableRole | null {
  const template = options.template ?? DEFAULT_TEMPLATE;
  const roleCell = oneLine(r.cell('role'));
  if (!roleCell) {
    if (!options.defaultRole) r.errors.push(rowIssues.missingRole(r.line, r.col('role'), template));
    return options.defaultRole ?? null;
  }
  const reading = readRoleValue(roleCell, template);
  if ('role' in reading) return reading.role;
  if (reading.problem === 'management')
    r.errors.push(rowIssues.managementRole(r.line, r.col('role'), roleCell, template));
  else if (reading.problem === 'ambiguous')
    r.errors.push(
      rowIssues.ambiguousRole(
        r.line,
        r.col('role'),
        roleCell,
        roleNames(reading.roles ?? [], template),
        template,
      ),
    );
  else r.errors.push(rowIssues.unknownRole(r.line, r.col('role'), roleCell, template));
  return null;
}

/** Phone, places, project, themes, languages, faculty and year: each only when its cell is filled. */
function readDetails(r: RowRead, parsed: ParsedRow) {
  const { line, errors } = r;
  const phoneCell = oneLine(r.cell('phone'));
  if (phoneCell) {
    const phone = parsePhone(phoneCell);
    if (phone) parsed.phone = phone;
    else errors.push(rowIssues.invalidPhone(line, r.col('phone'), phoneCell));
  }

  for (const field of ['homeCommune', 'site', 'siteCity', 'faculty'] as const) {
    const v = oneLine(r.cell(field));
    if (v) parsed[field] = v;
  }
  const project = r
    .cell('professionalProject')
    .split(/\r\n|\r|\n/)
    .map((l) => oneLine(l).trim())
    .filter(Boolean)
    .join('\n');
  if (project) parsed.professionalProject = project;
  for (const field of ['themes', 'languages'] as const) {
    const items = splitList(r.cell(field));
    if (items.length > 0) parsed[field] = items;
  }

  const desCell = oneLine(r.cell('desYear'));
  if (desCell) {
    const year = parseDesYear(desCell);
    if (year === null) errors.push(rowIssues.invalidDesYear(line, r.col('desYear'), desCell));
    else parsed.desYear = year;
  }
}

/** A tutor's capacity; on anyone else's row it is ignored with a warning. */
function readCapacity(r: RowRead, parsed: ParsedRow, role: ImportableRole | null, result: ParseResult) {
  const capacityCell = oneLine(r.cell('capacity'));
  if (!capacityCell) return;
  if (!/^\d{1,4}$/.test(capacityCell)) {
    r.errors.push(rowIssues.invalidCapacity(r.line, r.col('capacity'), capacityCell));
  } else if (role && role !== 'tutor') {
    result.warnings.push(warn.capacityIgnored(r.line, r.col('capacity')));
  } else {
    parsed.capacity = Number(capacityCell);
  }
}
