import { IANAZone } from 'luxon';

// Instants are epoch milliseconds (UTC). A "wall" time is the local clock reading of a zone encoded
// the same way, as if that reading were UTC: wall = instant + offset. Working on plain numbers keeps
// the slot sweep and the ICS expansion free of per-item date objects.

export const MINUTE = 60_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** A time zone's offset rules: the UTC offset in effect at any instant. */
export interface ZoneRules {
  readonly name: string;
  /** UTC offset (milliseconds, east positive) in effect at `instant`. */
  offsetAt(instant: number): number;
  /** Instants in `[from, to)` at which the offset changes, ascending. */
  transitionsIn(from: number, to: number): number[];
}

export const utcZone: ZoneRules = {
  name: 'UTC',
  offsetAt: () => 0,
  transitionsIn: () => [],
};

/** A zone with one constant offset (such as `UTC+01:00` in some exports). */
export function fixedZone(name: string, offset: number): ZoneRules {
  return { name, offsetAt: () => offset, transitionsIn: () => [] };
}

interface YearTable {
  /** Offset at the first instant of the year. */
  initial: number;
  /** Transition instants within the year, ascending, and the offset from each on. */
  at: number[];
  after: number[];
}

// Offsets are read from the platform's time-zone database (Intl, through luxon) by sampling every
// 3 days and bisecting each change to the second. Since 1970 no zone changes its offset twice
// within 7 days, so the sampling misses nothing; tables are computed once per zone and year.
const SAMPLE = 3 * DAY;

class IanaRules implements ZoneRules {
  private readonly years = new Map<number, YearTable>();
  private readonly zone: IANAZone;

  readonly name: string;
  constructor(name: string) {
    this.name = name;
    this.zone = IANAZone.create(name);
  }

  private raw(instant: number): number {
    return Math.round(this.zone.offset(instant) * 60) * 1000;
  }

  private table(year: number): YearTable {
    let t = this.years.get(year);
    if (t) return t;
    const start = utcMs(year, 1, 1);
    const end = utcMs(year + 1, 1, 1);
    const initial = this.raw(start);
    t = { initial, at: [], after: [] };
    if (this.raw(start - 1000) !== initial) {
      t.at.push(start);
      t.after.push(initial);
    }
    let prevT = start;
    let prevO = initial;
    for (let s = Math.min(start + SAMPLE, end); ; s = Math.min(s + SAMPLE, end)) {
      const o = this.raw(s);
      if (o !== prevO) {
        // The first second at which the offset is no longer prevO lies in (lo, hi].
        let lo = prevT;
        let hi = s;
        while (hi - lo > 1000) {
          const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
          if (this.raw(mid) === prevO) lo = mid;
          else hi = mid;
        }
        if (hi < end) {
          t.at.push(hi);
          t.after.push(this.raw(hi));
        }
      }
      prevT = s;
      prevO = o;
      if (s === end) break;
    }
    this.years.set(year, t);
    return t;
  }

  offsetAt(instant: number): number {
    const t = this.table(yearOf(instant));
    let o = t.initial;
    for (let i = 0; i < t.at.length && (t.at[i] as number) <= instant; i++) o = t.after[i] as number;
    return o;
  }

  transitionsIn(from: number, to: number): number[] {
    const out: number[] = [];
    if (!(to > from)) return out;
    for (let y = yearOf(from); y <= yearOf(to); y++) {
      for (const at of this.table(y).at) if (at >= from && at < to) out.push(at);
    }
    return out;
  }
}

const ianaCache = new Map<string, IanaRules>();

/** Rules of an IANA zone (`Europe/Paris`), or null when the name is not a zone this platform knows. */
export function ianaZone(name: string): ZoneRules | null {
  let z = ianaCache.get(name);
  if (z) return z;
  if (!IANAZone.isValidZone(name)) return null;
  z = new IanaRules(name);
  ianaCache.set(name, z);
  return z;
}

/**
 * The instant at which a zone's clock reads `wall`, following RFC 5545 §3.3.5: a reading that
 * occurs twice (clocks going back) means the first of the two; a reading that does not occur
 * (clocks going forward) is taken with the offset in effect before the gap, so 02:30 on the
 * spring-forward day in Paris is 03:30 CEST.
 */
export function wallToInstant(zone: ZoneRules, wall: number): number {
  const before = zone.offsetAt(wall - 36 * HOUR);
  const after = zone.offsetAt(wall + 36 * HOUR);
  const a = wall - before;
  const aOk = zone.offsetAt(a) === before;
  if (after !== before) {
    const b = wall - after;
    if (zone.offsetAt(b) === after) return aOk ? Math.min(a, b) : b;
  }
  return a;
}

/** Epoch milliseconds of a UTC calendar reading; valid for years 1–9999 (Date.UTC maps 0–99 to 19xx). */
export function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  date.setUTCHours(h, mi, s, ms);
  return date.getTime();
}

function yearOf(instant: number): number {
  return new Date(instant).getUTCFullYear();
}

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(?:(Z)|([+-])(\d{2})(?::?(\d{2}))?)$/i;

/**
 * Parses an ISO-8601 date-time that states its offset (`2027-01-04T09:00:00+01:00`, `…Z`) into
 * epoch milliseconds; null for anything else, including readings without an offset, which would
 * otherwise depend on the machine's zone.
 */
export function parseIsoInstant(text: unknown): number | null {
  if (typeof text !== 'string') return null;
  const m = ISO.exec(text);
  if (!m) return null;
  const [y, mo, d, h, mi] = [m[1], m[2], m[3], m[4], m[5]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const s = m[6] === undefined ? 0 : Number(m[6]);
  const ms = m[7] === undefined ? 0 : Number(m[7].slice(0, 3).padEnd(3, '0'));
  if (y < 1 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59)
    return null;
  let offset = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = m[11] === undefined ? 0 : Number(m[11]);
    if (oh > 18 || om > 59) return null;
    offset = (m[9] === '-' ? -1 : 1) * (oh * 60 + om) * MINUTE;
  }
  return utcMs(y, mo, d, h, mi, s, ms) - offset;
}

export function daysInMonth(y: number, mo: number): number {
  return new Date(utcMs(y, mo + 1, 1) - DAY).getUTCDate();
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function formatReading(wall: number): string {
  const d = new Date(wall);
  const ms = d.getUTCMilliseconds();
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` +
    `T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}` +
    (ms === 0 ? '' : `.${pad(ms, 3)}`)
  );
}

/** `2027-03-26T19:00:00+01:00`: the instant as read in `zone`, with that zone's offset at the time. */
export function formatInZone(instant: number, zone: ZoneRules): string {
  const offset = zone.offsetAt(instant);
  const abs = Math.abs(Math.round(offset / MINUTE));
  return `${formatReading(instant + offset)}${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** `2027-03-16T17:30:00Z`. Milliseconds appear only when they are not zero. */
export function formatUtc(instant: number): string {
  return `${formatReading(instant)}Z`;
}
