import { DateTime, IANAZone } from 'luxon';
import { readJson } from '../../db/json.ts';
import type { timeSources } from './queries.ts';
import { busyTimesSchema, expandRules, type Interval, type Rule, toRule } from './rules.ts';

/**
 * Busy and if-need-be times of several people from the rows they are made of (times.ts reads them):
 * their rules expanded on the organisation's clock (once per rule shape and range, shared by every
 * caller of the same thread), their calendars, the programme's busy events and their confirmed
 * meetings. No database here: the slot finder runs it on a worker thread (compute/worker.ts).
 */

export interface Times {
  busy: Interval[];
  ifNeedBe: Interval[];
}

interface Stretch {
  /** The range to expand on this stretch, on a fixed offset. */
  range: { from: string; to: string; zone: string };
  /** Where the offset changes at either end (null: it does not, before or after the range). */
  cutFrom: string | null;
  cutTo: string | null;
}

const isoUtc = (ms: number) =>
  DateTime.fromMillis(ms, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) as string;

/** A zone's offset as a fixed zone luxon reads: "UTC+1", "UTC-3:30", "UTC". */
function fixedZone(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const a = Math.abs(minutes);
  const mm = a % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(a / 60)}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`;
}

/**
 * The range cut where the zone's offset from UTC changes (a clock change, found to the minute),
 * looking three days before it for occurrences that run into it. Each stretch keeps one offset.
 */
function steadyStretches(range: { from: string; to: string; zone: string }): Stretch[] {
  const zone = IANAZone.create(range.zone);
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  if (!zone.isValid || !(from < to)) return [{ range, cutFrom: null, cutTo: null }];
  const cuts: number[] = [];
  const day = 86_400_000;
  for (let t = from - 3 * day; t < to; t += day) {
    const next = Math.min(t + day, to);
    if (zone.offset(t) === zone.offset(next)) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (zone.offset(mid) === zone.offset(lo)) lo = mid;
      else hi = mid;
    }
    cuts.push(hi);
  }
  const bounds = [null, ...cuts, null];
  const out: Stretch[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i] ?? null;
    const b = bounds[i + 1] ?? null;
    const lo = a === null ? from : Math.max(from, a);
    const hi = b === null ? to : Math.min(to, b);
    if (lo >= hi) continue;
    out.push({
      range: {
        from: lo === from ? range.from : isoUtc(lo),
        to: hi === to ? range.to : isoUtc(hi),
        zone: fixedZone(zone.offset(lo)),
      },
      cutFrom: a === null ? null : isoUtc(a),
      cutTo: b === null ? null : isoUtc(b),
    });
  }
  return out;
}

/** Keeps the part of an interval within its stretch (whole when the offset does not change). */
function clip(iv: Interval, s: Stretch, into: Interval[]) {
  const start = s.cutFrom && Date.parse(iv.start) < Date.parse(s.cutFrom) ? s.cutFrom : iv.start;
  const end = s.cutTo && Date.parse(iv.end) > Date.parse(s.cutTo) ? s.cutTo : iv.end;
  if (Date.parse(start) < Date.parse(end))
    into.push(start === iv.start && end === iv.end ? iv : { start, end });
}

/**
 * The part of a range where a rule bounded by dates can have occurrences: from its first day to
 * three days after its last (a night that runs into the next morning, and the rest day after it);
 * null when there is none.
 */
function boundedRange(rule: Rule, range: { from: string; to: string; zone: string }) {
  const day = (d: string, plus: number) =>
    DateTime.fromISO(d, { zone: range.zone }).plus({ days: plus }).toUTC().toISO() as string;
  const from = rule.fromDate ? day(rule.fromDate, 0) : null;
  const to = rule.toDate ? day(rule.toDate, 3) : null;
  const within = {
    from: from && Date.parse(from) > Date.parse(range.from) ? from : range.from,
    to: to && Date.parse(to) < Date.parse(range.to) ? to : range.to,
    zone: range.zone,
  };
  return Date.parse(within.from) < Date.parse(within.to) ? within : null;
}

/**
 * Expansions of rules over ranges, shared by every request: an expansion depends only on the rule
 * (its category aside) and the range, and the matching screen asks for the same range all day
 * long, for rules that many people keep. Frozen, as every caller shares them.
 */
const expansions = new Map<string, Times>();
const EXPANSIONS_KEPT = 20_000;

const frozen = (list: Interval[]): Interval[] => {
  for (const iv of list) Object.freeze(iv);
  return Object.freeze(list) as Interval[];
};

/** The range expanded for a rule, cached; `stretches` cut the range where the offset changes. */
function expandCached(
  rule: Rule,
  range: { from: string; to: string; zone: string },
  stretches: Stretch[],
): Times {
  const { category: _, ...shape } = rule;
  const key = `${range.from}|${range.to}|${range.zone}|${JSON.stringify(shape)}`;
  let t = expansions.get(key);
  if (t) {
    // Most recently used last: the oldest entries are the first to go.
    expansions.delete(key);
    expansions.set(key, t);
    return t;
  }
  const busy: Interval[] = [];
  const ifNeedBe: Interval[] = [];
  for (const s of stretches) {
    const within = boundedRange(rule, s.range);
    if (!within) continue;
    const part = expandRules([rule], within);
    for (const iv of part.busy) clip(iv, s, busy);
    for (const iv of part.ifNeedBe) clip(iv, s, ifNeedBe);
  }
  t = { busy: frozen(busy), ifNeedBe: frozen(ifNeedBe) };
  expansions.set(key, t);
  if (expansions.size > EXPANSIONS_KEPT) expansions.delete(expansions.keys().next().value as string);
  return t;
}

const byUser = <T extends { user_id: string }>(rows: T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.user_id);
    if (list) list.push(r);
    else m.set(r.user_id, [r]);
  }
  return m;
};

/** The rows of `timeSources`: rules, calendars, the programme's busy events, confirmed meetings. */
export type TimeSources = Awaited<ReturnType<typeof timeSources>>;

/**
 * Busy and if-need-be times of each person of `userIds` between two instants of `range`, from the
 * rows of `timeSources`. `declared` says whether the person keeps any rule or calendar of their
 * own: without one, their times say nothing about their habits.
 */
export function timesFromSources(
  [rules, calendars, events, meetings]: TimeSources,
  userIds: string[],
  range: { from: string; to: string; zone: string },
): Map<string, Times & { declared: boolean }> {
  const rulesBy = byUser(rules);
  const calendarsBy = byUser(calendars);
  const meetingsBy = byUser(meetings);
  // An occurrence depends only on its rule: a rule several people keep (the weekday internship, the
  // cohort's course day) is expanded once, and a rule bounded by dates only over its dates.
  // Rules are expanded on a fixed offset from UTC over each stretch of the range where the zone
  // keeps one (the same clock, read without the zone's rules at every step), cut at each change.
  const stretches = steadyStretches(range);
  const out = new Map<string, Times & { declared: boolean }>();
  for (const id of userIds) {
    const ownRules = rulesBy.get(id) ?? [];
    const ownCalendars = calendarsBy.get(id) ?? [];
    const mine: Times = { busy: [], ifNeedBe: [] };
    for (const r of ownRules) {
      const t = expandCached(toRule(r), range, stretches);
      for (const b of t.busy) mine.busy.push(b);
      for (const b of t.ifNeedBe) mine.ifNeedBe.push(b);
    }
    for (const c of ownCalendars)
      for (const b of readJson(busyTimesSchema, c.busy, 'calendar_sources.busy')) mine.busy.push(b);
    for (const e of events) mine.busy.push({ start: e.starts_at, end: e.ends_at });
    for (const m of meetingsBy.get(id) ?? []) {
      mine.busy.push({ start: m.starts_at as string, end: m.ends_at as string });
    }
    out.set(id, { ...mine, declared: ownRules.length > 0 || ownCalendars.length > 0 });
  }
  return out;
}
