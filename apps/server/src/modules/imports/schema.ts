import { z } from 'zod';

export const roleSchema = z.enum(['coordinator', 'tutor', 'tutee', 'expert']);

export const importParams = z.object({ programmeId: z.string(), importId: z.string() });

/** A problem in the file, as the preview shows it: French message, English version, stable code. */
export const issueView = z.object({
  code: z.string(),
  message: z.string(),
  messageEn: z.string(),
  line: z.number().optional(),
  column: z.string().optional(),
});

export const changeField = z.enum([
  'name',
  'phone',
  'homeCommune',
  'professionalProject',
  'themes',
  'languages',
  'faculty',
  'desYear',
  'site',
  'siteCity',
  'role',
  'capacity',
]);

const changeValue = z.union([z.string(), z.number(), z.array(z.string()), z.null()]);

/** What the import will do (or did) to one person. */
export const personPlanView = z.object({
  line: z.number(),
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  /** new: not yet in the organisation; updated: something changes; unchanged: nothing to do. */
  status: z.enum(['new', 'updated', 'unchanged']),
  /** `from` is present only when the importer may already see the person's profile. */
  changes: z.array(z.object({ field: changeField, from: changeValue.optional(), to: changeValue })),
  /** Account details the file would change but that the person now manages themselves. */
  kept: z.array(z.enum(['name', 'phone'])),
});

export const commitResultView = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  invited: z.number(),
});

export const importView = z.object({
  id: z.string(),
  programmeId: z.string(),
  filename: z.string(),
  status: z.enum(['preview', 'committed']),
  createdAt: z.string(),
  committedAt: z.string().nullable(),
  format: z.enum(['csv', 'xlsx']).optional(),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  columns: z.array(z.object({ header: z.string(), field: z.string() })),
  ignoredColumns: z.array(z.string()),
  warnings: z.array(issueView),
  counts: z.object({ total: z.number(), new: z.number(), updated: z.number(), unchanged: z.number() }),
  people: z.array(personPlanView),
  result: commitResultView.nullable(),
  actions: z.object({ commit: z.boolean() }),
});

export type ImportView = z.infer<typeof importView>;
export type PersonPlan = z.infer<typeof personPlanView>;
export type ChangeField = z.infer<typeof changeField>;
export type CommitResult = z.infer<typeof commitResultView>;
