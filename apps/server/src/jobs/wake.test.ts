import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createOrg, createUser } from '../test/factories.ts';
import { setupTestServer } from '../test/harness.ts';
import { startJobRunner } from './index.ts';

const s = await setupTestServer();

/** Waits for a state, not a duration: polls until `check` holds or the bound passes. */
async function until(check: () => boolean, what: string) {
  const limit = Date.now() + 60_000;
  while (!check()) {
    if (Date.now() > limit) assert.fail(`still waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('a request that enqueues an e-mail wakes the runner: the link leaves without waiting for the next poll', async (t) => {
  const orgId = await createOrg(s.ctx);
  const user = await createUser(s.ctx, orgId, { email: 'reveil@example.org' });
  // A runner whose next poll is an hour away: only the wake-up can send the link in this test.
  const runner = startJobRunner(s.ctx, { intervalMs: 3_600_000 });
  t.after(() => runner.stop());
  const before = s.mailer.sent.length;
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/auth/magic-link',
    payload: { email: user.email },
  });
  assert.equal(res.statusCode, 202, res.body);
  await until(() => s.mailer.sent.slice(before).some((m) => m.to === user.email), 'the sign-in link');
  const pending = await s.db.selectFrom('jobs').select('status').where('status', '=', 'pending').execute();
  assert.equal(pending.length, 0);
});
