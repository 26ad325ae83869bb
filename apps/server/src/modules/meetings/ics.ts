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

/** Instants (ms) at which the zone's offset changes in `[from, to)`, to the minute. */
function transitions(zone: string, from: number, to: number): number[] {
  const out: number[] = [];
  const offset = (t: number) => DateTime.fromMillis(t, { zone }).offset;
  const DAY = 86_400_000;
  for (let t = from; t < to; t += DAY) {
    if (offset(t) === offset(t + DAY)) continue;
    let lo = t;
    let hi = t + DAY;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000;
      if (offset(mid) === offset(t)) lo = mid;
      else hi = mid;
    }
    out.push(hi);
  }
  return out;
}

/**
 * A VTIMEZONE for an IANA zone, written from the zone's actual offset changes between two years
 * (luxon reads them from the platform's time-zone data). Each change is its own STANDARD or
 * DAYLIGHT observance whose DTSTART is the local time just before the change, as RFC 5545 §3.6.5
 * asks, so a calendar keeps the meeting's local time on both sides of a change.
 */
export function vtimezone(zone: string, fromYear: number, toYear: number): string {
  const key = `${zone} ${fromYear} ${toYear}`;
  let text = written.get(key);
  if (text === undefined) {
    if (written.size >= WRITTEN_MAX) written.clear();
    text = writeVtimezone(zone, fromYear, toYear);
    written.set(key, text);
  }
  return text;
}

/**
 * VTIMEZONEs already written, by zone and years. Finding a zone's changes takes a few thousand
 * offset readings, and every invitation, update and cancellation of a meeting writes one for the
 * same zone and years; the platform's time-zone data does not change while the server runs. A few
 * zones and year ranges are in use at a time: past the bound, the cache starts again.
 */
const written = new Map<string, string>();
const WRITTEN_MAX = 64;

function writeVtimezone(zone: string, fromYear: number, toYear: number): string {
  const start = DateTime.fromObject({ year: fromYear }, { zone: 'utc' }).toMillis();
  const end = DateTime.fromObject({ year: toYear + 1 }, { zone: 'utc' }).toMillis();
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const cuts = transitions(zone, start, end);
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
