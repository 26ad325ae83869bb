// The calendar of French general-medicine training, once for the server and the web app: the
// academic year starts in November and has two semesters, November–April (S1) and May–October (S2);
// residents change internship site at each semester. Everything is read in the organisation's zone.
// No dependency beyond Intl, so the web app imports this file as it is.

/** Year and month (1–12) of an instant in a time zone. */
export function yearMonthIn(now: Date, timeZone: string): { year: number; month: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(now);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month') };
}

/**
 * The semester a month belongs to: its first month (year, month 11 or 5) and its label, such as
 * "2026-2027 S1" for November 2026 to April 2027 and "2026-2027 S2" for May to October 2027.
 */
export function semesterOf(
  year: number,
  month: number,
): { startYear: number; startMonth: 5 | 11; label: string } {
  if (month >= 11) return { startYear: year, startMonth: 11, label: `${year}-${year + 1} S1` };
  if (month <= 4) return { startYear: year - 1, startMonth: 11, label: `${year - 1}-${year} S1` };
  return { startYear: year, startMonth: 5, label: `${year - 1}-${year} S2` };
}

/** The first year of the academic year a month belongs to (November starts it). */
export const academicYearOf = (year: number, month: number): number => (month >= 11 ? year : year - 1);

/** The current semester's label in the organisation's zone ("2026-2027 S1"): the period of a site. */
export function currentSemesterLabel(now: Date, timeZone: string): string {
  const { year, month } = yearMonthIn(now, timeZone);
  return semesterOf(year, month).label;
}
