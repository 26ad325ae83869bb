import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMember, createUser, pair } from '../../test/factories.ts';
import { createFeedbackWorld, tuteeAsk } from '../../test/factories-feedback.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';
import { askDueTutees } from './sweep.ts';

const s = await setupTestServer();

type Method = 'GET' | 'POST' | 'PUT';
const call = (cookie: string, method: Method, url: string, payload?: object) =>
  s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
async function ok(cookie: string, method: Method, url: string, payload?: object) {
  const res = await call(cookie, method, url, payload);
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res;
}
const items = [
  'listening',
  'availability',
  'traceFeedback',
  'portfolio',
  'spotDifficulty',
  'orientNotTreat',
  'confidentiality',
  'project',
];
const ratings = (level: number) => Object.fromEntries(items.map((k) => [k, { level, note: '' }]));

describe('the self-evaluation', () => {
  test('is its author’s only, a draft then saved, last year’s beside this year’s', async () => {
    const w = await createFeedbackWorld(s.ctx);
    const url = `/api/orgs/${w.orgId}/self-evaluation`;
    const incomplete = await call(w.actors.tutor.cookie, 'PUT', url, {
      ratings: { listening: { level: 4, note: 'Je laisse parler.' } },
      save: true,
    });
    assert.equal(incomplete.statusCode, 400);
    await ok(w.actors.tutor.cookie, 'PUT', url, {
      ratings: { listening: { level: 4, note: '' } },
      save: false,
    });
    let mine = (await ok(w.actors.tutor.cookie, 'GET', url)).json();
    assert.equal(mine.year, '2026-2027');
    assert.equal(mine.current.savedAt, null);
    await s.db
      .insertInto('self_evaluations')
      .values({
        id: `last-year-${w.orgId}`,
        org_id: w.orgId,
        user_id: w.actors.tutor.id,
        year: 2025,
        ratings: JSON.stringify(ratings(2)),
        strengths: 'La disponibilité.',
        to_improve: 'Secret de l’an dernier',
        saved_at: '2026-06-01T08:00:00.000Z',
        created_at: '2026-06-01T08:00:00.000Z',
        updated_at: '2026-06-01T08:00:00.000Z',
      })
      .execute();
    await ok(w.actors.tutor.cookie, 'PUT', url, {
      ratings: ratings(3),
      strengths: 'L’écoute.',
      toImprove: 'Secret de cette année',
      save: true,
    });
    mine = (await ok(w.actors.tutor.cookie, 'GET', url)).json();
    assert.ok(mine.current.savedAt);
    assert.equal(mine.previous.year, '2025-2026');
    assert.equal(mine.previous.ratings.listening.level, 2);
    // Nobody else reads it: a teammate reads their own (none), others are refused.
    const mate = await ok(w.actors.otherTutor.cookie, 'GET', url);
    assert.equal(mate.json().current, null);
    assert.ok(!mate.body.includes('Secret'));
    for (const cookie of [w.actors.coordinator.cookie, w.actors.orgAdmin.cookie, w.actors.tutee.cookie]) {
      const res = await call(cookie, 'GET', url);
      assert.equal(res.statusCode, 403);
      assert.ok(!res.body.includes('Secret'));
    }
  });
});

describe('peer feedback', () => {
  test('asked of a teammate, answered once, read by the asker only, named', async () => {
    const w = await createFeedbackWorld(s.ctx);
    const asked = await ok(w.actors.tutor.cookie, 'POST', `/api/orgs/${w.orgId}/peer-feedback`, {
      peerIds: [w.actors.otherTutor.id],
    });
    const [id] = asked.json().ids as string[];
    assert.equal(
      (
        await call(w.actors.tutor.cookie, 'POST', `/api/orgs/${w.orgId}/peer-feedback`, {
          peerIds: [w.actors.otherTutor.id],
        })
      ).statusCode,
      409,
    );
    const outsider = await createUser(s.ctx, w.orgId, { name: 'Tuteur C' });
    await addMember(s.ctx, w.programme, outsider.id, 'tutor', 4);
    const outsiderCookie = await sessionCookie(s.ctx, outsider.id);
    assert.equal(
      (
        await call(w.actors.tutor.cookie, 'POST', `/api/orgs/${w.orgId}/peer-feedback`, {
          peerIds: [outsider.id],
        })
      ).statusCode,
      400,
    );
    const toAnswer = (
      await ok(w.actors.otherTutor.cookie, 'GET', `/api/orgs/${w.orgId}/peer-feedback`)
    ).json();
    assert.ok(toAnswer.toAnswer.some((r: { id: string }) => r.id === id));
    const answer = { ratings: ratings(4), comment: 'Un retour sincère et précis.' };
    assert.equal(
      (await call(w.actors.tutor.cookie, 'POST', `/api/peer-feedback/${id}/answer`, answer)).statusCode,
      403,
    );
    await ok(w.actors.otherTutor.cookie, 'POST', `/api/peer-feedback/${id}/answer`, answer);
    assert.equal(
      (await call(w.actors.otherTutor.cookie, 'POST', `/api/peer-feedback/${id}/answer`, answer)).statusCode,
      409,
    );
    const read = (await ok(w.actors.tutor.cookie, 'GET', `/api/peer-feedback/${id}`)).json();
    assert.equal(read.peer, w.actors.otherTutor.name);
    assert.equal(read.comment, 'Un retour sincère et précis.');
    for (const cookie of [
      w.actors.coordinator.cookie,
      w.actors.orgAdmin.cookie,
      outsiderCookie,
      w.actors.tutee.cookie,
    ]) {
      const res = await call(cookie, 'GET', `/api/peer-feedback/${id}`);
      assert.equal(res.statusCode, 404);
      assert.ok(!res.body.includes('sincère'));
    }
  });
});

describe('anonymous tutee feedback', () => {
  test('nothing below 5 answers across tutees and years; means from 5', async () => {
    const w = await createFeedbackWorld(s.ctx);
    const tutees = [w.actors.tutee];
    for (let i = 0; i < 4; i++) {
      const t = await createUser(s.ctx, w.orgId, { name: `Interne ${i}` });
      await addMember(s.ctx, w.programme, t.id, 'tutee');
      tutees.push({ ...t, cookie: await sessionCookie(s.ctx, t.id) } as typeof w.actors.tutee);
    }
    const answers = (n: number) => ({ reachable: n, listens: 5, progress: 4, useful: 4, overall: n });
    const url = `/api/orgs/${w.orgId}/tutor-feedback`;
    // Four answers: one asked last year through the world's ask, three of other tutees.
    await s.db
      .updateTable('tutor_feedback_asks')
      .set({ asked_at: '2025-06-01T08:00:00.000Z' })
      .where('id', '=', w.feedback.feedbackAskId)
      .execute();
    const first = await call(
      w.actors.tutee.cookie,
      'POST',
      `/api/tutor-feedback-asks/${w.feedback.feedbackAskId}/answers`,
      {
        answers: answers(5),
        comment: 'Toujours joignable.',
      },
    );
    assert.equal(first.statusCode, 201, first.body);
    assert.equal(
      (
        await call(
          w.actors.tutee.cookie,
          'POST',
          `/api/tutor-feedback-asks/${w.feedback.feedbackAskId}/answers`,
          { answers: answers(1) },
        )
      ).statusCode,
      409,
    );
    for (const t of tutees.slice(1)) {
      const pairing = await pair(s.ctx, w.programme, w.actors.tutor.id, t.id);
      const askId = await tuteeAsk(s.db, {
        orgId: w.orgId,
        pairingId: pairing.id,
        tuteeId: t.id,
        tutorId: w.actors.tutor.id,
      });
      const seen = await ok(t.cookie, 'GET', `/api/tutor-feedback-asks/${askId}`);
      assert.equal(seen.json().tutor, w.actors.tutor.name);
      const aggregates = (await ok(w.actors.tutor.cookie, 'GET', url)).json();
      assert.deepEqual(aggregates, { min: 5, enough: false, count: null, means: null, comments: [] });
      await ok(t.cookie, 'POST', `/api/tutor-feedback-asks/${askId}/answers`, {
        answers: answers(3),
        comment: null,
      });
    }
    const shown = (await ok(w.actors.tutor.cookie, 'GET', url)).json();
    assert.equal(shown.enough, true);
    assert.equal(shown.count, 5);
    assert.equal(shown.means.reachable, 3.4);
    assert.equal(shown.means.listens, 5);
    assert.deepEqual(shown.comments, ['Toujours joignable.']);
    // The answer rows hold no person and the month only; nobody else reads the aggregates.
    const rows = await s.db
      .selectFrom('tutor_feedback_answers')
      .selectAll()
      .where('tutor_id', '=', w.actors.tutor.id)
      .execute();
    for (const r of rows) {
      assert.match(r.month, /^\d{4}-\d{2}$/);
      for (const t of tutees) assert.ok(!JSON.stringify(r).includes(t.id));
    }
    const other = (await ok(w.actors.otherTutor.cookie, 'GET', url)).json();
    assert.equal(other.enough, false);
    assert.equal((await call(w.actors.coordinator.cookie, 'GET', url)).statusCode, 403);
  });

  test('the sweep asks a tutee once, six months into the pairing', async () => {
    const w = await createFeedbackWorld(s.ctx);
    const t = await createUser(s.ctx, w.orgId, { name: 'Interne Six' });
    await addMember(s.ctx, w.programme, t.id, 'tutee');
    const pairing = await pair(s.ctx, w.programme, w.actors.tutor.id, t.id);
    await s.db
      .updateTable('pairings')
      .set({ created_at: '2026-05-10T09:00:00.000Z' })
      .where('id', '=', pairing.id)
      .execute();
    const now = s.clock.now();
    await askDueTutees(s.db, now);
    await askDueTutees(s.db, now);
    const asks = await s.db
      .selectFrom('tutor_feedback_asks')
      .selectAll()
      .where('pairing_id', '=', pairing.id)
      .execute();
    assert.equal(asks.length, 1);
    assert.equal(asks[0]?.moment, 'six-months');
    const jobs = await s.db
      .selectFrom('jobs')
      .select('payload')
      .where('payload', 'like', `%feedback.tutee-ask:${asks[0]?.id}%`)
      .execute();
    assert.equal(jobs.length, 1);
  });
});
