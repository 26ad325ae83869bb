import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatCalendarDate, formatInstant } from '../../app/dates';
import type { Level, TraceState, TraceSummary } from './queries';

export const levelRank: Record<Level, number> = { novice: 1, intermediate: 2, competent: 3 };
export const stateColors: Record<TraceState, string> = {
  planned: 'gray',
  draft: 'ardoise',
  submitted: 'indigo',
  revision: 'ambre',
  validated: 'sauge',
};

/**
 * Dates as the portfolio shows them: calendar days (due dates, review weeks) as written, instants
 * (sent, validated, messages) in the organisation's zone, which every portfolio view carries —
 * including the one reached by a review link, without signing in.
 */
export function usePortfolioDates(timeZone: string) {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  return {
    day: useCallback((date: string) => formatCalendarDate(date, lang), [lang]),
    instant: useCallback(
      (iso: string, withTime = false) => formatInstant(iso, timeZone, lang, withTime),
      [timeZone, lang],
    ),
  };
}

/** The calendar day (YYYY-MM-DD) of an instant in a time zone. */
export function dayOf(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(iso));
}

/** Monday of a calendar day's week. */
export function mondayOf(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

/** Whether the tutor's weekly cap pushed a submitted trace's review past the week it was sent. */
export function reviewDeferred(trace: TraceSummary, timeZone: string): boolean {
  if (!trace.reviewWeek || !trace.submittedAt) return false;
  return trace.reviewWeek > mondayOf(dayOf(trace.submittedAt, timeZone));
}

/** The day a trace is expected: its revision's due date while in revision. */
export const dueDay = (trace: TraceSummary) =>
  trace.state === 'revision' && trace.revisionDueOn ? trace.revisionDueOn : trace.dueOn;

/** A calendar day moved by a number of days. */
export function addDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today, as a calendar day in a time zone. */
export const today = (timeZone: string) => dayOf(new Date().toISOString(), timeZone);
