import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createWorld } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

const s = await setupTestServer();

async function peopleAs(cookie: string, programmeId: string) {
  const res = await s.app.inject({
    method: 'GET',
    url: `/api/programmes/${programmeId}/people`,
    headers: { cookie },
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as Array<Record<string, unknown> & { name: string; userId: string }>;
}

describe('who sees what of a person (confidentiality table, profile row)', () => {
  test('a tutee sees their tutor’s contact, only names of the others, and their own details', async () => {
    const w = await createWorld(s.ctx);
    const list = await peopleAs(w.actors.tutee.cookie, w.programme.id);
    const by = (id: string) => list.find((p) => p.userId === id);
    assert.equal(by(w.actors.tutor.id)?.email, w.actors.tutor.email);
    assert.equal(by(w.actors.tutor.id)?.phone, '+33611223344', 'tutor consented to share the phone');
    assert.equal(by(w.actors.tutee.id)?.email, w.actors.tutee.email);
    for (const other of [w.actors.otherTutee, w.actors.otherTutor, w.actors.coordinator]) {
      const p = by(other.id);
      assert.ok(p, `${other.name} listed by name`);
      assert.equal(p.email, undefined);
      assert.equal(p.phone, undefined);
      assert.equal(p.profile, undefined);
    }
  });

  test('a tutor sees their own tutee fully and another tutor’s tutee by name only', async () => {
    const w = await createWorld(s.ctx);
    const list = await peopleAs(w.actors.tutor.cookie, w.programme.id);
    const mine = list.find((p) => p.userId === w.actors.tutee.id);
    const theirs = list.find((p) => p.userId === w.actors.otherTutee.id);
    assert.equal(mine?.email, w.actors.tutee.email);
    assert.equal(mine?.phone, '+33655667788');
    assert.deepEqual((mine?.profile as { themes: string[] } | undefined)?.themes, ['thèse']);
    assert.equal(theirs?.name, 'Interne B');
    assert.equal(theirs?.email, undefined);
    assert.equal(theirs?.phone, undefined);
  });

  test('the phone number reaches the tutor only with the tutee’s consent', async () => {
    const w = await createWorld(s.ctx);
    const choice = await s.app.inject({
      method: 'PUT',
      url: `/api/programmes/${w.programme.id}/my-phone`,
      headers: { cookie: w.actors.tutee.cookie },
      payload: { shared: false },
    });
    assert.equal(choice.statusCode, 200, choice.body);
    assert.deepEqual(choice.json(), { shared: false, byDefault: true, chosen: true, hasPhone: true });
    const list = await peopleAs(w.actors.tutor.cookie, w.programme.id);
    assert.equal(list.find((p) => p.userId === w.actors.tutee.id)?.phone, null);
    const coord = await peopleAs(w.actors.coordinator.cookie, w.programme.id);
    assert.equal(coord.find((p) => p.userId === w.actors.tutee.id)?.phone, '+33655667788');
  });

  test('the coordinator and the admin see everyone’s profile, pairs and invitation status', async () => {
    const w = await createWorld(s.ctx);
    for (const viewer of [w.actors.coordinator, w.actors.orgAdmin]) {
      const list = await peopleAs(viewer.cookie, w.programme.id);
      assert.equal(list.length, 6);
      for (const p of list) {
        assert.ok(typeof p.email === 'string', `${viewer.name} sees ${p.name}'s e-mail`);
        assert.equal(p.status, 'invited');
      }
      const tutee = list.find((p) => p.userId === w.actors.tutee.id);
      assert.deepEqual(tutee?.tutors, [{ userId: w.actors.tutor.id, name: 'Tuteur A' }]);
    }
  });

  test('an expert sees nobody’s profile', async () => {
    const w = await createWorld(s.ctx);
    const list = await peopleAs(w.actors.expert.cookie, w.programme.id);
    assert.deepEqual(
      list.map((p) => p.userId),
      [w.actors.expert.id],
    );
  });

  test('a coordinator of another organisation gets 404 for the list and for one person', async () => {
    const w = await createWorld(s.ctx);
    const cookie = w.actors.otherOrgCoordinator.cookie;
    for (const url of [
      `/api/programmes/${w.programme.id}/people`,
      `/api/programmes/${w.programme.id}/people/${w.actors.tutee.id}`,
    ]) {
      const res = await s.app.inject({ method: 'GET', url, headers: { cookie } });
      assert.equal(res.statusCode, 404);
    }
  });
});

describe('memberships', () => {
  test('a role change is audited with before and after', async () => {
    const w = await createWorld(s.ctx);
    const res = await s.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${w.programme.id}/members/${w.tuteeMembership}`,
      headers: { cookie: w.actors.coordinator.cookie },
      payload: { role: 'tutor', capacity: 2 },
    });
    assert.equal(res.statusCode, 200);
    const entry = await s.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'membership.role_changed')
      .where('subject_id', '=', w.actors.tutee.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(JSON.parse(entry.meta ?? '{}'), {
      programmeId: w.programme.id,
      from: 'tutee',
      to: 'tutor',
    });
  });

  test('adding the same person twice with the same role is a clear 409', async () => {
    const w = await createWorld(s.ctx);
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${w.programme.id}/members`,
      headers: { cookie: w.actors.coordinator.cookie },
      payload: { email: w.actors.tutee.email, name: 'Interne A', role: 'tutee' },
    });
    assert.equal(res.statusCode, 409);
    assert.match(res.json().error.message, /a déjà ce rôle/);
  });

  test('an invalid phone number is refused and nothing changes', async () => {
    const w = await createWorld(s.ctx);
    const res = await s.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: w.actors.tutee.cookie },
      payload: { phone: '12' },
    });
    assert.equal(res.statusCode, 400);
    assert.match(res.json().error.message, /Numéro de téléphone invalide/);
    const u = await s.db
      .selectFrom('users')
      .select('phone')
      .where('id', '=', w.actors.tutee.id)
      .executeTakeFirstOrThrow();
    assert.equal(u.phone, '+33655667788');
    const ok = await s.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: w.actors.tutee.cookie },
      payload: { phone: '06 12 34 56 78' },
    });
    assert.equal(ok.json().phone, '+33612345678');
  });

  test('my organisation profile keeps one site per period', async () => {
    const w = await createWorld(s.ctx);
    const url = `/api/orgs/${w.orgId}/profile`;
    const cookie = w.actors.tutee.cookie;
    await s.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie },
      payload: { placement: { period: '2026-2027 S1', site: 'CH d’Abbeville', city: 'Abbeville' } },
    });
    const res = await s.app.inject({
      method: 'PATCH',
      url,
      headers: { cookie },
      payload: {
        desYear: 3,
        placement: { period: '2026-2027 S1', site: 'CHU Amiens-Picardie', city: 'Amiens' },
      },
    });
    assert.equal(res.statusCode, 200);
    assert.equal(res.json().desYear, 3);
    assert.deepEqual(res.json().placements, [
      { period: '2026-2027 S1', site: 'CHU Amiens-Picardie', city: 'Amiens' },
    ]);
  });
});
