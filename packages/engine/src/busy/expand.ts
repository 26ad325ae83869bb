import ICAL from 'ical.js';
import { InputError } from '../errors.ts';
import {
  DAY,
  formatUtc,
  ianaZone,
  parseIsoInstant,
  utcZone,
  wallToInstant,
  type ZoneRules,
} from '../slots/local-time.ts';
import {
  MAX_OCCURRENCES,
  OccurrenceBudget,
  type Recur,
  ruleReadings,
  type Time,
  untilOf,
  wallOf,
} from './recur.ts';

export { MAX_OCCURRENCES, OccurrenceLimitError } from './recur.ts';

import { zoneFromTzid } from './tzid.ts';
import { spendingFrom, vtimezoneRules } from './vtimezone.ts';

// ical.js parses the file and does the RRULE calendar arithmetic. Zones, UNTIL, EXDATE and
// RECURRENCE-ID are handled here, on instants: ICAL.TimezoneService is process-wide state (the
// server reads many feeds), ical.js reads TZIDs it cannot resolve (Windows names) and floating
// times as UTC when it compares times, and it reads clock-change times unlike RFC 5545 §3.3.5
// (02:30 on the spring-forward day in Paris as 00:30Z instead of 01:30Z, a repeated 02:30 as the
// second one). Overrides are handled apart from their series so that one moved into the range
// counts even when its original date lies far outside it.

type Component = InstanceType<typeof ICAL.Component>;
type Property = InstanceType<typeof ICAL.Property>;
type Duration = InstanceType<typeof ICAL.Duration>;
type Period = InstanceType<typeof ICAL.Period>;

export interface BusyOptions {
  /** Start of the range, ISO-8601 with an offset or `Z`. */
  from: string;
  /** End of the range (exclusive), after `from`. */
  to: string;
  /** IANA zone for floating times and all-day dates; default {@link DEFAULT_TIME_ZONE}. */
  timeZone?: string;
  /**
   * How many occurrences the file's series may give before `to`, all events together (RRULE
   * occurrences, including those walked through before `from`, and RDATEs); default
   * {@link MAX_OCCURRENCES}. Beyond it, {@link OccurrenceLimitError}.
   */
  maxOccurrences?: number;
}

export interface BusyInterval {
  /** ISO-8601 UTC, `2027-03-16T17:30:00Z`. */
  start: string;
  end: string;
}

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

/**
 * Busy time of an iCalendar file's owner between `from` and `to` (shared/formats/ENGINE-CLI.md,
 * `busy`).
 *
 * Guarantee: the result is the union of the intervals `[start, end)` of every busy occurrence of
 * every VEVENT, clipped to `[from, to)`, as ascending intervals of which no two overlap or touch.
 * Occurrences: DTSTART, each RRULE occurrence (COUNT, UNTIL, BYxxx, INTERVAL as RFC 5545, computed
 * by ical.js), each RDATE, minus EXDATEs and minus the occurrences replaced by a RECURRENCE-ID
 * override; an override counts where it puts the occurrence, wherever the original was. Not busy:
 * STATUS:CANCELLED, TRANSP:TRANSPARENT, X-MICROSOFT-CDO-BUSYSTATUS:FREE. Times with a TZID use the
 * file's VTIMEZONE, else the IANA or Windows zone the TZID names; floating times, all-day dates and
 * unknown TZIDs are read in `timeZone`, never in the machine's zone. An all-day event covers local
 * midnight to local midnight. DTEND in the same zone as DTSTART keeps each occurrence's clock
 * length (a 18:30–08:30 shift ends at 08:30 across a clock change); DURATION adds days by the
 * calendar and hours exactly (RFC 5545 §3.3.6).
 *
 * Throws InputError when the text is not iCalendar or an option is invalid, and its
 * OccurrenceLimitError when the series give more occurrences than `maxOccurrences`.
 */
export function busyFromIcs(text: string, options: BusyOptions): { busy: BusyInterval[] } {
  const pairs = busyMillis(text, options);
  const busy: BusyInterval[] = [];
  for (let i = 0; i < pairs.length; i += 2) {
    busy.push({ start: formatUtc(pairs[i] as number), end: formatUtc(pairs[i + 1] as number) });
  }
  return { busy };
}

/** {@link busyFromIcs} as epoch milliseconds, flattened `[start0, end0, start1, end1, …]`. */
export function busyMillis(text: string, options: BusyOptions): number[] {
  const from = parseIsoInstant(options.from);
  if (from === null)
    throw new InputError('/from', 'from: expected an ISO-8601 date-time with an offset or Z');
  const to = parseIsoInstant(options.to);
  if (to === null) throw new InputError('/to', 'to: expected an ISO-8601 date-time with an offset or Z');
  if (to <= from) throw new InputError('/to', 'to must be after from');
  const zoneName = options.timeZone ?? DEFAULT_TIME_ZONE;
  const floating = ianaZone(zoneName);
  if (!floating) throw new InputError('/timeZone', `unknown IANA time zone ${JSON.stringify(zoneName)}`);

  const limit = options.maxOccurrences ?? MAX_OCCURRENCES;
  if (!(Number.isInteger(limit) && limit >= 0))
    throw new InputError('/maxOccurrences', 'maxOccurrences: expected a whole number, 0 or more');

  const out: number[] = [];
  const calendars = parseCalendars(text);
  const events = calendars.reduce((n, c) => n + c.getAllSubcomponents('vevent').length, 0);
  const budget = new OccurrenceBudget(limit, events);
  spendingFrom(budget, () => {
    for (const calendar of calendars) new Expansion(calendar, from, to, floating, out, budget).run();
  });
  return mergeSorted(out);
}

function parseCalendars(text: string): Component[] {
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body === '') throw new InputError('', 'not an iCalendar file: the input is empty');
  if (!/^BEGIN:VCALENDAR\s*$/im.test(body.slice(0, body.search(/\r?\n|$/)))) {
    throw new InputError('', 'not an iCalendar file: it must start with BEGIN:VCALENDAR');
  }
  let jcal: unknown;
  try {
    jcal = ICAL.parse(body);
  } catch (err) {
    throw new InputError('', `not a valid iCalendar file: ${(err as Error).message}`);
  }
  const roots = (
    Array.isArray(jcal) && typeof jcal[0] === 'string' ? [jcal] : (jcal as unknown[])
  ) as unknown[];
  const calendars = roots.map((r) => new ICAL.Component(r as unknown[]));
  if (calendars.length === 0 || calendars.some((c) => c.name !== 'vcalendar')) {
    throw new InputError('', 'not an iCalendar file: expected VCALENDAR components only');
  }
  return calendars;
}

/** Sorts `[s, e]` pairs by start and joins overlapping or touching ones. */
function mergeSorted(flat: number[]): number[] {
  const idx = Array.from({ length: flat.length / 2 }, (_, i) => i);
  idx.sort((a, b) => (flat[2 * a] as number) - (flat[2 * b] as number));
  const out: number[] = [];
  for (const i of idx) {
    const s = flat[2 * i] as number;
    const e = flat[2 * i + 1] as number;
    const n = out.length;
    if (n > 0 && s <= (out[n - 1] as number)) out[n - 1] = Math.max(out[n - 1] as number, e);
    else out.push(s, e);
  }
  return out;
}

/** How an occurrence's end follows from its start: `wall` on the clock, then `exact` elapsed. */
interface Length {
  wall: number;
  exact: number;
}

function durationLength(d: Duration): Length {
  const sign = d.isNegative ? -1 : 1;
  return {
    wall: sign * ((d.weeks ?? 0) * 7 + (d.days ?? 0)) * DAY,
    exact: sign * (((d.hours ?? 0) * 60 + (d.minutes ?? 0)) * 60 + (d.seconds ?? 0)) * 1000,
  };
}

function firstParam(p: Property, name: string): string | undefined {
  const v = p.getParameter(name);
  return Array.isArray(v) ? (v[0] as string | undefined) : (v ?? undefined);
}

function textValue(c: Component, name: string): string {
  const v = c.getFirstPropertyValue(name);
  return typeof v === 'string' ? v.trim().toUpperCase() : '';
}

function isBusy(c: Component): boolean {
  return (
    textValue(c, 'status') !== 'CANCELLED' &&
    textValue(c, 'transp') !== 'TRANSPARENT' &&
    textValue(c, 'x-microsoft-cdo-busystatus') !== 'FREE'
  );
}

class Expansion {
  private readonly fileZones = new Map<string, ZoneRules>();
  private readonly tzidZones = new Map<string, ZoneRules>();

  private readonly calendar: Component;
  private readonly from: number;
  private readonly to: number;
  private readonly floating: ZoneRules;
  private readonly out: number[];
  private readonly budget: OccurrenceBudget;
  constructor(
    calendar: Component,
    from: number,
    to: number,
    floating: ZoneRules,
    out: number[],
    budget: OccurrenceBudget,
  ) {
    this.calendar = calendar;
    this.from = from;
    this.to = to;
    this.floating = floating;
    this.out = out;
    this.budget = budget;
    for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
      const rules = vtimezoneRules(vtz);
      if (rules && !this.fileZones.has(rules.name)) this.fileZones.set(rules.name, rules);
    }
  }

  private zoneOfTzid(tzid: string): ZoneRules {
    let z = this.tzidZones.get(tzid);
    if (!z) {
      z = this.fileZones.get(tzid) ?? zoneFromTzid(tzid) ?? this.floating;
      this.tzidZones.set(tzid, z);
    }
    return z;
  }

  /** The zone in which a property's time is read: UTC, its TZID, or the floating zone. */
  private zoneOf(p: Property, t: Time): ZoneRules {
    if (t.isDate) return this.floating;
    if (t.zone === ICAL.Timezone.utcTimezone) return utcZone;
    const tzid = firstParam(p, 'tzid');
    return tzid ? this.zoneOfTzid(tzid) : this.floating;
  }

  private instantOf(p: Property, t: Time): number {
    return wallToInstant(this.zoneOf(p, t), wallOf(t));
  }

  private add(s: number, e: number) {
    if (e > s && e > this.from && s < this.to) this.out.push(Math.max(s, this.from), Math.min(e, this.to));
  }

  run() {
    const masters: Component[] = [];
    // Overrides by UID, then by the instant of the occurrence they replace; the highest SEQUENCE wins.
    const overrides = new Map<string, Map<number, Component>>();
    for (const ev of this.calendar.getAllSubcomponents('vevent')) {
      const uid = String(ev.getFirstPropertyValue('uid') ?? '');
      const ridProp = ev.getFirstProperty('recurrence-id');
      if (!ridProp) {
        masters.push(ev);
        continue;
      }
      this.guard(uid, 'RECURRENCE-ID', () => {
        const rid = ridProp.getFirstValue() as Time;
        const at = this.instantOf(ridProp, rid);
        let byInstant = overrides.get(uid);
        if (!byInstant) {
          byInstant = new Map();
          overrides.set(uid, byInstant);
        }
        const known = byInstant.get(at);
        const seq = (c: Component) => Number(c.getFirstPropertyValue('sequence') ?? 0);
        if (!known || seq(ev) >= seq(known)) byInstant.set(at, ev);
      });
    }
    const masterByUid = new Map<string, Component>();
    for (const m of masters) {
      const uid = String(m.getFirstPropertyValue('uid') ?? '');
      if (!masterByUid.has(uid)) masterByUid.set(uid, m);
      this.guard(uid, 'DTSTART/RRULE', () => this.expandMaster(m, overrides.get(uid)));
    }
    for (const [uid, byInstant] of overrides) {
      for (const ov of byInstant.values()) {
        this.guard(uid, 'RECURRENCE-ID', () => this.expandOverride(ov, masterByUid.get(uid)));
      }
    }
  }

  /** Runs `fn`, turning ical.js failures on one event into an error that names the event. */
  private guard(uid: string, what: string, fn: () => void) {
    try {
      fn();
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw new InputError(
        '',
        `event ${JSON.stringify(uid)}: cannot read ${what} (${(err as Error).message})`,
      );
    }
  }

  /** The length rule of an event: DURATION, DTEND, or the defaults (one day for a date, else none). */
  private lengthOf(ev: Component, startProp: Property, start: Time): Length | null {
    const durValue = ev.getFirstPropertyValue('duration');
    if (durValue) return durationLength(durValue as Duration);
    const endProp = ev.getFirstProperty('dtend');
    if (endProp) {
      const end = endProp.getFirstValue() as Time;
      if (start.isDate && end.isDate) return { wall: wallOf(end) - wallOf(start), exact: 0 };
      const startZone = this.zoneOf(startProp, start);
      const sameClock = !start.isDate && !end.isDate && startZone === this.zoneOf(endProp, end);
      if (sameClock) return { wall: wallOf(end) - wallOf(start), exact: 0 };
      return { wall: 0, exact: this.instantOf(endProp, end) - this.instantOf(startProp, start) };
    }
    return null;
  }

  private endOf(zone: ZoneRules, wall: number, instant: number, len: Length): number {
    return (len.wall === 0 ? instant : wallToInstant(zone, wall + len.wall)) + len.exact;
  }

  private expandMaster(ev: Component, replaced: Map<number, Component> | undefined) {
    if (!isBusy(ev)) return;
    const startProp = ev.getFirstProperty('dtstart');
    if (!startProp) return;
    const start = startProp.getFirstValue() as Time;
    const zone = this.zoneOf(startProp, start);
    const len = this.lengthOf(ev, startProp, start) ?? { wall: start.isDate ? DAY : 0, exact: 0 };
    // Occurrences by instant (which also removes duplicates between DTSTART, RRULE and RDATE),
    // with the clock reading in DTSTART's zone and, for RDATE periods, their own end.
    const starts = new Map<number, { wall: number; end?: number }>();
    const startWall = wallOf(start);
    starts.set(wallToInstant(zone, startWall), { wall: startWall });

    const rules = ev.getAllProperties('rrule');
    if (rules.length > 0) {
      const fromWall = this.from + zone.offsetAt(this.from);
      // Occurrences starting this long before `from` cannot reach it.
      const reach = Math.max(0, len.wall) + Math.max(0, len.exact) + 2 * DAY;
      for (const rp of rules) {
        const rule = rp.getFirstValue() as Recur;
        const until = untilOf(rule);
        for (const wall of ruleReadings(rule, start, fromWall - reach, this.budget)) {
          const at = wallToInstant(zone, wall);
          if (until && (until.utc ? at > until.limit : wall > until.limit)) break;
          if (at >= this.to) break;
          if (!starts.has(at)) starts.set(at, { wall });
        }
      }
    }
    for (const rp of ev.getAllProperties('rdate')) {
      for (const v of rp.getValues()) {
        this.budget.spend();
        const period = v instanceof ICAL.Period ? (v as Period) : null;
        const t = period ? period.start : (v as Time);
        const at = this.instantOf(rp, t);
        const wall = at + zone.offsetAt(at);
        let end: number | undefined;
        if (period?.end) end = this.instantOf(rp, period.end);
        else if (period?.duration) end = this.endOf(zone, wall, at, durationLength(period.duration));
        starts.set(at, end === undefined ? { wall } : { wall, end });
      }
    }

    const excluded = new Set<number>();
    const excludedDates = new Set<number>();
    for (const xp of ev.getAllProperties('exdate')) {
      for (const v of xp.getValues()) {
        const t = v as Time;
        // A date EXDATE on a timed series removes that day's occurrences (some clients write it so).
        if (t.isDate && !start.isDate) excludedDates.add(wallOf(t));
        else excluded.add(this.instantOf(xp, t));
      }
    }

    for (const [at, occ] of starts) {
      if (excluded.has(at) || replaced?.has(at)) continue;
      if (excludedDates.size > 0 && excludedDates.has(Math.floor(occ.wall / DAY) * DAY)) continue;
      this.add(at, occ.end ?? this.endOf(zone, occ.wall, at, len));
    }
  }

  private expandOverride(ev: Component, master: Component | undefined) {
    if (!isBusy(ev)) return;
    const startProp = ev.getFirstProperty('dtstart') ?? ev.getFirstProperty('recurrence-id');
    if (!startProp) return;
    const start = startProp.getFirstValue() as Time;
    const zone = this.zoneOf(startProp, start);
    let len = this.lengthOf(ev, startProp, start);
    if (!len && master && !start.isDate) {
      // An override that gives no end keeps the series' length.
      const mStart = master.getFirstProperty('dtstart');
      if (mStart) len = this.lengthOf(master, mStart, mStart.getFirstValue() as Time);
    }
    len ??= { wall: start.isDate ? DAY : 0, exact: 0 };
    const wall = wallOf(start);
    const at = wallToInstant(zone, wall);
    this.add(at, this.endOf(zone, wall, at, len));
  }
}
