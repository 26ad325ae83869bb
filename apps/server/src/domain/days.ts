import { DateTime } from 'luxon';

// Calendar days (YYYY-MM-DD) of the organisation's zone, once for every module: absences, the
// pair's term, the portfolio's calendar, coaching. A day is a date, not an instant, so arithmetic on
// it runs in UTC and a clock change never moves one; only `dayIn` reads an instant, in its zone.

/** The calendar day of an instant in a zone ("today" when `at` is now). */
export const dayIn = (at: Date, zone: string): string =>
  DateTime.fromJSDate(at, { zone }).toISODate() as string;

const parse = (day: string) => DateTime.fromISO(day, { zone: 'utc' });
const format = (d: DateTime) => d.toISODate() as string;

/** A day moved by a number of days (negative: earlier). */
export const addDays = (day: string, days: number): string => format(parse(day).plus({ days }));

/** A day moved by a number of months; the 31st becomes the last day of a shorter month. */
export const addMonths = (day: string, months: number): string => format(parse(day).plus({ months }));

/** Days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number =>
  Math.round(parse(to).diff(parse(from), 'days').days);

/** A day in words: "3 décembre 2027", "3 December 2027". */
export const dayWords = (day: string, lang: 'fr' | 'en'): string =>
  parse(day.slice(0, 10)).setLocale(lang).toFormat('d MMMM yyyy');

/** The day of a stored instant (ISO, UTC) in a zone, in words: "16 novembre 2027". */
export const dayOfInstant = (iso: string, zone: string, lang: 'fr' | 'en'): string =>
  dayWords(dayIn(new Date(iso), zone), lang);
