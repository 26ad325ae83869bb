import { DateTime } from 'luxon';

// Absences are calendar days of the organisation's zone, both ends included: "from 3 to 12
// January" means the backup's rights start at midnight on the 3rd and lapse at midnight after the
// 12th, Paris time, whatever the server's zone.

/** The calendar day (YYYY-MM-DD) of an instant in a zone. */
export const dayIn = (zone: string, at: Date): string =>
  DateTime.fromJSDate(at, { zone }).toISODate() as string;

/** A day moved by a number of days. */
export const addDays = (day: string, days: number): string =>
  DateTime.fromISO(day, { zone: 'utc' }).plus({ days }).toISODate() as string;

/** Days from `a` to `b` (b - a). */
export const daysBetween = (a: string, b: string): number =>
  Math.round(DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days').days);

/** Whether two day ranges [a1, a2] and [b1, b2] share a day. */
export const overlaps = (a1: string, a2: string, b1: string, b2: string): boolean => a1 <= b2 && b1 <= a2;

/** A day in words: "12 janvier 2027", "12 January 2027". */
export const dayWords = (day: string, lang: 'fr' | 'en'): string =>
  DateTime.fromISO(day, { zone: 'utc' })
    .setLocale(lang)
    .toFormat(lang === 'fr' ? 'd MMMM yyyy' : 'd MMMM yyyy');
