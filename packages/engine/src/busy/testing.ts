/** Test helpers for the iCalendar tests: calendars built the way exporters write them. */

/** Europe/Paris as most exporters write its VTIMEZONE block (EU rules since 1996). */
export const PARIS_VTIMEZONE = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Paris',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'DTSTART:19700329T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'DTSTART:19701025T030000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** One VEVENT with the given UID, a fixed DTSTAMP and the given properties. */
export function vevent(uid: string, properties: string[]): string[] {
  return ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20270101T000000Z', ...properties, 'END:VEVENT'];
}

/** A VCALENDAR document around the given lines (time zones, events), with CRLF line ends. */
export function icsDocument(lines: string[], prodId = '-//Compagnon//tests//FR'): string {
  const all = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${prodId}`, ...lines, 'END:VCALENDAR'];
  return `${all.join('\r\n')}\r\n`;
}

/** A calendar with Paris' VTIMEZONE and one event per list of properties (UIDs event-0, …). */
export function calendar(...events: string[][]): string {
  return icsDocument([...PARIS_VTIMEZONE, ...events.flatMap((e, i) => vevent(`event-${i}@example.org`, e))]);
}
