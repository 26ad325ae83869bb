import { InputError } from '../errors.ts';
import { DAY, ianaZone, MINUTE, parseIsoInstant, type ZoneRules } from './local-time.ts';

/** A time interval `[start, end)`, ISO-8601 date-times with an offset or `Z`. */
export interface IsoInterval {
  start: string;
  end: string;
}

export interface SlotsParticipant {
  /** Non-empty, unique among participants. */
  id: string;
  /** A slot is eligible only if every required participant is free or if-need-be. Default false. */
  required?: boolean;
  /** Default []. */
  busy?: IsoInterval[];
  /** Times the participant would rather avoid but could make. Default []. */
  ifNeedBe?: IsoInterval[];
}

/** Input of the `slots` command (shared/formats/ENGINE-CLI.md). */
export interface SlotsInput {
  /** IANA zone in which `dayHours` and the output offsets are read. */
  timeZone: string;
  /** Candidates start at `window.start + k × stepMinutes` and end by `window.end`. */
  window: IsoInterval;
  /** Elapsed minutes (a positive integer); a slot across a clock change lasts that long in real time. */
  durationMinutes: number;
  /** Positive integer. */
  stepMinutes: number;
  /** Local clock hours `HH:MM` (`end` may be `24:00`); default the whole day, 00:00–24:00. */
  dayHours?: { start: string; end: string };
  participants: SlotsParticipant[];
  /** Positive integer, default {@link DEFAULT_LIMIT}. */
  limit?: number;
}

export const DEFAULT_LIMIT = 10;
/** Upper bounds on candidate starts (window length / step) and on the window, so a typo cannot run for minutes. */
export const MAX_CANDIDATES = 1_000_000;
export const MAX_WINDOW_DAYS = 3700;

/** Validated input with instants as epoch milliseconds and intervals sorted and merged. */
export interface SlotsProblem {
  zone: ZoneRules;
  windowStart: number;
  windowEnd: number;
  duration: number;
  step: number;
  /** Milliseconds after local midnight. */
  dayStart: number;
  dayEnd: number;
  limit: number;
  participants: ParsedParticipant[];
}

export interface ParsedParticipant {
  id: string;
  required: boolean;
  /** Disjoint, non-touching, ascending `[start, end)` pairs, flattened: [s0, e0, s1, e1, …]. */
  busy: Float64Array;
  ifNeedBe: Float64Array;
}

type Obj = Record<string, unknown>;

function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function positiveInteger(v: unknown, pointer: string, name: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v <= 0) {
    throw new InputError(pointer, `${name} must be a positive integer (got ${JSON.stringify(v)})`);
  }
  return v;
}

function instant(v: unknown, pointer: string): number {
  const t = parseIsoInstant(v);
  if (t === null) {
    throw new InputError(
      pointer,
      `expected an ISO-8601 date-time with an offset or Z, like 2027-01-04T09:00:00+01:00 (got ${JSON.stringify(v)})`,
    );
  }
  return t;
}

function clock(v: unknown, pointer: string, allow24: boolean): number {
  const m = typeof v === 'string' ? /^(\d{2}):(\d{2})$/.exec(v) : null;
  const h = m ? Number(m[1]) : Number.NaN;
  const mi = m ? Number(m[2]) : Number.NaN;
  const ok = m !== null && mi <= 59 && (h <= 23 || (allow24 && h === 24 && mi === 0));
  if (!ok) {
    throw new InputError(
      pointer,
      `expected a local time HH:MM${allow24 ? ' (up to 24:00)' : ''} (got ${JSON.stringify(v)})`,
    );
  }
  return (h * 60 + mi) * MINUTE;
}

function intervals(v: unknown, pointer: string): Float64Array {
  if (v === undefined) return new Float64Array(0);
  if (!Array.isArray(v)) throw new InputError(pointer, 'expected an array of {start, end} intervals');
  const pairs: [number, number][] = [];
  v.forEach((item, i) => {
    const p = `${pointer}/${i}`;
    if (!isObject(item)) throw new InputError(p, 'expected an interval {start, end}');
    const s = instant(item.start, `${p}/start`);
    const e = instant(item.end, `${p}/end`);
    if (e < s) throw new InputError(`${p}/end`, 'end must not be before start');
    if (e > s) pairs.push([s, e]);
  });
  pairs.sort((a, b) => a[0] - b[0]);
  // Touching intervals are merged too: for half-open overlap tests [a,b)∪[b,c) behaves as [a,c).
  const out: number[] = [];
  for (const [s, e] of pairs) {
    const n = out.length;
    if (n > 0 && s <= (out[n - 1] as number)) out[n - 1] = Math.max(out[n - 1] as number, e);
    else out.push(s, e);
  }
  return Float64Array.from(out);
}

/** Validates `slots` input; every error names the offending field with a JSON pointer. */
export function parseSlotsInput(value: unknown): SlotsProblem {
  if (!isObject(value))
    throw new InputError('', 'expected a JSON object with timeZone, window, durationMinutes, …');
  if (typeof value.timeZone !== 'string')
    throw new InputError('/timeZone', 'expected an IANA time-zone name like Europe/Paris');
  const zone = ianaZone(value.timeZone);
  if (!zone) throw new InputError('/timeZone', `unknown IANA time zone ${JSON.stringify(value.timeZone)}`);

  if (!isObject(value.window)) throw new InputError('/window', 'expected {start, end}');
  const windowStart = instant(value.window.start, '/window/start');
  const windowEnd = instant(value.window.end, '/window/end');
  if (windowEnd <= windowStart) throw new InputError('/window/end', 'window.end must be after window.start');
  if (windowEnd - windowStart > MAX_WINDOW_DAYS * DAY) {
    throw new InputError('/window/end', `the window may span at most ${MAX_WINDOW_DAYS} days`);
  }

  const duration = positiveInteger(value.durationMinutes, '/durationMinutes', 'durationMinutes') * MINUTE;
  const step = positiveInteger(value.stepMinutes, '/stepMinutes', 'stepMinutes') * MINUTE;
  if ((windowEnd - windowStart) / step > MAX_CANDIDATES) {
    throw new InputError(
      '/stepMinutes',
      `the window holds more than ${MAX_CANDIDATES} candidate starts; use a longer step or a shorter window`,
    );
  }

  let dayStart = 0;
  let dayEnd = 24 * 60 * MINUTE;
  if (value.dayHours !== undefined) {
    if (!isObject(value.dayHours))
      throw new InputError('/dayHours', 'expected {start: "HH:MM", end: "HH:MM"}');
    dayStart = clock(value.dayHours.start, '/dayHours/start', false);
    dayEnd = clock(value.dayHours.end, '/dayHours/end', true);
    if (dayEnd <= dayStart)
      throw new InputError('/dayHours/end', 'dayHours.end must be after dayHours.start');
  }

  const limit = value.limit === undefined ? DEFAULT_LIMIT : positiveInteger(value.limit, '/limit', 'limit');

  if (!Array.isArray(value.participants))
    throw new InputError('/participants', 'expected an array of participants');
  const seen = new Set<string>();
  const participants = value.participants.map((p, i): ParsedParticipant => {
    const ptr = `/participants/${i}`;
    if (!isObject(p)) throw new InputError(ptr, 'expected a participant {id, busy, ifNeedBe}');
    if (typeof p.id !== 'string' || p.id === '')
      throw new InputError(`${ptr}/id`, 'expected a non-empty string');
    if (seen.has(p.id)) throw new InputError(`${ptr}/id`, `duplicate participant id ${JSON.stringify(p.id)}`);
    seen.add(p.id);
    if (p.required !== undefined && typeof p.required !== 'boolean') {
      throw new InputError(`${ptr}/required`, 'expected true or false');
    }
    return {
      id: p.id,
      required: p.required === true,
      busy: intervals(p.busy, `${ptr}/busy`),
      ifNeedBe: intervals(p.ifNeedBe, `${ptr}/ifNeedBe`),
    };
  });

  return { zone, windowStart, windowEnd, duration, step, dayStart, dayEnd, limit, participants };
}
