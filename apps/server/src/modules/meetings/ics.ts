import { ianaZone } from '@compagnon/engine';
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
} from 'ical-generator';
import { DateTime } from 'luxon';

const fmtOffset = (minutes: number) => {
  const sign = minutes < 0 ? '-' : '+';
  const a = Math.abs(minutes);
  return `${sign}${String(Math.floor(a / 60)).padStart(2, '0')}${String(a % 60).padStart(2, '0')}`;
};

/**
 * A VTIMEZONE for an IANA zone, written from the zone's actual offset changes between two years:
 * the engine's zone rules, read from the platform's time-zone data once per zone and year, the ones
 * the availability search and the calendar reading use. Each change is its own STANDARD or
 * DAYLIGHT observance whose DTSTART is the local time just before the change, as RFC 5545 §3.6.5
 * asks, so a calendar keeps the meeting's local time on both sides of a change.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const start = DateTime.fromObject({ year: fromYear }, { zone: 'utc' }).toMillis();
  const end = DateTime.fromObject({ year: toYear + 1 }, { zone: 'utc' }).toMillis();
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const cuts = ianaZone(zone)?.transitionsIn(start, end) ?? [];
  const first = DateTime.fromMillis(start, { zone });
  // The offset in force before the first change, so every instant of the range is covered.
  const observances: { at: number; from: number; to: number; dst: boolean }[] = [
    { at: start, from: first.offset, to: first.offset, dst: first.isInDST },
  ];
  for (const at of cuts) {
    const after = DateTime.fromMillis(at, { zone });
    observances.push({
      at,
      from: DateTime.fromMillis(at - 60_000, { zone }).offset,
      to: after.offset,
      dst: after.isInDST,
    });
  }
  for (const o of observances) {
    const localBefore = DateTime.fromMillis(o.at + o.from * 60_000, { zone: 'utc' });
    const kind = o.dst ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localBefore.toFormat("yyyyMMdd'T'HHmmss")}`,
      `TZOFFSETFROM:${fmtOffset(o.from)}`,
      `TZOFFSETTO:${fmtOffset(o.to)}`,
      `TZNAME:${DateTime.fromMillis(o.at, { zone, locale: 'en-GB' }).toFormat('ZZZZ')}`,
      `END:${kind}`,
    );
  }
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

export interface IcsMeeting {
  uid: string;
  sequence: number;
  title: string;
  description: string;
  start: string;
  end: string;
  place: string | null;
  videoUrl: string | null;
  cancelled: boolean;
  organiser: { name: string; email: string };
  attendees: { name: string; email: string }[];
}

/**
 * An iCalendar text with the meetings in the organisation's zone: DTSTART/DTEND carry the zone's
 * TZID and the file its VTIMEZONE; UID is stable per meeting and SEQUENCE grows with each change.
 */
export function calendarText(
  opts: { method: 'REQUEST' | 'CANCEL' | 'PUBLISH'; zone: string; name: string; now: Date },
  meetings: IcsMeeting[],
): string {
  const cal = ical({
    name: opts.name,
    method: ICalCalendarMethod[opts.method],
    prodId: { company: 'Compagnon', product: 'Compagnon', language: 'FR' },
  });
  const years = meetings.map((m) => DateTime.fromISO(m.start, { zone: opts.zone }).year);
  const yFrom = Math.min(...years, DateTime.fromJSDate(opts.now).year) - 1;
  const yTo = Math.max(...years, DateTime.fromJSDate(opts.now).year) + 1;
  cal.timezone({ name: opts.zone, generator: (tz) => vtimezone(tz, yFrom, yTo) });
  for (const m of meetings) {
    cal.createEvent({
      id: m.uid,
      sequence: m.sequence,
      start: DateTime.fromISO(m.start).setZone(opts.zone),
      end: DateTime.fromISO(m.end).setZone(opts.zone),
      timezone: opts.zone,
      summary: m.title,
      description: m.description,
      location: m.place ?? m.videoUrl ?? undefined,
      url: m.videoUrl ?? undefined,
      status: m.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      organizer: { name: m.organiser.name, email: m.organiser.email },
      attendees: m.attendees.map((a) => ({
        name: a.name,
        email: a.email,
        role: ICalAttendeeRole.REQ,
        status: ICalAttendeeStatus.NEEDSACTION,
        rsvp: opts.method === 'REQUEST',
      })),
    });
  }
  // ical-generator writes DTSTAMP on the calendar zone's clock without a zone; RFC 5545 wants UTC.
  const stamp = DateTime.fromJSDate(opts.now, { zone: 'utc' }).toFormat("yyyyMMdd'T'HHmmss'Z'");
  return cal
    .toString()
    .replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${stamp}`)
    .replace(/^(TIMEZONE-ID|X-WR-TIMEZONE):.*\r?\n/gm, '');
}
