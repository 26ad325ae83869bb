import type { TFunction } from 'i18next';
import { inBoth } from '../../notify/i18n.ts';
import type { TemplateId } from '../programmes/templates.ts';
import { acceptedRoleWords } from './roles.ts';
import { importTexts } from './texts.ts';

/**
 * Every problem an import can report: a stable `code` the web app may translate, the French
 * `message` shown to the user as is, and its English version (the texts are in texts.ts). Row issues start with the line
 * number the user sees in their spreadsheet, so each message stands on its own.
 */
export interface ImportIssue {
  code: IssueCode;
  message: string;
  messageEn: string;
  /** Spreadsheet line (the header is usually line 1). */
  line?: number;
  /** The column as the file names it. */
  column?: string;
}

export interface RowIssue extends ImportIssue {
  line: number;
}

/** The issues that refuse a whole file: nothing is imported. */
export type FileIssueCode =
  | 'file_too_large'
  | 'empty_file'
  | 'unsupported_format'
  | 'xls_legacy'
  | 'ods_unsupported'
  | 'unreadable_xlsx'
  | 'unclosed_quote'
  | 'no_header'
  | 'missing_columns'
  | 'no_rows'
  | 'too_many_rows';

export type IssueCode =
  | FileIssueCode
  // row level: the file is refused until the rows are fixed
  | 'missing_email'
  | 'invalid_email'
  | 'missing_name'
  | 'invalid_name'
  | 'missing_role'
  | 'unknown_role'
  | 'management_role'
  | 'ambiguous_role'
  | 'duplicate_row'
  | 'invalid_phone'
  | 'invalid_des_year'
  | 'invalid_capacity'
  | 'duplicate_email'
  | 'bad_quotes'
  // warnings: the import can go ahead
  | 'rows_before_header'
  | 'duplicate_column'
  | 'capacity_ignored';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 5000;

type Say = (t: TFunction, lang: 'fr' | 'en') => string;

/** A value quoted as each language quotes: « Nom », "Nom". */
const q = (t: TFunction, s: string) => t('quote', { text: s });
const list = (t: TFunction, items: string[], sep = ', ') => items.map((s) => q(t, s)).join(sep);
const number = (t: TFunction, n: number, options?: Intl.NumberFormatOptions) =>
  new Intl.NumberFormat(t('format.numbers'), options).format(n);

/** The French `message` and English `messageEn` of one issue. */
const said = (say: Say) => {
  const { fr, en } = inBoth(importTexts, say);
  return { message: fr, messageEn: en };
};
const issue = (code: IssueCode, say: Say, extra: Partial<ImportIssue> = {}) => ({
  code,
  ...said(say),
  ...extra,
});
/** A row's issue, after its line number: "Ligne 4 : le nom est vide." */
const row = (code: IssueCode, line: number, say: Say, column?: string): RowIssue => ({
  code,
  line,
  ...said((t, lang) => t('row.line', { line, text: say(t, lang) })),
  ...(column ? { column } : {}),
});

export const fileIssues = {
  tooLarge: (bytes: number) =>
    issue('file_too_large', (t) =>
      t('file.tooLarge', { size: number(t, bytes / 1024 / 1024, { maximumFractionDigits: 1 }) }),
    ),
  empty: () => issue('empty_file', (t) => t('file.empty')),
  unsupported: () => issue('unsupported_format', (t) => t('file.unsupported')),
  xlsLegacy: () => issue('xls_legacy', (t) => t('file.xlsLegacy')),
  ods: () => issue('ods_unsupported', (t) => t('file.ods')),
  unreadableXlsx: () => issue('unreadable_xlsx', (t) => t('file.unreadableXlsx')),
  unclosedQuote: (line: number) =>
    issue('unclosed_quote', (t) => t('file.unclosedQuote', { line }), { line }),
  noHeader: (line: number, cells: string[]) => {
    const shown = cells.slice(0, 4).map((c) => (c.length > 40 ? `${c.slice(0, 39)}…` : c));
    return issue('no_header', (t) => t('file.noHeader', { line, cells: list(t, shown) }), { line });
  },
  /** `missing` holds the French and English labels of each missing requirement. */
  missingColumns: (missing: { fr: string; en: string }[], found: string[]) =>
    issue('missing_columns', (t, lang) =>
      t('file.missingColumns', {
        count: missing.length,
        missing: missing.map((m) => m[lang]).join(t('semicolon')),
        found: found.length > 0 ? list(t, found) : t('none'),
      }),
    ),
  noRows: () => issue('no_rows', (t) => t('file.noRows')),
  tooManyRows: (count: number) =>
    issue('too_many_rows', (t) => t('file.tooManyRows', { n: number(t, count), max: number(t, MAX_ROWS) })),
};

const missingLabel = (key: string) => inBoth(importTexts, (t) => t(`missing.${key}`));
export const missingLabels = {
  email: missingLabel('email'),
  lastName: missingLabel('lastName'),
  firstName: missingLabel('firstName'),
  bothNames: missingLabel('bothNames'),
  role: missingLabel('role'),
};

/** A row issue about a role: the value as written, and the words the template accepts. */
const roleIssue = (
  code: IssueCode,
  key: string,
  line: number,
  column: string,
  value: string,
  template: TemplateId,
) => {
  const accepted = acceptedRoleWords(template);
  return row(
    code,
    line,
    (t, lang) => t(`row.${key}`, { value: q(t, value), accepted: accepted[lang] }),
    column,
  );
};

/** A row issue about a value the row holds, quoted as written. */
const valueIssue = (code: IssueCode, key: string, line: number, column: string, value: string) =>
  row(code, line, (t) => t(`row.${key}`, { value: q(t, value) }), column);

export const rowIssues = {
  missingEmail: (line: number, column: string) =>
    row('missing_email', line, (t) => t('row.missingEmail'), column),
  invalidEmail: (line: number, column: string, value: string) =>
    valueIssue('invalid_email', 'invalidEmail', line, column, value),
  missingName: (line: number, column: string, which: 'lastName' | 'firstName' | 'fullName') =>
    row('missing_name', line, (t) => t(`row.missingName.${which}`), column),
  invalidName: (line: number, column: string) =>
    row('invalid_name', line, (t) => t('row.invalidName'), column),
  missingRole: (line: number, column: string, template: TemplateId) => {
    const accepted = acceptedRoleWords(template);
    return row('missing_role', line, (t, lang) => t('row.missingRole', { accepted: accepted[lang] }), column);
  },
  unknownRole: (line: number, column: string, value: string, template: TemplateId) =>
    roleIssue('unknown_role', 'unknownRole', line, column, value, template),
  ambiguousRole: (
    line: number,
    column: string,
    value: string,
    names: { fr: string[]; en: string[] },
    template: TemplateId,
  ) => {
    const accepted = acceptedRoleWords(template);
    return row(
      'ambiguous_role',
      line,
      (t, lang) =>
        t('row.ambiguousRole', {
          value: q(t, value),
          names: list(t, names[lang], t('or')),
          accepted: accepted[lang],
        }),
      column,
    );
  },
  managementRole: (line: number, column: string, value: string, template: TemplateId) =>
    roleIssue('management_role', 'managementRole', line, column, value, template),
  invalidPhone: (line: number, column: string, value: string) =>
    valueIssue('invalid_phone', 'invalidPhone', line, column, value),
  invalidDesYear: (line: number, column: string, value: string) =>
    valueIssue('invalid_des_year', 'invalidDesYear', line, column, value),
  invalidCapacity: (line: number, column: string, value: string) =>
    valueIssue('invalid_capacity', 'invalidCapacity', line, column, value),
  duplicateEmail: (line: number, column: string, email: string, firstLine: number) =>
    row('duplicate_email', line, (t) => t('row.duplicateEmail', { email, firstLine }), column),
  duplicateRow: (line: number, firstLine: number) =>
    row('duplicate_row', line, (t) => t('row.duplicateRow', { firstLine })),
  badQuotes: (line: number) => row('bad_quotes', line, (t) => t('row.badQuotes')),
};

export const warnings = {
  rowsBeforeHeader: (headerLine: number) =>
    issue(
      'rows_before_header',
      (t) => t('warning.rowsBeforeHeader', { count: headerLine - 1, line: headerLine }),
      {
        line: headerLine,
      },
    ),
  duplicateColumn: (column: string, kept: string) =>
    issue(
      'duplicate_column',
      (t) => t('warning.duplicateColumn', { column: q(t, column), kept: q(t, kept) }),
      {
        column,
      },
    ),
  capacityIgnored: (line: number, column: string) =>
    row('capacity_ignored', line, (t) => t('row.capacityIgnored'), column),
};

/** The summary of a file refused for its rows; each row's own message comes with it. */
export function rowsInvalid(errors: RowIssue[]): { message: string; messageEn: string } {
  const lines = [...new Set(errors.map((e) => e.line))].sort((a, b) => a - b);
  const shown = lines.slice(0, 10).join(', ') + (lines.length > 10 ? '…' : '');
  return said((t) =>
    t('rowsInvalid', {
      count: errors.length,
      n: number(t, errors.length),
      lines: t('lines', { count: lines.length, shown }),
    }),
  );
}

export const commitIssues = {
  columnsUnresolved: (columns: string[]) =>
    said((t) => t('columnsUnresolved', { count: columns.length, columns: list(t, columns) })),
};
