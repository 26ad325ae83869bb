import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { cli, contractDir } from '../cli/testing.ts';
import { findSlots } from './find.ts';
import type { SlotsInput } from './input.ts';

const read = (name: string) => readFileSync(join(contractDir, name), 'utf8');

function run(input: Partial<SlotsInput> & Pick<SlotsInput, 'window'>) {
  return findSlots({
    timeZone: 'Europe/Paris',
    durationMinutes: 60,
    stepMinutes: 60,
    participants: [],
    limit: 100,
    ...input,
  }).slots;
}

const starts = (slots: { start: string }[]) => slots.map((s) => s.start);

test('contract example: slots.input.json gives slots.output.json', () => {
  const r = cli(['slots'], read('slots.input.json'));
  assert.equal(r.code, 0, r.err);
  assert.equal(r.err, '');
  assert.deepEqual(JSON.parse(r.out), JSON.parse(read('slots.output.json')));
});

test('--input FILE reads the same document', () => {
  const r = cli(['slots', '--input', join(contractDir, 'slots.input.json')], '');
  assert.deepEqual(JSON.parse(r.out), JSON.parse(read('slots.output.json')));
});

describe('Europe/Paris, spring forward (Sunday 28 March 2027, 02:00 → 03:00)', () => {
  const window = { start: '2027-03-28T00:00:00+01:00', end: '2027-03-29T00:00:00+02:00' };

  test('the day has 23 hourly slots and no clock reading in 02:00–03:00', () => {
    const slots = run({ window });
    assert.equal(slots.length, 23);
    assert.deepEqual(starts(slots).slice(0, 4), [
      '2027-03-28T00:00:00+01:00',
      '2027-03-28T01:00:00+01:00',
      '2027-03-28T03:00:00+02:00',
      '2027-03-28T04:00:00+02:00',
    ]);
    assert.equal(slots.at(-1)?.end, '2027-03-29T00:00:00+02:00');
    assert.ok(slots.every((s) => !s.start.includes('T02:')));
  });

  test('a meeting lasts its minutes in real time across the change', () => {
    const slots = run({ window, durationMinutes: 120, stepMinutes: 60, limit: 2 });
    assert.deepEqual(
      slots.map((s) => [s.start, s.end]),
      [
        ['2027-03-28T00:00:00+01:00', '2027-03-28T03:00:00+02:00'],
        ['2027-03-28T01:00:00+01:00', '2027-03-28T04:00:00+02:00'],
      ],
    );
  });

  test('day hours starting inside the missing hour start at 03:00', () => {
    const slots = run({
      window,
      dayHours: { start: '02:30', end: '04:00' },
      durationMinutes: 30,
      stepMinutes: 30,
    });
    assert.deepEqual(starts(slots), ['2027-03-28T03:00:00+02:00', '2027-03-28T03:30:00+02:00']);
  });

  test('day hours ending inside the missing hour end at 02:00 (= 03:00 CEST)', () => {
    const slots = run({
      window,
      dayHours: { start: '01:00', end: '02:30' },
      durationMinutes: 30,
      stepMinutes: 30,
    });
    assert.deepEqual(starts(slots), ['2027-03-28T01:00:00+01:00', '2027-03-28T01:30:00+01:00']);
  });

  test('08:00–21:00 on the change day are read on the new clock', () => {
    const slots = run({ window, dayHours: { start: '08:00', end: '21:00' } });
    assert.equal(slots.length, 13);
    assert.equal(slots[0]?.start, '2027-03-28T08:00:00+02:00');
    assert.equal(slots.at(-1)?.end, '2027-03-28T21:00:00+02:00');
  });
});

describe('Europe/Paris, fall back (Sunday 31 October 2027, 03:00 → 02:00)', () => {
  const window = { start: '2027-10-31T00:00:00+02:00', end: '2027-11-01T00:00:00+01:00' };

  test('the day has 25 hourly slots; 02:00 occurs twice', () => {
    const slots = run({ window });
    assert.equal(slots.length, 25);
    assert.deepEqual(starts(slots).slice(1, 5), [
      '2027-10-31T01:00:00+02:00',
      '2027-10-31T02:00:00+02:00',
      '2027-10-31T02:00:00+01:00',
      '2027-10-31T03:00:00+01:00',
    ]);
  });

  test('a meeting may run through the repeated hour (same local date throughout)', () => {
    const slots = run({ window, stepMinutes: 30, limit: 100 });
    const across = slots.find((s) => s.start === '2027-10-31T02:30:00+02:00');
    assert.equal(across?.end, '2027-10-31T02:30:00+01:00');
  });

  test('day hours starting inside the repeated hour exclude its second pass before the bound', () => {
    const half = run({
      window,
      dayHours: { start: '02:30', end: '04:00' },
      durationMinutes: 30,
      stepMinutes: 30,
    });
    assert.deepEqual(starts(half), [
      '2027-10-31T02:30:00+02:00',
      '2027-10-31T02:30:00+01:00',
      '2027-10-31T03:00:00+01:00',
      '2027-10-31T03:30:00+01:00',
    ]);
    // 02:30 CEST → 02:30 CET would show 02:00–02:30 CET on the clock, outside the hours.
    const hour = run({
      window,
      dayHours: { start: '02:30', end: '04:00' },
      durationMinutes: 60,
      stepMinutes: 30,
    });
    assert.deepEqual(starts(hour), ['2027-10-31T02:30:00+01:00', '2027-10-31T03:00:00+01:00']);
  });

  test('08:00–21:00 on the change day are read on the new clock', () => {
    const slots = run({ window, dayHours: { start: '08:00', end: '21:00' } });
    assert.equal(slots.length, 13);
    assert.equal(slots[0]?.start, '2027-10-31T08:00:00+01:00');
  });
});

test('a meeting never crosses local midnight', () => {
  const slots = run({
    window: { start: '2027-01-04T22:00:00+01:00', end: '2027-01-05T02:00:00+01:00' },
    stepMinutes: 30,
  });
  assert.deepEqual(starts(slots), [
    '2027-01-04T22:00:00+01:00',
    '2027-01-04T22:30:00+01:00',
    '2027-01-04T23:00:00+01:00',
    '2027-01-05T00:00:00+01:00',
    '2027-01-05T00:30:00+01:00',
    '2027-01-05T01:00:00+01:00',
  ]);
});

test('candidates follow the window start grid, not the hour', () => {
  const slots = run({
    window: { start: '2027-01-04T08:10:00+01:00', end: '2027-01-04T11:00:00+01:00' },
    dayHours: { start: '08:00', end: '10:00' },
    durationMinutes: 30,
    stepMinutes: 20,
  });
  assert.deepEqual(starts(slots), [
    '2027-01-04T08:10:00+01:00',
    '2027-01-04T08:30:00+01:00',
    '2027-01-04T08:50:00+01:00',
    '2027-01-04T09:10:00+01:00',
    '2027-01-04T09:30:00+01:00',
  ]);
});

describe('availability and ranking', () => {
  const window = { start: '2027-01-04T09:00:00+01:00', end: '2027-01-04T12:00:00+01:00' };

  test('intervals are half-open: a busy interval ending at the slot start does not overlap', () => {
    const slots = run({
      window,
      participants: [{ id: 'a', busy: [{ start: '2027-01-04T08:00:00Z', end: '2027-01-04T09:00:00Z' }] }],
    });
    // 09:00Z is 10:00 in Paris: busy 09:00–10:00 local, free from 10:00.
    assert.deepEqual(
      slots.map((s) => [s.start, s.free, s.busy]),
      [
        ['2027-01-04T10:00:00+01:00', ['a'], []],
        ['2027-01-04T11:00:00+01:00', ['a'], []],
        ['2027-01-04T09:00:00+01:00', [], ['a']],
      ],
    );
  });

  test('more available first, then fewer if-need-be, then earlier; lists in input order', () => {
    const slots = run({
      window,
      participants: [
        { id: 'z', ifNeedBe: [{ start: '2027-01-04T09:00:00+01:00', end: '2027-01-04T10:00:00+01:00' }] },
        { id: 'y', busy: [{ start: '2027-01-04T11:00:00+01:00', end: '2027-01-04T12:00:00+01:00' }] },
        { id: 'x' },
      ],
    });
    assert.deepEqual(
      slots.map((s) => ({ start: s.start.slice(11, 16), free: s.free, ifNeedBe: s.ifNeedBe, busy: s.busy })),
      [
        { start: '10:00', free: ['z', 'y', 'x'], ifNeedBe: [], busy: [] },
        { start: '09:00', free: ['y', 'x'], ifNeedBe: ['z'], busy: [] },
        { start: '11:00', free: ['z', 'x'], ifNeedBe: [], busy: ['y'] },
      ],
    );
  });

  test('a busy required participant rules the slot out; if-need-be does not', () => {
    const slots = run({
      window,
      participants: [
        {
          id: 'tutor',
          required: true,
          busy: [{ start: '2027-01-04T10:00:00+01:00', end: '2027-01-04T11:00:00+01:00' }],
          ifNeedBe: [{ start: '2027-01-04T11:00:00+01:00', end: '2027-01-04T12:00:00+01:00' }],
        },
      ],
    });
    assert.deepEqual(
      slots.map((s) => [s.start.slice(11, 16), s.ifNeedBe]),
      [
        ['09:00', []],
        ['11:00', ['tutor']],
      ],
    );
  });

  test('limit defaults to 10, required to false, busy and ifNeedBe to []', () => {
    const slots = findSlots({
      timeZone: 'Europe/Paris',
      window: { start: '2027-01-04T00:00:00+01:00', end: '2027-01-05T00:00:00+01:00' },
      durationMinutes: 60,
      stepMinutes: 60,
      participants: [
        { id: 'a', busy: [{ start: '2027-01-04T00:00:00+01:00', end: '2027-01-05T00:00:00+01:00' }] },
      ],
    }).slots;
    assert.equal(slots.length, 10);
    assert.deepEqual(slots[0]?.busy, ['a']);
  });

  test('no eligible slot gives an empty list', () => {
    const slots = run({
      window,
      participants: [{ id: 'a', required: true, busy: [{ start: window.start, end: window.end }] }],
    });
    assert.deepEqual(slots, []);
  });
});

test('other zones: output offsets are those of the zone at each instant', () => {
  const slots = findSlots({
    timeZone: 'America/New_York',
    window: { start: '2027-03-13T12:00:00Z', end: '2027-03-15T12:00:00Z' },
    durationMinutes: 60,
    stepMinutes: 60,
    dayHours: { start: '09:00', end: '10:00' },
    participants: [],
  }).slots;
  // 12:00Z is 07:00 EST on the 13th and 08:00 EDT on the 15th.
  assert.deepEqual(starts(slots), ['2027-03-13T09:00:00-05:00', '2027-03-14T09:00:00-04:00']);
  const kolkata = findSlots({
    timeZone: 'Asia/Kolkata',
    window: { start: '2027-01-04T00:00:00Z', end: '2027-01-05T00:00:00Z' },
    durationMinutes: 30,
    stepMinutes: 30,
    dayHours: { start: '09:00', end: '09:30' },
    participants: [],
  }).slots;
  assert.deepEqual(starts(kolkata), ['2027-01-04T09:00:00+05:30']);
});

// biome-ignore lint/suspicious/noExplicitAny: the cases below edit arbitrary places of a JSON document
type Json = any;

describe('invalid input: exit 2, nothing on stdout, one line naming the field', () => {
  const base = JSON.parse(read('slots.input.json')) as Json;
  const cases: [string, (x: Json) => void, RegExp][] = [
    [
      'unparseable busy start',
      (x) => (x.participants[2].busy[0].start = 'tomorrow'),
      /\/participants\/2\/busy\/0\/start/,
    ],
    ['date-time without offset', (x) => (x.window.start = '2027-03-22T00:00:00'), /\/window\/start/],
    [
      'impossible date',
      (x) => (x.participants[1].ifNeedBe[0].end = '2027-02-30T10:00:00Z'),
      /\/participants\/1\/ifNeedBe\/0\/end/,
    ],
    [
      'interval ending before it starts',
      (x) => (x.participants[0].busy[1].end = '2027-03-01T00:00:00Z'),
      /\/participants\/0\/busy\/1\/end/,
    ],
    ['window end before start', (x) => (x.window.end = '2027-03-01T00:00:00+01:00'), /\/window\/end/],
    ['window end equal to start', (x) => (x.window.end = x.window.start), /\/window\/end/],
    [
      'window over ten years',
      (x) => (x.window.end = '2050-01-01T00:00:00Z'),
      /\/window\/end: the window may span at most/,
    ],
    ['unknown zone', (x) => (x.timeZone = 'Europe/Lutece'), /\/timeZone/],
    ['missing zone', (x) => delete x.timeZone, /\/timeZone/],
    ['zero duration', (x) => (x.durationMinutes = 0), /\/durationMinutes/],
    ['fractional step', (x) => (x.stepMinutes = 7.5), /\/stepMinutes/],
    ['string step', (x) => (x.stepMinutes = '30'), /\/stepMinutes/],
    ['bad day hour', (x) => (x.dayHours.start = '8h'), /\/dayHours\/start/],
    ['day hours reversed', (x) => (x.dayHours = { start: '18:00', end: '08:00' }), /\/dayHours\/end/],
    ['24:30', (x) => (x.dayHours.end = '24:30'), /\/dayHours\/end/],
    ['negative limit', (x) => (x.limit = -1), /\/limit/],
    ['duplicate id', (x) => (x.participants[1].id = 'tutor'), /\/participants\/1\/id/],
    ['empty id', (x) => (x.participants[0].id = ''), /\/participants\/0\/id/],
    ['required not boolean', (x) => (x.participants[0].required = 'yes'), /\/participants\/0\/required/],
    ['busy not an array', (x) => (x.participants[0].busy = {}), /\/participants\/0\/busy/],
    ['participants missing', (x) => delete x.participants, /\/participants/],
    [
      'too many candidates',
      (x) => {
        x.stepMinutes = 1;
        x.window.end = '2030-01-01T00:00:00Z';
      },
      /\/stepMinutes/,
    ],
  ];
  for (const [name, mutate, pointer] of cases) {
    test(name, () => {
      const x = structuredClone(base);
      mutate(x);
      const r = cli(['slots'], JSON.stringify(x));
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.equal(r.err.trim().split('\n').length, 1);
      assert.match(r.err, pointer);
    });
  }

  test('not JSON', () => {
    const r = cli(['slots'], '{"timeZone": ');
    assert.equal(r.code, 2);
    assert.equal(r.out, '');
    assert.match(r.err, /not valid JSON/);
  });
});
