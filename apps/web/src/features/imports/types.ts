import type {
  columnChoiceSchema,
  commitResultView,
  fileColumnView,
  importView,
  issueView,
} from '@compagnon/server/modules/imports/schema.ts';
import type { z } from 'zod';

export type ImportPreview = z.infer<typeof importView>;
export type ImportIssue = z.infer<typeof issueView>;
export type CommitResult = z.infer<typeof commitResultView>;
export type PlannedPerson = ImportPreview['people'][number];
export type FileColumn = z.infer<typeof fileColumnView>;
export type ColumnChoice = z.infer<typeof columnChoiceSchema>;
/** What the user chose each column of the file to be, by column title. */
export type ColumnChoices = Record<string, ColumnChoice>;

/** What a refused file comes back with (HTTP 400 for the file, 422 for its rows). */
export interface RejectedFile {
  message: string;
  messageEn: string;
  fileErrors: ImportIssue[];
  rowErrors: ImportIssue[];
  warnings: ImportIssue[];
  columns: { header: string; field: string }[];
  ignoredColumns: string[];
  fileColumns: FileColumn[];
  unresolved: string[];
  rowCount?: number;
  validRowCount?: number;
}
