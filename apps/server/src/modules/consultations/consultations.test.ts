import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createWorld, type World } from '../../test/factories.ts';
import { changeLog, setupTestServer } from '../../test/harness.ts';
import { erasePerson } from '../rights/erase.ts';

const s = await setupTestServer();
const log = await changeLog(s.ctx);

async function call(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  return s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function ok(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await call(cookie, method, url, payload);
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res;
}

const QUESTION =
  'Mon interne ne dort plus depuis le début du stage : comment en parler sans devenir son médecin ?';

/** The tutor asks the expert about their tutee, through the route. */
async function ask(w: World, o: { anonymised: boolean }) {
  const res = await ok(w.actors.tutor.cookie, 'POST', `/api/orgs/${w.orgId}/consultations`, {
    programmeId: w.programme.id,
    expertId: w.actors.expert.id,
    subjectId: w.actors.tutee.id,
    anonymised: o.anonymised,
    question: QUESTION,
    attachments: [{ title: 'Extrait de son message', text: 'Je n’en peux plus des gardes.' }],
  });
  return res.json().id as string;
}

const reads = (consultationId: string) =>
  s.db
    .selectFrom('audit_log')
    .leftJoin('audit_subjects', 'audit_subjects.audit_id', 'audit_log.id')
    .select(['audit_log.actor_id', 'audit_subjects.user_id'])
    .where('audit_log.action', '=', 'consultation.read')
    .where('audit_log.subject_id', '=', consultationId)
    .execute();

describe('an expert consulted on a case', () => {
  test('sees only the question and what was attached — never whom it is about', async () => {
    const w = await createWorld(s.ctx);
    const id = await ask(w, { anonymised: false });
    const seen = await ok(w.actors.expert.cookie, 'GET', `/api/consultations/${id}`);
    const view = seen.json();
    assert.equal(view.question, QUESTION);
    assert.deepEqual(view.attachments, [
      { title: 'Extrait de son message', text: 'Je n’en peux plus des gardes.' },
    ]);
    assert.equal(view.subject, null);
    assert.equal(view.asker.name, w.actors.tutor.name);
    for (const secret of [w.actors.tutee.id, w.actors.tutee.name, w.actors.tutee.email])
      assert.ok(!seen.body.includes(secret), `the expert's answer names the tutee: ${secret}`);
    // Nor through the people pages: the tutee's profile is not theirs to read.
    const profile = await call(
      w.actors.expert.cookie,
      'GET',
      `/api/programmes/${w.programme.id}/people/${w.actors.tutee.id}`,
    );
    assert.equal(profile.statusCode, 404);
    // The asker reads whom they asked about.
    const mine = (await ok(w.actors.tutor.cookie, 'GET', `/api/consultations/${id}`)).json();
    assert.equal(mine.subject.name, w.actors.tutee.name);
  });

  test('every read by the expert is audited naming the tutee; the asker’s own reads are not', async () => {
    const w = await createWorld(s.ctx);
    const id = await ask(w, { anonymised: false });
    await ok(w.actors.tutor.cookie, 'GET', `/api/consultations/${id}`);
    assert.deepEqual(await reads(id), []);
    await ok(w.actors.expert.cookie, 'GET', `/api/consultations/${id}`);
    await ok(w.actors.expert.cookie, 'GET', `/api/consultations/${id}`);
    assert.deepEqual(await reads(id), [
      { actor_id: w.actors.expert.id, user_id: w.actors.tutee.id },
      { actor_id: w.actors.expert.id, user_id: w.actors.tutee.id },
    ]);
    // The tutee finds them in "who read my records".
    const mine = (await ok(w.actors.tutee.cookie, 'GET', '/api/me/record-reads')).json();
    assert.deepEqual(
      mine.entries.map((e: { kind: string; reader: string }) => [e.kind, e.reader]),
      [
        ['consultation', w.actors.expert.name],
        ['consultation', w.actors.expert.name],
      ],
    );
    // An anonymised case is audited too, naming nobody.
    const anonymous = await ask(w, { anonymised: true });
    await ok(w.actors.expert.cookie, 'GET', `/api/consultations/${anonymous}`);
    assert.deepEqual(await reads(anonymous), [{ actor_id: w.actors.expert.id, user_id: null }]);
  });

  test('the tutee is told their case is discussed, unless it was anonymised — then it is not even stored', async () => {
    const w = await createWorld(s.ctx);
    const told = await ask(w, { anonymised: false });
    await s.deliver();
    const notices = () =>
      s.db
        .selectFrom('notifications')
        .select(['title', 'body'])
        .where('user_id', '=', w.actors.tutee.id)
        .execute();
    const first = await notices();
    assert.equal(first.length, 1);
    assert.equal(first[0]?.title, 'Votre situation a été évoquée avec un·e expert·e');
    assert.match(first[0]?.body ?? '', /Tuteur A a demandé l’avis de Psychologue A/);
    assert.ok(s.mailer.sent.some((m) => m.to === w.actors.tutee.email && /expert/.test(m.subject)));
    // The expert is told too, without the question.
    const toExpert = s.mailer.sent.filter((m) => m.to === w.actors.expert.email);
    assert.equal(toExpert.length, 1);
    assert.ok(!toExpert[0]?.text.includes('dort plus'));

    const anonymous = await ask(w, { anonymised: true });
    await s.deliver();
    assert.equal((await notices()).length, 1, 'no second notice');
    const rows = await s.db
      .selectFrom('consultations')
      .select(['id', 'subject_id', 'anonymised'])
      .where('id', 'in', [told, anonymous])
      .execute();
    assert.deepEqual(rows.find((r) => r.id === anonymous)?.subject_id, null);
    assert.equal(rows.find((r) => r.id === told)?.subject_id, w.actors.tutee.id);
    // The tutee reads no consultation itself.
    assert.equal((await call(w.actors.tutee.cookie, 'GET', `/api/consultations/${told}`)).statusCode, 404);
  });

  test('a tutor discusses only their own tutees; a tutee or an expert asks nobody; refusals write nothing', async () => {
    const w = await createWorld(s.ctx);
    const body = {
      programmeId: w.programme.id,
      expertId: w.actors.expert.id,
      subjectId: w.actors.tutee.id,
      anonymised: false,
      question: QUESTION,
    };
    const mark = await log.mark();
    const notTheirs = await s.app.inject({
      method: 'POST',
      url: `/api/orgs/${w.orgId}/consultations`,
      headers: { cookie: w.actors.otherTutor.cookie, 'accept-language': 'fr' },
      payload: body,
    });
    assert.equal(notTheirs.statusCode, 400);
    assert.match(notTheirs.json().error.message, /personnes que vous accompagnez/);
    const notAnExpert = await call(w.actors.tutor.cookie, 'POST', `/api/orgs/${w.orgId}/consultations`, {
      ...body,
      expertId: w.actors.otherTutor.id,
    });
    assert.equal(notAnExpert.statusCode, 400);
    for (const who of [w.actors.tutee, w.actors.expert]) {
      const res = await call(who.cookie, 'POST', `/api/orgs/${w.orgId}/consultations`, body);
      assert.equal(res.statusCode, 403, who.name);
    }
    assert.deepEqual(await log.changedSince(mark), []);
    // The form offers the tutor their own tutee and the organisation's expert.
    const options = (
      await ok(w.actors.tutor.cookie, 'GET', `/api/orgs/${w.orgId}/consultations/options`)
    ).json();
    assert.deepEqual(
      options.subjects.map((x: { id: string }) => x.id),
      [w.actors.tutee.id],
    );
    assert.deepEqual(
      options.experts.map((x: { id: string }) => x.id),
      [w.actors.expert.id],
    );
    // The tutee's card offers to ask about them to their tutor, not to the other tutor.
    const people = async (cookie: string) =>
      (await ok(cookie, 'GET', `/api/programmes/${w.programme.id}/people`)).json() as {
        userId: string;
        actions: Record<string, boolean>;
      }[];
    const consult = (list: Awaited<ReturnType<typeof people>>, id: string) =>
      list.find((p) => p.userId === id)?.actions.consultExpert ?? false;
    assert.equal(consult(await people(w.actors.tutor.cookie), w.actors.tutee.id), true);
    assert.equal(consult(await people(w.actors.otherTutor.cookie), w.actors.tutee.id), false);
    assert.equal(consult(await people(w.actors.coordinator.cookie), w.actors.tutee.id), true);
    assert.equal(consult(await people(w.actors.coordinator.cookie), w.actors.tutor.id), false);
  });

  test('asker and expert write on a thread, each told of the other’s message, until the asker closes it', async () => {
    const w = await createWorld(s.ctx);
    const id = await ask(w, { anonymised: true });
    await ok(w.actors.expert.cookie, 'POST', `/api/consultations/${id}/messages`, {
      body: 'Écoutez sans juger, puis orientez vers le service de santé universitaire.',
    });
    await ok(w.actors.tutor.cookie, 'POST', `/api/consultations/${id}/messages`, { body: 'Merci !' });
    await s.deliver();
    const titles = async (userId: string) =>
      (await s.db.selectFrom('notifications').select('title').where('user_id', '=', userId).execute()).map(
        (n) => n.title,
      );
    assert.deepEqual(await titles(w.actors.tutor.id), ['Nouveau message de Psychologue A']);
    assert.ok((await titles(w.actors.expert.id)).includes('Nouveau message de Tuteur A'));
    const thread = (await ok(w.actors.expert.cookie, 'GET', `/api/consultations/${id}`)).json().thread;
    assert.deepEqual(
      thread.map((m: { mine: boolean; author: string }) => [m.mine, m.author]),
      [
        [true, 'Psychologue A'],
        [false, 'Tuteur A'],
      ],
    );
    assert.equal(
      (await call(w.actors.expert.cookie, 'POST', `/api/consultations/${id}/close`)).statusCode,
      403,
    );
    await ok(w.actors.tutor.cookie, 'POST', `/api/consultations/${id}/close`);
    const late = await call(w.actors.expert.cookie, 'POST', `/api/consultations/${id}/messages`, {
      body: 'Et aussi…',
    });
    assert.equal(late.statusCode, 409);
  });
});

describe('data rights', () => {
  test('the export holds what one asked and answered; erasure deletes what one asked and forgets whom it was about', async () => {
    const w = await createWorld(s.ctx);
    const id = await ask(w, { anonymised: false });
    await ok(w.actors.expert.cookie, 'POST', `/api/consultations/${id}/messages`, {
      body: 'Voici mon avis.',
    });
    const asker = (await ok(w.actors.tutor.cookie, 'GET', '/api/me/data/export.json')).json();
    assert.deepEqual(
      asker.consultations.map((c: { role: string; about: string | null }) => [c.role, c.about]),
      [
        ['asker', w.actors.tutee.name],
        ['asker', w.actors.tutee.name],
      ],
    );
    const expert = (await ok(w.actors.expert.cookie, 'GET', '/api/me/data/export.json')).json();
    assert.ok(
      expert.consultations.every((c: { role: string; about: null }) => c.role === 'expert' && !c.about),
    );
    assert.equal(
      expert.consultations.find((c: { messages: unknown[] }) => c.messages.length)?.messages[0].byYou,
      true,
    );

    // The tutee it was about is erased: the consultation forgets them.
    await s.db.transaction().execute((trx) => erasePerson(trx, w.actors.tutee.id, s.clock.now()));
    const about = await s.db
      .selectFrom('consultations')
      .select('subject_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(about.subject_id, null);
    // The expert is erased: their answer loses its text. The asker is erased: what they asked goes.
    await s.db.transaction().execute((trx) => erasePerson(trx, w.actors.expert.id, s.clock.now()));
    const answer = await s.db
      .selectFrom('consultation_messages')
      .select(['body', 'erased_at'])
      .where('consultation_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(answer.body, null);
    await s.db.transaction().execute((trx) => erasePerson(trx, w.actors.tutor.id, s.clock.now()));
    const left = await s.db
      .selectFrom('consultations')
      .select('id')
      .where('asker_id', '=', w.actors.tutor.id)
      .execute();
    assert.deepEqual(left, []);
  });
});
