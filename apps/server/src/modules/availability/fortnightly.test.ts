import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DateTime } from 'luxon';
import { createOrg, createUser } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';
import { expandRules, type Rule, weeksBetween } from './rules.ts';
import { ruleBody } from './schema.ts';
import { busyTimes } from './times.ts';

const PARIS = 'Europe/Paris';

const fortnightly = (r: Partial<Rule>): Rule => ({
  category: 'night-shift',
  kind: 'busy',
  pattern: 'fortnightly',
  weekdays: [6, 7],
  nth: null,
  startTime: '18:30',
  endTime: '08:30',
  fromDate: '2026-12-05',
  toDate: null,
  restAfter: false,
  ...r,
});

/** The local dates (in Paris) on which the busy occurrences start. */
function startDays(rule: Rule, from: string, to: string): string[] {
  const { busy } = expandRules([rule], {
    from: DateTime.fromISO(from, { zone: PARIS }).toUTC().toISO() as string,
    to: DateTime.fromISO(to, { zone: PARIS }).toUTC().toISO() as string,
    zone: PARIS,
  });
  return busy.map((b) => DateTime.fromISO(b.start, { zone: PARIS }).toISODate() as string);
}

describe('every other week: weeks counted on the calendar', () => {
  test('weeks between two local dates are counted from their Mondays', () => {
    assert.equal(weeksBetween('2026-12-05', '2026-12-05'), 0);
    assert.equal(weeksBetween('2026-12-05', '2026-11-30'), 0, 'same ISO week, earlier day');
    assert.equal(weeksBetween('2026-12-05', '2026-12-07'), 1);
    assert.equal(weeksBetween('2026-12-05', '2027-01-03'), 4);
    // Across both clock changes of a year, whatever the hour lost or gained.
    assert.equal(weeksBetween('2026-03-23', '2026-03-30'), 1);
    assert.equal(weeksBetween('2026-10-19', '2026-10-26'), 1);
    assert.equal(weeksBetween('2026-01-05', '2027-01-04'), 52);
  });

  test('a weekend every other week, across the end of a year with 53 ISO weeks', () => {
    // 2026 has 53 ISO weeks: counting by week numbers would put 2 and 16 January in the wrong weeks.
    assert.deepEqual(startDays(fortnightly({}), '2026-11-28', '2027-02-01'), [
      '2026-12-05',
      '2026-12-06',
      '2026-12-19',
      '2026-12-20',
      '2027-01-02',
      '2027-01-03',
      '2027-01-16',
      '2027-01-17',
      '2027-01-30',
      '2027-01-31',
    ]);
  });

  test('nothing before the first date, and nothing after the last', () => {
    const rule = fortnightly({ toDate: '2027-01-02' });
    assert.deepEqual(startDays(rule, '2026-11-01', '2027-03-01'), [
      '2026-12-05',
      '2026-12-06',
      '2026-12-19',
      '2026-12-20',
      '2027-01-02',
    ]);
  });

  test('a first date in the middle of a week: its week is on, the days before it are not', () => {
    // Wednesday 2 December; Mondays and Fridays.
    const rule = fortnightly({
      category: 'internship',
      weekdays: [1, 5],
      startTime: '08:00',
      endTime: '18:30',
      fromDate: '2026-12-02',
    });
    assert.deepEqual(startDays(rule, '2026-11-23', '2027-01-01'), [
      '2026-12-04',
      '2026-12-14',
      '2026-12-18',
      '2026-12-28',
    ]);
  });

  test('local hours stay the same on both sides of a clock change (Europe/Paris)', () => {
    // Tuesdays 14h–18h from 13 October 2026; clocks go back on Sunday 25 October.
    const course = fortnightly({
      category: 'course',
      weekdays: [2],
      startTime: '14:00',
      endTime: '18:00',
      fromDate: '2026-10-13',
    });
    const { busy } = expandRules([course], {
      from: '2026-10-01T00:00:00Z',
      to: '2026-11-15T00:00:00Z',
      zone: PARIS,
    });
    assert.deepEqual(busy, [
      { start: '2026-10-13T12:00:00Z', end: '2026-10-13T16:00:00Z' },
      { start: '2026-10-27T13:00:00Z', end: '2026-10-27T17:00:00Z' },
      { start: '2026-11-10T13:00:00Z', end: '2026-11-10T17:00:00Z' },
    ]);
    // Clocks go forward on Sunday 29 March 2026: the week after is off, the one after that on.
    assert.deepEqual(startDays({ ...course, fromDate: '2026-03-24' }, '2026-03-20', '2026-04-20'), [
      '2026-03-24',
      '2026-04-07',
    ]);
  });

  test('a night shift over the night the clocks go back, with its rest day', () => {
    const rule = fortnightly({ weekdays: [6], fromDate: '2026-10-10', restAfter: true });
    const { busy, ifNeedBe } = expandRules([rule], {
      from: '2026-10-16T22:00:00Z',
      to: '2026-11-02T00:00:00Z',
      zone: PARIS,
    });
    // Saturday 24 October 18h30 (summer time) to Sunday 25 October 8h30 (winter time); the
    // Saturday before and the one after are off weeks.
    assert.deepEqual(busy, [{ start: '2026-10-24T16:30:00Z', end: '2026-10-25T07:30:00Z' }]);
    assert.deepEqual(ifNeedBe, [{ start: '2026-10-25T07:30:00Z', end: '2026-10-25T23:00:00Z' }]);
  });
});

describe('every other week: what the form must give', () => {
  const base = {
    category: 'night-shift',
    kind: 'busy',
    pattern: 'fortnightly',
    weekdays: [6, 7],
    startTime: '18:30',
    endTime: '08:30',
  };
  const issues = (body: object) => {
    const r = ruleBody.safeParse(body);
    assert.equal(r.success, false, JSON.stringify(body));
    return (r.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]);
  };

  test('the first date is required, and named', () => {
    assert.deepEqual(issues(base), [
      ['fromDate', 'Give the date of the first week (every other week is counted from it)'],
    ]);
    assert.ok(ruleBody.safeParse({ ...base, fromDate: '2026-12-05' }).success);
  });

  test('at least one day, and a last date after the first', () => {
    assert.deepEqual(issues({ ...base, weekdays: [], fromDate: '2026-12-05' }), [
      ['weekdays', 'Choose at least one day of the week'],
    ]);
    assert.deepEqual(issues({ ...base, fromDate: '2026-12-05', toDate: '2026-12-01' }), [
      ['toDate', 'The last date is before the first'],
    ]);
    assert.deepEqual(issues({ ...base, fromDate: '5/12/2026' }), [['fromDate', 'YYYY-MM-DD']]);
  });
});

describe('every other week through the API', async () => {
  const s = await setupTestServer();
  const call = async (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) => {
    const res = await s.app.inject({ method, url, headers: { cookie }, payload });
    return { status: res.statusCode, body: res.json(), raw: res.body };
  };

  test('added as a rule, listed, and read by the slot finder', async () => {
    const orgId = await createOrg(s.ctx);
    const alice = await createUser(s.ctx, orgId);
    const url = `/api/orgs/${orgId}/availability/rules`;
    const body = {
      category: 'night-shift',
      kind: 'busy',
      pattern: 'fortnightly',
      weekdays: [6, 7],
      startTime: '18:30',
      endTime: '08:30',
      restAfter: true,
    };
    const refused = await call('POST', url, alice.cookie, body);
    assert.equal(refused.status, 400);
    assert.deepEqual(
      refused.body.error.details.fields.map((f: { path: string }) => f.path),
      ['fromDate'],
    );
    const added = await call('POST', url, alice.cookie, { ...body, fromDate: '2026-12-05', nth: 2 });
    assert.equal(added.status, 201, added.raw);
    const mine = await call('GET', `/api/orgs/${orgId}/availability`, alice.cookie);
    assert.deepEqual(
      mine.body.rules.map((r: Rule) => [r.pattern, r.weekdays, r.nth, r.fromDate]),
      [['fortnightly', [6, 7], null, '2026-12-05']],
    );
    const times = await busyTimes(s.db, orgId, 'no-programme', [alice.id], {
      from: '2026-12-07T00:00:00Z',
      to: '2026-12-21T00:00:00Z',
      zone: PARIS,
    });
    assert.deepEqual(
      times.get(alice.id)?.busy.map((b) => b.start),
      // The night of Sunday 6 December runs into Monday; the weekend of the 12th is off.
      ['2026-12-06T17:30:00Z', '2026-12-19T17:30:00Z', '2026-12-20T17:30:00Z'],
    );
  });

  test('typed as a phrase: the first week guessed is said, then saved', async () => {
    const orgId = await createOrg(s.ctx);
    const bruno = await createUser(s.ctx, orgId);
    const url = `/api/orgs/${orgId}/availability/phrases`;
    // The test clock reads Monday 16 November 2026.
    const guessed = await call('POST', `${url}/preview`, bruno.cookie, {
      text: 'cours tous les 15 jours le mardi 14h-18h',
    });
    assert.equal(guessed.status, 200, guessed.raw);
    assert.equal(guessed.body.startGuessed, true);
    assert.deepEqual(
      [guessed.body.rule.pattern, guessed.body.rule.weekdays, guessed.body.rule.fromDate],
      ['fortnightly', [2], '2026-11-17'],
    );
    const given = await call('POST', `${url}/preview`, bruno.cookie, {
      text: 'garde un week-end sur deux à partir du 5 décembre',
    });
    assert.equal(given.body.startGuessed, false);
    assert.equal(given.body.rule.fromDate, '2026-12-05');
    const saved = await call('POST', url, bruno.cookie, {
      text: 'garde un week-end sur deux à partir du 5 décembre',
    });
    assert.equal(saved.status, 201, saved.raw);
    const mine = await call('GET', `/api/orgs/${orgId}/availability`, bruno.cookie);
    assert.deepEqual(
      mine.body.rules.map((r: Rule) => [r.category, r.pattern, r.weekdays, r.fromDate, r.restAfter]),
      [['night-shift', 'fortnightly', [6, 7], '2026-12-05', true]],
    );
  });
});
