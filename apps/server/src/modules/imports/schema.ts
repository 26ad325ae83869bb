import { z } from 'zod';

export const roleSchema = z.enum(['coordinator', 'tutor', 'tutee', 'expert']);
/** The roles an import gives: coordinators are named in the app. */
export const importableRoleSchema = z.enum(['tutor', 'tutee', 'expert']);

export const peopleFieldSchema = z.enum([
  'email',
  'lastName',
  'firstName',
  'fullName',
  'role',
  'phone',
  'homeCommune',
  'site',
  'siteCity',
  'professionalProject',
  'themes',
  'languages',
  'faculty',
  'desYear',
  'capacity',
]);
/** What the user makes of a column: one of the fields, or nothing. */
export const columnChoiceSchema = z.union([peopleFieldSchema, z.literal('ignore')]);
/** The choices sent with a file, by column title. */
export const columnChoicesSchema = z.record(z.string().max(300), columnChoiceSchema);

/** A column of the file and what it is read as (see parse.ts `FileColumn`). */
export const fileColumnView = z.object({
  index: z.number(),
  header: z.string(),
  key: z.string(),
  field: peopleFieldSchema.nullable(),
  how: z.enum(['chosen', 'remembered', 'recognised', 'ask', 'unknown', 'duplicate']),
  candidates: z.array(peopleFieldSchema).optional(),
  samples: z.array(z.string()),
});

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
  role: importableRoleSchema,
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
  /** People added without an invitation (sent later from the import or the member list). */
  notInvited: z.number().default(0),
});

/** A request without a body sends the invitations with the import, as before they could wait. */
export const commitBody = z
  .object({
    /** Send the invitations now; false leaves them to be sent later. */
    invite: z.boolean().default(true),
  })
  .nullable()
  .default(null);

export const invitationsBody = z
  .object({
    /** Also send again to people invited before who have not joined yet. */
    resend: z.boolean().default(false),
  })
  .nullable()
  .default(null);

export const invitationsResultView = z.object({ invited: z.number() });

/** Where the invitations of a committed import stand. */
export const invitationsView = z.object({
  /** Added by the import and never invited. */
  notInvited: z.number(),
  /** Invited and not joined yet. */
  pending: z.number(),
});

/** What is stored next to the parsed rows of an import (imports.summary). */
export const storedSummarySchema = z.object({
  format: z.enum(['csv', 'xlsx']).optional(),
  encoding: z.string().optional(),
  delimiter: z.string().optional(),
  columns: z.array(z.object({ header: z.string(), field: peopleFieldSchema })),
  ignoredColumns: z.array(z.string()),
  /** Absent from imports previewed before columns could be chosen. */
  fileColumns: z.array(fileColumnView).optional(),
  unresolved: z.array(z.string()).optional(),
  warnings: z.array(issueView),
  errors: z.number(),
  /** Set at commit: what was done, as it was done. */
  people: z.array(personPlanView).optional(),
  result: commitResultView.optional(),
});
export type StoredSummary = z.infer<typeof storedSummarySchema>;

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
  fileColumns: z.array(fileColumnView),
  /** Columns that need a choice before the import can be committed. */
  unresolved: z.array(z.string()),
  warnings: z.array(issueView),
  counts: z.object({ total: z.number(), new: z.number(), updated: z.number(), unchanged: z.number() }),
  people: z.array(personPlanView),
  result: commitResultView.nullable(),
  invitations: invitationsView.nullable(),
  actions: z.object({ commit: z.boolean(), invite: z.boolean() }),
});

export type ImportView = z.infer<typeof importView>;
export type PersonPlan = z.infer<typeof personPlanView>;
export type ChangeField = z.infer<typeof changeField>;
export type CommitResult = z.infer<typeof commitResultView>;
