import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createWorld } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';
import { templateIds, templates } from './templates.ts';

const s = await setupTestServer();

describe('programmes', () => {
  for (const template of templateIds) {
    test(`created from the ${template} template with its rules, creator as coordinator`, async () => {
      const w = await createWorld(s.ctx);
      const res = await s.app.inject({
        method: 'POST',
        url: `/api/orgs/${w.orgId}/programmes`,
        headers: { cookie: w.actors.orgAdmin.cookie },
        payload: {
          name: `Programme ${template}`,
          template,
          cohort: { name: '2026-2027', kind: 'academic-year', startsOn: '2026-11-02', endsOn: '2027-10-31' },
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.deepEqual(body.rules, templates[template].rules);
      assert.deepEqual(body.myRoles, ['coordinator']);
      assert.equal(body.cohorts.length, 1);
      assert.equal(body.actions.update, true);
    });
  }

  test('peer tutoring shows meeting reports to the coordinator by default, DES tutoring does not', () => {
    assert.equal(templates['peer-tutoring'].rules.reportVisibility.coordinator, true);
    assert.equal(templates['des-tutoring'].rules.reportVisibility.coordinator, false);
  });

  test('rules are edited by the coordinator; invalid rules name the field and change nothing', async () => {
    const w = await createWorld(s.ctx);
    const url = `/api/programmes/${w.programme.id}`;
    const cookie = w.actors.coordinator.cookie;
    const rules = { ...templates['des-tutoring'].rules, tutorCapacity: { min: 8, max: 4 } };
    const bad = await s.app.inject({ method: 'PATCH', url, headers: { cookie }, payload: { rules } });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /rules\.tutorCapacity\.min/);
    const unchanged = await s.app.inject({ method: 'GET', url, headers: { cookie } });
    assert.deepEqual(unchanged.json().rules, templates['des-tutoring'].rules);
    const good = { ...templates['des-tutoring'].rules, participation: { mode: 'first-n', firstN: 3 } };
    const ok = await s.app.inject({ method: 'PATCH', url, headers: { cookie }, payload: { rules: good } });
    assert.equal(ok.statusCode, 200);
    assert.deepEqual(ok.json().rules.participation, { mode: 'first-n', firstN: 3 });
  });

  test('a tutor sees the programme but may not edit it (403) and the actions say so', async () => {
    const w = await createWorld(s.ctx);
    const get = await s.app.inject({
      method: 'GET',
      url: `/api/programmes/${w.programme.id}`,
      headers: { cookie: w.actors.tutor.cookie },
    });
    assert.equal(get.json().actions.update, false);
    assert.deepEqual(get.json().counts, { coordinators: 1, tutors: 2, tutees: 2, experts: 1 });
    const patch = await s.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${w.programme.id}`,
      headers: { cookie: w.actors.tutor.cookie },
      payload: { name: 'Renommé' },
    });
    assert.equal(patch.statusCode, 403);
  });

  test('an archived programme can no longer be edited until it is restored', async () => {
    const w = await createWorld(s.ctx);
    const cookie = w.actors.coordinator.cookie;
    const archived = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${w.programme.id}/archive`,
      headers: { cookie },
    });
    assert.equal(archived.json().archived, true);
    assert.equal(archived.json().actions.update, false);
    const patch = await s.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${w.programme.id}`,
      headers: { cookie },
      payload: { name: 'X y' },
    });
    assert.equal(patch.statusCode, 403);
    const restored = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${w.programme.id}/unarchive`,
      headers: { cookie },
    });
    assert.equal(restored.json().actions.update, true);
  });

  test('an archived programme stays readable by its managers, and nobody changes anything in it', async () => {
    const w = await createWorld(s.ctx);
    const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
      s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const base = `/api/programmes/${w.programme.id}`;
    assert.equal((await call('POST', `${base}/archive`, w.actors.coordinator.cookie)).statusCode, 200);
    for (const cookie of [w.actors.coordinator.cookie, w.actors.orgAdmin.cookie]) {
      for (const url of [
        `${base}/people`,
        `${base}/followup/dashboard`,
        `${base}/followup/alerts`,
        `${base}/contacts`,
      ]) {
        assert.equal((await call('GET', url, cookie)).statusCode, 200, url);
      }
      const alerts = (await call('GET', `${base}/followup/alerts`, cookie)).json();
      assert.equal(alerts.alerts.length, 1, 'the manager still sees every alert');
      assert.equal(alerts.alerts[0].actions.snooze, false);
      assert.equal(
        (await call('GET', `/api/pairings/${w.pairing.id}/history`, cookie)).statusCode,
        200,
        'and the pairs’ history',
      );
    }
    const before = await s.db.selectFrom('contact_logs').select('id').execute();
    const writes = [
      call('POST', `/api/followup/alerts/${w.followup.alertId}/snooze`, w.actors.coordinator.cookie, {
        days: 7,
      }),
      call('POST', `${base}/followup/activity`, w.actors.coordinator.cookie, {
        pairingId: w.pairing.id,
        kind: 'contact',
      }),
      call('POST', `${base}/contacts`, w.actors.coordinator.cookie, {
        tuteeId: w.actors.tutee.id,
        channel: 'call',
      }),
      call('POST', `/api/pairings/${w.pairing.id}/transition`, w.actors.coordinator.cookie, { to: 'paused' }),
    ];
    for (const res of await Promise.all(writes)) assert.equal(res.statusCode, 403, res.body);
    assert.equal((await s.db.selectFrom('contact_logs').select('id').execute()).length, before.length);
  });

  test('a cohort whose end precedes its start is refused', async () => {
    const w = await createWorld(s.ctx);
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${w.programme.id}/cohorts`,
      headers: { cookie: w.actors.coordinator.cookie },
      payload: { name: 'S2', kind: 'semester', startsOn: '2027-05-01', endsOn: '2027-01-01' },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /endsOn/);
  });

  test('organisations are isolated: the other organisation is invisible in lists', async () => {
    const w = await createWorld(s.ctx);
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/orgs',
      headers: { cookie: w.actors.otherOrgCoordinator.cookie },
    });
    assert.deepEqual(
      res.json().map((o: { id: string }) => o.id),
      [w.otherOrgId],
    );
  });
});
