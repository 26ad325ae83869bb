import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  interleave,
  morningOf,
  reviewWeekFor,
  semesterDays,
  semesterOfDay,
  staggeredDueDates,
} from './schedule.ts';

describe('portfolio calendar', () => {
  it('knows the internship of each semester', () => {
    assert.deepEqual(semesterDays('2026-2027 S1'), { startsOn: '2026-11-01', endsOn: '2027-04-30' });
    assert.deepEqual(semesterDays('2026-2027 S2'), { startsOn: '2027-05-01', endsOn: '2027-10-31' });
    assert.equal(semesterOfDay('2027-03-29'), '2026-2027 S1');
    assert.equal(semesterOfDay('2027-05-01'), '2026-2027 S2');
  });

  it('interleaves the types of traces', () => {
    const order = interleave([
      { typeId: 'rsca', count: 2 },
      { typeId: 'trace', count: 4 },
    ]).map((i) => `${i.typeId}${i.seq}`);
    assert.deepEqual(order, ['trace1', 'rsca1', 'trace2', 'trace3', 'rsca2', 'trace4']);
  });

  it('spreads six due dates over a six-month internship, on weekdays, none in the last weeks', () => {
    const dates = staggeredDueDates('2026-11-01', '2027-04-30', 6);
    assert.equal(dates.length, 6);
    const days = dates.map((d) => new Date(`${d}T12:00:00Z`));
    for (const d of days) assert.ok(d.getUTCDay() >= 1 && d.getUTCDay() <= 5, `${d} is a weekday`);
    for (let i = 1; i < days.length; i++) {
      const gap = ((days[i] as Date).getTime() - (days[i - 1] as Date).getTime()) / 86_400_000;
      assert.ok(gap >= 20 && gap <= 30, `gap of ${gap} days`);
    }
    assert.ok((dates[0] as string) >= '2026-11-20');
    assert.ok((dates[5] as string) <= '2027-04-08', 'the last one three weeks before the end');
    // Calendar days, whatever the clocks do: the same dates across the change of 28 March 2027.
    assert.deepEqual(dates, [
      '2026-11-27',
      '2026-12-22',
      '2027-01-15',
      '2027-02-12',
      '2027-03-10',
      '2027-04-02',
    ]);
  });

  it('sends reminders at 9:00 local time on both sides of a clock change', () => {
    assert.equal(morningOf('2027-03-26', 'Europe/Paris').toISOString(), '2027-03-26T08:00:00.000Z');
    assert.equal(morningOf('2027-03-29', 'Europe/Paris').toISOString(), '2027-03-29T07:00:00.000Z');
    assert.equal(morningOf('2026-10-26', 'Europe/Paris').toISOString(), '2026-10-26T08:00:00.000Z');
  });

  it('gives the first week with room under the cap', () => {
    const asked = new Map([
      ['2026-12-07', 3],
      ['2026-12-14', 2],
    ]);
    assert.equal(reviewWeekFor(asked, '2026-12-07', 3), '2026-12-14');
    assert.equal(reviewWeekFor(asked, '2026-12-07', 4), '2026-12-07');
    assert.equal(reviewWeekFor(new Map(), '2026-12-07', 1), '2026-12-07');
  });
});
