import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildApp } from '../../http/app.ts';
import type { PasswordAlgorithm } from '../../lib/passwords.ts';
import { createOrg, createUser } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

// The limits are about counts and the clock, not about Argon2's cost: a plain stand-in keeps the test light.
const plain: PasswordAlgorithm = {
  hash: async (password) => `plain$${password}`,
  verify: async (hash, password) => hash === `plain$${password}`,
};
const s = await setupTestServer({ passwordAlgorithm: plain, settings: { SIGN_IN_ACCOUNT_CEILING: '10' } });

const MINUTE = 60_000;
const OWNER = '198.51.100.7';
const ATTACKER = '203.0.113.66';
const RIGHT = 'correct horse battery';

async function person() {
  const org = await createOrg(s.ctx);
  return createUser(s.ctx, org, { passwordHash: `plain$${RIGHT}` });
}
const signIn = (email: string, password: string, remoteAddress: string) =>
  s.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });
const linkIn = (text: string | undefined) => {
  const m = text?.match(/token=([\w-]+)/);
  assert.ok(m, `no link in: ${text}`);
  return m[1] as string;
};

describe('wrong passwords slow down one address for one account, never the owner', () => {
  test('the guessing address is held up; the owner elsewhere signs in; after the window it may try again', async () => {
    const u = await person();
    for (let i = 0; i < 5; i++) assert.equal((await signIn(u.email, `guess ${i}`, ATTACKER)).statusCode, 401);
    const held = await signIn(u.email, RIGHT, ATTACKER);
    assert.equal(held.statusCode, 429);
    assert.equal(held.json().error.code, 'sign_in_throttled');
    assert.match(held.json().error.message, /Réessayez dans 1 min/);
    assert.equal(held.headers['retry-after'], '60');
    assert.equal((await signIn(u.email, RIGHT, OWNER)).statusCode, 200, 'the owner from another address');
    s.clock.advance(16 * MINUTE);
    assert.equal((await signIn(u.email, 'guess 6', ATTACKER)).statusCode, 401, 'may try again');
  });

  test('each further try from that address waits twice as long as the one before', async () => {
    const u = await person();
    for (let i = 0; i < 5; i++) await signIn(u.email, `guess ${i}`, ATTACKER);
    s.clock.advance(MINUTE);
    assert.equal((await signIn(u.email, 'guess 5', ATTACKER)).statusCode, 401);
    const wait2 = await signIn(u.email, 'guess 6', ATTACKER);
    assert.equal(wait2.statusCode, 429);
    assert.match(wait2.json().error.message, /2 min/);
    s.clock.advance(MINUTE);
    assert.equal((await signIn(u.email, 'guess 6', ATTACKER)).statusCode, 429);
    s.clock.advance(MINUTE);
    assert.equal((await signIn(u.email, 'guess 6', ATTACKER)).statusCode, 401);
    assert.match((await signIn(u.email, 'guess 7', ATTACKER)).json().error.message, /4 min/);
    s.clock.advance(16 * MINUTE);
  });

  test('a right password from an address forgives its earlier mistakes', async () => {
    const u = await person();
    for (let i = 0; i < 4; i++) await signIn(u.email, `typo ${i}`, OWNER);
    assert.equal((await signIn(u.email, RIGHT, OWNER)).statusCode, 200);
    for (let i = 0; i < 5; i++) assert.equal((await signIn(u.email, `typo ${i}`, OWNER)).statusCode, 401);
    assert.equal((await signIn(u.email, RIGHT, OWNER)).json().error.code, 'sign_in_throttled');
    s.clock.advance(16 * MINUTE);
  });

  test('guesses from many addresses reach a ceiling that pauses password sign-in, never a sign-in link', async () => {
    const u = await person();
    for (const ip of ['203.0.113.1', '203.0.113.2']) {
      for (let i = 0; i < 5; i++) assert.equal((await signIn(u.email, `guess ${i}`, ip)).statusCode, 401);
    }
    const paused = await signIn(u.email, RIGHT, OWNER);
    assert.equal(paused.statusCode, 429);
    assert.equal(paused.json().error.code, 'account_throttled');
    assert.match(paused.json().error.message, /lien de connexion/);
    const asked = await s.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link',
      payload: { email: u.email },
      remoteAddress: OWNER,
    });
    assert.equal(asked.statusCode, 202);
    await s.deliver();
    const consumed = await s.app.inject({
      method: 'POST',
      url: '/api/auth/magic-link/consume',
      payload: { token: linkIn(s.mailer.lastTo(u.email)?.text) },
      remoteAddress: OWNER,
    });
    assert.equal(consumed.statusCode, 200);
    s.clock.advance(16 * MINUTE);
    assert.equal((await signIn(u.email, RIGHT, OWNER)).statusCode, 200);
  });

  test('simultaneous guesses count each other: five get a password check, the others wait', async () => {
    const u = await person();
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) => signIn(u.email, `guess ${i}`, ATTACKER)),
    );
    const checked = answers.filter((r) => r.statusCode === 401).length;
    assert.equal(checked, 5, 'password checks');
    assert.equal(answers.filter((r) => r.statusCode === 429).length, 12 - checked);
    s.clock.advance(16 * MINUTE);
  });
});

describe('sign-in link and reset e-mails per address', () => {
  const ask = (kind: 'magic-link' | 'password-reset', email: string, app = s.app) =>
    app.inject({ method: 'POST', url: `/api/auth/${kind}`, payload: { email } });
  const mailsTo = (email: string) => s.mailer.sent.filter((m) => m.to === email).length;

  test('three in 15 minutes are sent; more get the same answer and are not sent; later ones are', async () => {
    const u = await person();
    const answers = [];
    for (const kind of [
      'magic-link',
      'password-reset',
      'magic-link',
      'magic-link',
      'password-reset',
    ] as const) {
      answers.push(await ask(kind, u.email));
    }
    assert.deepEqual(
      answers.map((r) => [r.statusCode, r.body]),
      answers.map(() => [202, '{"ok":true}']),
    );
    await s.deliver();
    assert.equal(mailsTo(u.email), 3);
    s.clock.advance(16 * MINUTE);
    assert.equal((await ask('magic-link', u.email)).statusCode, 202);
    await s.deliver();
    assert.equal(mailsTo(u.email), 4);
  });

  test('the count is kept in the database: another server on the same database sees it', async () => {
    const u = await person();
    const other = await buildApp(s.ctx, { pluginTimeout: 0 });
    await other.ready();
    try {
      await ask('magic-link', u.email);
      await ask('magic-link', u.email, other);
      await ask('password-reset', u.email);
      await ask('password-reset', u.email, other);
      await s.deliver();
      assert.equal(mailsTo(u.email), 3);
    } finally {
      await other.close();
    }
  });
});
