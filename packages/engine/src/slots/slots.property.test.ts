import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { findSlots } from './find.ts';
import type { IsoInterval, SlotsInput } from './input.ts';
import { referenceSlots } from './reference.ts';

// Days with a clock change (and one zone without), so most random windows contain one.
const ZONES: [string, string[]][] = [
  ['Europe/Paris', ['2027-03-28', '2027-10-31']],
  ['America/New_York', ['2027-03-14', '2027-11-07']],
  ['Australia/Sydney', ['2027-04-04', '2027-10-03']],
  ['Australia/Lord_Howe', ['2027-04-04', '2027-10-03']], // half-hour changes
  ['Asia/Kolkata', ['2027-06-15']],
];

const Q = 15; // minutes: every generated time lies on this grid, as the reference expects

const hhmm = (quarters: number) =>
  `${String(Math.floor((quarters * Q) / 60)).padStart(2, '0')}:${String((quarters * Q) % 60).padStart(2, '0')}`;

const interval = fc.record({
  at: fc.integer({ min: -96, max: 96 * 4 }),
  length: fc.integer({ min: 0, max: 40 }),
  utc: fc.boolean(),
});

const problem = fc
  .record({
    zone: fc.constantFrom(...ZONES),
    dayIndex: fc.nat(),
    lead: fc.integer({ min: 0, max: 40 }),
    windowQuarters: fc.integer({ min: 1, max: 96 * 2 }),
    duration: fc.integer({ min: 1, max: 12 }),
    step: fc.integer({ min: 1, max: 8 }),
    dayHours: fc.option(
      fc
        .integer({ min: 0, max: 95 })
        .chain((s) => fc.tuple(fc.constant(s), fc.integer({ min: s + 1, max: 96 }))),
      { nil: undefined },
    ),
    limit: fc.option(fc.integer({ min: 1, max: 25 }), { nil: undefined }),
    participants: fc.array(
      fc.record({
        required: fc.option(fc.boolean(), { nil: undefined }),
        busy: fc.option(fc.array(interval, { maxLength: 5 }), { nil: undefined }),
        ifNeedBe: fc.option(fc.array(interval, { maxLength: 3 }), { nil: undefined }),
      }),
      { maxLength: 4 },
    ),
  })
  .map((g): SlotsInput => {
    const [zone, days] = g.zone;
    const day = days[g.dayIndex % days.length] as string;
    // The window starts up to 10 hours before the local midnight that begins the change day.
    const start = DateTime.fromISO(day, { zone }).minus({ minutes: g.lead * Q });
    const iso = (quarters: number, utc: boolean) => {
      const t = start.plus({ minutes: quarters * Q });
      return (utc ? t.toUTC() : t).toISO() as string;
    };
    const intervals = (
      list: { at: number; length: number; utc: boolean }[] | undefined,
    ): IsoInterval[] | undefined =>
      list?.map((i) => ({ start: iso(i.at, i.utc), end: iso(i.at + i.length, !i.utc) }));
    return {
      timeZone: zone,
      window: { start: iso(0, false), end: iso(g.windowQuarters, false) },
      durationMinutes: g.duration * Q,
      stepMinutes: g.step * Q,
      ...(g.dayHours ? { dayHours: { start: hhmm(g.dayHours[0]), end: hhmm(g.dayHours[1]) } } : {}),
      ...(g.limit === undefined ? {} : { limit: g.limit }),
      participants: g.participants.map((p, i) => ({
        id: `p${i}`,
        ...(p.required === undefined ? {} : { required: p.required }),
        ...(p.busy === undefined ? {} : { busy: intervals(p.busy) }),
        ...(p.ifNeedBe === undefined ? {} : { ifNeedBe: intervals(p.ifNeedBe) }),
      })),
    };
  });

test('slots equals the brute-force reference (DST days in four zones, random day hours)', () => {
  fc.assert(
    fc.property(problem, (input) => {
      const got = findSlots(input).slots;
      const want = referenceSlots(input);
      assert.deepEqual(
        got.map((s) => ({
          start: DateTime.fromISO(s.start).toMillis(),
          end: DateTime.fromISO(s.end).toMillis(),
          free: s.free,
          ifNeedBe: s.ifNeedBe,
          busy: s.busy,
        })),
        want,
      );
      for (const s of got) {
        for (const iso of [s.start, s.end]) {
          // The printed offset is the zone's offset at that instant; seconds, no milliseconds.
          const t = DateTime.fromISO(iso, { setZone: true });
          assert.equal(t.offset, DateTime.fromMillis(t.toMillis(), { zone: input.timeZone }).offset, iso);
          assert.match(iso, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
        }
      }
    }),
    { numRuns: 300 },
  );
});
