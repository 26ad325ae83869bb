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

  // Groups by internship site, measured on the same round: the rule off, then on (its default).
  // Without it, the choices alone beat first come, first served; with it, most first-years share
  // their peer tutor's site (the demo's sites allow 12 of 16) and everyone is still placed.
  const bySite = await sameSiteShares(peer.id, cookie);
  assert.ok(
    bySite.off.firstChoiceShare >= bySite.off.baselineFirstChoice,
    `choice ${bySite.off.firstChoiceShare} % ≥ ${bySite.off.baselineFirstChoice} %`,
  );
  assert.ok(
    bySite.on.sameSite >= bySite.off.sameSite + 30,
    `same site ${bySite.off.sameSite} % → ${bySite.on.sameSite} %`,
  );
  assert.equal(bySite.on.assigned, 16);

  const closed = await s.app.inject({
    method: 'POST',
    url: `/api/programmes/${peer.id}/matching/rounds/current/close`,
    headers: { cookie },
  });
  assert.equal(closed.statusCode, 200, closed.body);
  const c = closed.json().draft;
  assert.equal(c.mode, 'tutee-choice');
  assert.ok(c.summary.meanKm < c.baseline.meanKm, `choice ${c.summary.meanKm} km < ${c.baseline.meanKm} km`);
  assert.equal(c.summary.sameSiteShare, bySite.on.sameSite);
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
        withoutSiteRule: bySite.off,
        sameSite: c.summary.sameSiteShare,
        baselineSameSite: c.baseline.sameSiteShare,
      },
    }),
  );
});

/** Share of first-years placed with a peer tutor on their own site, the site rule off and on. */
async function sameSiteShares(peerId: string, cookie: string) {
  type Shares = { sameSite: number; firstChoiceShare: number; baselineFirstChoice: number; assigned: number };
  const out: Record<'off' | 'on', Shares> = {
    off: { sameSite: 0, firstChoiceShare: 0, baselineFirstChoice: 0, assigned: 0 },
    on: { sameSite: 0, firstChoiceShare: 0, baselineFirstChoice: 0, assigned: 0 },
  };
  const programme = (await s.app.inject({ url: `/api/programmes/${peerId}`, headers: { cookie } })).json();
  assert.equal(programme.rules.groupsBySite, true, 'on by default for peer tutoring');
  for (const rule of [false, true]) {
    const saved = await s.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${peerId}`,
      headers: { cookie },
      payload: { rules: { ...programme.rules, groupsBySite: rule } },
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const run = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${peerId}/matching/runs`,
      headers: { cookie },
      payload: { mode: 'tutee-choice' },
    });
    assert.equal(run.statusCode, 201, run.body);
    const { summary, baseline } = run.json().draft;
    out[rule ? 'on' : 'off'] = {
      sameSite: summary.sameSiteShare,
      firstChoiceShare: summary.firstChoiceShare,
      baselineFirstChoice: baseline.firstChoiceShare,
      assigned: summary.assigned,
    };
  }
  return out;
}
