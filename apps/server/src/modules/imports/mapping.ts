import { normaliseLabel, oneLine, type PeopleField, readHeader } from './columns.ts';
import type { GridRow } from './grid.ts';
import { warnings as warn } from './messages.ts';
import type { ParseOptions, ParseResult } from './parse.ts';

/**
 * Which column of a file feeds which field: the user's choice for this file, else the
 * organisation's choice from an earlier import, else the title as recognised by columns.ts; a
 * title that could mean two things waits for a choice.
 */

/** What a column of the file is read as: a field, or nothing ("ignore"). */
export type ColumnChoice = PeopleField | 'ignore';

/**
 * Each column of the file and what it was read as: chosen by the user for this file, remembered
 * from an earlier import of the organisation, recognised from its title, waiting for a choice
 * (a title such as "Ville" that could be two things), or unknown.
 */
export interface FileColumn {
  index: number;
  header: string;
  /** The normalised title: how a choice is remembered for the organisation. */
  key: string;
  field: PeopleField | null;
  how: 'chosen' | 'remembered' | 'recognised' | 'ask' | 'unknown' | 'duplicate';
  /** The fields a title that needs a choice could be. */
  candidates?: PeopleField[];
  /** The first values of the column, to help the choice. */
  samples: string[];
}

export type Mapping = Partial<Record<PeopleField, { index: number; header: string }>>;

const columnLetter = (index: number): string => {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};

export function mapColumns(
  header: GridRow,
  dataRows: GridRow[],
  result: ParseResult,
  options: ParseOptions,
): Mapping {
  const mapping: Mapping = {};
  const ignore = (name: string) => result.ignoredColumns.push(name);
  const chosen = new Map(Object.entries(options.choices ?? {}).map(([k, v]) => [normaliseLabel(k), v]));
  const remembered = options.remembered ?? {};
  const width = Math.max(header.cells.length, ...dataRows.map((r) => r.cells.length));
  for (let index = 0; index < width; index++) {
    const title = header.cells[index] ?? '';
    const samples = [
      ...new Set(dataRows.map((r) => oneLine(r.cells[index] ?? '').trim()).filter(Boolean)),
    ].slice(0, 3);
    if (title === '' && samples.length === 0) continue;
    // A column with values but no title is reported so the user knows it was not read.
    const name = title || `Colonne ${columnLetter(index)} (sans titre)`;
    const key = normaliseLabel(name);
    const column: FileColumn = { index, header: name, key, field: null, how: 'unknown', samples };
    result.fileColumns.push(column);
    const choice = chosen.get(key) ?? remembered[key];
    const reading = title ? readHeader(title) : null;
    if (choice) {
      column.how = chosen.has(key) ? 'chosen' : 'remembered';
      column.field = choice === 'ignore' ? null : choice;
    } else if (reading && 'field' in reading) {
      column.how = 'recognised';
      column.field = reading.field;
    } else if (reading) {
      column.how = 'ask';
      column.candidates = reading.candidates;
      // An empty column needs no choice.
      if (samples.length > 0) result.unresolved.push(name);
    }
    if (reading && 'candidates' in reading) column.candidates = reading.candidates;
    const field = column.field;
    if (!field) {
      if (column.how !== 'ask') ignore(name);
      continue;
    }
    const kept = mapping[field];
    if (kept) {
      result.warnings.push(warn.duplicateColumn(name, kept.header));
      column.how = 'duplicate';
      column.field = null;
      ignore(name);
      continue;
    }
    mapping[field] = { index, header: name };
  }
  // Separate first and last names win over a full-name column; a full name wins over half a name.
  const { fullName, lastName, firstName } = mapping;
  if (fullName && lastName && firstName) {
    result.warnings.push(warn.duplicateColumn(fullName.header, `${lastName.header} + ${firstName.header}`));
    ignore(fullName.header);
    demote(result, fullName.index);
    delete mapping.fullName;
  } else if (fullName) {
    for (const part of [lastName, firstName]) {
      if (!part) continue;
      result.warnings.push(warn.duplicateColumn(part.header, fullName.header));
      ignore(part.header);
      demote(result, part.index);
    }
    delete mapping.lastName;
    delete mapping.firstName;
  }
  result.columns = (Object.entries(mapping) as [PeopleField, { index: number; header: string }][])
    .sort((a, b) => a[1].index - b[1].index)
    .map(([field, c]) => ({ header: c.header, field }));
  return mapping;
}

/** A column set aside because another one already gives the same information. */
function demote(result: ParseResult, index: number) {
  const column = result.fileColumns.find((c) => c.index === index);
  if (column) {
    column.how = 'duplicate';
    column.field = null;
  }
}
