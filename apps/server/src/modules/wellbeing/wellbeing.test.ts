import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { runDueJobs } from '../../jobs/index.ts';
import { addMember, createUser, createWorld, pair, type World } from '../../test/factories.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';
import { recordsActivitySource } from '../followup/activity.ts';

const s = await setupTestServer();
const DAY = 86_400_000;

const call = (cookie: string | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  s.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });

const calm = { 'who5.1': 4, 'who5.2': 4, 'who5.3': 3, 'who5.4': 3, 'who5.5': 4 };
const low = { 'who5.1': 1, 'who5.2': 2, 'who5.3': 1, 'who5.4': 1, 'who5.5': 1 };

/** The tutee agrees to check-ins; the first one opens at once. Returns its id. */
async function consentAndOpen(w: World, cookie = w.actors.tutee.cookie) {
  const res = await call(cookie, 'PUT', `/api/programmes/${w.programme.id}/checkin-consent`, {
    consent: true,
  });
  assert.equal(res.statusCode, 200, res.body);
  const open = res.json().open as { id: string }[];
  assert.equal(open.length, 1);
  return open[0]?.id as string;
}

/** Removes the world's ready-made check-in so each test starts from nothing. */
async function fresh() {
  const w = await createWorld(s.ctx);
  await s.db.deleteFrom('checkins').where('programme_id', '=', w.programme.id).execute();
  return w;
}

describe('check-ins', () => {
  test('nothing is asked without consent; agreeing asks one by e-mail with a link that needs no sign-in', async () => {
    const w = await fresh();
    await runDueJobs(s.ctx, { now: s.clock.now() });
    assert.equal(
      (await s.db.selectFrom('checkins').select('id').where('programme_id', '=', w.programme.id).execute())
        .length,
      0,
    );
    const mine = (await call(w.actors.tutee.cookie, 'GET', '/api/me/wellbeing')).json();
    assert.deepEqual(
      mine.consents.map((c: { programmeId: string; consent: boolean | null }) => [c.programmeId, c.consent]),
      [[w.programme.id, null]],
    );
    const id = await consentAndOpen(w);
    await s.deliver();
    const mail = s.mailer.lastTo(w.actors.tutee.email);
    assert.ok(mail, 'an e-mail asks the check-in');
    assert.match(mail.subject, /Comment allez-vous/);
    const token = /point\?token=([\w-]+)/.exec(mail.text)?.[1];
    assert.ok(token);
    const view = await call(null, 'GET', `/api/checkin-link?token=${token}`);
    assert.equal(view.statusCode, 200, view.body);
    assert.equal(view.json().id, id);
    assert.equal(view.json().who5.items.length, 5);
    assert.match(view.json().who5.items[0].text, /bonne humeur/);
    const answered = await call(null, 'POST', `/api/checkin-link?token=${token}`, {
      who5: calm,
      answers: [],
      hidden: [],
    });
    assert.equal(answered.statusCode, 200, answered.body);
    assert.equal(answered.json().result.distress, false);
    assert.equal(answered.json().result.percent, 72);
    const again = await call(null, 'POST', `/api/checkin-link?token=${token}`, {
      who5: calm,
      answers: [],
      hidden: [],
    });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error.message, /déjà répondu/);
  });

  test('refusing keeps everything else, and nothing is asked', async () => {
    const w = await fresh();
    const res = await call(
      w.actors.tutee.cookie,
      'PUT',
      `/api/programmes/${w.programme.id}/checkin-consent`,
      { consent: false },
    );
    assert.equal(res.statusCode, 200);
    assert.equal(
      (await call(w.actors.tutee.cookie, 'GET', `/api/programmes/${w.programme.id}/people`)).statusCode,
      200,
    );
    await runDueJobs(s.ctx, { now: new Date(s.clock.now().getTime() + 200 * DAY) });
    assert.equal(
      (await s.db.selectFrom('checkins').select('id').where('user_id', '=', w.actors.tutee.id).execute())
        .length,
      0,
    );
  });

  test('the next check-in comes at the programme’s cadence, and one left unanswered counts as an attempt without answer', async () => {
    const w = await fresh();
    await consentAndOpen(w);
    const later = new Date(s.clock.now().getTime() + 20 * DAY);
    const facts = await recordsActivitySource.facts(s.db, w.programme.id, {
      start: s.clock.now().toISOString(),
      end: later.toISOString(),
      now: later.toISOString(),
    });
    assert.equal(facts.get(w.pairing.id)?.attemptsSinceContact, 1);
    await runDueJobs(s.ctx, { now: new Date(s.clock.now().getTime() + 89 * DAY) });
    assert.equal(
      (await s.db.selectFrom('checkins').select('id').where('user_id', '=', w.actors.tutee.id).execute())
        .length,
      1,
    );
    await runDueJobs(s.ctx, { now: new Date(s.clock.now().getTime() + 91 * DAY) });
    assert.equal(
      (await s.db.selectFrom('checkins').select('id').where('user_id', '=', w.actors.tutee.id).execute())
        .length,
      2,
    );
  });
});

describe('distress', () => {
  test('a low score shows help at once; the tutor is alerted only if the tutee chooses, without any answer', async () => {
    const w = await fresh();
    const id = await consentAndOpen(w);
    const res = await call(w.actors.tutee.cookie, 'POST', `/api/checkins/${id}`, {
      who5: low,
      answers: [{ question: 'note', value: 'Je dors trois heures par nuit' }],
      hidden: ['note'],
    });
    assert.equal(res.statusCode, 200, res.body);
    const result = res.json().result;
    assert.equal(result.distress, true);
    assert.ok(result.resources.some((r: { phone: string }) => r.phone === '3114'));
    assert.equal(result.tellTutor, null);
    await s.deliver();
    const before = await s.db
      .selectFrom('notifications')
      .select('id')
      .where('user_id', '=', w.actors.tutor.id)
      .execute();
    const told = await call(w.actors.tutee.cookie, 'POST', `/api/checkins/${id}/tell-tutor`, { tell: true });
    assert.equal(told.json().result.tellTutor, true);
    await s.deliver();
    const notes = await s.db
      .selectFrom('notifications')
      .selectAll()
      .where('user_id', '=', w.actors.tutor.id)
      .execute();
    assert.equal(notes.length, before.length + 1);
    const note = notes.find((n) => n.link === `/bien-etre/alertes/${id}`);
    assert.ok(note);
    assert.ok(!`${note.title} ${note.body}`.includes('trois heures'));
    const mail = s.mailer.lastTo(w.actors.tutor.email);
    assert.ok(mail && !mail.text.includes('trois heures') && !/\d+ ?%/.test(mail.text));
    // The tutor opens the alert; the hidden answer and the score never reach them.
    assert.equal((await call(w.actors.tutor.cookie, 'GET', `/api/wellbeing-alerts/${id}`)).statusCode, 200);
    const read = await call(
      w.actors.tutor.cookie,
      'GET',
      `/api/programmes/${w.programme.id}/people/${w.actors.tutee.id}/checkins`,
    );
    assert.equal(read.statusCode, 200, read.body);
    assert.ok(!read.body.includes('trois heures'));
    assert.equal(read.json().checkins[0].percent, null);
    assert.equal(read.json().checkins[0].answers.length, 5);
    const audited = await s.db
      .selectFrom('audit_log')
      .select('action')
      .where('actor_id', '=', w.actors.tutor.id)
      .where('action', '=', 'wellbeing.checkin_read')
      .execute();
    assert.equal(audited.length, 1);
    // The tutee reads it all.
    const own = await call(
      w.actors.tutee.cookie,
      'GET',
      `/api/programmes/${w.programme.id}/people/${w.actors.tutee.id}/checkins`,
    );
    assert.ok(own.body.includes('trois heures'));
    // Nothing reached the coordinators.
    for (const c of [w.actors.coordinator, w.actors.orgAdmin]) {
      const n = await s.db
        .selectFrom('notifications')
        .select(['title', 'body'])
        .where('user_id', '=', c.id)
        .execute();
      assert.ok(!JSON.stringify(n).includes(w.actors.tutee.name) || !JSON.stringify(n).includes('nouvelles'));
    }
  });

  test('choosing not to tell: the tutor receives nothing; a reminder follows an alert left unopened', async () => {
    const w = await fresh();
    const id = await consentAndOpen(w);
    await call(w.actors.tutee.cookie, 'POST', `/api/checkins/${id}`, { who5: low, answers: [], hidden: [] });
    await s.deliver();
    const count = async () =>
      (
        await s.db
          .selectFrom('notifications')
          .select('id')
          .where('user_id', '=', w.actors.tutor.id)
          .where('link', 'like', '/bien-etre/%')
          .execute()
      ).length;
    await call(w.actors.tutee.cookie, 'POST', `/api/checkins/${id}/tell-tutor`, { tell: false });
    await s.deliver();
    assert.equal(await count(), 0);
    assert.equal((await call(w.actors.tutor.cookie, 'GET', `/api/wellbeing-alerts/${id}`)).statusCode, 404);

    const w2 = await fresh();
    const id2 = await consentAndOpen(w2);
    await call(w2.actors.tutee.cookie, 'POST', `/api/checkins/${id2}`, {
      who5: low,
      answers: [],
      hidden: [],
    });
    await call(w2.actors.tutee.cookie, 'POST', `/api/checkins/${id2}/tell-tutor`, { tell: true });
    await runDueJobs(s.ctx, { now: new Date(s.clock.now().getTime() + 8 * DAY), schedules: false });
    const reminders = await s.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', w2.actors.tutor.id)
      .where('link', '=', `/bien-etre/alertes/${id2}`)
      .execute();
    assert.equal(reminders.length, 2);
    assert.ok(reminders.some((r) => r.title.startsWith('Rappel')));
  });

  test('a programme question can signal distress too', async () => {
    const w = await fresh();
    const put = await call(
      w.actors.coordinator.cookie,
      'PUT',
      `/api/programmes/${w.programme.id}/checkin-settings`,
      {
        questions: [
          {
            id: 'harcelement',
            preset: null,
            kind: 'yesno',
            label: 'Avez-vous subi des propos humiliants ?',
            distressAnswer: 'yes',
          },
        ],
        news: null,
      },
    );
    assert.equal(put.statusCode, 200, put.body);
    const id = await consentAndOpen(w);
    const bad = await call(w.actors.tutee.cookie, 'POST', `/api/checkins/${id}`, {
      who5: calm,
      answers: [{ question: 'harcelement', value: 'peut-être' }],
      hidden: [],
    });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /forme attendue/);
    const res = await call(w.actors.tutee.cookie, 'POST', `/api/checkins/${id}`, {
      who5: calm,
      answers: [{ question: 'harcelement', value: 'yes' }],
      hidden: [],
    });
    assert.equal(res.json().result.distress, true);
  });
});

describe('what coordinators see', () => {
  test('aggregates only, withheld below five people', async () => {
    const w = await fresh();
    await consentAndOpen(w);
    const small = (
      await call(w.actors.coordinator.cookie, 'GET', `/api/programmes/${w.programme.id}/wellbeing/summary`)
    ).json();
    assert.equal(small.shown, false);
    assert.equal(small.asked, null);
    assert.equal(small.distress, null);
    for (let i = 0; i < 4; i++) {
      const u = await createUser(s.ctx, w.orgId, { name: `Interne ${i}` });
      await addMember(s.ctx, w.programme, u.id, 'tutee');
      await pair(s.ctx, w.programme, w.actors.otherTutor.id, u.id);
      const cookie = await sessionCookie(s.ctx, u.id);
      const id = await consentAndOpen(w, cookie);
      await call(cookie, 'POST', `/api/checkins/${id}`, {
        who5: i === 0 ? low : calm,
        answers: [],
        hidden: [],
      });
    }
    const shown = (
      await call(w.actors.coordinator.cookie, 'GET', `/api/programmes/${w.programme.id}/wellbeing/summary`)
    ).json();
    assert.equal(shown.shown, true);
    assert.equal(shown.asked, 5);
    assert.equal(shown.answered, 4);
    assert.equal(shown.distress, 1);
    // No person's check-ins for a coordinator.
    const person = await call(
      w.actors.coordinator.cookie,
      'GET',
      `/api/programmes/${w.programme.id}/people/${w.actors.tutee.id}/checkins`,
    );
    assert.equal(person.statusCode, 404);
  });
});

describe('help directory and guide', () => {
  test('seeded with national lines, edited by coordinators, read by every member', async () => {
    const w = await fresh();
    const dir = (await call(w.actors.tutee.cookie, 'GET', `/api/orgs/${w.orgId}/help`)).json();
    assert.deepEqual(
      dir.resources.map((r: { phone: string }) => r.phone),
      ['3114', '0805232336', '15'],
    );
    assert.equal(dir.canEdit, false);
    const entries = [
      ...dir.resources.map((r: Record<string, unknown>) => ({
        id: r.id,
        name: r.name,
        purpose: r.purpose,
        phone: r.phone,
        hours: r.hours,
        url: r.url,
        confidential: r.confidential,
      })),
      {
        id: null,
        name: 'Psychologue de la faculté',
        purpose: 'Consultations gratuites',
        phone: '03 22 82 00 00',
        hours: 'Lun–ven',
        url: null,
        confidential: true,
      },
    ];
    assert.equal(
      (await call(w.actors.tutee.cookie, 'PUT', `/api/orgs/${w.orgId}/help`, { resources: entries }))
        .statusCode,
      403,
    );
    const saved = await call(w.actors.coordinator.cookie, 'PUT', `/api/orgs/${w.orgId}/help`, {
      resources: entries,
    });
    assert.equal(saved.statusCode, 200, saved.body);
    assert.equal(saved.json().resources.length, 4);
    assert.equal(saved.json().resources[3].phone, '0322820000');
    assert.equal(saved.json().resources[0].national, true);
    const bad = await call(w.actors.coordinator.cookie, 'PUT', `/api/orgs/${w.orgId}/help`, {
      resources: [{ ...entries[3], url: 'javascript:alert(1)' }],
    });
    assert.equal(bad.statusCode, 400);
  });

  test('the guide: a default in each language, rewritten and reset by coordinators', async () => {
    const w = await fresh();
    const fr = (await call(w.actors.tutor.cookie, 'GET', `/api/orgs/${w.orgId}/guide`)).json();
    assert.equal(fr.custom, false);
    assert.match(fr.sections[0].title, /Prendre contact/);
    const en = (await call(w.actors.tutor.cookie, 'GET', `/api/orgs/${w.orgId}/guide?lang=en`)).json();
    assert.match(en.sections[0].title, /Get in touch/);
    const sections = [
      { title: 'Appeler la cellule', body: 'La cellule d’écoute de la faculté répond au 03 22 00 00 00.' },
    ];
    const put = await call(w.actors.coordinator.cookie, 'PUT', `/api/orgs/${w.orgId}/guide`, {
      lang: 'fr',
      sections,
    });
    assert.equal(put.json().custom, true);
    assert.deepEqual(
      (await call(w.actors.tutor.cookie, 'GET', `/api/orgs/${w.orgId}/guide`)).json().sections,
      sections,
    );
    const reset = await call(w.actors.coordinator.cookie, 'PUT', `/api/orgs/${w.orgId}/guide`, {
      lang: 'fr',
      sections: null,
    });
    assert.equal(reset.json().custom, false);
  });
});

describe('data rights and retention', () => {
  test('the export holds every answer, hidden ones included; erasure and the retention period remove them', async () => {
    const w = await createWorld(s.ctx);
    const exported = await call(w.actors.tutee.cookie, 'GET', '/api/me/data/export.json');
    assert.equal(exported.statusCode, 200, exported.body);
    const data = exported.json().wellbeing;
    assert.equal(data.checkins.length, 1);
    assert.ok(data.checkins[0].answers.some((a: { value: string }) => a.value === 'Je suis épuisé·e'));
    const pdf = await call(w.actors.tutee.cookie, 'GET', '/api/me/data/export.pdf');
    assert.equal(pdf.statusCode, 200);

    const { eraseCheckins, purgeCheckins } = await import('./rights.ts');
    await eraseCheckins(s.db, w.actors.tutee.id);
    assert.equal(
      (await s.db.selectFrom('checkins').select('id').where('user_id', '=', w.actors.tutee.id).execute())
        .length,
      0,
    );

    const w2 = await createWorld(s.ctx);
    assert.equal(await purgeCheckins(s.db, w2.orgId, 24, new Date(s.clock.now().getTime() + 700 * DAY)), 0);
    assert.equal(await purgeCheckins(s.db, w2.orgId, 24, new Date(s.clock.now().getTime() + 740 * DAY)), 1);
    assert.equal(
      (
        await s.db
          .selectFrom('checkin_answers')
          .select('id')
          .where('checkin_id', '=', w2.wellbeing.checkinId)
          .execute()
      ).length,
      0,
    );
  });
});

test('questions left blank are not answered, and do not stop the check-in', async () => {
  const w = await fresh();
  const id = await consentAndOpen(w);
  const res = await call(w.actors.tutee.cookie, 'POST', `/api/checkins/${id}`, {
    who5: calm,
    answers: [
      { question: 'nights', value: '' },
      { question: 'note', value: '  ' },
    ],
    hidden: [],
  });
  assert.equal(res.statusCode, 200, res.body);
  const rows = await s.db
    .selectFrom('checkin_answers')
    .select('question')
    .where('checkin_id', '=', id)
    .execute();
  assert.equal(rows.length, 5);
});
