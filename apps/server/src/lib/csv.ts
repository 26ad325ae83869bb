import Papa from 'papaparse';

/**
 * A cell a spreadsheet would read as a formula: one that starts with = + - @ (or their full-width
 * forms, which some spreadsheets accept too), a tab or a carriage return (OWASP, CSV injection).
 * papaparse's own default pattern stops at a line break, so a multi-line cell would slip through.
 */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Every CSV file the server produces: RFC 4180 with every cell quoted, CRLF line ends and a BOM so
 * spreadsheet software opens French accents correctly. A text cell that would start a formula gets
 * a leading single quote, so names typed by people are shown, never run; numbers stay numbers.
 * A file for French spreadsheets separates its cells with ';', its decimals being written with ','.
 */
export function toCsv(rows: (string | number)[][], opts: { delimiter?: ',' | ';' } = {}): string {
  return `\uFEFF${Papa.unparse(rows, {
    newline: '\r\n',
    quotes: true,
    escapeFormulae: FORMULA_START,
    delimiter: opts.delimiter ?? ',',
  })}`;
}
