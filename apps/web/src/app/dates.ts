import { currentSemesterLabel } from '@compagnon/server/domain/periods.ts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from './session';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export const intlLocale = (lang: string) => (lang === 'en' ? 'en-GB' : 'fr-FR');

/** An instant (ISO string) as a date in the given time zone. */
export function formatInstant(iso: string, timeZone: string, lang: string, withTime = false): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const parts = new Intl.DateTimeFormat(intlLocale(lang), {
    timeZone,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
  }).formatToParts(d);
  return firstOfMonth(parts, lang);
}

/** A long French date writes the first of the month "1er" ("le 1er janvier 2027"), as French does. */
function firstOfMonth(parts: Intl.DateTimeFormatPart[], lang: string): string {
  return parts.map((p) => (lang !== 'en' && p.type === 'day' && p.value === '1' ? '1er' : p.value)).join('');
}

/** A calendar date (YYYY-MM-DD) as written, never shifted by a time zone. */
export function formatCalendarDate(date: string, lang: string): string {
  const d = new Date(`${date}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return date;
  const parts = new Intl.DateTimeFormat(intlLocale(lang), {
    timeZone: 'UTC',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).formatToParts(d);
  return firstOfMonth(parts, lang);
}

/** Today's date (YYYY-MM-DD) in a time zone. */
export function todayIn(timeZone: string, now = new Date()): { year: number; month: number; day: number } {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** The training period as departments name it ("2026-2027 S1"): the server's one definition. */
export const currentPeriod = (timeZone: string, now = new Date()): string =>
  currentSemesterLabel(now, timeZone);

export function useTimeZone(orgId: string | undefined): string {
  const { data: me } = useMe();
  return me?.organisations.find((o) => o.id === orgId)?.timeZone ?? DEFAULT_TIME_ZONE;
}

/** Date formatting in the organisation's time zone and the interface language. */
export function useDates(orgId: string | undefined) {
  const { i18n } = useTranslation();
  const timeZone = useTimeZone(orgId);
  const lang = i18n.language;
  return {
    timeZone,
    instant: useCallback(
      (iso: string, withTime = false) => formatInstant(iso, timeZone, lang, withTime),
      [timeZone, lang],
    ),
    calendar: useCallback((date: string) => formatCalendarDate(date, lang), [lang]),
  };
}
