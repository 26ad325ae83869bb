import type { commitResultView, importView, issueView } from '@compagnon/server/modules/imports/schema.ts';
import type { z } from 'zod';

export type ImportPreview = z.infer<typeof importView>;
export type ImportIssue = z.infer<typeof issueView>;
export type CommitResult = z.infer<typeof commitResultView>;
export type PlannedPerson = ImportPreview['people'][number];

/** What a refused file comes back with (HTTP 400 for the file, 422 for its rows). */
export interface RejectedFile {
  message: string;
  messageEn: string;
  fileErrors: ImportIssue[];
  rowErrors: ImportIssue[];
  warnings: ImportIssue[];
  columns: { header: string; field: string }[];
  ignoredColumns: string[];
  rowCount?: number;
  validRowCount?: number;
}
