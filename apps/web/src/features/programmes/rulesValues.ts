import { defaultAlertThresholds } from '@compagnon/server/modules/programmes/templates.ts';
import type { ProgrammeRules } from '../../app/types';

export type Num = number | string;

/** The form edits the rules as they read on screen; switches stand for the rules that may be "none". */
export interface Values {
  unit: 'pair' | 'group';
  groupSize: Num;
  tutorCapacity: { min: Num; max: Num };
  limitDuration: boolean;
  durationMonths: Num;
  meetings: { target: Num; minimum: Num; per: ProgrammeRules['meetings']['per'] };
  trackContact: boolean;
  contactEveryDays: Num;
  participation: { mode: ProgrammeRules['participation']['mode']; firstN: Num };
  matchingMode: ProgrammeRules['matchingMode'];
  charterRequired: boolean;
  portfolioEnabled: boolean;
  checkIns: boolean;
  checkInEveryDays: Num;
  reportVisibility: { tutee: boolean; coordinator: boolean };
  alerts: Record<AlertKey, Num>;
  /** The month the yearly review starts in, "1" to "12" as the month picker has it. */
  reviewStartMonth: string;
  groupsBySite: boolean;
  phoneSharedByDefault: boolean;
  teamMovesNeedCoordinator: boolean;
  /** Eligibility of requests to join: a switch per rule, which may be "none". */
  checkMentorYears: boolean;
  mentorMinYears: Num;
  checkMenteeMonths: boolean;
  menteeInstalledMaxMonths: Num;
  /** Case review in teams: the kinds of case decided only after an expert answered. */
  expertRequiredKinds: string[];
}

export const alertKeys = [
  'stuckDays',
  'firstMeetingWeeks',
  'unreachableAttempts',
  'reportMissingDays',
  'escalateAfterDays',
] as const;
export type AlertKey = (typeof alertKeys)[number];
/** Bounds and unit of each alert threshold, as the server's rules schema has them. */
export const alertFields: Record<
  AlertKey,
  { min: number; max: number; unit: 'days' | 'weeks' | 'attempts' }
> = {
  stuckDays: { min: 7, max: 365, unit: 'days' },
  firstMeetingWeeks: { min: 1, max: 52, unit: 'weeks' },
  unreachableAttempts: { min: 1, max: 20, unit: 'attempts' },
  reportMissingDays: { min: 1, max: 90, unit: 'days' },
  escalateAfterDays: { min: 1, max: 90, unit: 'days' },
};

export const num = (v: Num): number | undefined =>
  v === '' || v === null || v === undefined ? undefined : Number(v);

export function toValues(r: ProgrammeRules): Values {
  return {
    unit: r.unit,
    groupSize: r.groupSize ?? 4,
    tutorCapacity: { ...r.tutorCapacity },
    limitDuration: r.durationMonths !== null,
    durationMonths: r.durationMonths ?? 12,
    meetings: { ...r.meetings },
    trackContact: r.contactEveryDays !== null,
    contactEveryDays: r.contactEveryDays ?? 90,
    participation: { mode: r.participation.mode, firstN: r.participation.firstN ?? 2 },
    matchingMode: r.matchingMode,
    charterRequired: r.charterRequired,
    portfolioEnabled: r.portfolioEnabled,
    checkIns: r.checkInEveryDays !== null,
    checkInEveryDays: r.checkInEveryDays ?? 60,
    reportVisibility: { ...r.reportVisibility },
    alerts: { ...defaultAlertThresholds, ...r.alerts },
    reviewStartMonth: String(r.reviewStartMonth),
    groupsBySite: r.groupsBySite,
    phoneSharedByDefault: r.phoneSharedByDefault,
    teamMovesNeedCoordinator: r.teamMovesNeedCoordinator,
    checkMentorYears: r.eligibility.mentorMinYears !== null,
    mentorMinYears: r.eligibility.mentorMinYears ?? 3,
    checkMenteeMonths: r.eligibility.menteeInstalledMaxMonths !== null,
    menteeInstalledMaxMonths: r.eligibility.menteeInstalledMaxMonths ?? 12,
    expertRequiredKinds: [...r.caseReview.expertRequiredKinds],
  };
}

export function toRules(v: Values): unknown {
  return {
    unit: v.unit,
    groupSize: v.unit === 'group' ? num(v.groupSize) : null,
    tutorCapacity: { min: num(v.tutorCapacity.min), max: num(v.tutorCapacity.max) },
    durationMonths: v.limitDuration ? num(v.durationMonths) : null,
    meetings: { target: num(v.meetings.target), minimum: num(v.meetings.minimum), per: v.meetings.per },
    contactEveryDays: v.trackContact ? num(v.contactEveryDays) : null,
    participation: {
      mode: v.participation.mode,
      firstN: v.participation.mode === 'first-n' ? num(v.participation.firstN) : null,
    },
    matchingMode: v.matchingMode,
    charterRequired: v.charterRequired,
    portfolioEnabled: v.portfolioEnabled,
    checkInEveryDays: v.checkIns ? num(v.checkInEveryDays) : null,
    reportVisibility: v.reportVisibility,
    alerts: Object.fromEntries(alertKeys.map((k) => [k, num(v.alerts[k])])),
    reviewStartMonth: Number(v.reviewStartMonth),
    groupsBySite: v.groupsBySite,
    phoneSharedByDefault: v.phoneSharedByDefault,
    teamMovesNeedCoordinator: v.teamMovesNeedCoordinator,
    eligibility: {
      mentorMinYears: v.checkMentorYears ? num(v.mentorMinYears) : null,
      menteeInstalledMaxMonths: v.checkMenteeMonths ? num(v.menteeInstalledMaxMonths) : null,
    },
    caseReview: { expertRequiredKinds: v.expertRequiredKinds },
  };
}
