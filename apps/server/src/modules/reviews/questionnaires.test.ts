import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { addMember, createOrg, createProgramme, createUser, pair } from '../../test/factories.ts';
import { endReview } from '../../test/factories-reviews.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';
import { sendDueQuestionnaires } from './sweep.ts';

const s = await setupTestServer();
const DAY = 86_400_000;

type Who = { id: string };
async function call(method: 'GET' | 'PUT' | 'POST', url: string, as: Who, payload?: object) {
  const cookie = await sessionCookie(s.ctx, as.id);
  return s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function programme() {
  const orgId = await createOrg(s.ctx);
  const p = await createProgramme(s.ctx, orgId, 'installation-mentoring');
  const coordinator = await createUser(s.ctx, orgId, { name: 'Coordinatrice' });
  await addMember(s.ctx, p, coordinator.id, 'coordinator');
  const person = async (name: string, role: 'tutor' | 'tutee') => {
    const u = await createUser(s.ctx, orgId, { name });
    await addMember(s.ctx, p, u.id, role);
    return u;
  };
  return { orgId, p, coordinator, person };
}

const questionnaire = (over: object = {}) => ({
  title: 'Vos attentes à trois mois',
  audience: 'tutees',
  questions: [
    { kind: 'scale', label: 'Le mentorat répond-il à vos attentes ?' },
    { kind: 'yesno', label: 'Le recommanderiez-vous ?' },
    { kind: 'text', label: 'Un mot pour la coordination' },
  ],
  moment: 'after-start',
  months: 3,
  sendOn: null,
  ...over,
});

const asksOf = (questionnaireId: string) =>
  s.db.selectFrom('questionnaire_asks').selectAll().where('questionnaire_id', '=', questionnaireId).execute();

describe('questionnaires', () => {
  test('sent at its moment, to its audience, once', async () => {
    const { p, coordinator, person } = await programme();
    const mentor = await person('Mentor', 'tutor');
    const mentee = await person('Mentorée', 'tutee');
    const start = s.clock.now();
    await pair(s.ctx, p, mentor.id, mentee.id);
    const created = await call(
      'POST',
      `/api/programmes/${p.id}/questionnaires`,
      coordinator,
      questionnaire(),
    );
    assert.equal(created.statusCode, 201, created.body);
    const id = created.json().id;

    // A month and a half early: nobody. Three months after the start: the mentee only, once.
    assert.equal(await sendDueQuestionnaires(s.db, new Date(start.getTime() + 45 * DAY)), 0);
    const due = new Date(start.getTime() + 93 * DAY);
    assert.equal(await sendDueQuestionnaires(s.db, due), 1);
    assert.equal(await sendDueQuestionnaires(s.db, new Date(due.getTime() + DAY)), 0);
    const asks = await asksOf(id);
    assert.deepEqual(
      asks.map((a) => a.user_id),
      [mentee.id],
    );
    const mine = await call('GET', '/api/me/questionnaires', mentee);
    assert.equal(mine.json()[0].title, 'Vos attentes à trois mois');

    // A bad questionnaire is refused with the field named, and nothing is written.
    const bad = await call('POST', `/api/programmes/${p.id}/questionnaires`, coordinator, {
      ...questionnaire(),
      months: null,
    });
    assert.equal(bad.statusCode, 400);
    assert.equal(
      (await s.db.selectFrom('questionnaires').select('id').where('programme_id', '=', p.id).execute())
        .length,
      1,
    );
  });

  test('on a date of the organisation’s calendar, and at a pair’s end once it is final', async () => {
    const { p, coordinator, person } = await programme();
    const mentor = await person('Mentor', 'tutor');
    const mentee = await person('Mentorée', 'tutee');
    const x = await pair(s.ctx, p, mentor.id, mentee.id);
    const onDate = await call('POST', `/api/programmes/${p.id}/questionnaires`, coordinator, {
      ...questionnaire({ moment: 'on-date', months: null, sendOn: '2026-12-01', audience: 'both' }),
    });
    const atEnd = await call('POST', `/api/programmes/${p.id}/questionnaires`, coordinator, {
      ...questionnaire({ moment: 'at-end', months: null, audience: 'tutors' }),
    });
    // 30 November, 23:30 in Paris is still the day before.
    await sendDueQuestionnaires(s.db, new Date('2026-11-30T22:30:00Z'));
    assert.equal((await asksOf(onDate.json().id)).length, 0);
    await sendDueQuestionnaires(s.db, new Date('2026-11-30T23:30:00Z'));
    assert.equal((await asksOf(onDate.json().id)).length, 2);

    const ended = new Date('2026-12-02T10:00:00Z');
    await s.db
      .updateTable('pairings')
      .set({ state: 'completed', ended_at: ended.toISOString() })
      .where('id', '=', x.id)
      .execute();
    await sendDueQuestionnaires(s.db, new Date(ended.getTime() + 60_000));
    assert.equal((await asksOf(atEnd.json().id)).length, 0);
    await sendDueQuestionnaires(s.db, new Date(ended.getTime() + 3_600_000));
    await sendDueQuestionnaires(s.db, new Date(ended.getTime() + 2 * 3_600_000));
    assert.deepEqual(
      (await asksOf(atEnd.json().id)).map((a) => a.user_id),
      [mentor.id],
    );
  });

  test('answers are anonymous: nothing joins an answer to a person; results only from five answers', async () => {
    const { p, coordinator, person } = await programme();
    const mentor = await person('Mentor', 'tutor');
    const created = await call('POST', `/api/programmes/${p.id}/questionnaires`, coordinator, {
      ...questionnaire({ moment: 'on-date', months: null, sendOn: '2026-11-16' }),
    });
    const id = created.json().id;
    const mentees = [];
    for (const i of [1, 2, 3, 4, 5]) {
      const m = await person(`Mentorée ${i}`, 'tutee');
      await pair(s.ctx, p, mentor.id, m.id);
      mentees.push(m);
    }
    await sendDueQuestionnaires(s.db, s.clock.now());
    const asks = await asksOf(id);
    assert.equal(asks.length, 5);
    const askOf = (u: Who) => asks.find((a) => a.user_id === u.id)?.id as string;

    const answer = (u: Who, i: number) =>
      call('POST', `/api/questionnaire-asks/${askOf(u)}/answers`, u, {
        answers: { q1: 3 + (i % 3), q2: i !== 2, q3: `Réponse libre ${i}` },
      });
    for (const [i, m] of mentees.slice(0, 4).entries()) assert.equal((await answer(m, i)).statusCode, 201);
    // Nobody else answers someone's questionnaire, nor twice.
    assert.equal((await answer(mentor, 9)).statusCode, 404);
    assert.equal((await answer(mentees[0] as Who, 0)).statusCode, 409);

    const four = (await call('GET', `/api/programmes/${p.id}/questionnaires`, coordinator)).json();
    const q4 = four.questionnaires[0];
    assert.equal(q4.answered, 4);
    assert.ok(
      q4.results.every(
        (r: { shown: boolean; mean: null; texts: null }) => !r.shown && r.mean === null && r.texts === null,
      ),
    );
    assert.ok(!JSON.stringify(four).includes('Réponse libre'));
    assert.equal((await answer(mentees[4] as Who, 4)).statusCode, 201);
    const five = (await call('GET', `/api/programmes/${p.id}/questionnaires`, coordinator)).json();
    const [scale, yesno, text] = five.questionnaires[0].results;
    assert.deepEqual([scale.shown, scale.mean], [true, 3.8]);
    assert.equal(yesno.yesPercent, 80);
    assert.deepEqual(text.texts, [1, 2, 3, 4, 5].map((i) => `Réponse libre ${i - 1}`).sort());

    // The answers' table names nobody and no instant; its ids are random, not ordered by time.
    const answers = await s.db
      .selectFrom('questionnaire_answers')
      .selectAll()
      .where('questionnaire_id', '=', id)
      .execute();
    assert.equal(answers.length, 5);
    for (const a of answers) {
      assert.deepEqual(Object.keys(a).sort(), ['answers', 'id', 'month', 'questionnaire_id']);
      assert.equal(a.id[14], '4', 'a random (version 4) id');
      assert.ok(!mentees.some((m) => a.answers.includes(m.id)));
    }
    // The asks say who answered, never when.
    const asked = await s.db
      .selectFrom('questionnaire_asks')
      .selectAll()
      .where('questionnaire_id', '=', id)
      .execute();
    assert.deepEqual(Object.keys(asked[0] ?? {}).sort(), [
      'answered',
      'asked_at',
      'id',
      'questionnaire_id',
      'user_id',
    ]);
    // Its questions are fixed now; its title is not.
    const body = { ...questionnaire({ moment: 'on-date', months: null, sendOn: '2026-11-16' }) };
    const edit = await call('PUT', `/api/questionnaires/${id}`, coordinator, {
      ...body,
      title: 'Nouveau titre',
    });
    assert.equal(edit.statusCode, 200, edit.body);
    const locked = await call('PUT', `/api/questionnaires/${id}`, coordinator, {
      ...body,
      questions: [{ kind: 'text', label: 'Autre' }],
    });
    assert.equal(locked.statusCode, 409);
  });

  test('the yearly review’s CSV and PDF carry counts and means only, no one’s words or name', async () => {
    const { orgId, p, coordinator, person } = await programme();
    const mentor = await person('Mentor Unique', 'tutor');
    const at = s.clock.now().toISOString();
    const created = await call('POST', `/api/programmes/${p.id}/questionnaires`, coordinator, {
      ...questionnaire({ moment: 'on-date', months: null, sendOn: '2026-11-16' }),
    });
    for (const i of [1, 2, 3, 4, 5]) {
      const m = await person(`Mentorée Nominative ${i}`, 'tutee');
      const x = await pair(s.ctx, p, mentor.id, m.id, { state: 'completed' });
      await endReview(s.db, {
        orgId,
        programmeId: p.id,
        pairingId: x.id,
        userId: m.id,
        template: 'installation-mentoring',
        endedAt: at,
        submitted: at,
        texts: { achieved: `Texte confidentiel ${i}`, suggestions: `Suggestion privée ${i}` },
        themes: ['premises', 'finances'],
        otherTheme: `Thème libre ${i}`,
        shared: i !== 5,
        scales: { relationship: 5, programme: 4, goals: 4, installation: 3 },
      });
    }
    await sendDueQuestionnaires(s.db, s.clock.now());
    for (const a of await asksOf(created.json().id)) {
      const res = await call(
        'POST',
        `/api/questionnaire-asks/${a.id}/answers`,
        { id: a.user_id },
        {
          answers: { q1: 4, q2: true, q3: `Réponse anonyme ${a.id}` },
        },
      );
      assert.equal(res.statusCode, 201);
    }
    const secrets = [
      /Texte confidentiel/,
      /Suggestion privée/,
      /Thème libre/,
      /Réponse anonyme/,
      /Nominative/,
      /Mentor Unique/,
    ];

    const screen = await call('GET', `/api/programmes/${p.id}/followup/review`, coordinator);
    const q = screen.json().qualitative;
    assert.equal(q.endReviews.submitted, 5);
    assert.equal(q.themes.themes.find((t: { id: string }) => t.id === 'premises').count, 4);
    assert.deepEqual(
      q.themes.suggestions,
      [1, 2, 3, 4].map((i) => `Thème libre ${i}`),
    );
    assert.equal(screen.json().mentoring.completed, 0); // no end instant: not ended during the year

    const csv = await call('GET', `/api/programmes/${p.id}/followup/review.csv`, coordinator);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /"Thèmes des bilans partagés";"Trouver un local";"4"/);
    assert.match(csv.body, /"Satisfaction quant au programme \(moyenne sur 5\)";"4"/);
    assert.match(csv.body, /Le recommanderiez-vous \? \(part de oui\)";"100 %"/);
    for (const x of secrets) assert.doesNotMatch(csv.body, x);

    const pdf = await call('GET', `/api/programmes/${p.id}/followup/review.pdf`, coordinator);
    const dir = mkdtempSync(join(tmpdir(), 'review-'));
    try {
      writeFileSync(join(dir, 'bilan.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', [join(dir, 'bilan.pdf'), '-']).toString();
      assert.match(text, /Trouver un local : 4/);
      assert.match(text, /Bilans remplis : 5/);
      assert.match(text, /Suivi des binômes/);
      for (const x of secrets) assert.doesNotMatch(text, x);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
