import { z } from 'zod';
import { readJson } from '../../db/json.ts';

/**
 * When follow-up alerts fire. `stuckDays` follows Mentorloop's 21 days; the others are the field
 * studies' orders of magnitude (a week to write a report, a month and a half to hold the first
 * meeting, a week for the tutor to act before the coordinators are told).
 */
export const alertThresholdsSchema = z.object({
  /** Unanswered attempts in a row before the tutee counts as unreachable. */
  unreachableAttempts: z.number().int().min(1).max(20),
  /** A pair that never met and shows no activity at all for this many days is stuck. */
  stuckDays: z.number().int().min(7).max(365),
  /** Weeks after the pair is formed by which the first meeting should have been held. */
  firstMeetingWeeks: z.number().int().min(1).max(52),
  /** Days after a meeting by which its report should be filed. */
  reportMissingDays: z.number().int().min(1).max(90),
  /** Days an alert stays with the tutor before the coordinators are told. */
  escalateAfterDays: z.number().int().min(1).max(90),
});
export type AlertThresholds = z.infer<typeof alertThresholdsSchema>;

/**
 * Who may ask to join from the programme's public page without the coordination having to set the
 * rule aside: a tutor (mentor) with at least `mentorMinYears` years of practice, a tutee (mentee)
 * installing or installed less than `menteeInstalledMaxMonths` months ago. Null: no such rule.
 */
export const eligibilitySchema = z.object({
  mentorMinYears: z.number().int().min(0).max(60).nullable(),
  menteeInstalledMaxMonths: z.number().int().min(1).max(240).nullable(),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;
const noEligibilityRule: Eligibility = { mentorMinYears: null, menteeInstalledMaxMonths: null };

export const defaultAlertThresholds: AlertThresholds = {
  unreachableAttempts: 3,
  stuckDays: 21,
  firstMeetingWeeks: 6,
  reportMissingDays: 7,
  escalateAfterDays: 7,
};

/** The kinds of a case brought to a tutor team (modules/cases). */
export const caseKinds = [
  'difficulty',
  'safety-health',
  'internship-conflict',
  'tutor-change',
  'other',
] as const;
export const caseReviewSchema = z.object({
  expertRequiredKinds: z.array(z.enum(caseKinds)).max(caseKinds.length),
});

/** The rules of a programme: data the coordinator edits, seeded from one of the five templates. */
export const programmeRulesSchema = z.object({
  unit: z.enum(['pair', 'group']),
  groupSize: z.number().int().min(2).max(30).nullable(),
  tutorCapacity: z
    .object({ min: z.number().int().min(0).max(100), max: z.number().int().min(1).max(100) })
    .refine((c) => c.min <= c.max, { message: 'min must not exceed max', path: ['min'] }),
  durationMonths: z.number().int().min(1).max(120).nullable(),
  meetings: z.object({
    target: z.number().int().min(0).max(100),
    minimum: z.number().int().min(0).max(100),
    per: z.enum(['month', 'quarter', 'semester', 'year', 'programme']),
  }),
  contactEveryDays: z.number().int().min(1).max(730).nullable(),
  participation: z.object({
    mode: z.enum(['compulsory', 'optional', 'first-n']),
    firstN: z.number().int().min(1).max(50).nullable(),
  }),
  matchingMode: z.enum(['optimal', 'tutee-choice', 'tutor-choice', 'manual']),
  charterRequired: z.boolean(),
  portfolioEnabled: z.boolean(),
  checkInEveryDays: z.number().int().min(7).max(365).nullable(),
  reportVisibility: z.object({ tutee: z.boolean(), coordinator: z.boolean() }),
  // Rules saved before thresholds existed read as the defaults.
  alerts: alertThresholdsSchema.default(defaultAlertThresholds),
  /**
   * The month (1-12) the yearly review's twelve months start in: November for the DES academic
   * year, September for a mentoring year that starts with the autumn. Rules saved before it
   * existed read as November, or as their template's month (rulesOf).
   */
  reviewStartMonth: z.number().int().min(1).max(12).default(11),
  /**
   * Groups (or pairs) are formed by the site of the current internship: the matching places a
   * tutee with a tutor on their own site whenever choices and places allow (criteria.ts). Rules
   * saved before it existed read as their template's.
   */
  groupsBySite: z.boolean().default(false),
  /**
   * Whether a person's phone is shared with their tutor, tutees or group when they join. Each
   * person is told at joining and may change their own choice; changing the rule never changes
   * the choice of people already in the programme (modules/people/phone-sharing.ts).
   */
  phoneSharedByDefault: z.boolean().default(false),
  /** Rules saved before it existed read as their template's (rulesOf). */
  eligibility: eligibilitySchema.default(noEligibilityRule),
  /**
   * A tutee moved between two tutors of a team (modules/teams) needs the coordination's approval
   * too, after the other tutor's. Rules saved before it existed read as their template's.
   */
  teamMovesNeedCoordinator: z.boolean().default(true),
  /**
   * Case review in tutor teams (modules/cases): the kinds of case whose decision is recorded only
   * after an expert consulted about it answered. Rules saved before it existed read as their template's.
   */
  caseReview: caseReviewSchema.default({ expertRequiredKinds: [] }),
});
export type ProgrammeRules = z.infer<typeof programmeRulesSchema>;

/**
 * A programme's stored rules, read through their schema (older rules gain the later defaults; a
 * review month never saved is the programme's template's).
 */
export function rulesOf(p: { rules: string; template?: string }): ProgrammeRules {
  const rules = readJson(programmeRulesSchema, p.rules, 'programmes.rules');
  const template = templates[p.template as TemplateId];
  const stored = readJson(z.record(z.string(), z.unknown()), p.rules, 'programmes.rules');
  if (!template) return rules;
  for (const k of [
    'reviewStartMonth',
    'groupsBySite',
    'phoneSharedByDefault',
    'eligibility',
    'teamMovesNeedCoordinator',
    'caseReview',
  ] as const)
    if (!(k in stored)) (rules as Record<typeof k, unknown>)[k] = template.rules[k];
  return rules;
}

export const templateIds = [
  'des-tutoring',
  'peer-tutoring',
  'member-tutoring',
  'installation-mentoring',
  'tutor-peer-support',
] as const;
export type TemplateId = (typeof templateIds)[number];

export interface Template {
  id: TemplateId;
  rules: ProgrammeRules;
}

// Defaults follow the field studies (PRODUCT.md, table of the five programme kinds).
export const templates: Record<TemplateId, Template> = {
  'des-tutoring': {
    id: 'des-tutoring',
    rules: {
      unit: 'pair',
      groupSize: null,
      tutorCapacity: { min: 3, max: 12 },
      durationMonths: 36,
      meetings: { target: 2, minimum: 1, per: 'year' },
      contactEveryDays: 120,
      participation: { mode: 'compulsory', firstN: null },
      matchingMode: 'optimal',
      charterRequired: false,
      portfolioEnabled: true,
      checkInEveryDays: 90,
      reportVisibility: { tutee: true, coordinator: false },
      alerts: { ...defaultAlertThresholds },
      reviewStartMonth: 11,
      groupsBySite: false,
      phoneSharedByDefault: true,
      eligibility: { ...noEligibilityRule },
      teamMovesNeedCoordinator: true,
      caseReview: { expertRequiredKinds: ['safety-health'] },
    },
  },
  'peer-tutoring': {
    id: 'peer-tutoring',
    rules: {
      unit: 'group',
      groupSize: 4,
      tutorCapacity: { min: 1, max: 4 },
      durationMonths: 12,
      meetings: { target: 3, minimum: 2, per: 'semester' },
      contactEveryDays: 60,
      participation: { mode: 'first-n', firstN: 2 },
      matchingMode: 'tutee-choice',
      charterRequired: false,
      portfolioEnabled: false,
      checkInEveryDays: 60,
      reportVisibility: { tutee: true, coordinator: true },
      alerts: {
        unreachableAttempts: 3,
        stuckDays: 21,
        firstMeetingWeeks: 4,
        reportMissingDays: 7,
        escalateAfterDays: 7,
      },
      reviewStartMonth: 11,
      groupsBySite: true,
      phoneSharedByDefault: true,
      eligibility: { ...noEligibilityRule },
      teamMovesNeedCoordinator: false,
      caseReview: { expertRequiredKinds: ['safety-health'] },
    },
  },
  'member-tutoring': {
    id: 'member-tutoring',
    rules: {
      unit: 'pair',
      groupSize: null,
      tutorCapacity: { min: 1, max: 15 },
      durationMonths: null,
      meetings: { target: 1, minimum: 0, per: 'year' },
      contactEveryDays: 90,
      participation: { mode: 'optional', firstN: null },
      matchingMode: 'manual',
      charterRequired: false,
      portfolioEnabled: false,
      checkInEveryDays: 90,
      reportVisibility: { tutee: true, coordinator: false },
      alerts: {
        unreachableAttempts: 3,
        stuckDays: 30,
        firstMeetingWeeks: 8,
        reportMissingDays: 14,
        escalateAfterDays: 14,
      },
      reviewStartMonth: 11,
      groupsBySite: false,
      phoneSharedByDefault: true,
      eligibility: { ...noEligibilityRule },
      teamMovesNeedCoordinator: false,
      caseReview: { expertRequiredKinds: [] },
    },
  },
  'installation-mentoring': {
    id: 'installation-mentoring',
    rules: {
      unit: 'pair',
      groupSize: null,
      tutorCapacity: { min: 1, max: 2 },
      durationMonths: 12,
      meetings: { target: 12, minimum: 4, per: 'programme' },
      contactEveryDays: 45,
      participation: { mode: 'optional', firstN: null },
      matchingMode: 'manual',
      charterRequired: true,
      portfolioEnabled: false,
      checkInEveryDays: 60,
      reportVisibility: { tutee: true, coordinator: false },
      alerts: {
        unreachableAttempts: 2,
        stuckDays: 21,
        firstMeetingWeeks: 4,
        reportMissingDays: 7,
        escalateAfterDays: 7,
      },
      reviewStartMonth: 9,
      groupsBySite: false,
      phoneSharedByDefault: true,
      eligibility: { mentorMinYears: 3, menteeInstalledMaxMonths: 12 },
      teamMovesNeedCoordinator: false,
      caseReview: { expertRequiredKinds: [] },
    },
  },
  'tutor-peer-support': {
    id: 'tutor-peer-support',
    rules: {
      unit: 'group',
      groupSize: 8,
      tutorCapacity: { min: 6, max: 8 },
      durationMonths: null,
      meetings: { target: 6, minimum: 3, per: 'year' },
      contactEveryDays: null,
      participation: { mode: 'compulsory', firstN: null },
      matchingMode: 'manual',
      charterRequired: false,
      portfolioEnabled: false,
      checkInEveryDays: null,
      reportVisibility: { tutee: true, coordinator: false },
      alerts: {
        unreachableAttempts: 3,
        stuckDays: 30,
        firstMeetingWeeks: 6,
        reportMissingDays: 7,
        escalateAfterDays: 14,
      },
      reviewStartMonth: 11,
      groupsBySite: false,
      phoneSharedByDefault: false,
      eligibility: { ...noEligibilityRule },
      teamMovesNeedCoordinator: false,
      caseReview: { expertRequiredKinds: [] },
    },
  },
};

/** The roles a file may give: coordinators are named in the app, never by a spreadsheet. */
export type ImportableRole = 'tutor' | 'tutee' | 'expert';

/**
 * The words each template uses for its roles, French and English, inclusive forms written once
 * ("Élu·e référent·e" stands for élu, élue, élus, élues référent·es…): the first French word is
 * the template's own name for the role. The app's generic names (Tuteur·rice, Tutoré·e, Expert·e)
 * are understood in every template.
 */
export const roleWords: Record<TemplateId, Record<'tutor' | 'tutee', { fr: string[]; en: string[] }>> = {
  'des-tutoring': {
    tutor: { fr: ['Tuteur·rice', 'Enseignant·e tuteur·rice', 'MSU'], en: ['Tutor'] },
    tutee: { fr: ['Interne', 'Tutoré·e', 'Résident·e'], en: ['Resident', 'Tutee'] },
  },
  'peer-tutoring': {
    tutor: { fr: ['Tuteur·rice pair', 'Tuteur·rice'], en: ['Peer tutor', 'Tutor'] },
    tutee: { fr: ['Interne', 'Tutoré·e'], en: ['Resident', 'Tutee'] },
  },
  'member-tutoring': {
    tutor: {
      fr: ['Élu·e référent·e', 'Élu·e', 'Référent·e', 'Tuteur·rice'],
      en: ['Elected referent', 'Elected member', 'Referent', 'Tutor'],
    },
    tutee: { fr: ['Adhérent·e', 'Membre', 'Tutoré·e'], en: ['Member', 'Tutee'] },
  },
  'installation-mentoring': {
    // "Mentor·e" makes an unaccented "mentore" ambiguous with "mentoré": refused, not guessed.
    tutor: { fr: ['Mentor', 'Mentor·e', 'Tuteur·rice'], en: ['Mentor', 'Tutor'] },
    tutee: { fr: ['Mentoré·e', 'Tutoré·e'], en: ['Mentee', 'Tutee'] },
  },
  'tutor-peer-support': {
    tutor: { fr: ['Tuteur·rice'], en: ['Tutor'] },
    tutee: { fr: ['Tutoré·e'], en: ['Tutee'] },
  },
};

/** The expert's words, the same in every template. */
export const expertWords = { fr: ['Expert·e'], en: ['Expert'] };
