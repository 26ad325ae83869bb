import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { defaultPreferences, savePreferences } from '../../notify/preferences.ts';
import { type Sms, setSmsProvider } from '../../notify/sms.ts';
import { loadActor } from '../../policy/actor.ts';
import { createWorld, type World } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';
import { erasePerson } from '../rights/erase.ts';
import { exportData } from '../rights/service.ts';
import { HOURLY_LIMIT } from './service.ts';

const s = await setupTestServer();
const texts: Sms[] = [];
// Replaced around this file's tests only: its neighbours in the test process keep their own.
before(() => setSmsProvider({ send: async (m) => void texts.push(m) }));
after(() => setSmsProvider(undefined));

// biome-ignore lint/suspicious/noExplicitAny: JSON answers
type Json = any;
async function call(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.json() as Json, raw: res.body };
}
const send = (w: World, audience: string, title = 'Soirée d’échanges') =>
  call(w.actors.coordinator.cookie, 'POST', `/api/programmes/${w.programme.id}/announcements`, {
    audience,
    title,
    body: 'Rendez-vous le 3 avril à 20 h à la faculté.',
    link: 'https://example.org/inscription',
  });

describe('announcements', () => {
  test('reach exactly the audience, one job per person, by each person’s channel; nobody sees the others', async () => {
    const w = await createWorld(s.ctx);
    const prefs = defaultPreferences();
    // The tutor takes messages by SMS only; the other tutor by e-mail (the default).
    await savePreferences(
      s.db,
      w.actors.tutor.id,
      { ...prefs, channels: { ...prefs.channels, message: ['inapp', 'sms'] } },
      s.clock.now(),
    );
    const mails = s.mailer.sent.length;
    const sent = await send(w, 'tutors');
    assert.equal(sent.status, 201, sent.raw);
    const jobs = await s.db
      .selectFrom('jobs')
      .select('payload')
      .where('name', '=', 'notify.send')
      .where('dedupe_key', 'like', `notify:announcement:${sent.body.id}:%`)
      .execute();
    const to = jobs.map((j) => JSON.parse(j.payload).userId).sort();
    assert.deepEqual(
      to,
      [w.actors.tutor.id, w.actors.otherTutor.id].sort(),
      'one job per tutor, nobody else',
    );
    await s.deliver();
    const out = s.mailer.sent.slice(mails);
    assert.equal(out.length, 1, 'only the other tutor chose e-mail');
    const mail = out[0];
    if (!mail) throw new Error('one e-mail');
    assert.equal(mail.to, w.actors.otherTutor.email);
    assert.equal(mail.headers?.['Reply-To'], w.actors.coordinator.email);
    assert.match(mail.text, /Rendez-vous le 3 avril/);
    assert.match(mail.text, /jamais par les autres destinataires/);
    assert.ok(mail.text.includes(`/annonces/${sent.body.id}`));
    for (const a of Object.values(w.actors))
      if (a.id !== w.actors.otherTutor.id) assert.ok(!mail.text.includes(a.email));
    assert.ok(
      texts.some((t) => t.to === '+33611223344' && t.text.includes('Soirée d’échanges')),
      'the tutor’s SMS',
    );
    const inApp = await s.db
      .selectFrom('notifications')
      .select('user_id')
      .where('link', '=', `/annonces/${sent.body.id}`)
      .execute();
    assert.deepEqual(inApp.map((n) => n.user_id).sort(), to);
    // The tutee is not in the audience: the announcement does not exist for them.
    assert.equal(
      (await call(w.actors.tutee.cookie, 'GET', `/api/announcements/${sent.body.id}`)).status,
      404,
    );
    const tuteeList = await call(
      w.actors.tutee.cookie,
      'GET',
      `/api/programmes/${w.programme.id}/announcements`,
    );
    assert.ok(!tuteeList.body.announcements.some((a: Json) => a.id === sent.body.id));
  });

  test('a reply reaches the coordination only; the author is told; read counts follow', async () => {
    const w = await createWorld(s.ctx);
    const id = w.guides.announcementId;
    const opened = await call(w.actors.tutee.cookie, 'GET', `/api/announcements/${id}`);
    assert.equal(opened.status, 200, opened.raw);
    assert.equal(opened.body.actions.reply, true);
    const r = await call(w.actors.tutee.cookie, 'POST', `/api/announcements/${id}/replies`, {
      body: 'Je viendrai avec une question sur les gardes.',
    });
    assert.equal(r.status, 201, r.raw);
    const other = await call(w.actors.otherTutee.cookie, 'GET', `/api/announcements/${id}`);
    assert.equal(other.body.replies.length, 0, 'another recipient never reads it');
    assert.ok(!other.raw.includes('gardes'));
    const coordinator = await call(w.actors.coordinator.cookie, 'GET', `/api/announcements/${id}`);
    assert.equal(coordinator.body.replies[0].body, 'Je viendrai avec une question sur les gardes.');
    assert.equal(coordinator.body.replies[0].author.name, w.actors.tutee.name);
    assert.deepEqual(coordinator.body.counts, { recipients: 4, read: 2, replies: 1 });
    assert.equal(coordinator.body.actions.reply, false);
    const admin = await call(
      w.actors.orgAdmin.cookie,
      'GET',
      `/api/programmes/${w.programme.id}/announcements`,
    );
    assert.deepEqual(admin.body.announcements[0].counts, { recipients: 4, read: 2, replies: 1 });
    await s.deliver();
    const told = await s.db
      .selectFrom('notifications')
      .select(['title', 'body'])
      .where('user_id', '=', w.actors.coordinator.id)
      .where('link', '=', `/annonces/${id}`)
      .execute();
    assert.equal(told.length, 1);
    assert.ok(!told[0]?.body.includes('gardes'), 'the notice names who answered, not what');

    // In the tutee's export, then emptied on erasure.
    const actor = await loadActor(s.db, { ...w.actors.tutee, locale: 'fr' }, 'x');
    const data = await exportData(s.ctx, actor, 'json', '127.0.0.1');
    assert.equal(data.announcements.received[0]?.title, 'Journée des tuteurs');
    assert.equal(data.announcements.replies[0]?.body, 'Je viendrai avec une question sur les gardes.');
    await s.db.transaction().execute((trx) => erasePerson(trx, w.actors.tutee.id, s.clock.now()));
    const after = await call(w.actors.coordinator.cookie, 'GET', `/api/announcements/${id}`);
    assert.equal(after.body.replies[0].body, '');
    assert.equal(after.body.replies[0].erased, true);
  });

  test('someone who joins later sees the programme’s announcements but gets no e-mail of them', async () => {
    const w = await createWorld(s.ctx);
    await s.db
      .updateTable('memberships')
      .set({ ended_at: s.clock.now().toISOString() })
      .where('user_id', '=', w.actors.otherTutee.id)
      .execute();
    const sent = await send(w, 'tutees');
    assert.equal(sent.status, 201, sent.raw);
    await s.db
      .updateTable('memberships')
      .set({ ended_at: null })
      .where('user_id', '=', w.actors.otherTutee.id)
      .execute();
    const list = await call(
      w.actors.otherTutee.cookie,
      'GET',
      `/api/programmes/${w.programme.id}/announcements`,
    );
    assert.ok(list.body.announcements.some((a: Json) => a.id === sent.body.id));
    const recipients = await s.db
      .selectFrom('announcement_recipients')
      .select('user_id')
      .where('announcement_id', '=', sent.body.id)
      .execute();
    assert.deepEqual(
      recipients.map((r) => r.user_id),
      [w.actors.tutee.id],
    );
  });

  test(`a coordinator sends at most ${HOURLY_LIMIT} an hour, told so clearly`, async () => {
    const w = await createWorld(s.ctx);
    // The world's announcement, theirs, was sent this hour: four more, and the sixth is refused.
    for (let i = 1; i < HOURLY_LIMIT; i++) assert.equal((await send(w, 'both', `Annonce ${i}`)).status, 201);
    const refused = await send(w, 'both', 'Une de trop');
    assert.equal(refused.status, 429, refused.raw);
    assert.match(refused.body.message ?? refused.raw, /5 annonces dans l’heure/);
    s.clock.set(new Date(s.clock.now().getTime() + 3_600_001));
    assert.equal((await send(w, 'both', 'Une heure plus tard')).status, 201);
  });
});
