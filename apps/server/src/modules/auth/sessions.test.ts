import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { hashSecret } from '../../lib/ids.ts';
import type { PasswordAlgorithm } from '../../lib/passwords.ts';
import { createOrg, createUser } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

const plain: PasswordAlgorithm = {
  hash: async (password) => `plain$${password}`,
  verify: async (hash, password) => hash === `plain$${password}`,
};
const s = await setupTestServer({ passwordAlgorithm: plain });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const OLD = 'old password 123';

async function person() {
  const org = await createOrg(s.ctx);
  return createUser(s.ctx, org, { passwordHash: `plain$${OLD}` });
}
const tokensIn = (email: string) =>
  s.mailer.sent
    .filter((m) => m.to === email)
    .map((m) => {
      const found = m.text.match(/token=([\w-]+)/);
      assert.ok(found, `no link in: ${m.text}`);
      return { subject: m.subject, token: found[1] as string };
    });
const cookieOf = (res: { headers: Record<string, unknown> }) => {
  const m = [res.headers['set-cookie']]
    .flat()
    .join(';')
    .match(/compagnon_session=([^;]+)/);
  assert.ok(m, 'no session cookie set');
  return `compagnon_session=${m[1]}`;
};
const me = (cookie: string) => s.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
const consumeMagic = (token: string) =>
  s.app.inject({ method: 'POST', url: '/api/auth/magic-link/consume', payload: { token } });
const completeReset = (token: string, password: string) =>
  s.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password } });

async function askLinks(email: string, kinds: ('magic-link' | 'password-reset')[]) {
  for (const kind of kinds) {
    const res = await s.app.inject({ method: 'POST', url: `/api/auth/${kind}`, payload: { email } });
    assert.equal(res.statusCode, 202);
  }
  await s.deliver();
  const links = tokensIn(email);
  assert.equal(links.length, kinds.length);
  return links.map((l) => l.token);
}

describe('a new password cancels what the old one could reach', () => {
  test('completing a reset cancels the other reset and sign-in links and ends the other sessions', async () => {
    const u = await person();
    const [reset1, magic, reset2] = await askLinks(u.email, [
      'password-reset',
      'magic-link',
      'password-reset',
    ]);
    assert.equal((await completeReset(reset2 as string, 'new password 456')).statusCode, 200);
    for (const res of [
      await completeReset(reset1 as string, 'third password 789'),
      await consumeMagic(magic as string),
    ]) {
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'expired_link');
    }
    assert.equal((await me(u.cookie)).statusCode, 401);
  });

  test('changing the password cancels outstanding reset and sign-in links', async () => {
    const u = await person();
    const [magic, reset] = await askLinks(u.email, ['magic-link', 'password-reset']);
    const changed = await s.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: u.cookie },
      payload: { current: OLD, password: 'new password 456' },
    });
    assert.equal(changed.statusCode, 200);
    assert.equal((await consumeMagic(magic as string)).json().error?.code, 'expired_link');
    assert.equal(
      (await completeReset(reset as string, 'third password 789')).json().error?.code,
      'expired_link',
    );
    assert.equal((await me(u.cookie)).statusCode, 200, 'the session that changed it stays');
  });

  test('a link asked for before the new password and not yet sent is not sent', async () => {
    const u = await person();
    const asked = await s.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link',
      payload: { email: u.email },
    });
    assert.equal(asked.statusCode, 202);
    s.clock.advance(MINUTE);
    const changed = await s.app.inject({
      method: 'POST',
      url: '/api/me/password',
      headers: { cookie: u.cookie },
      payload: { current: OLD, password: 'new password 456' },
    });
    assert.equal(changed.statusCode, 200);
    await s.deliver();
    assert.equal(tokensIn(u.email).length, 0);
  });
});

describe('idle sessions end', () => {
  test('a session unused for 12 hours ends; one in use goes on', async () => {
    const u = await person();
    const signedIn = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: u.email, password: OLD },
    });
    const cookie = cookieOf(signedIn);
    s.clock.advance(11 * HOUR);
    assert.equal((await me(cookie)).statusCode, 200);
    s.clock.advance(11 * HOUR);
    assert.equal((await me(cookie)).statusCode, 200, 'used 11 hours ago: still open');
    s.clock.advance(12 * HOUR + MINUTE);
    assert.equal((await me(cookie)).statusCode, 401, 'unused for 12 hours: ended');
  });

  test('last use is written at most every few minutes, not on each request', async () => {
    const u = await person();
    const cookie = cookieOf(
      await s.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in',
        payload: { email: u.email, password: OLD },
      }),
    );
    const lastSeen = async () =>
      (
        await s.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('id', '=', hashSecret(cookie.split('=')[1] as string))
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const start = await lastSeen();
    s.clock.advance(2 * MINUTE);
    await me(cookie);
    await me(cookie);
    assert.equal(await lastSeen(), start);
    s.clock.advance(4 * MINUTE);
    await me(cookie);
    assert.equal(await lastSeen(), s.clock.now().toISOString());
  });
});
