import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, test } from 'node:test';
import { addMember, createOrg, createProgramme, createUser } from '../../test/factories.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';
import {
  CalendarDownloadError,
  type DownloadOptions,
  downloadCalendar,
  isPublicAddress,
} from './download.ts';

const s = await setupTestServer();

const calendar = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//Test//Test//EN',
  'BEGIN:VEVENT',
  'UID:one@example.org',
  'DTSTAMP:20261101T000000Z',
  'DTSTART:20261118T173000Z',
  'DTEND:20261118T200000Z',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

/**
 * A calendar server on this machine: /agenda.ics a calendar, /page a web page, /missing a 404,
 * /to?url= a redirect, /silent never answers, /endless sends calendar lines for ever.
 */
let server: Server;
let base: string;
let port: number;
const endlessClosed: Promise<void>[] = [];
before(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/agenda.ics') {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.end(calendar);
    } else if (url.pathname === '/page') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<html><body>Router admin</body></html>');
    } else if (url.pathname === '/to') {
      res.writeHead(302, { location: url.searchParams.get('url') ?? '/' });
      res.end();
    } else if (url.pathname === '/silent') {
      // Never answers.
    } else if (url.pathname === '/endless') {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.write('BEGIN:VCALENDAR\r\n');
      const line = `X-FILLER:${'x'.repeat(1000)}\r\n`;
      const more = () => {
        while (res.write(line)) {}
      };
      res.on('drain', more);
      more();
      endlessClosed.push(new Promise((r) => res.on('close', () => r())));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

/** A resolver for names under example.test: each to the address given, others to nothing. */
const resolver =
  (names: Record<string, string>): DownloadOptions['resolve'] =>
  async (host) => {
    const address = names[host];
    if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return [{ address, family: address.includes(':') ? 6 : 4 }];
  };

async function person() {
  const orgId = await createOrg(s.ctx);
  const programme = await createProgramme(s.ctx, orgId);
  const user = await createUser(s.ctx, orgId, { name: 'Chloé Agenda' });
  await addMember(s.ctx, programme, user.id, 'tutee');
  return { orgId, user, cookie: await sessionCookie(s.ctx, user.id) };
}

const subscribe = (p: { orgId: string; cookie: string }, url: string) =>
  s.app.inject({
    method: 'POST',
    url: `/api/orgs/${p.orgId}/availability/calendars`,
    headers: { cookie: p.cookie },
    payload: { kind: 'url', label: 'Agenda', url },
  });

describe('subscribed calendars are read from public addresses only', () => {
  test('loopback, private, link-local, encoded and redirected addresses all get the same refusal', async () => {
    s.ctx.resolveHost = resolver({ 'calendar.example.test': '127.0.0.1', 'v6.example.test': '::1' });
    try {
      const p = await person();
      // Each of these, without the check, reaches the calendar server of this test or tries to.
      const refused = [
        `${base}/agenda.ics`,
        `http://[::1]:${port}/agenda.ics`,
        `http://2130706433:${port}/agenda.ics`,
        `http://0x7f.1:${port}/agenda.ics`,
        `http://[::ffff:127.0.0.1]:${port}/agenda.ics`,
        `http://localhost:${port}/agenda.ics`,
        `http://calendar.example.test:${port}/agenda.ics`,
        `http://v6.example.test:${port}/agenda.ics`,
        'http://10.0.0.1/agenda.ics',
        'http://192.168.1.1/agenda.ics',
        'http://169.254.169.254/latest/meta-data/',
        `http://nowhere.example.test:${port}/agenda.ics`,
        `ftp://127.0.0.1:${port}/agenda.ics`,
      ];
      const bodies = new Set<string>();
      for (const url of refused) {
        const r = await subscribe(p, url);
        assert.equal(r.statusCode, 400, `${url}: ${r.body}`);
        bodies.add(r.body);
      }
      assert.deepEqual(
        [...bodies].map((b) => JSON.parse(b).error.code),
        ['calendar_unreachable'],
      );
      const stored = await s.db
        .selectFrom('calendar_sources')
        .select('id')
        .where('user_id', '=', p.user.id)
        .execute();
      assert.equal(stored.length, 0);
    } finally {
      s.ctx.resolveHost = undefined;
    }
  });

  test('with private addresses allowed (an intranet), every failure still gets that one refusal', async () => {
    s.ctx.config.CALENDAR_FETCH_ALLOW_PRIVATE = 'true';
    try {
      const p = await person();
      const ok = await subscribe(p, `${base}/agenda.ics`);
      assert.equal(ok.statusCode, 201, ok.body);
      const bodies = new Set<string>();
      // Connection refused, error status, a page that is not a calendar: indistinguishable.
      for (const url of ['http://127.0.0.1:1/agenda.ics', `${base}/missing`, `${base}/page`]) {
        const r = await subscribe(p, url);
        assert.equal(r.statusCode, 400, `${url}: ${r.body}`);
        bodies.add(r.body);
      }
      assert.equal(bodies.size, 1);
    } finally {
      s.ctx.config.CALENDAR_FETCH_ALLOW_PRIVATE = 'false';
    }
  });
});

describe('downloadCalendar', () => {
  const options: DownloadOptions = { allowPrivate: true, maxBytes: 100_000, timeoutMs: 10_000 };

  test('reads a calendar, following redirects', async () => {
    assert.equal(await downloadCalendar(`${base}/agenda.ics`, options), calendar);
    const redirected = `${base}/to?url=${encodeURIComponent('/agenda.ics')}`;
    assert.equal(await downloadCalendar(redirected, options), calendar);
  });

  test('only public addresses are public', () => {
    assert.equal(isPublicAddress('8.8.8.8'), true);
    assert.equal(isPublicAddress('2001:4860:4860::8888'), true);
    const others = ['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.0.1', '169.254.169.254', '100.64.0.1'];
    others.push('0.0.0.0', '203.0.113.10', '::1', '::', 'fe80::1', 'fc00::1', '::ffff:10.0.0.1', 'nothing');
    for (const a of others) assert.equal(isPublicAddress(a), false, a);
  });

  test('checks every redirect: an allowed server that sends to a private address is refused', async () => {
    // Here the calendar server of this test, on 127.0.0.1, stands for a public one.
    const opts: DownloadOptions = {
      ...options,
      allowPrivate: false,
      allowAddress: (a) => a === '127.0.0.1' || isPublicAddress(a),
      resolve: resolver({ 'inside.example.test': '::1', 'intranet.example.test': '10.0.0.1' }),
    };
    const via = (target: string) => `${base}/to?url=${encodeURIComponent(target)}`;
    assert.equal(await downloadCalendar(via('/agenda.ics'), opts), calendar);
    for (const target of [
      'http://169.254.169.254/latest/meta-data/',
      `http://[::1]:${port}/agenda.ics`,
      `http://inside.example.test:${port}/agenda.ics`,
      'http://intranet.example.test/agenda.ics',
      `file:///etc/passwd`,
    ]) {
      await assert.rejects(downloadCalendar(via(target), opts), CalendarDownloadError, target);
    }
  });

  test('a server that never answers is given up', async () => {
    await assert.rejects(
      downloadCalendar(`${base}/silent`, { ...options, timeoutMs: 200 }),
      CalendarDownloadError,
    );
  });

  test('an endless body is abandoned as soon as it passes the limit', async () => {
    const started = endlessClosed.length;
    await assert.rejects(downloadCalendar(`${base}/endless`, options), (err: unknown) => {
      assert.ok(err instanceof CalendarDownloadError);
      assert.match(String((err.cause as Error).message), /larger than 100000 bytes/);
      return true;
    });
    assert.equal(endlessClosed.length, started + 1);
    // The server sees the connection closed: nothing more is read.
    await endlessClosed[started];
  });
});
