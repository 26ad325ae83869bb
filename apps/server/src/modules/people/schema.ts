import { z } from 'zod';
import { nameText } from '../../domain/text.ts';
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
  name: nameText(1, 120, 'Le nom est requis'),
  role: roleSchema,
  capacity: z.number().int().min(0).max(100).nullable().optional(),
  sendInvitation: z.boolean().default(true),
});

/**
 * What adding a person answers: only what the coordinator typed, and whether the person was added
 * (already in the organisation) or invited (a new account, or an account that must accept first).
 * Nothing is read back from an existing account.
 */
export const addedMemberView = z.object({
  email: z.string(),
  name: z.string(),
  role: roleSchema,
  status: z.enum(['invited', 'added']),
});
export type AddedMemberView = z.infer<typeof addedMemberView>;

/** An invitation into a programme, as the invited person sees it before answering. */
export const invitationView = z.object({
  id: z.string(),
  role: roleSchema,
  programme: z.object({ id: z.string(), name: z.string(), template: z.string() }),
  organisation: z.object({ id: z.string(), name: z.string() }),
  invitedBy: z.string().nullable(),
  expiresAt: z.string(),
  /** The programme's phone rule, told before the person joins. */
  phoneShared: z.boolean(),
});
export type InvitationView = z.infer<typeof invitationView>;

export const updateMembershipBody = z.object({
  role: roleSchema.optional(),
  capacity: z.number().int().min(0).max(100).nullable().optional(),
});

export const profileBody = z.object({
  homeCommune: nameText(0, 120).nullable().optional(),
  professionalProject: z.string().trim().max(500).nullable().optional(),
  themes: z.array(z.string().trim().min(1).max(60)).max(20).optional(),
  languages: z.array(z.string().trim().min(1).max(40)).max(10).optional(),
  faculty: nameText(0, 120).nullable().optional(),
  desYear: z.number().int().min(1).max(4).nullable().optional(),
  presentation: z.string().trim().max(2000).nullable().optional(),
  placement: z
    .object({
      period: nameText(1, 40),
      site: nameText(1, 160),
      city: nameText(0, 120).nullable(),
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
  presentation: z.string().nullable(),
  placements: z.array(placementView),
});

export const myGroupView = z
  .object({
    tutor: z.object({
      userId: z.string(),
      name: z.string(),
      email: z.string().nullable(),
      phone: z.string().nullable(),
    }),
    members: z.array(z.object({ userId: z.string(), name: z.string() })),
  })
  .nullable();

export const myPhoneView = z.object({
  shared: z.boolean(),
  byDefault: z.boolean(),
  chosen: z.boolean(),
  hasPhone: z.boolean(),
});
export const myPhoneBody = z.object({ shared: z.boolean() });

export const phoneReachView = z.object({
  tutees: z.number(),
  noPhone: z.number(),
  notShared: z.number(),
  unreachable: z.number(),
});

export const programmeParams = z.object({ programmeId: z.string() });
export const membershipParams = programmeParams.extend({ membershipId: z.string() });
export const okView = z.object({ ok: z.literal(true) });
