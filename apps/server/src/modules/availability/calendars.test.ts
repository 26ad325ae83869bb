import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import { ComputeTimeout, compute, computeActivity } from '../../compute/pool.ts';
import type { AppContext } from '../../context.ts';
import { addMember, createOrg, createProgramme, createUser } from '../../test/factories.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';
import { CALENDAR_DAYS_AHEAD, refreshSubscriptions } from './calendars.ts';

// The occurrence cap, not the time budget, must refuse the files below, however busy the machine.
const s = await setupTestServer({ settings: { CALENDAR_READ_SECONDS: '60' } });

/** Twenty events repeating every minute 49,999 times from tomorrow: a million occurrences in 3 kB. */
function minutelyFile(events = 20): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//Test//EN'];
  for (let i = 0; i < events; i++) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:minutely-${i}@example.org`,
      'DTSTAMP:20261101T000000Z',
      'DTSTART:20261117T080000Z',
      'DURATION:PT1M',
      'RRULE:FREQ=MINUTELY;COUNT=49999',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

/** A weekly Monday evening from 2 November 2026, in Paris. */
const mondays = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//Test//EN',
  'BEGIN:VEVENT',
  'UID:mondays@example.org',
  'DTSTAMP:20261101T000000Z',
  'DTSTART:20261102T173000Z',
  'DTEND:20261102T200000Z',
  'RRULE:FREQ=WEEKLY',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

async function person() {
  s.clock.set(new Date('2026-11-16T09:00:00Z'));
  const orgId = await createOrg(s.ctx);
  const programme = await createProgramme(s.ctx, orgId);
  const user = await createUser(s.ctx, orgId, { name: 'Chloé Agenda' });
  await addMember(s.ctx, programme, user.id, 'tutee');
  return { orgId, user, cookie: await sessionCookie(s.ctx, user.id) };
}

const upload = (p: { orgId: string; cookie: string }, text: string, language = 'fr') =>
  s.app.inject({
    method: 'POST',
    url: `/api/orgs/${p.orgId}/availability/calendars`,
    headers: { cookie: p.cookie, 'accept-language': language },
    payload: { kind: 'upload', label: 'Planning', text },
  });

/**
 * Resolves when the next job of `task` is handed to a worker thread; `answeredBefore` then says
 * whether `probe` was answered before that job was over.
 */
function whileComputing(task: 'calendarBusy' | 'slotSearch', probe: () => Promise<unknown>) {
  return new Promise<{ answeredBefore: boolean }>((resolve, reject) => {
    computeActivity.once('started', (started) => {
      assert.equal(started, task);
      let over = false;
      computeActivity.once('settled', () => {
        over = true;
      });
      probe().then(() => resolve({ answeredBefore: !over }), reject);
    });
  });
}

describe('calendar files that would freeze the server', () => {
  test('a file that repeats into a million occurrences is refused, saying how many events and the limit', async () => {
    const p = await person();
    const evil = minutelyFile();
    assert.ok(evil.length < 4000);
    const fr = await upload(p, evil);
    assert.equal(fr.statusCode, 422, fr.body);
    assert.equal(fr.json().error.code, 'calendar_too_many_occurrences');
    assert.match(fr.json().error.message, /20 événements .*50000 occurrences/);
    const en = await upload(p, evil, 'en');
    assert.match(en.json().error.message, /20 events .*50000 occurrences within 120 days/);
    const stored = await s.db
      .selectFrom('calendar_sources')
      .select('id')
      .where('user_id', '=', p.user.id)
      .execute();
    assert.equal(stored.length, 0);
  });

  test('while such a file is read, the server answers other requests', async () => {
    const p = await person();
    const health = () => s.app.inject({ method: 'GET', url: '/api/health' });
    const probe = whileComputing('calendarBusy', async () => {
      const r = await health();
      assert.equal(r.statusCode, 200);
    });
    const refused = upload(p, minutelyFile());
    assert.equal((await probe).answeredBefore, true, 'the health check waited for the calendar');
    assert.equal((await refused).statusCode, 422);
  });

  test('a subscription refreshed in the background gets the same limit, and keeps its busy times', async () => {
    let body = mondays;
    const server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    s.ctx.config.CALENDAR_FETCH_ALLOW_PRIVATE = 'true';
    try {
      const p = await person();
      const added = await s.app.inject({
        method: 'POST',
        url: `/api/orgs/${p.orgId}/availability/calendars`,
        headers: { cookie: p.cookie },
        payload: {
          kind: 'url',
          label: 'Agenda',
          url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/a.ics`,
        },
      });
      assert.equal(added.statusCode, 201, added.body);
      const before = await s.db
        .selectFrom('calendar_sources')
        .select(['busy', 'last_error'])
        .where('user_id', '=', p.user.id)
        .executeTakeFirstOrThrow();
      assert.equal(before.last_error, null);
      body = minutelyFile();
      s.clock.set(new Date('2026-11-16T11:00:00Z'));
      const probe = whileComputing('calendarBusy', () => s.app.inject({ method: 'GET', url: '/api/health' }));
      const refreshed = refreshSubscriptions(s.ctx as AppContext);
      assert.equal((await probe).answeredBefore, true, 'the health check waited for the calendar');
      assert.deepEqual(await refreshed, { checked: 1, refreshed: 0 });
      const after = await s.db
        .selectFrom('calendar_sources')
        .select(['busy', 'last_error'])
        .where('user_id', '=', p.user.id)
        .executeTakeFirstOrThrow();
      assert.equal(after.busy, before.busy);
      assert.match(after.last_error ?? '', /20 événements/);
    } finally {
      s.ctx.config.CALENDAR_FETCH_ALLOW_PRIVATE = 'false';
      server.close();
    }
  });

  test('a job over its time budget is stopped, and the next one runs', async () => {
    const range = { from: '2026-11-15T00:00:00Z', to: '2027-03-15T00:00:00Z', timeZone: 'Europe/Paris' };
    await assert.rejects(
      compute('calendarBusy', { text: minutelyFile(), ...range, maxOccurrences: 10_000_000 }, 20),
      (err: unknown) => err instanceof ComputeTimeout && err.budgetMs === 20,
    );
    const next = await compute('calendarBusy', { text: mondays, ...range }, 60_000);
    assert.equal(next.ok && next.busy.length, 17);
  });

  test(`a calendar is kept from yesterday to ${CALENDAR_DAYS_AHEAD} days ahead, as the slot finder and the matching read it`, async () => {
    const p = await person();
    const r = await upload(p, mondays);
    assert.equal(r.statusCode, 201, r.body);
    const row = await s.db
      .selectFrom('calendar_sources')
      .select('busy')
      .where('user_id', '=', p.user.id)
      .executeTakeFirstOrThrow();
    const busy = JSON.parse(row.busy) as { start: string }[];
    // Mondays from 16 November 2026 to 15 March 2027, the last before 16 March (120 days ahead).
    assert.equal(busy[0]?.start, '2026-11-16T17:30:00Z');
    assert.equal(busy.at(-1)?.start, '2027-03-15T17:30:00Z');
    assert.equal(busy.length, 18);
  });
});
