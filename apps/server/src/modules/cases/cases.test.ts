import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMember, createUser } from '../../test/factories.ts';
import { createFeedbackWorld, type FeedbackWorld, joinTeam } from '../../test/factories-feedback.ts';
import { changeLog, setupTestServer } from '../../test/harness.ts';

const s = await setupTestServer();
const log = await changeLog(s.ctx);

type Method = 'GET' | 'POST' | 'PUT';
const call = (cookie: string, method: Method, url: string, payload?: object) =>
  s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
async function ok(cookie: string, method: Method, url: string, payload?: object) {
  const res = await call(cookie, method, url, payload);
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res;
}

async function bring(w: FeedbackWorld, kind: string, subjectId: string | null = null) {
  const res = await ok(w.actors.tutor.cookie, 'POST', `/api/orgs/${w.orgId}/team-cases`, {
    title: 'Une interne en danger',
    situation: 'Elle m’a dit penser à tout arrêter, elle ne dort plus entre les gardes.',
    kind,
    subjectId,
  });
  return res.json().id as string;
}

const decide = (w: FeedbackWorld, id: string, cookie = w.actors.otherTutor.cookie) =>
  call(cookie, 'POST', `/api/team-cases/${id}/decision`, {
    decision: 'Orienter vers la médecine du travail.',
  });

describe('the expert rule on a team case', () => {
  test('a safety case is decided only once an expert consulted about it answered', async () => {
    const w = await createFeedbackWorld(s.ctx);
    const id = await bring(w, 'safety-health');
    const view = (await ok(w.actors.otherTutor.cookie, 'GET', `/api/team-cases/${id}`)).json();
    assert.equal(view.expertRequired, true);
    assert.equal(view.expertAnswered, false);

    const mark = await log.mark();
    const refused = await decide(w, id);
    assert.equal(refused.statusCode, 409);
    assert.equal(refused.json().error.code, 'case_expert_required');
    assert.match(refused.json().error.message, /expert/);
    assert.deepEqual(await log.changedSince(mark), []);

    // The case's author asks an expert about the case: asked but not answered is not enough.
    const asked = await ok(w.actors.tutor.cookie, 'POST', `/api/orgs/${w.orgId}/consultations`, {
      programmeId: w.programme.id,
      expertId: w.actors.expert.id,
      anonymised: true,
      question: 'Une interne parle de tout arrêter : que doit faire l’équipe ?',
      caseId: id,
    });
    const consultationId = asked.json().id as string;
    assert.equal((await decide(w, id)).statusCode, 409);
    await ok(w.actors.expert.cookie, 'POST', `/api/consultations/${consultationId}/messages`, {
      body: 'Orientez-la vers le service de santé au travail, sans attendre.',
    });
    const after = (await ok(w.actors.otherTutor.cookie, 'GET', `/api/team-cases/${id}`)).json();
    assert.equal(after.expertAnswered, true);
    assert.deepEqual(
      after.consultations.map((k: { id: string; answered: boolean; mine: boolean }) => [
        k.id,
        k.answered,
        k.mine,
      ]),
      [[consultationId, true, false]],
    );
    assert.equal((await decide(w, id)).statusCode, 200);
    const closed = (await ok(w.actors.tutor.cookie, 'GET', `/api/team-cases/${id}`)).json();
    assert.equal(closed.state, 'closed');
    assert.equal(closed.decidedBy, w.actors.otherTutor.name);
    assert.equal((await decide(w, id)).statusCode, 409);
    await ok(w.actors.tutor.cookie, 'POST', `/api/team-cases/${id}/reopen`);
    assert.equal((await ok(w.actors.tutor.cookie, 'GET', `/api/team-cases/${id}`)).json().state, 'open');
  });

  test('a kind the programme does not name is decided at once, and the rule is the programme’s', async () => {
    const w = await createFeedbackWorld(s.ctx);
    assert.equal((await decide(w, await bring(w, 'difficulty'))).statusCode, 200);
    const programme = (
      await ok(w.actors.coordinator.cookie, 'GET', `/api/programmes/${w.programme.id}`)
    ).json();
    assert.deepEqual(programme.rules.caseReview, { expertRequiredKinds: ['safety-health'] });
    await ok(w.actors.coordinator.cookie, 'PATCH' as Method, `/api/programmes/${w.programme.id}`, {
      rules: { ...programme.rules, caseReview: { expertRequiredKinds: [] } },
    });
    assert.equal((await decide(w, await bring(w, 'safety-health'))).statusCode, 200);
  });

  test('a consultation names only a case of the asker’s team', async () => {
    const w = await createFeedbackWorld(s.ctx);
    const id = await bring(w, 'safety-health');
    const outsider = await createUser(s.ctx, w.orgId, { name: 'Tuteur C' });
    await addMember(s.ctx, w.programme, outsider.id, 'tutor', 4);
    const { sessionCookie } = await import('../../test/harness.ts');
    const cookie = await sessionCookie(s.ctx, outsider.id);
    const res = await call(cookie, 'POST', `/api/orgs/${w.orgId}/consultations`, {
      programmeId: w.programme.id,
      expertId: w.actors.expert.id,
      anonymised: true,
      question: 'Une question sur un cas qui n’est pas le mien.',
      caseId: id,
    });
    assert.equal(res.statusCode, 404);
  });
});

describe('who reads a team case', () => {
  test('the team only, the tutee by first name; the coordination once shared, audited', async () => {
    const w = await createFeedbackWorld(s.ctx);
    const id = await bring(w, 'difficulty', w.actors.tutee.id);
    const mine = (await ok(w.actors.tutor.cookie, 'GET', `/api/team-cases/${id}`)).json();
    assert.equal(mine.subject, w.actors.tutee.name);
    const mate = await ok(w.actors.otherTutor.cookie, 'GET', `/api/team-cases/${id}`);
    assert.equal(mate.json().subject, 'Interne');
    assert.ok(!mate.body.includes(w.actors.tutee.name));
    assert.ok(!mate.body.includes(w.actors.tutee.id));
    await ok(w.actors.otherTutor.cookie, 'POST', `/api/team-cases/${id}/messages`, {
      body: 'On en parle jeudi ?',
    });

    const outsider = await createUser(s.ctx, w.orgId, { name: 'Tuteur C' });
    await addMember(s.ctx, w.programme, outsider.id, 'tutor', 4);
    const { sessionCookie } = await import('../../test/harness.ts');
    const outsiderCookie = await sessionCookie(s.ctx, outsider.id);
    for (const cookie of [
      w.actors.coordinator.cookie,
      w.actors.orgAdmin.cookie,
      w.actors.tutee.cookie,
      outsiderCookie,
    ])
      assert.equal((await call(cookie, 'GET', `/api/team-cases/${id}`)).statusCode, 404);
    const list = (await ok(outsiderCookie, 'GET', `/api/orgs/${w.orgId}/team-cases`)).json();
    assert.deepEqual(list.cases, []);
    assert.equal(list.actions.create, false);

    // Someone who joins the team later reads it; shared, the coordination reads it, each read audited.
    await joinTeam(s.db, { teamId: w.feedback.teamId, orgId: w.orgId, userId: outsider.id });
    assert.equal((await call(outsiderCookie, 'GET', `/api/team-cases/${id}`)).statusCode, 200);
    assert.equal(
      (await call(w.actors.otherTutor.cookie, 'PUT', `/api/team-cases/${id}/share`, { shared: true }))
        .statusCode,
      403,
    );
    await ok(w.actors.tutor.cookie, 'PUT', `/api/team-cases/${id}/share`, { shared: true });
    const read = (await ok(w.actors.coordinator.cookie, 'GET', `/api/team-cases/${id}`)).json();
    assert.equal(read.standing, 'coordination');
    assert.deepEqual(read.actions, {
      reply: false,
      decide: false,
      reopen: false,
      share: false,
      askExpert: false,
    });
    const audited = await s.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'team_case.read')
      .where('subject_id', '=', id)
      .execute();
    assert.deepEqual(
      audited.map((a) => a.actor_id),
      [w.actors.coordinator.id],
    );
  });
});
