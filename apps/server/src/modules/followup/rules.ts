import { DateTime } from 'luxon';
import { academicYearOf, semesterOf } from '../../domain/periods.ts';
import {
  type AlertThresholds,
  defaultAlertThresholds,
  type ProgrammeRules,
} from '../programmes/templates.ts';
import type { PairFacts } from './activity.ts';

export const alertRules = [
  'no-contact',
  'below-target',
  'unreachable',
  'stuck',
  'report-missing',
  'first-meeting',
] as const;
export type AlertRule = (typeof alertRules)[number];

/** The programme's alert thresholds; rules saved before they existed read as the defaults. */
export const thresholdsOf = (rules: ProgrammeRules): AlertThresholds => ({
  ...defaultAlertThresholds,
  ...(rules.alerts ?? {}),
});

const DAY = 86_400_000;
const daysBetween = (from: string, to: Date) => Math.floor((to.getTime() - Date.parse(from)) / DAY);

export interface Period {
  start: string;
  end: string;
  /** Share of the period already elapsed, 0–1. */
  elapsed: number;
}

/**
 * The current period of the meeting target in the organisation's zone: calendar month or quarter,
 * the semester of French training (November–April, May–October), the academic year from
 * November, or the whole pairing for `programme` targets.
 */
export function currentPeriod(
  per: ProgrammeRules['meetings']['per'],
  now: Date,
  zone: string,
  pairing?: { publishedAt: string; durationMonths: number | null },
): Period {
  const local = DateTime.fromJSDate(now, { zone });
  let start: DateTime;
  let end: DateTime;
  if (per === 'month') {
    start = local.startOf('month');
    end = start.plus({ months: 1 });
  } else if (per === 'quarter') {
    start = local.startOf('quarter');
    end = start.plus({ months: 3 });
  } else if (per === 'semester') {
    const sem = semesterOf(local.year, local.month);
    start = DateTime.fromObject({ year: sem.startYear, month: sem.startMonth, day: 1 }, { zone });
    end = start.plus({ months: 6 });
  } else if (per === 'year') {
    const y = academicYearOf(local.year, local.month);
    start = DateTime.fromObject({ year: y, month: 11, day: 1 }, { zone });
    end = start.plus({ years: 1 });
  } else {
    start = DateTime.fromISO(pairing?.publishedAt ?? now.toISOString(), { zone });
    end = start.plus({ months: pairing?.durationMonths ?? 12 });
  }
  const total = end.toMillis() - start.toMillis();
  return {
    start: start.toUTC().toISO() as string,
    end: end.toUTC().toISO() as string,
    elapsed: Math.min(1, Math.max(0, (now.getTime() - start.toMillis()) / total)),
  };
}

export interface Firing {
  rule: AlertRule;
  /** Figures shown with the alert: days, counts. */
  detail: Record<string, number>;
}

/**
 * The alerts a pair calls for at `now`. Each rule is a condition that holds or not; the sweep
 * opens an alert when it starts holding and resolves it when it stops.
 */
export function evaluate(
  rules: ProgrammeRules,
  pair: { publishedAt: string },
  facts: PairFacts,
  period: Period,
  now: Date,
): Firing[] {
  const d = thresholdsOf(rules);
  const out: Firing[] = [];
  const sincePublished = daysBetween(pair.publishedAt, now);

  if (rules.contactEveryDays) {
    const since = daysBetween(facts.lastContactAt ?? pair.publishedAt, now);
    if (since >= rules.contactEveryDays)
      out.push({ rule: 'no-contact', detail: { days: since, limit: rules.contactEveryDays } });
  }

  // Past half of the period, fewer meetings than the minimum pro rata (rounded up).
  const expected = Math.ceil(rules.meetings.minimum * period.elapsed);
  if (rules.meetings.minimum > 0 && period.elapsed >= 0.5 && facts.meetingsInPeriod < expected) {
    out.push({
      rule: 'below-target',
      detail: {
        held: facts.meetingsInPeriod,
        expected,
        minimum: rules.meetings.minimum,
        target: rules.meetings.target,
      },
    });
  }

  if (facts.attemptsSinceContact >= d.unreachableAttempts) {
    out.push({ rule: 'unreachable', detail: { attempts: facts.attemptsSinceContact } });
  }

  // Stuck: formed `stuckDays` ago or more (21 by default), never met, and nothing at all since as long.
  const quiet = daysBetween(facts.lastActivityAt ?? pair.publishedAt, now);
  if (facts.meetingsTotal === 0 && sincePublished >= d.stuckDays && quiet >= d.stuckDays) {
    out.push({ rule: 'stuck', detail: { days: quiet } });
  }

  if (facts.unreportedMeetingAt) {
    const since = daysBetween(facts.unreportedMeetingAt, now);
    if (since >= d.reportMissingDays) out.push({ rule: 'report-missing', detail: { days: since } });
  }

  if (facts.meetingsTotal === 0 && sincePublished >= d.firstMeetingWeeks * 7) {
    out.push({ rule: 'first-meeting', detail: { weeks: Math.floor(sincePublished / 7) } });
  }
  return out;
}
