import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMember, createOrg, createProgramme, createUser, pair } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

const s = await setupTestServer();

/** A peer tutoring with two groups: tutor A with three first-years, tutor B with one. */
async function peerWorld() {
  const orgId = await createOrg(s.ctx, 'DMG');
  const programme = await createProgramme(s.ctx, orgId, 'peer-tutoring');
  const coordinator = await createUser(s.ctx, orgId, { name: 'Coordinatrice' });
  const tutorA = await createUser(s.ctx, orgId, { name: 'Tuteur A', phone: '+33611223344' });
  const tutorB = await createUser(s.ctx, orgId, { name: 'Tuteur B', phone: '+33611223355' });
  const a = [];
  for (const [i, phone] of ['+33655000001', '+33655000002', null].entries())
    a.push(await createUser(s.ctx, orgId, { name: `Interne A${i + 1}`, ...(phone ? { phone } : {}) }));
  const b1 = await createUser(s.ctx, orgId, { name: 'Interne B1', phone: '+33655000009' });
  await addMember(s.ctx, programme, coordinator.id, 'coordinator');
  for (const t of [tutorA, tutorB]) await addMember(s.ctx, programme, t.id, 'tutor', 4);
  for (const t of [...a, b1]) await addMember(s.ctx, programme, t.id, 'tutee');
  for (const t of a) await pair(s.ctx, programme, tutorA.id, t.id);
  await pair(s.ctx, programme, tutorB.id, b1.id);
  return { programme, coordinator, tutorA, tutorB, a, b1 };
}

const call = (cookie: string, method: 'GET' | 'PUT' | 'PATCH', url: string, payload?: object) =>
  s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

test('a member of a peer group sees their tutor and the other members; another group does not', async () => {
  const w = await peerWorld();
  const url = `/api/programmes/${w.programme.id}/my-group`;
  const mine = await call((w.a[0] as { cookie: string }).cookie, 'GET', url);
  assert.equal(mine.statusCode, 200, mine.body);
  const g = mine.json();
  assert.equal(g.tutor.name, 'Tuteur A');
  assert.equal(g.tutor.phone, '+33611223344', 'shared by the peer tutoring’s rule');
  assert.deepEqual(
    g.members.map((m: { name: string }) => m.name),
    ['Interne A2', 'Interne A3'],
  );
  assert.deepEqual(Object.keys(g.members[0]).sort(), ['name', 'userId'], 'names only');
  const other = (await call(w.b1.cookie, 'GET', url)).json();
  assert.equal(other.tutor.name, 'Tuteur B');
  assert.deepEqual(other.members, [], 'B1 sees nobody of group A');
  assert.equal((await call(w.tutorA.cookie, 'GET', url)).json(), null, 'a tutor is in no group as a member');
});

test('phone rule: a tutee’s switch, the coordinator’s count, and a rule change that is not retroactive', async () => {
  const w = await peerWorld();
  const base = `/api/programmes/${w.programme.id}`;
  const reach = async () => (await call(w.coordinator.cookie, 'GET', `${base}/phone-reach`)).json();
  assert.deepEqual(await reach(), { tutees: 4, noPhone: 1, notShared: 0, unreachable: 1 });
  assert.equal((await call(w.tutorA.cookie, 'GET', `${base}/phone-reach`)).statusCode, 403);

  const [a1, a2] = w.a;
  assert.ok(a1 && a2);
  const off = await call(a1.cookie, 'PUT', `${base}/my-phone`, { shared: false });
  assert.deepEqual(off.json(), { shared: false, byDefault: true, chosen: true, hasPhone: true });
  assert.deepEqual(await reach(), { tutees: 4, noPhone: 1, notShared: 1, unreachable: 2 });
  const tutorSees = async (id: string) =>
    (await call(w.tutorA.cookie, 'GET', `${base}/people/${id}`)).json().phone ?? null;
  assert.equal(await tutorSees(a1.id), null);

  // The coordinator turns the default off: people already in keep the default they joined under.
  const p = (await call(w.coordinator.cookie, 'GET', base)).json();
  const saved = await call(w.coordinator.cookie, 'PATCH', base, {
    rules: { ...p.rules, phoneSharedByDefault: false },
  });
  assert.equal(saved.statusCode, 200, saved.body);
  assert.equal(await tutorSees(a2.id), '+33655000002', 'not retroactive');
  assert.deepEqual((await call(a2.cookie, 'GET', `${base}/my-phone`)).json(), {
    shared: true,
    byDefault: false,
    chosen: false,
    hasPhone: true,
  });
  // A tutee shares again: the tutor sees the number at once.
  await call(a1.cookie, 'PUT', `${base}/my-phone`, { shared: true });
  assert.equal(await tutorSees(a1.id), '+33655000001');
  // Each choice, theirs or the rule's, is in the person's export.
  const exported = (await call(a1.cookie, 'GET', '/api/me/data/export.json')).json();
  assert.deepEqual(
    exported.phoneChoices.map((c: { phoneShared: boolean; decidedBy: string }) => [
      c.phoneShared,
      c.decidedBy,
    ]),
    [[true, 'person']],
  );
  const kept = (await call(a2.cookie, 'GET', '/api/me/data/export.json')).json();
  assert.deepEqual(
    kept.phoneChoices.map((c: { phoneShared: boolean; decidedBy: string }) => [c.phoneShared, c.decidedBy]),
    [[true, 'rule']],
  );
});
