import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { busyFromIcs } from './expand.ts';
import { icsDocument, PARIS_VTIMEZONE, vevent } from './testing.ts';

// Weekly series written the ways exporters write them, against occurrences computed by hand with
// luxon's calendar arithmetic: week w of the series starts on Monday (WKST=MO) w × INTERVAL weeks
// after DTSTART's week, each BYDAY day of it at DTSTART's clock time, the first COUNT of those not
// before DTSTART, minus EXDATEs; each lasts DTEND − DTSTART on the clock.

/** How the zone is written: TZID (with or without a VTIMEZONE block) or floating with --time-zone. */
const SPELLINGS = [
  { zone: 'Europe/Paris', tzid: 'Europe/Paris', block: PARIS_VTIMEZONE },
  { zone: 'Europe/Paris', tzid: 'Europe/Paris', block: [] },
  { zone: 'Europe/Paris', tzid: '"Romance Standard Time"', block: [] },
  { zone: 'America/New_York', tzid: 'Eastern Standard Time', block: [] },
  { zone: 'Europe/Paris', tzid: null, block: [] },
  { zone: 'America/New_York', tzid: null, block: [] },
] as const;

const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

const series = fc.record({
  startDay: fc.integer({ min: 0, max: 330 }),
  // 05:00–23:45, so that no start falls in the hour that clock changes skip or repeat
  startQuarter: fc.integer({ min: 20, max: 95 }),
  minutes: fc.integer({ min: 1, max: 64 }).map((q) => q * 15),
  interval: fc.integer({ min: 1, max: 3 }),
  count: fc.integer({ min: 1, max: 20 }),
  extraDays: fc.subarray([1, 2, 3, 4, 5, 6, 7]),
  exdates: fc.array(fc.nat(), { maxLength: 4 }),
  exdateUtc: fc.boolean(),
  state: fc.constantFrom('busy', 'busy', 'busy', 'transparent', 'cancelled'),
});

const problem = fc.record({
  spelling: fc.constantFrom(...SPELLINGS),
  series: fc.array(series, { minLength: 1, maxLength: 4 }),
  fromDay: fc.integer({ min: 0, max: 330 }),
  lengthHours: fc.integer({ min: 1, max: 24 * 60 }),
});

type Problem = typeof problem extends fc.Arbitrary<infer T> ? T : never;

const stamp = (t: DateTime) => t.toFormat("yyyyMMdd'T'HHmmss");

function build(p: Problem) {
  const { zone, tzid, block } = p.spelling;
  const base = DateTime.fromObject({ year: 2027, month: 1, day: 1 }, { zone });
  const lines: string[] = [...block];
  const expected: [number, number][] = [];
  p.series.forEach((s, i) => {
    const start = base
      .plus({ days: s.startDay })
      .set({ hour: Math.floor(s.startQuarter / 4), minute: (s.startQuarter % 4) * 15 });
    // The end's clock reading; moved out of the 02:00 hour, which clock changes skip or repeat.
    let minutes = s.minutes;
    const wallEnd = () => DateTime.fromObject(start.toObject(), { zone: 'UTC' }).plus({ minutes });
    if (wallEnd().hour === 2) minutes += 60;
    const endWall = wallEnd();
    const weekdays = [...new Set([start.weekday, ...s.extraDays])].sort((a, b) => a - b);

    const occurrences: DateTime[] = [];
    const week0 = start.startOf('week');
    for (let w = 0; occurrences.length < s.count; w += s.interval) {
      for (const d of weekdays) {
        const t = week0.plus({ weeks: w, days: d - 1 }).set({ hour: start.hour, minute: start.minute });
        if (t < start || occurrences.length >= s.count) continue;
        occurrences.push(t);
      }
    }
    const excluded = new Set(s.exdates.map((k) => k % occurrences.length));
    const at = (t: DateTime) => (tzid ? `;TZID=${tzid}:${stamp(t)}` : `:${stamp(t)}`);
    const properties = [
      `DTSTART${at(start)}`,
      `DTEND${at(DateTime.fromObject(endWall.toObject(), { zone }))}`,
      `RRULE:FREQ=WEEKLY;INTERVAL=${s.interval};COUNT=${s.count};BYDAY=${weekdays.map((d) => DAYS[d - 1]).join(',')}`,
    ];
    for (const k of excluded) {
      const t = occurrences[k] as DateTime;
      properties.push(s.exdateUtc ? `EXDATE:${stamp(t.toUTC())}Z` : `EXDATE${at(t)}`);
    }
    if (s.state === 'transparent') properties.push('TRANSP:TRANSPARENT');
    if (s.state === 'cancelled') properties.push('STATUS:CANCELLED');
    lines.push(...vevent(`series-${i}@example.org`, properties));
    if (s.state !== 'busy') return;
    occurrences.forEach((t, k) => {
      if (excluded.has(k)) return;
      const wall = DateTime.fromObject(t.toObject(), { zone: 'UTC' }).plus({ minutes });
      expected.push([t.toMillis(), DateTime.fromObject(wall.toObject(), { zone }).toMillis()]);
    });
  });
  const from = base.plus({ days: p.fromDay });
  const to = from.plus({ hours: p.lengthHours });
  const clipped = expected
    .map(([s, e]) => [Math.max(s, from.toMillis()), Math.min(e, to.toMillis())] as [number, number])
    .filter(([s, e]) => s < e)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [s, e] of clipped) {
    const last = merged.at(-1);
    if (last && s <= last[1]) last[1] = Math.max(last[1], e);
    else merged.push([s, e]);
  }
  return {
    ics: icsDocument(lines, '-//Compagnon//property//FR'),
    options: { from: from.toISO() as string, to: to.toUTC().toISO() as string, timeZone: zone },
    expected: merged.map(([s, e]) => ({
      start: DateTime.fromMillis(s, { zone: 'UTC' }).toISO({ suppressMilliseconds: true }),
      end: DateTime.fromMillis(e, { zone: 'UTC' }).toISO({ suppressMilliseconds: true }),
    })),
  };
}

test('busy equals hand-computed occurrences of weekly series (COUNT, INTERVAL, BYDAY, EXDATE, zones)', () => {
  fc.assert(
    fc.property(problem, (p) => {
      const { ics, options, expected } = build(p);
      assert.deepEqual(busyFromIcs(ics, options).busy, expected);
    }),
    { numRuns: 300 },
  );
});
