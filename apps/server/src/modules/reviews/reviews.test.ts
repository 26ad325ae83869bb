import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runDueJobs } from '../../jobs/index.ts';
import { addMember, createOrg, createProgramme, createUser, pair } from '../../test/factories.ts';
import { endReview } from '../../test/factories-reviews.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';
import type { TemplateId } from '../programmes/templates.ts';
import { erasePerson } from '../rights/erase.ts';
import { inviteEndedPairs } from './invite.ts';

const s = await setupTestServer();
const DAY = 86_400_000;

type Who = { id: string };
async function call(method: 'GET' | 'PUT' | 'POST', url: string, as: Who, payload?: object) {
  const cookie = await sessionCookie(s.ctx, as.id);
  return s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function programme(template: TemplateId = 'installation-mentoring') {
  const orgId = await createOrg(s.ctx);
  const p = await createProgramme(s.ctx, orgId, template);
  const coordinator = await createUser(s.ctx, orgId, { name: 'Coordinatrice' });
  await addMember(s.ctx, p, coordinator.id, 'coordinator');
  const person = async (name: string, role: 'tutor' | 'tutee') => {
    const u = await createUser(s.ctx, orgId, { name });
    await addMember(s.ctx, p, u.id, role);
    return u;
  };
  return { orgId, p, coordinator, person };
}

/** Ends a pairing at `at` as the matching does (state and instant). */
const endPairing = (id: string, at: Date, state: 'completed' | 'ended' = 'completed') =>
  s.db
    .updateTable('pairings')
    .set({ state, ended_at: at.toISOString(), end_reason: 'Fin' })
    .where('id', '=', id)
    .execute();

const noticesOf = (userId: string, kind = 'reviews.end-review') =>
  s.db
    .selectFrom('jobs')
    .select('payload')
    .where('name', '=', 'notify.send')
    .where('payload', 'like', `%${userId}%`)
    .where('payload', 'like', `%${kind}%`)
    .execute();

const fullScales = { relationship: 4, programme: 5, goals: 3, installation: 4 };

describe('end reviews', () => {
  test('each party of a pair is asked once, after the end can no longer be undone; a group’s tutor once it all ended', async () => {
    const { p, person } = await programme();
    const mentor = await person('Mentor', 'tutor');
    const mentee = await person('Mentorée', 'tutee');
    const x = await pair(s.ctx, p, mentor.id, mentee.id);
    const now = s.clock.now();
    await endPairing(x.id, now);
    // Within the undo window: nobody is asked yet.
    assert.equal(await inviteEndedPairs(s.db, now), 0);
    const later = new Date(now.getTime() + 20 * 60_000);
    // Twice through the sweep job, once directly: one review and one notice each.
    await runDueJobs(s.ctx, { now: later });
    await runDueJobs(s.ctx, { now: new Date(later.getTime() + 2 * 3_600_000) });
    assert.equal(await inviteEndedPairs(s.db, later), 0);
    const rows = await s.db.selectFrom('end_reviews').selectAll().where('programme_id', '=', p.id).execute();
    assert.deepEqual(rows.map((r) => r.role).sort(), ['tutee', 'tutor']);
    assert.equal((await noticesOf(mentee.id)).length, 1);
    assert.equal((await noticesOf(mentor.id)).length, 1);
    // The end review's notice (the anonymous question about one's tutor, modules/feedback, is
    // asked at the end of a pairing too, by a notice of its own).
    const told = await s.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', mentee.id)
      .where('title', 'not like', 'Votre avis sur votre tutorat%')
      .execute();
    assert.deepEqual(
      told.map((n) => n.title),
      ['Votre bilan de fin de binôme'],
    );
    // The home page lists it until it is submitted.
    const mine = await call('GET', '/api/me/end-reviews', mentee);
    assert.equal(mine.json().length, 1);
    assert.deepEqual(mine.json()[0].with, ['Mentor']);

    // A group: each tutee when their pairing ends, the tutor once none is live.
    const g = await programme('peer-tutoring');
    const tutor = await g.person('Tuteur', 'tutor');
    const [a, b] = [await g.person('Interne A', 'tutee'), await g.person('Interne B', 'tutee')];
    const xa = await pair(s.ctx, g.p, tutor.id, a.id, { groupKey: 'g1' });
    const xb = await pair(s.ctx, g.p, tutor.id, b.id, { groupKey: 'g1' });
    await endPairing(xa.id, now, 'ended');
    await inviteEndedPairs(s.db, later);
    const first = await s.db
      .selectFrom('end_reviews')
      .select('user_id')
      .where('programme_id', '=', g.p.id)
      .execute();
    assert.deepEqual(
      first.map((r) => r.user_id),
      [a.id],
    );
    await endPairing(xb.id, later);
    await inviteEndedPairs(s.db, new Date(later.getTime() + DAY));
    const all = await s.db
      .selectFrom('end_reviews')
      .select(['user_id', 'role', 'unit_key'])
      .where('programme_id', '=', g.p.id)
      .execute();
    assert.equal(all.length, 3);
    assert.equal(all.filter((r) => r.user_id === tutor.id).length, 1);
    assert.equal(new Set(all.map((r) => r.unit_key)).size, 1);
    const review = await call('GET', `/api/end-reviews/${(await noticeLink(tutor.id)) ?? ''}`, tutor);
    assert.equal(review.statusCode, 200, review.body);
    assert.equal(review.json().title, 'Bilan de fin d’année du tutorat');
    assert.deepEqual(review.json().with, ['Interne A', 'Interne B']);
  });

  test('a draft is saved, submitted once with every scale answered; a refusal keeps the draft', async () => {
    const { orgId, p, person } = await programme();
    const mentor = await person('Mentor', 'tutor');
    const mentee = await person('Mentorée', 'tutee');
    const x = await pair(s.ctx, p, mentor.id, mentee.id, { state: 'completed' });
    const id = await endReview(s.db, {
      orgId,
      programmeId: p.id,
      pairingId: x.id,
      userId: mentee.id,
      template: 'installation-mentoring',
      endedAt: s.clock.now().toISOString(),
      scales: {},
      texts: {},
      shared: false,
    });
    const body = { texts: { achieved: 'Installée à Corbie.' }, scales: { relationship: 5 }, shared: false };
    const saved = await call('PUT', `/api/end-reviews/${id}`, mentee, body);
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().answers.texts.achieved, 'Installée à Corbie.');
    const incomplete = await call('POST', `/api/end-reviews/${id}/submit`, mentee, { ...body, texts: {} });
    assert.equal(incomplete.statusCode, 400);
    assert.equal(incomplete.json().error.code, 'review_incomplete');
    const kept = await call('GET', `/api/end-reviews/${id}`, mentee);
    assert.equal(kept.json().answers.texts.achieved, 'Installée à Corbie.');
    assert.equal(kept.json().submittedAt, null);
    const sent = await call('POST', `/api/end-reviews/${id}/submit`, mentee, { ...body, scales: fullScales });
    assert.equal(sent.statusCode, 200, sent.body);
    assert.ok(sent.json().submittedAt);
    assert.equal(sent.json().actions.edit, false);
    const again = await call('PUT', `/api/end-reviews/${id}`, mentee, body);
    assert.equal(again.statusCode, 409);
  });

  test('the coordination reads a review only once submitted with its author’s consent; the other party never', async () => {
    const { orgId, p, coordinator, person } = await programme();
    const mentor = await person('Mentor', 'tutor');
    const mentee = await person('Mentorée', 'tutee');
    const x = await pair(s.ctx, p, mentor.id, mentee.id, { state: 'completed' });
    const base = { orgId, programmeId: p.id, pairingId: x.id, template: 'installation-mentoring' };
    const endedAt = s.clock.now().toISOString();
    const shared = await endReview(s.db, {
      ...base,
      userId: mentee.id,
      endedAt,
      submitted: endedAt,
      texts: { relationship: 'Très à l’écoute' },
    });
    const kept = await endReview(s.db, {
      ...base,
      userId: mentor.id,
      role: 'tutor',
      endedAt,
      submitted: endedAt,
      shared: false,
      texts: { relationship: 'Secret du mentor' },
    });
    const sharedDraft = await endReview(s.db, { ...base, unitKey: 'other', userId: mentee.id, endedAt });

    const read = await call('GET', `/api/end-reviews/${shared}`, coordinator);
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().author.name, 'Mentorée');
    assert.equal(read.json().actions.edit, false);
    assert.equal((await call('GET', `/api/end-reviews/${kept}`, coordinator)).statusCode, 404);
    assert.equal((await call('GET', `/api/end-reviews/${sharedDraft}`, coordinator)).statusCode, 404);
    // The other party: neither the one shared with the coordination nor the one kept.
    assert.equal((await call('GET', `/api/end-reviews/${shared}`, mentor)).statusCode, 404);
    assert.equal((await call('GET', `/api/end-reviews/${kept}`, mentee)).statusCode, 404);
    // A coordinator may not write in it.
    assert.equal((await call('PUT', `/api/end-reviews/${shared}`, coordinator, {})).statusCode, 403);

    const list = await call('GET', `/api/programmes/${p.id}/end-reviews`, coordinator);
    assert.equal(list.statusCode, 200);
    assert.deepEqual(
      list.json().shared.map((r: { id: string }) => r.id),
      [shared],
    );
    assert.ok(!list.body.includes('Secret du mentor'));
    const audited = await s.db
      .selectFrom('audit_log')
      .select('action')
      .where('org_id', '=', orgId)
      .where('action', '=', 'end_review.read')
      .execute();
    assert.equal(audited.length, 1);
  });

  test('aggregates are withheld under five answers and shown at five, shared or not', async () => {
    const { orgId, p, coordinator, person } = await programme();
    const mentor = await person('Mentor', 'tutor');
    const at = s.clock.now().toISOString();
    const add = async (i: number) => {
      const mentee = await person(`Mentorée ${i}`, 'tutee');
      const x = await pair(s.ctx, p, mentor.id, mentee.id, { state: 'completed' });
      await endReview(s.db, {
        orgId,
        programmeId: p.id,
        pairingId: x.id,
        userId: mentee.id,
        template: 'installation-mentoring',
        endedAt: at,
        submitted: at,
        shared: i % 2 === 0,
        scales: { ...fullScales, programme: i < 3 ? 5 : 4 },
      });
    };
    for (const i of [0, 1, 2, 3]) await add(i);
    const four = (await call('GET', `/api/programmes/${p.id}/end-reviews`, coordinator)).json();
    assert.equal(four.submitted, 4);
    assert.ok(four.scales.every((x: { shown: boolean; mean: null }) => !x.shown && x.mean === null));
    await add(4);
    const five = (await call('GET', `/api/programmes/${p.id}/end-reviews`, coordinator)).json();
    const programmeScale = five.scales.find((x: { id: string }) => x.id === 'programme');
    assert.deepEqual(
      { shown: programmeScale.shown, mean: programmeScale.mean, answers: programmeScale.answers },
      { shown: true, mean: 4.6, answers: 5 },
    );
    // The yearly review counts them too.
    const review = await call('GET', `/api/programmes/${p.id}/followup/review`, coordinator);
    assert.equal(review.statusCode, 200, review.body);
    assert.deepEqual(review.json().endOfYearReviews, { answers: 5, mean: 4.6, shown: true });
    assert.equal(review.json().qualitative.endReviews.shared, 3);
  });

  test('erasure empties an author’s words and unlinks them, their answers stay in the aggregates', async () => {
    const { orgId, p, coordinator, person } = await programme();
    const mentor = await person('Mentor', 'tutor');
    const mentee = await person('Mentorée', 'tutee');
    const x = await pair(s.ctx, p, mentor.id, mentee.id, { state: 'completed' });
    const at = s.clock.now().toISOString();
    const id = await endReview(s.db, {
      orgId,
      programmeId: p.id,
      pairingId: x.id,
      userId: mentee.id,
      template: 'installation-mentoring',
      endedAt: at,
      submitted: at,
      texts: { achieved: 'Mon cabinet à Amiens' },
      otherTheme: 'Stationnement',
      scales: fullScales,
    });
    const exported = await call('GET', '/api/me/data/export.json', mentee);
    assert.equal(exported.statusCode, 200);
    assert.equal(exported.json().endReviews[0].content.achieved, 'Mon cabinet à Amiens');

    await s.db.transaction().execute((trx) => erasePerson(trx, mentee.id, s.clock.now()));
    const row = await s.db
      .selectFrom('end_reviews')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.user_id, null);
    assert.equal(row.pairing_id, null);
    assert.equal(row.texts, '{}');
    assert.equal(row.other_theme, null);
    assert.equal(row.shared, 0);
    assert.deepEqual(JSON.parse(row.scales), fullScales);
    const list = (await call('GET', `/api/programmes/${p.id}/end-reviews`, coordinator)).json();
    assert.equal(list.submitted, 1);
    assert.deepEqual(list.shared, []);
  });
});

async function noticeLink(userId: string): Promise<string | undefined> {
  const rows = await noticesOf(userId);
  const link = JSON.parse(rows[0]?.payload ?? '{}').link as string | undefined;
  return link?.split('/').pop();
}
