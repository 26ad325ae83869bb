import type ICAL from 'ical.js';
import { DAY, utcMs, type ZoneRules } from '../slots/local-time.ts';
import {
  floatingTime,
  type OccurrenceBudget,
  type Recur,
  ruleReadings,
  type Time,
  type Until,
  untilOf,
  wallOf,
} from './recur.ts';

/**
 * The budget of the file being read. Rules of a VTIMEZONE are shared between files (see
 * {@link vtimezoneRules}) and read lazily, so their readings are spent from whichever file asks for
 * them; reading is synchronous, so one file is read at a time.
 */
let fileBudget: OccurrenceBudget | null = null;
const zoneBudget = { spend: () => fileBudget?.spend() } as OccurrenceBudget;

/** Runs `fn` with the readings of every time zone rule spent from `budget`. */
export function spendingFrom<T>(budget: OccurrenceBudget, fn: () => T): T {
  const outer = fileBudget;
  fileBudget = budget;
  try {
    return fn();
  } finally {
    fileBudget = outer;
  }
}

type Component = InstanceType<typeof ICAL.Component>;
type UtcOffset = InstanceType<typeof ICAL.UtcOffset>;

interface Observance {
  /** Offsets before and from each onset, milliseconds. */
  from: number;
  to: number;
  start: Time;
  startWall: number;
  startYear: number;
  rule: Recur | null;
  until: Until | null;
  /** Yearly rules whose occurrences in a year do not depend on DTSTART's year. */
  periodic: boolean;
  rdates: number[];
  /** For other rules: readings enumerated so far, and the iterator to extend them. */
  seen: number[];
  more: Generator<number> | null;
  done: boolean;
}

interface YearTable {
  /** Offset in effect before the year's first onset. */
  initial: number;
  at: number[];
  after: number[];
}

function offsetMs(v: unknown): number {
  const o = v as UtcOffset | null;
  if (!o || typeof o.toSeconds !== 'function') return 0;
  return o.toSeconds() * 1000;
}

function isPeriodicYearly(rule: Recur): boolean {
  const parts = rule.parts as Record<string, unknown[] | undefined>;
  const keys = Object.keys(parts).filter((k) => parts[k]?.length);
  return (
    rule.freq === 'YEARLY' &&
    (rule.interval || 1) === 1 &&
    !rule.count &&
    keys.includes('BYMONTH') &&
    (keys.includes('BYDAY') || keys.includes('BYMONTHDAY')) &&
    keys.every((k) => k === 'BYMONTH' || k === 'BYDAY' || k === 'BYMONTHDAY')
  );
}

/**
 * Offset rules of a VTIMEZONE definition (RFC 5545 §3.6.5): each STANDARD/DAYLIGHT observance
 * starts at its DTSTART, RRULE and RDATE readings, read in the offset in force before the onset
 * (TZOFFSETFROM), after which TZOFFSETTO applies. Onsets are computed lazily per year; the usual
 * yearly rules (`FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU`) are evaluated for the year asked only, so an
 * Outlook definition starting in 1601 costs nothing for the centuries in between.
 */
export class VtimezoneRules implements ZoneRules {
  private readonly observances: Observance[];
  private readonly minYear: number;
  private readonly initial: number;
  private readonly onsetCache = new Map<number, { at: number[]; after: number[] }>();
  private readonly tables = new Map<number, YearTable>();

  readonly name: string;
  constructor(name: string, component: Component) {
    this.name = name;
    this.observances = [];
    for (const sub of component.getAllSubcomponents()) {
      if (sub.name !== 'standard' && sub.name !== 'daylight') continue;
      const start = sub.getFirstPropertyValue('dtstart') as Time | null;
      if (!start) continue;
      const rule = (sub.getFirstPropertyValue('rrule') as Recur | null) ?? null;
      const rdates: number[] = [];
      for (const p of sub.getAllProperties('rdate')) {
        for (const v of p.getValues()) {
          const t = (v as { start?: Time }).start ?? (v as Time);
          if (t && typeof t.year === 'number') rdates.push(wallOf(t));
        }
      }
      const startWall = wallOf(start);
      this.observances.push({
        from: offsetMs(sub.getFirstPropertyValue('tzoffsetfrom')),
        to: offsetMs(sub.getFirstPropertyValue('tzoffsetto')),
        start,
        startWall,
        startYear: start.year,
        rule,
        until: rule ? untilOf(rule) : null,
        periodic: rule !== null && isPeriodicYearly(rule),
        rdates,
        seen: [],
        more: null,
        done: false,
      });
    }
    const earliest = [...this.observances].sort((a, b) => a.startWall - a.from - (b.startWall - b.from))[0];
    this.initial = earliest ? earliest.from : 0;
    this.minYear = Math.min(
      ...this.observances.map((o) => o.startYear),
      ...this.observances.flatMap((o) => o.rdates.map(yearOfWall)),
    );
  }

  private within(o: Observance, wall: number): boolean {
    if (wall < o.startWall) return false;
    if (!o.until) return true;
    return o.until.utc ? wall - o.from <= o.until.limit : wall <= o.until.limit;
  }

  /** Clock readings of the observance's rule that fall in `year`. */
  private ruleReadingsIn(o: Observance, year: number): number[] {
    if (!o.rule) return [];
    const out: number[] = [];
    if (o.periodic) {
      const timeOfDay = ((o.startWall % DAY) + DAY) % DAY;
      const from = year === o.startYear ? o.startWall : utcMs(year, 1, 1) + timeOfDay;
      const it = o.rule.clone();
      it.until = null;
      const iter = it.iterator(floatingTime(from, false));
      for (let t = iter.next(); t && t.year <= year; t = iter.next())
        if (t.year === year) out.push(wallOf(t));
      return out;
    }
    o.more ??= ruleReadings(o.rule, o.start, Number.NEGATIVE_INFINITY, zoneBudget);
    while (!o.done && (o.seen.length === 0 || yearOfWall(o.seen[o.seen.length - 1] as number) <= year)) {
      const next = o.more.next();
      if (next.done) o.done = true;
      else {
        o.seen.push(next.value);
        if (o.until && !this.within(o, next.value)) o.done = true;
      }
    }
    for (const w of o.seen) if (yearOfWall(w) === year) out.push(w);
    return out;
  }

  private onsets(year: number): { at: number[]; after: number[] } {
    let r = this.onsetCache.get(year);
    if (r) return r;
    const list: [number, number][] = [];
    for (const o of this.observances) {
      if (o.startYear > year && o.rdates.every((w) => yearOfWall(w) > year)) continue;
      const readings = new Set<number>();
      if (o.startYear === year) readings.add(o.startWall);
      for (const w of this.ruleReadingsIn(o, year)) if (this.within(o, w)) readings.add(w);
      for (const w of o.rdates) if (yearOfWall(w) === year) readings.add(w);
      for (const w of readings) list.push([w - o.from, o.to]);
    }
    list.sort((a, b) => a[0] - b[0]);
    r = { at: list.map((x) => x[0]), after: list.map((x) => x[1]) };
    this.onsetCache.set(year, r);
    return r;
  }

  private table(year: number): YearTable {
    let t = this.tables.get(year);
    if (t) return t;
    let initial = this.initial;
    for (let y = year - 1; y >= this.minYear; y--) {
      const known = this.tables.get(y);
      if (known) {
        initial = known.after.length > 0 ? (known.after[known.after.length - 1] as number) : known.initial;
        break;
      }
      const prev = this.onsets(y);
      if (prev.after.length > 0) {
        initial = prev.after[prev.after.length - 1] as number;
        break;
      }
    }
    t = { initial, ...this.onsets(year) };
    this.tables.set(year, t);
    return t;
  }

  offsetAt(instant: number): number {
    const y = new Date(instant).getUTCFullYear();
    if (y + 1 < this.minYear) return this.initial;
    // An onset read in next year's clock can already have happened (clocks ahead of UTC).
    for (const year of [y + 1, y]) {
      const t = this.table(year);
      for (let i = t.at.length - 1; i >= 0; i--)
        if ((t.at[i] as number) <= instant) return t.after[i] as number;
    }
    return this.table(y).initial;
  }

  transitionsIn(from: number, to: number): number[] {
    const out: number[] = [];
    const y0 = new Date(from).getUTCFullYear();
    const y1 = new Date(to).getUTCFullYear();
    for (let y = y0 - 1; y <= y1 + 1; y++) {
      const t = this.table(y);
      t.at.forEach((at, i) => {
        const before = i === 0 ? t.initial : (t.after[i - 1] as number);
        if (at >= from && at < to && t.after[i] !== before) out.push(at);
      });
    }
    return out.sort((a, b) => a - b);
  }
}

function yearOfWall(wall: number): number {
  return new Date(wall).getUTCFullYear();
}

const cache = new Map<string, VtimezoneRules>();

/**
 * Rules of a VTIMEZONE component, shared between calls for identical definitions (feeds are read
 * again and again with the same VTIMEZONE blocks).
 */
export function vtimezoneRules(component: Component): VtimezoneRules | null {
  const tzid = component.getFirstPropertyValue('tzid');
  if (typeof tzid !== 'string' || tzid === '') return null;
  const key = component.toString();
  let rules = cache.get(key);
  if (!rules) {
    if (cache.size >= 256) cache.clear();
    rules = new VtimezoneRules(tzid, component);
    cache.set(key, rules);
  }
  return rules;
}
