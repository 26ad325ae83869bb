import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { busyFromIcs } from '@compagnon/engine';
import { explain, matchingTexts } from '../matching/i18n.ts';
import { expandRules, type Interval, type Rule } from './rules.ts';
import { allSlots, commonSlots, freeShare, horizonOf, weekOf } from './weeks.ts';

/** Locum evenings every Monday 18:30–21:00 in Paris, written in UTC. */
const locumMondays = readFileSync(new URL('../matching/fixtures/locum-mondays.ics', import.meta.url), 'utf8');

// Eight weeks from Monday 16 November 2026 on the clock of Paris (the tests run in New York).
const horizon = horizonOf('2026-11-16', 'Europe/Paris');

const rule = (r: Partial<Rule>): Rule => ({
  category: 'internship',
  kind: 'busy',
  pattern: 'weekly',
  weekdays: [1, 2, 3, 4, 5],
  nth: null,
  startTime: '08:00',
  endTime: '18:30',
  fromDate: null,
  toDate: null,
  restAfter: false,
  ...r,
});

const weekFor = (rules: Rule[], calendar: Interval[] = []) => {
  const times = expandRules(rules, { from: horizon.from, to: horizon.to, zone: horizon.zone });
  times.busy.push(...calendar);
  return weekOf(times, horizon);
};

const internship = weekFor([rule({})]);
const everyWeek = ['1-evening', '2-evening', '3-evening', '4-evening', '5-evening'];
const saturday = ['6-evening', '6-morning', '6-afternoon'];

test('the slots of the horizon are on the organisation’s clock', () => {
  assert.equal(horizon.weeks, 8);
  assert.equal(horizon.from, '2026-11-15T23:00:00Z');
  assert.equal(horizon.to, '2027-01-10T23:00:00Z');
  // Six days of three slots a week.
  assert.equal(horizon.starts.length, 8 * 6 * 3);
  const mondayEvening = allSlots.indexOf('1-evening');
  const k = horizon.slot.indexOf(mondayEvening);
  assert.equal(new Date(horizon.starts[k] as number).toISOString(), '2026-11-16T17:30:00.000Z');
  assert.equal(new Date(horizon.ends[k] as number).toISOString(), '2026-11-16T20:00:00.000Z');
});

test('weekly patterns: free slots, nights and the if-need-be rest day after them', () => {
  assert.equal(freeShare(internship, '2-evening'), 1);
  assert.equal(freeShare(internship, '6-morning'), 1);
  assert.equal(freeShare(internship, '2-morning'), 0);
  // A Tuesday night shift takes Tuesday evening; the rest day after it is if need be: half free.
  const nights = weekFor([
    rule({}),
    rule({ category: 'night-shift', weekdays: [2], startTime: '18:30', endTime: '08:30', restAfter: true }),
  ]);
  assert.equal(freeShare(nights, '2-evening'), 0);
  assert.equal(freeShare(nights, '3-evening'), 0.5);
  assert.equal(freeShare(nights, '4-evening'), 1);
  // Weekday evenings come first: the usual time for busy people to meet.
  assert.deepEqual(commonSlots(nights, internship), ['1-evening', '4-evening', '5-evening', ...saturday]);
  assert.deepEqual(
    commonSlots(nights, weekFor([rule({ weekdays: [1, 2, 3, 4, 5, 6], endTime: '24:00' })])),
    [],
  );
  assert.equal(commonSlots(nights, null), null);
  assert.equal(commonSlots(undefined, nights), null);
});

test('a monthly pattern leaves a slot usual but less sure; a second one takes it away', () => {
  // DES course on the first Monday evening: 7 December and 4 January of the eight Mondays.
  const course = rule({
    category: 'course',
    pattern: 'monthly',
    weekdays: [1],
    nth: 1,
    startTime: '18:00',
    endTime: '22:00',
  });
  const once = weekFor([rule({}), course]);
  assert.equal(freeShare(once, '1-evening'), 0.75);
  assert.deepEqual(commonSlots(once, internship), [...everyWeek.slice(1), ...saturday, '1-evening']);
  // And on the last Monday too (30 November, 28 December): free one Monday out of two.
  const twice = weekFor([rule({}), course, { ...course, nth: -1 }]);
  assert.equal(freeShare(twice, '1-evening'), 0.5);
  assert.deepEqual(commonSlots(twice, internship), [...everyWeek.slice(1), ...saturday]);
  // Two monthly commitments on different Mondays add up for the pair.
  const last = weekFor([rule({}), { ...course, nth: -1 }]);
  assert.deepEqual(commonSlots(once, last), [...everyWeek.slice(1), ...saturday]);
  // An if-need-be Monday each month counts half.
  const maybe = weekFor([rule({}), { ...course, kind: 'ifNeedBe', nth: -1 }]);
  assert.equal(freeShare(maybe, '1-evening'), 0.875);
  assert.equal(commonSlots(maybe, internship)?.at(-1), '1-evening');
  assert.equal(commonSlots(once, maybe)?.includes('1-evening'), false);
});

test('an absence of three weeks in the horizon leaves no usual time; of two weeks, it does', () => {
  const absence = (toDate: string) =>
    rule({
      category: 'absence',
      pattern: 'dates',
      weekdays: [],
      startTime: '00:00',
      endTime: '24:00',
      fromDate: '2026-11-23',
      toDate,
    });
  const two = weekFor([rule({}), absence('2026-12-06')]);
  assert.deepEqual(commonSlots(two, internship), [...everyWeek, ...saturday]);
  const three = weekFor([rule({}), absence('2026-12-13')]);
  assert.equal(freeShare(three, '2-evening'), 5 / 8);
  assert.deepEqual(commonSlots(three, internship), []);
  // An absence alone says something: free otherwise, weekdays included.
  assert.equal(commonSlots(weekFor([absence('2026-12-13')]), internship)?.length, 0);
  assert.equal(commonSlots(weekFor([absence('2026-11-24')]), internship)?.length, 8);
});

test('an uploaded calendar counts, its times read on the organisation’s clock', () => {
  // Locum evenings every Monday 18:30–21:00 in Paris, written in UTC: in New York they would be
  // Monday afternoons.
  const ics = locumMondays;
  const { busy } = busyFromIcs(ics, { from: horizon.from, to: horizon.to, timeZone: 'Europe/Paris' });
  const locum = weekFor([rule({})], busy);
  assert.equal(freeShare(locum, '1-evening'), 0);
  assert.equal(freeShare(locum, '1-afternoon'), 0);
  assert.deepEqual(commonSlots(locum, internship), [...everyWeek.slice(1), ...saturday]);
  // A calendar alone makes a week: busy Monday evenings, free otherwise.
  const only = weekFor([], busy);
  assert.equal(freeShare(only, '1-evening'), 0);
  assert.equal(freeShare(only, '1-afternoon'), 1);
});

test('the explanation says when they are both free, in the reader’s language', () => {
  const two = [{ code: 'availability', slots: ['2-evening', '4-evening'], count: 2 }];
  assert.equal(
    explain(matchingTexts('fr'), two, 'Arthur'),
    'Pourquoi ce choix :\n• Vous êtes disponibles ensemble le mardi soir et le jeudi soir.',
  );
  assert.equal(
    explain(matchingTexts('en'), two, 'Arthur'),
    'Why this match:\n• You are both free on Tuesday evening and Thursday evening.',
  );
  const many = [{ code: 'availability', slots: ['1-evening', '2-evening'], count: 8 }];
  assert.equal(
    explain(matchingTexts('fr'), many, 'Arthur'),
    'Pourquoi ce choix :\n• Vous êtes disponibles ensemble le lundi soir, le mardi soir et 6 autres créneaux.',
  );
});
