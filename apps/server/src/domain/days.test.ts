import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addDays, addMonths, dayIn, dayOfInstant, daysBetween, dayWords } from './days.ts';

test('the day of an instant is read in the zone given, not the server’s', () => {
  const lateEvening = new Date('2027-01-11T23:30:00Z');
  assert.equal(dayIn(lateEvening, 'Europe/Paris'), '2027-01-12');
  assert.equal(dayIn(lateEvening, 'America/Martinique'), '2027-01-11');
  assert.equal(dayIn(lateEvening, 'UTC'), '2027-01-11');
});

test('day arithmetic crosses months, years and clock changes without moving a day', () => {
  assert.equal(addDays('2027-03-27', 2), '2027-03-29');
  assert.equal(addDays('2026-12-31', 1), '2027-01-01');
  assert.equal(addDays('2027-03-01', -1), '2027-02-28');
  assert.equal(addMonths('2026-11-16', 12), '2027-11-16');
  assert.equal(addMonths('2027-01-31', 1), '2027-02-28');
  assert.equal(daysBetween('2027-03-27', '2027-04-03'), 7);
  assert.equal(daysBetween('2027-04-03', '2027-03-27'), -7);
  assert.equal(daysBetween('2026-10-24', '2026-10-26'), 2);
});

test('a day in words, in French and in English', () => {
  assert.equal(dayWords('2027-12-03', 'fr'), '3 décembre 2027');
  assert.equal(dayWords('2027-12-03', 'en'), '3 December 2027');
  assert.equal(dayWords('2027-01-01T10:00:00.000Z', 'fr'), '1 janvier 2027');
  // A stored instant is read in the organisation's zone before it is put in words.
  assert.equal(dayOfInstant('2027-11-15T23:30:00.000Z', 'Europe/Paris', 'fr'), '16 novembre 2027');
  assert.equal(dayOfInstant('2027-11-15T23:30:00.000Z', 'America/Martinique', 'en'), '15 November 2027');
});
