import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setupTestServer } from '../test/harness.ts';
import { DEMO_PASSWORD, seedDemo } from './seed.ts';

const s = await setupTestServer();

async function signIn(email: string) {
  const res = await s.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: DEMO_PASSWORD },
  });
  assert.equal(res.statusCode, 200, email);
  return String(res.headers['set-cookie']).split(';')[0] as string;
}

test('on the demo, the optimised matching beats first come, first served', async () => {
  assert.equal(await seedDemo(s.ctx), 'created');
  const cookie = await signIn('coordination@dmg.demo');
  const programmes = await s.db.selectFrom('programmes').select(['id', 'name']).execute();
  const promo = programmes.find((p) => p.name === 'Tutorat DES — promotion 2027');
  const peer = programmes.find((p) => p.name.startsWith('Tutorat par les pairs'));
  assert.ok(promo && peer);

  const run = await s.app.inject({
    method: 'POST',
    url: `/api/programmes/${promo.id}/matching/runs`,
    headers: { cookie },
    payload: { mode: 'optimal' },
  });
  assert.equal(run.statusCode, 201, run.body);
  const d = run.json().draft;
  assert.equal(d.summary.tutees, 32);
  assert.equal(d.summary.assigned, 32);
  assert.ok(
    d.summary.meanKm < d.baseline.meanKm,
    `optimal ${d.summary.meanKm} km < first come ${d.baseline.meanKm} km`,
  );
  assert.ok(d.summary.loadMax <= 3);

  const closed = await s.app.inject({
    method: 'POST',
    url: `/api/programmes/${peer.id}/matching/rounds/current/close`,
    headers: { cookie },
  });
  assert.equal(closed.statusCode, 200, closed.body);
  const c = closed.json().draft;
  assert.equal(c.mode, 'tutee-choice');
  assert.ok(
    c.summary.firstChoiceShare > c.baseline.firstChoiceShare,
    `choice ${c.summary.firstChoiceShare} % > ${c.baseline.firstChoiceShare} %`,
  );
  assert.ok(c.summary.meanKm < c.baseline.meanKm, `choice ${c.summary.meanKm} km < ${c.baseline.meanKm} km`);
  console.log(
    JSON.stringify({
      optimal: {
        meanKm: d.summary.meanKm,
        worstKm: d.summary.worstKm,
        baselineMeanKm: d.baseline.meanKm,
        baselineWorstKm: d.baseline.worstKm,
      },
      choice: {
        meanKm: c.summary.meanKm,
        baselineMeanKm: c.baseline.meanKm,
        firstChoice: c.summary.firstChoiceShare,
        baselineFirstChoice: c.baseline.firstChoiceShare,
        top3: c.summary.top3Share,
        baselineTop3: c.baseline.top3Share,
      },
    }),
  );
});
