import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { PasswordAlgorithm } from '../../lib/passwords.ts';
import { createOrg, createUser } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

/**
 * A password function the test drives: it records each check, and while `held` is on, a check stays
 * in flight until `release()`. It stands for Argon2, whose cost is what the sign-in must pay the same
 * for every e-mail and must never let crowd out the other work of the server.
 */
function drivenAlgorithm() {
  const state = {
    checks: [] as string[],
    inFlight: 0,
    mostInFlight: 0,
    held: false,
    waiting: [] as (() => void)[],
  };
  const algorithm: PasswordAlgorithm = {
    hash: async (password) => `plain$${password}`,
    async verify(hash, password) {
      state.checks.push(hash);
      state.inFlight++;
      state.mostInFlight = Math.max(state.mostInFlight, state.inFlight);
      if (state.held) await new Promise<void>((resolve) => state.waiting.push(resolve));
      state.inFlight--;
      return hash === `plain$${password}`;
    },
  };
  const release = () => {
    state.held = false;
    for (const go of state.waiting.splice(0)) go();
  };
  return { state, algorithm, release };
}

const driven = drivenAlgorithm();
const s = await setupTestServer({
  passwordAlgorithm: driven.algorithm,
  settings: { PASSWORD_HASH_CONCURRENCY: '2', PASSWORD_HASH_QUEUE: '3' },
});

/** Waits until `ready()` holds (a state, checked every few milliseconds); fails if it never does. */
async function until(ready: () => boolean, what: string) {
  for (let i = 0; i < 3000 && !ready(); i++) await new Promise((r) => setTimeout(r, 5));
  assert.ok(ready(), `never reached: ${what}`);
}

const signIn = (email: string, password: string, remoteAddress = '192.0.2.10') =>
  s.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password }, remoteAddress });

describe('sign-in costs the same whether the e-mail has an account or not', () => {
  test('an unknown e-mail, an account without a password and a disabled account each run one password check', async () => {
    const org = await createOrg(s.ctx);
    const noPassword = await createUser(s.ctx, org);
    const disabled = await createUser(s.ctx, org, { passwordHash: 'plain$right password' });
    await s.db
      .updateTable('users')
      .set({ disabled_at: s.clock.now().toISOString() })
      .where('id', '=', disabled.id)
      .execute();
    const known = await createUser(s.ctx, org, { passwordHash: 'plain$right password' });
    const cases = [
      ['personne@nulle-part.fr', 'any password'],
      [noPassword.email, 'any password'],
      [disabled.email, 'right password'],
      [known.email, 'wrong password'],
    ] as const;
    const answers: string[] = [];
    for (const [email, password] of cases) {
      const before = driven.state.checks.length;
      const res = await signIn(email, password, `192.0.2.${20 + answers.length}`);
      assert.equal(res.statusCode, 401, email);
      assert.equal(driven.state.checks.length - before, 1, `one password check for ${email}`);
      answers.push(res.body);
    }
    assert.equal(new Set(answers).size, 1, 'the same answer for each');
  });

  test('a sign-in link or a reset asked for a known e-mail is only queued, as for an unknown one', async () => {
    const org = await createOrg(s.ctx);
    const u = await createUser(s.ctx, org);
    await s.deliver();
    const before = s.mailer.sent.length;
    for (const url of ['/api/auth/magic-link', '/api/auth/password-reset']) {
      const known = await s.app.inject({ method: 'POST', url, payload: { email: u.email } });
      const unknown = await s.app.inject({
        method: 'POST',
        url,
        payload: { email: 'inconnu@nulle-part.fr' },
      });
      assert.equal(known.statusCode, 202);
      assert.equal(unknown.statusCode, known.statusCode);
      assert.equal(unknown.body, known.body);
    }
    assert.equal(s.mailer.sent.length, before, 'no e-mail is sent by the request itself');
    await s.deliver();
    assert.equal(s.mailer.sent.length, before + 2);
  });
});

describe('password hashing never crowds out the rest of the server', () => {
  test('at most two checks run at once, three wait, the next sign-in is told to retry; health answers meanwhile', async () => {
    const org = await createOrg(s.ctx);
    const u = await createUser(s.ctx, org, { passwordHash: 'plain$right password' });
    driven.state.mostInFlight = 0;
    driven.state.held = true;
    const started = driven.state.checks.length;
    let settled = 0;
    const crowd = Array.from({ length: 5 }, (_, i) =>
      signIn(u.email, `wrong ${i}`, `198.51.100.${i + 1}`).then((res) => {
        settled++;
        return res;
      }),
    );
    await until(() => driven.state.checks.length - started === 2, 'two checks in flight');
    // The three others wait in the queue: a sixth finds it full.
    await until(() => s.ctx.passwords?.load().waiting === 3, 'three sign-ins waiting');
    const busy = await signIn(u.email, 'wrong 6', '198.51.100.50');
    assert.equal(busy.statusCode, 503);
    assert.equal(busy.json().error.code, 'sign_in_busy');
    assert.match(busy.json().error.message, /Réessayez/);
    assert.ok(Number(busy.headers['retry-after']) > 0, 'Retry-After says when');
    const english = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: u.email, password: 'wrong 7' },
      remoteAddress: '198.51.100.51',
      headers: { 'accept-language': 'en' },
    });
    assert.equal(english.statusCode, 503);
    assert.match(english.json().error.message, /Try again/);

    const health = await s.app.inject({ method: 'GET', url: '/api/health' });
    assert.equal(health.statusCode, 200);
    assert.equal(settled, 0, 'health answered while every sign-in was still waiting for its hash');

    driven.release();
    const answers = await Promise.all(crowd);
    assert.deepEqual(
      answers.map((r) => r.statusCode),
      [401, 401, 401, 401, 401],
    );
    assert.equal(driven.state.mostInFlight, 2);
    assert.equal(driven.state.checks.length - started, 5, 'the refused sign-ins never reached the hash');
  });
});
