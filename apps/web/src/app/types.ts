import type { invitationView, meView, sessionView } from '@compagnon/server/modules/auth/schema.ts';
import type { myProfileView, personView } from '@compagnon/server/modules/people/schema.ts';
import type {
  cohortView,
  organisationView,
  programmeSummaryView,
  programmeView,
  templateView,
} from '@compagnon/server/modules/programmes/schema.ts';
import type { ProgrammeRules, TemplateId } from '@compagnon/server/modules/programmes/templates.ts';
import type { z } from 'zod';

// Every shape the web app reads comes from the server's own response schemas.
// `passwordChangeRequired`: signed in with a temporary password an administrator gave; nothing
// else answers until the person has chosen their own.
export type Me = z.infer<typeof meView>;
/** GET /api/session: public, answered for everyone. `demo`: the demo organisations are present. */
export type Session = z.infer<typeof sessionView>;
export type Membership = Me['memberships'][number];
export type MeOrganisation = Me['organisations'][number];
export type Role = Membership['role'];
export type Invitation = z.infer<typeof invitationView>;
export type Organisation = z.infer<typeof organisationView>;
export type ProgrammeSummary = z.infer<typeof programmeSummaryView>;
export type OrganisationDetail = Organisation & { programmes: ProgrammeSummary[] };
export type Programme = z.infer<typeof programmeView>;
export type Cohort = z.infer<typeof cohortView>;
export type Person = z.infer<typeof personView>;
export type MyProfile = z.infer<typeof myProfileView>;
export type Template = z.infer<typeof templateView>;
export type { ProgrammeRules, TemplateId };

export const roles: Role[] = ['coordinator', 'tutor', 'tutee', 'expert'];
