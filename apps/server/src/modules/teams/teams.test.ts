import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMember, alert, createProgramme, createUser, pair } from '../../test/factories.ts';
import { createTeamWorld, type TeamWorld, team } from '../../test/factories-teams.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';
import { erasePerson } from '../rights/erase.ts';

const s = await setupTestServer();

async function call(
  cookie: string,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT',
  url: string,
  payload?: object,
) {
  return s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}
const mateCookie = (w: TeamWorld) => sessionCookie(s.ctx, w.teams.mateId);

/** A tutor of the world's programme, with a session. */
async function newTutor(w: TeamWorld, name: string, capacity: number | null = null) {
  const u = await createUser(s.ctx, w.orgId, { name, phone: '+33600000000' });
  await addMember(s.ctx, w.programme, u.id, 'tutor', capacity);
  return { ...u, cookie: await sessionCookie(s.ctx, u.id) };
}

describe('forming teams', () => {
  test('the coordination creates, renames, adds, removes and dissolves; a person is in one team; size is advice', async () => {
    const w = await createTeamWorld(s.ctx);
    const c = w.actors.coordinator.cookie;
    const created = await call(c, 'POST', `/api/programmes/${w.programme.id}/teams`, {
      name: 'Équipe Nord',
      memberIds: [w.actors.otherTutor.id],
    });
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id as string;
    // The tutor is already in « Équipe A »: refused, naming their team.
    const twice = await call(c, 'POST', `/api/teams/${id}/members`, { userId: w.actors.tutor.id });
    assert.equal(twice.statusCode, 409);
    assert.match(twice.json().error.message, /Équipe A/);
    assert.match(twice.json().error.message, /Tuteur A/);
    // A tutee is not a tutor of a DES.
    const tutee = await call(c, 'POST', `/api/teams/${id}/members`, { userId: w.actors.tutee.id });
    assert.equal(tutee.statusCode, 400);
    assert.equal((await call(c, 'PATCH', `/api/teams/${id}`, { name: 'Équipe Sud' })).statusCode, 200);
    const list = (await call(c, 'GET', `/api/programmes/${w.programme.id}/teams`)).json();
    const sud = list.teams.find((t: { id: string }) => t.id === id);
    assert.equal(sud.name, 'Équipe Sud');
    assert.equal(sud.sizeAdvice, 'under', 'one member: under the advised 6–8, shown, not refused');
    assert.ok(
      list.candidates.some(
        (x: { name: string; team: string }) => x.name === 'Tuteur A' && x.team === 'Équipe A',
      ),
    );
    // A member sees their own team only, and cannot form teams.
    const mine = (await call(w.actors.tutor.cookie, 'GET', `/api/programmes/${w.programme.id}/teams`)).json();
    assert.deepEqual(
      mine.teams.map((t: { id: string }) => t.id),
      [w.teams.teamId],
    );
    assert.equal(mine.actions.create, false);
    assert.equal(
      (await call(w.actors.tutor.cookie, 'PATCH', `/api/teams/${w.teams.teamId}`, { name: 'x' })).statusCode,
      403,
    );
    assert.equal(
      (await call(c, 'DELETE', `/api/teams/${id}/members/${w.actors.otherTutor.id}`)).statusCode,
      200,
    );
    assert.equal((await call(c, 'POST', `/api/teams/${id}/dissolve`)).statusCode, 200);
    // Dissolved: the other tutor may join another team.
    const again = await call(c, 'POST', `/api/teams/${w.teams.teamId}/members`, {
      userId: w.actors.otherTutor.id,
    });
    assert.equal(again.statusCode, 200, again.body);
    const audited = await s.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', id)
      .execute();
    assert.deepEqual(audited.map((a) => a.action).sort(), [
      'team.created',
      'team.dissolved',
      'team.member_removed',
      'team.renamed',
    ]);
  });

  test('a peer-support programme makes its groups teams, lead and members as equals', async () => {
    const w = await createTeamWorld(s.ctx);
    const org = await createProgramme(s.ctx, w.orgId, 'tutor-peer-support');
    await addMember(s.ctx, org, w.actors.coordinator.id, 'coordinator');
    const people = [];
    for (const n of ['Lead', 'Pair 1', 'Pair 2', 'Pair 3']) {
      const u = await createUser(s.ctx, w.orgId, { name: n });
      await addMember(s.ctx, org, u.id, n === 'Lead' ? 'tutor' : 'tutee');
      people.push(u);
    }
    for (const m of people.slice(1)) await pair(s.ctx, org, people[0]?.id as string, m.id);
    const before = (await call(w.actors.coordinator.cookie, 'GET', `/api/programmes/${org.id}/teams`)).json();
    assert.equal(before.groups, 1);
    assert.equal(before.actions.fromGroups, true);
    const res = await call(
      w.actors.coordinator.cookie,
      'POST',
      `/api/programmes/${org.id}/teams/from-groups`,
    );
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().created, 1);
    const after = (await call(w.actors.coordinator.cookie, 'GET', `/api/programmes/${org.id}/teams`)).json();
    assert.equal(after.teams[0].members.length, 4);
    assert.equal(after.groups, 0);
    // A member who is a « tutee » of the group is a peer: they schedule with their teammates.
    const cookie = await sessionCookie(s.ctx, people[2]?.id as string);
    const page = (await call(cookie, 'GET', `/api/teams/${after.teams[0].id}`)).json();
    assert.equal(page.actions.scheduleMeeting, true);
  });
});

describe('team contacts', () => {
  test('members see each other’s contacts, the phone as shared; another tutor and a tutee see none of them', async () => {
    const w = await createTeamWorld(s.ctx);
    const people = (cookie: string) =>
      call(cookie, 'GET', `/api/programmes/${w.programme.id}/people`).then(
        (r) => r.json() as { userId: string; email?: string; phone?: string | null }[],
      );
    const seenByTutor = (await people(w.actors.tutor.cookie)).find((p) => p.userId === w.teams.mateId);
    assert.equal(seenByTutor?.email, w.teams.mate.email);
    assert.equal(seenByTutor?.phone, '+33612121212');
    // The other tutor (in no team) and a tutee: name only.
    for (const viewer of [w.actors.otherTutor, w.actors.otherTutee]) {
      const seen = (await people(viewer.cookie)).find((p) => p.userId === w.teams.mateId);
      assert.ok(seen, viewer.name);
      assert.equal(seen.email, undefined, viewer.name);
      assert.ok(!seen.phone, viewer.name);
    }
    // A tutor of another team sees nobody's contact of this one, nor the page.
    const other = await newTutor(w, 'Tuteur D');
    await team(s.ctx, {
      programme: w.programme,
      name: 'Équipe D',
      memberIds: [other.id, w.actors.otherTutor.id],
    });
    const d = (await people(other.cookie)).find((p) => p.userId === w.teams.mateId);
    assert.equal(d?.email, undefined);
    assert.equal(
      (await people(other.cookie)).find((p) => p.userId === w.actors.otherTutor.id)?.email,
      w.actors.otherTutor.email,
    );
    assert.equal((await call(other.cookie, 'GET', `/api/teams/${w.teams.teamId}`)).statusCode, 404);
    assert.equal((await call(w.actors.tutee.cookie, 'GET', `/api/teams/${w.teams.teamId}`)).statusCode, 404);
    // On the team page: the contacts of every member, the read audited.
    const page = (await call(w.actors.tutor.cookie, 'GET', `/api/teams/${w.teams.teamId}`)).json();
    const mate = page.members.find((m: { id: string }) => m.id === w.teams.mateId);
    assert.equal(mate.email, w.teams.mate.email);
    const reads = await s.db
      .selectFrom('audit_log')
      .select('id')
      .where('actor_id', '=', w.actors.tutor.id)
      .where('action', '=', 'person.contact_read')
      .where('subject_id', '=', w.teams.teamId)
      .execute();
    assert.equal(reads.length, 1);
  });
});

describe('the team thread', () => {
  test('members write and read, a newcomer reads the history, the others are told by name only; erasure empties it', async () => {
    const w = await createTeamWorld(s.ctx);
    const url = `/api/teams/${w.teams.teamId}/messages`;
    const posted = await call(w.actors.tutor.cookie, 'POST', url, { body: 'Secret : Léa va mal' });
    assert.equal(posted.statusCode, 201, posted.body);
    await call(w.actors.tutor.cookie, 'POST', url, { body: 'Deuxième message' });
    await s.deliver();
    const notes = await s.db
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('user_id', '=', w.teams.mateId)
      .where('link', '=', `/equipes/${w.teams.teamId}`)
      .execute();
    const thread = notes.filter((n) => n.title.includes('Nouveau message'));
    assert.equal(thread.length, 1, 'one notice for a run of messages');
    assert.match(thread[0]?.title ?? '', /Tuteur A/);
    assert.ok(!JSON.stringify(notes).includes('Léa'));
    const mine = await call(await mateCookie(w), 'GET', '/api/me/teams');
    assert.equal(mine.json().teams[0].unread, 2);
    // The coordination, another tutor, a tutee: no thread.
    for (const v of [w.actors.coordinator, w.actors.otherTutor, w.actors.tutee]) {
      assert.equal((await call(v.cookie, 'GET', url)).statusCode, 404, v.name);
    }
    // A newcomer reads the history.
    await call(w.actors.coordinator.cookie, 'POST', `/api/teams/${w.teams.teamId}/members`, {
      userId: w.actors.otherTutor.id,
    });
    const read = await call(w.actors.otherTutor.cookie, 'GET', url);
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().messages.length, 2);
    // Erasure empties what the tutor wrote; the export holds it before.
    const exported = await call(w.actors.tutor.cookie, 'GET', '/api/me/data/export.json');
    assert.equal(exported.statusCode, 200, exported.body);
    assert.match(exported.body, /Deuxième message/);
    await s.db.transaction().execute((trx) => erasePerson(trx, w.actors.tutor.id, s.clock.now()));
    const after = await call(w.actors.otherTutor.cookie, 'GET', url);
    assert.ok(
      after.json().messages.every((m: { body: string; erased: boolean }) => m.body === '' && m.erased),
    );
  });
});

describe('the shared caseload', () => {
  test('each member’s live tutees against capacity and open alerts; the coordination sees the same page', async () => {
    const w = await createTeamWorld(s.ctx);
    const extra = await createUser(s.ctx, w.orgId, { name: 'Interne C' });
    await addMember(s.ctx, w.programme, extra.id, 'tutee');
    const p2 = await pair(s.ctx, w.programme, w.teams.mateId, extra.id);
    await alert(s.ctx, { pairing: p2 });
    for (const cookie of [w.actors.tutor.cookie, w.actors.coordinator.cookie]) {
      const page = (await call(cookie, 'GET', `/api/teams/${w.teams.teamId}`)).json();
      const load = (id: string) => page.members.find((m: { id: string }) => m.id === id).load;
      // The world's alert is on the tutor's pair; its programme has a portfolio with one trace waiting.
      assert.deepEqual(load(w.actors.tutor.id), { tutees: 1, capacity: 4, alerts: 1, traces: 1 });
      assert.deepEqual(load(w.teams.mateId), { tutees: 1, capacity: 4, alerts: 1, traces: 0 });
    }
  });
});
