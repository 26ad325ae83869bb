import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import { after, describe, test } from 'node:test';
import { loadConfig } from '../config.ts';
import { newSecret } from '../lib/ids.ts';
import { createOrg, createUser } from '../test/factories.ts';
import { sessionCookie, setupTestServer } from '../test/harness.ts';
import { buildApp } from './app.ts';

// The edges of every request: which address a request comes from, what the log keeps of it, how
// many requests a person or an address may make, which origins may change something, and the
// headers every answer carries.

const s = await setupTestServer();

/** The same database behind an app built with other settings (production, a proxy, a rate limit). */
async function appWith(env: Record<string, string | undefined>, logger?: { stream: Writable }) {
  const config = loadConfig({
    NODE_ENV: 'test',
    DEMO: 'off',
    PUBLIC_URL: 'http://compagnon.test',
    ...env,
  } as NodeJS.ProcessEnv);
  const app = await buildApp(
    { ...s.ctx, config },
    { pluginTimeout: 0, ...(logger ? { logger: { level: 'info', stream: logger.stream } } : {}) },
  );
  await app.ready();
  after(() => app.close());
  return app;
}

async function signedIn() {
  const org = await createOrg(s.ctx);
  const user = await createUser(s.ctx, org);
  return { user, cookie: await sessionCookie(s.ctx, user.id) };
}

const lastAuditIp = async (userId: string) =>
  (
    await s.db
      .selectFrom('audit_log')
      .select('ip')
      .where('actor_id', '=', userId)
      .where('action', '=', 'auth.sign_out_everywhere')
      .executeTakeFirstOrThrow()
  ).ip;

describe('the address of a request', () => {
  test('a forged X-Forwarded-For changes neither the address nor the audit entry by default', async () => {
    const { user, cookie } = await signedIn();
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      headers: { cookie, 'x-forwarded-for': '203.0.113.9' },
      remoteAddress: '198.51.100.20',
    });
    assert.equal(res.statusCode, 200);
    assert.equal(await lastAuditIp(user.id), '198.51.100.20');
  });

  test('behind a proxy named by TRUST_PROXY, the address the proxy saw is the one recorded', async () => {
    const app = await appWith({ TRUST_PROXY: '10.0.0.2' });
    const { user, cookie } = await signedIn();
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      headers: { cookie, 'x-forwarded-for': '203.0.113.7, 203.0.113.9' },
      remoteAddress: '10.0.0.2',
    });
    assert.equal(res.statusCode, 200);
    // The address the proxy appended, not the one the client wrote before it.
    assert.equal(await lastAuditIp(user.id), '203.0.113.9');
    // The same header from anyone else is ignored.
    const other = await signedIn();
    await app.inject({
      method: 'POST',
      url: '/api/auth/sign-out-everywhere',
      headers: { cookie: other.cookie, 'x-forwarded-for': '203.0.113.9' },
      remoteAddress: '198.51.100.20',
    });
    assert.equal(await lastAuditIp(other.user.id), '198.51.100.20');
  });

  test('TRUST_PROXY takes addresses and ranges, and refuses anything else', () => {
    const base = { NODE_ENV: 'test' } as NodeJS.ProcessEnv;
    assert.equal(loadConfig(base).trustProxy, false);
    assert.deepEqual(loadConfig({ ...base, TRUST_PROXY: 'loopback' }).trustProxy, ['loopback']);
    assert.deepEqual(loadConfig({ ...base, TRUST_PROXY: '10.0.0.1, 10.1.0.0/16, ::1' }).trustProxy, [
      '10.0.0.1',
      '10.1.0.0/16',
      '::1',
    ]);
    // A hop count cannot tell a proxy from a client that reaches the server directly.
    for (const wrong of ['true', '1', 'proxy.example.org', '10.0.0.300', '10.0.0.0/40']) {
      assert.throws(() => loadConfig({ ...base, TRUST_PROXY: wrong }), /TRUST_PROXY/, wrong);
    }
  });
});

describe('the log', () => {
  test('keeps no link secret of a request URL', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const app = await appWith({}, { stream });
    const secret = newSecret();
    const urls = [
      `/api/feeds/${secret}.ics`,
      `/api/invitations/${secret}`,
      `/api/polls/${secret}`,
      `/api/polls/${secret}/`,
      `/api/notifications/unsubscribe?token=${secret}`,
      `/sondage?token=${secret}`,
      `/invitation?lang=fr&token=${secret}`,
      `/connexion/lien?token=${secret}`,
      `/maitre-de-stage/${secret}`,
      `/relecture/${secret}`,
      `/api/portfolio/supervisor/${secret}`,
    ];
    for (const url of urls) await app.inject({ method: 'GET', url });
    await app.inject({ method: 'POST', url: `/api/invitations/${secret}/accept`, payload: {} });
    await app.inject({ method: 'POST', url: `/api/polls/${secret}`, payload: {} });
    const log = lines.join('');
    // The requests were logged, with where they went…
    assert.match(log, /\/api\/invitations\/\[redacted\]\/accept/);
    assert.match(log, /\/invitation\?lang=fr&token=\[redacted\]/);
    assert.match(log, /\/api\/feeds\/\[redacted\]/);
    assert.match(log, /\/maitre-de-stage\/\[redacted\]/);
    // …but never with the secret.
    assert.equal(log.includes(secret), false, log);
  });

  test('every secret in a path is a :token parameter, so the log knows to hide it', () => {
    for (const route of s.app.routeInfos) {
      for (const param of route.url.match(/:\w+/g) ?? []) {
        assert.ok(
          param === ':token' || /Id$/.test(param),
          `${route.method} ${route.url}: a path parameter is an id (…Id) or a secret (:token)`,
        );
      }
    }
  });
});

describe('rate limits', () => {
  const limited = () => appWith({ RATE_LIMIT: 'on', RATE_LIMIT_PER_MINUTE: '5' });

  test('count per session for signed-in people, so colleagues behind one address do not share them', async () => {
    const app = await limited();
    const a = await signedIn();
    const b = await signedIn();
    const get = (cookie?: string, remoteAddress = '192.0.2.1') =>
      app.inject({ method: 'GET', url: '/api/me', headers: cookie ? { cookie } : {}, remoteAddress });
    for (let i = 0; i < 5; i++) assert.equal((await get(a.cookie)).statusCode, 200);
    const sixth = await get(a.cookie);
    assert.equal(sixth.statusCode, 429);
    assert.equal(sixth.json().error.code, 'rate_limited');
    // A colleague at the same address is not affected by the first person's requests.
    assert.equal((await get(b.cookie)).statusCode, 200);
  });

  test('count per address for anonymous requests, and never for the web app', async () => {
    const app = await limited();
    const { cookie } = await signedIn();
    const health = (remoteAddress: string) =>
      app.inject({ method: 'GET', url: '/api/health', remoteAddress });
    for (let i = 0; i < 5; i++) assert.equal((await health('192.0.2.50')).statusCode, 200);
    assert.equal((await health('192.0.2.50')).statusCode, 429);
    assert.equal((await health('192.0.2.51')).statusCode, 200);
    // A signed-in person at the exhausted address still works.
    const me = await app.inject({
      method: 'GET',
      url: '/api/me',
      headers: { cookie },
      remoteAddress: '192.0.2.50',
    });
    assert.equal(me.statusCode, 200);
    // The web app's pages and files are not counted.
    for (let i = 0; i < 8; i++) {
      const page = await app.inject({ method: 'GET', url: '/programmes', remoteAddress: '192.0.2.50' });
      assert.notEqual(page.statusCode, 429);
    }
  });
});

describe('requests from another site', () => {
  test('a bodiless POST from a foreign origin is refused and changes nothing', async () => {
    const { cookie } = await signedIn();
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'text/plain' },
      payload: '',
    });
    assert.equal(res.statusCode, 403);
    assert.equal(res.json().error.code, 'cross_origin');
    assert.match(res.json().error.message, /site/);
    // Still signed in.
    assert.equal(
      (await s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode,
      200,
    );
  });

  test('the Referer counts when there is no Origin', async () => {
    const { cookie } = await signedIn();
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie, referer: 'https://evil.example/page' },
      payload: '',
    });
    assert.equal(res.statusCode, 403);
  });

  test('the same origin, and clients that send neither header, are accepted', async () => {
    const a = await signedIn();
    const same = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: a.cookie, origin: 'http://compagnon.test' },
    });
    assert.equal(same.statusCode, 200);
    const b = await signedIn();
    const cli = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-out',
      headers: { cookie: b.cookie },
    });
    assert.equal(cli.statusCode, 200);
  });

  test('without PUBLIC_URL (development), the origin must be the host the request was sent to', async () => {
    const app = await appWith({ NODE_ENV: 'development', PUBLIC_URL: undefined });
    const post = async (origin: string) => {
      const { cookie } = await signedIn();
      return app.inject({
        method: 'POST',
        url: '/api/auth/sign-out',
        headers: { cookie, origin, host: 'localhost:5173' },
      });
    };
    assert.equal((await post('http://localhost:5173')).statusCode, 200);
    assert.equal((await post('http://localhost:6666')).statusCode, 403);
  });
});

describe('security headers', () => {
  test('every answer forbids inline scripts, framing and sniffing, and sends no referrer', async () => {
    for (const url of ['/', '/api/health']) {
      const res = await s.app.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      assert.match(csp, /script-src 'self'(;|$)/, csp);
      assert.match(csp, /frame-ancestors 'none'/);
      assert.match(csp, /object-src 'none'/);
      assert.equal(res.headers['x-content-type-options'], 'nosniff');
      assert.equal(res.headers['referrer-policy'], 'no-referrer');
      assert.equal(res.headers['strict-transport-security'], undefined);
    }
  });

  test('production adds HSTS and hides the API docs unless API_DOCS=on', async () => {
    const production = await appWith({ NODE_ENV: 'production' });
    const health = await production.inject({ method: 'GET', url: '/api/health' });
    assert.match(String(health.headers['strict-transport-security']), /max-age=\d+/);
    assert.equal((await production.inject({ method: 'GET', url: '/api/docs/json' })).statusCode, 404);
    const documented = await appWith({ NODE_ENV: 'production', API_DOCS: 'on' });
    assert.equal((await documented.inject({ method: 'GET', url: '/api/docs/json' })).statusCode, 200);
    assert.equal((await s.app.inject({ method: 'GET', url: '/api/docs/json' })).statusCode, 200);
  });
});
