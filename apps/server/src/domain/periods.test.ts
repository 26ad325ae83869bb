import assert from 'node:assert/strict';
import { test } from 'node:test';
import { currentPeriod } from '../modules/followup/rules.ts';
import { academicYearOf, currentSemesterLabel, semesterOf } from './periods.ts';

test('training semesters: November–April is S1, May–October S2, the year starts in November', () => {
  assert.deepEqual(semesterOf(2026, 11), { startYear: 2026, startMonth: 11, label: '2026-2027 S1' });
  assert.deepEqual(semesterOf(2027, 4), { startYear: 2026, startMonth: 11, label: '2026-2027 S1' });
  assert.deepEqual(semesterOf(2027, 5), { startYear: 2027, startMonth: 5, label: '2026-2027 S2' });
  assert.deepEqual(semesterOf(2027, 10), { startYear: 2027, startMonth: 5, label: '2026-2027 S2' });
  assert.equal(academicYearOf(2026, 11), 2026);
  assert.equal(academicYearOf(2027, 10), 2026);
});

test('the semester is read in the organisation’s zone, and the follow-up period agrees with its label', () => {
  // 31 October 23:30 UTC is already 1 November in Paris (UTC+1), still October in New York.
  const at = new Date('2026-10-31T23:30:00Z');
  assert.equal(currentSemesterLabel(at, 'Europe/Paris'), '2026-2027 S1');
  assert.equal(currentSemesterLabel(at, 'America/New_York'), '2025-2026 S2');
  const paris = currentPeriod('semester', at, 'Europe/Paris');
  assert.equal(paris.start, '2026-10-31T23:00:00.000Z');
  assert.equal(paris.end, '2027-04-30T22:00:00.000Z');
  const year = currentPeriod('year', at, 'Europe/Paris');
  assert.equal(year.start, '2026-10-31T23:00:00.000Z');
});
