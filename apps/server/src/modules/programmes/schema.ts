import { z } from 'zod';
import { nameText } from '../../domain/text.ts';
import { programmeRulesSchema, templateIds } from './templates.ts';

export const actionsView = z.record(z.string(), z.boolean());

export const cohortView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(['academic-year', 'semester']),
  startsOn: z.string(),
  endsOn: z.string(),
  archived: z.boolean(),
});

export const programmeSummaryView = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  template: z.enum(templateIds),
  archived: z.boolean(),
  counts: z.object({ coordinators: z.number(), tutors: z.number(), tutees: z.number(), experts: z.number() }),
  myRoles: z.array(z.string()),
});

export const programmeView = programmeSummaryView.extend({
  rules: programmeRulesSchema,
  cohorts: z.array(cohortView),
  createdAt: z.string(),
  actions: actionsView,
});

export const organisationView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  timeZone: z.string(),
  locale: z.string(),
  isDemo: z.boolean(),
  archived: z.boolean(),
  actions: actionsView,
});

export const createProgrammeBody = z.object({
  name: nameText(2, 120, 'Le nom doit contenir au moins 2 caractères'),
  template: z.enum(templateIds),
  cohort: z
    .object({
      name: nameText(1, 80),
      kind: z.enum(['academic-year', 'semester']),
      startsOn: z.iso.date(),
      endsOn: z.iso.date(),
    })
    .optional(),
});

export const updateProgrammeBody = z.object({
  name: nameText(2, 120).optional(),
  rules: programmeRulesSchema.optional(),
});

export const createCohortBody = z
  .object({
    name: nameText(1, 80),
    kind: z.enum(['academic-year', 'semester']),
    startsOn: z.iso.date(),
    endsOn: z.iso.date(),
  })
  .refine((c) => c.startsOn < c.endsOn, { message: 'field_end_before_start', path: ['endsOn'] });

export const updateOrganisationBody = z.object({
  name: nameText(2, 120).optional(),
  timeZone: z
    .string()
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat('fr', { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, 'Fuseau horaire inconnu')
    .optional(),
  locale: z.enum(['fr', 'en']).optional(),
});

export const templateView = z.object({ id: z.enum(templateIds), rules: programmeRulesSchema });
