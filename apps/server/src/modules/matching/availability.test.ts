import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commonSlots, freeSlots, type WeeklyRule } from './availability.ts';
import { explain, matchingTexts } from './i18n.ts';

const rule = (r: Partial<WeeklyRule>): WeeklyRule => ({
  kind: 'busy',
  pattern: 'weekly',
  weekdays: [1, 2, 3, 4, 5],
  startTime: '08:00',
  endTime: '18:30',
  restAfter: false,
  ...r,
});

test('weekly patterns make a typical week of free slots', () => {
  const internship = freeSlots([rule({})]);
  assert.ok(internship?.has('2-evening'));
  assert.ok(internship?.has('6-morning'));
  assert.equal(internship?.has('2-morning'), false);
  // A Tuesday night shift takes Tuesday evening, and the rest day after it takes Wednesday.
  const nights = freeSlots([
    rule({}),
    rule({ weekdays: [2], startTime: '18:30', endTime: '08:30', restAfter: true }),
  ]);
  assert.equal(nights?.has('2-evening'), false);
  assert.equal(nights?.has('3-evening'), false);
  assert.ok(nights?.has('4-evening'));
  // Occasional patterns do not make a week; no weekly pattern, no opinion.
  assert.equal(freeSlots([rule({ pattern: 'monthly' })]), null);
  assert.equal(freeSlots([]), null);
  assert.deepEqual(
    commonSlots(nights, freeSlots([rule({ weekdays: [1, 2, 3, 4, 5, 6], endTime: '24:00' })])),
    [],
  );
  assert.equal(commonSlots(nights, null), null);
  // Weekday evenings come first: the usual time for busy people to meet.
  assert.deepEqual(commonSlots(nights, internship)?.slice(0, 3), ['1-evening', '4-evening', '5-evening']);
});

test('the explanation says when they are both free, in the reader’s language', () => {
  const two = [{ code: 'availability', slots: ['2-evening', '4-evening'], count: 2 }];
  assert.equal(explain(matchingTexts('fr'), two), 'disponibles ensemble le mardi soir et le jeudi soir');
  assert.equal(explain(matchingTexts('en'), two), 'both free on Tuesday evening and Thursday evening');
  const many = [{ code: 'availability', slots: ['1-evening', '2-evening'], count: 8 }];
  assert.equal(
    explain(matchingTexts('fr'), many),
    'disponibles ensemble le lundi soir, le mardi soir et 6 autres créneaux',
  );
});
