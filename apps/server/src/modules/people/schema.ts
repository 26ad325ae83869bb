import { z } from 'zod';
import { emailSchema } from '../auth/schema.ts';

export const roleSchema = z.enum(['coordinator', 'tutor', 'tutee', 'expert']);

export const placementView = z.object({ period: z.string(), site: z.string(), city: z.string().nullable() });

/** A person as one viewer may see them: fields appear only when the confidentiality table allows. */
export const personView = z.object({
  userId: z.string(),
  name: z.string(),
  relation: z.string(),
  memberships: z.array(
    z.object({ id: z.string(), role: roleSchema, capacity: z.number().nullable(), since: z.string() }),
  ),
  /** notInvited: added (by an import) without an invitation yet; invited: has not joined yet. */
  status: z.enum(['notInvited', 'invited', 'active']).optional(),
  email: z.string().optional(),
  phone: z.string().nullable().optional(),
  profile: z
    .object({
      homeCommune: z.string().nullable(),
      professionalProject: z.string().nullable(),
      themes: z.array(z.string()),
      languages: z.array(z.string()),
      faculty: z.string().nullable(),
      desYear: z.number().nullable(),
      presentation: z.string().nullable(),
      placements: z.array(placementView),
    })
    .optional(),
  tutors: z.array(z.object({ userId: z.string(), name: z.string() })).optional(),
  tutees: z.array(z.object({ userId: z.string(), name: z.string() })).optional(),
  actions: z.record(z.string(), z.boolean()),
});
export type PersonView = z.infer<typeof personView>;

export const addMemberBody = z.object({
  email: emailSchema,
  name: z.string().trim().min(1, 'Le nom est requis').max(120),
  role: roleSchema,
  capacity: z.number().int().min(0).max(100).nullable().optional(),
  sendInvitation: z.boolean().default(true),
});

export const updateMembershipBody = z.object({
  role: roleSchema.optional(),
  capacity: z.number().int().min(0).max(100).nullable().optional(),
});

export const profileBody = z.object({
  homeCommune: z.string().trim().max(120).nullable().optional(),
  professionalProject: z.string().trim().max(500).nullable().optional(),
  themes: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  languages: z.array(z.string().trim().min(1).max(40)).max(10).optional(),
  faculty: z.string().trim().max(120).nullable().optional(),
  desYear: z.number().int().min(1).max(4).nullable().optional(),
  sharePhone: z.boolean().optional(),
  presentation: z.string().trim().max(2000).nullable().optional(),
  placement: z
    .object({
      period: z.string().trim().min(1).max(40),
      site: z.string().trim().min(1).max(160),
      city: z.string().trim().max(120).nullable(),
    })
    .optional(),
});

export const myProfileView = z.object({
  orgId: z.string(),
  homeCommune: z.string().nullable(),
  professionalProject: z.string().nullable(),
  themes: z.array(z.string()),
  languages: z.array(z.string()),
  faculty: z.string().nullable(),
  desYear: z.number().nullable(),
  sharePhone: z.boolean(),
  presentation: z.string().nullable(),
  placements: z.array(placementView),
});
