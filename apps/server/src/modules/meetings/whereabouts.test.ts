import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { runDueJobs } from '../../jobs/index.ts';
import { addMember, createOrg, createProgramme, createUser, pair } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

// Where a meeting takes place — its mode, its place, a video meeting's link — is told to the people
// of the meeting: on the poll page and in the poll e-mail, on the meeting page, in the invitations
// and their calendar file. A video link is an https address, on a video meeting only.

const s = await setupTestServer();
const deliver = () => runDueJobs(s.ctx, { now: s.clock.now(), schedules: false });
const LINK = 'https://visio.example.org/compagnon-42';

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as JSON
type Json = any;

async function call(
  method: 'GET' | 'POST' | 'PATCH',
  url: string,
  cookie?: string,
  opts: { payload?: object; lang?: string } = {},
) {
  const res = await s.app.inject({
    method,
    url,
    headers: { ...(cookie ? { cookie } : {}), ...(opts.lang ? { 'accept-language': opts.lang } : {}) },
    ...(opts.payload ? { payload: opts.payload } : {}),
  });
  return {
    status: res.statusCode,
    body:
      res.body && res.headers['content-type']?.toString().includes('json')
        ? (JSON.parse(res.body) as Json)
        : undefined,
    raw: res.body,
  };
}

async function people() {
  s.clock.set(new Date('2026-11-16T09:00:00Z'));
  const orgId = await createOrg(s.ctx);
  const programme = await createProgramme(s.ctx, orgId, 'des-tutoring');
  const coordinator = await createUser(s.ctx, orgId, { name: 'Coordinatrice' });
  await addMember(s.ctx, programme, coordinator.id, 'coordinator');
  const tutor = await createUser(s.ctx, orgId, { name: 'Tutrice' });
  await addMember(s.ctx, programme, tutor.id, 'tutor', 4);
  const tutee = await createUser(s.ctx, orgId, { name: 'Interne Une' });
  await addMember(s.ctx, programme, tutee.id, 'tutee');
  await pair(s.ctx, programme, tutor.id, tutee.id);
  return { programme, coordinator, tutor, tutee };
}

type People = Awaited<ReturnType<typeof people>>;

const propose = (p: People, body: object) =>
  call('POST', `/api/programmes/${p.programme.id}/meetings`, p.tutor.cookie, {
    payload: {
      title: 'Entretien de tutorat',
      durationMinutes: 60,
      participantIds: [p.tutee.id],
      options: [{ start: '2026-11-26T17:30:00Z' }],
      ...body,
    },
  });

describe('a video meeting’s link', () => {
  test('is an https address, and only with the video mode: refused otherwise in both languages', async () => {
    const p = await people();
    const count = async () => (await s.db.selectFrom('meetings').select('id').execute()).length;
    const before = await count();
    const http = await propose(p, { mode: 'video', videoUrl: 'http://visio.example.org/abc' });
    assert.equal(http.status, 400);
    assert.match(http.body.error.message, /https:\/\//);
    const inPerson = await propose(p, { mode: 'in-person', videoUrl: LINK });
    assert.equal(inPerson.status, 400);
    assert.match(inPerson.body.error.message, /Un lien de visio ne va qu’avec une rencontre en visio/);
    const en = await call('POST', `/api/programmes/${p.programme.id}/meetings`, p.tutor.cookie, {
      lang: 'en',
      payload: {
        title: 'Tutoring',
        mode: 'phone',
        videoUrl: LINK,
        durationMinutes: 60,
        participantIds: [p.tutee.id],
        options: [{ start: '2026-11-26T17:30:00Z' }],
      },
    });
    assert.equal(en.status, 400);
    assert.match(en.body.error.message, /A video link goes only with a video meeting/);
    assert.equal(await count(), before);

    // A change of mode drops the link; a link on a meeting that is not on video is refused.
    const ok = await propose(p, { mode: 'video', videoUrl: LINK });
    assert.equal(ok.status, 201);
    const id = ok.body.id;
    const refused = await call('PATCH', `/api/meetings/${id}`, p.tutor.cookie, {
      payload: { mode: 'phone', videoUrl: LINK },
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'video_url_not_video');
    const moved = await call('PATCH', `/api/meetings/${id}`, p.tutor.cookie, {
      payload: { mode: 'in-person' },
    });
    assert.equal(moved.status, 200);
    assert.equal(moved.body.videoUrl, null);
    const back = await call('PATCH', `/api/meetings/${id}`, p.tutor.cookie, {
      payload: { mode: 'video', videoUrl: LINK },
    });
    assert.equal(back.body.videoUrl, LINK);
  });

  test('its people see it — poll e-mail and page, meeting page, invitation and .ics — a coordinator does not', async () => {
    const p = await people();
    const mark = s.mailer.sent.length;
    const created = await propose(p, { mode: 'video', videoUrl: LINK, place: 'Bureau 12 si besoin' });
    assert.equal(created.status, 201, created.raw);
    const id = created.body.id;
    await deliver();
    const pollMail = s.mailer.sent.slice(mark).find((m) => m.to === p.tutee.email);
    assert.match(pollMail?.text ?? '', /Tutrice cherche une date pour « Entretien de tutorat » \(en visio\)/);
    assert.match(pollMail?.text ?? '', /Lieu : Bureau 12 si besoin/);
    assert.match(pollMail?.text ?? '', new RegExp(`Lien de la visio : ${LINK}`));
    const token = pollMail?.text.match(/sondage\?token=([\w-]+)/)?.[1];
    const poll = await call('GET', `/api/polls/${token}`);
    assert.equal(poll.body.mode, 'video');
    assert.equal(poll.body.place, 'Bureau 12 si besoin');
    assert.equal(poll.body.videoUrl, LINK);

    assert.equal((await call('GET', `/api/meetings/${id}`, p.tutee.cookie)).body.videoUrl, LINK);
    const seenByCoordinator = await call('GET', `/api/meetings/${id}`, p.coordinator.cookie);
    assert.equal(seenByCoordinator.status, 200);
    assert.equal(seenByCoordinator.body.videoUrl, null);
    assert.ok(!seenByCoordinator.raw.includes(LINK));

    const view = await call('GET', `/api/meetings/${id}`, p.tutor.cookie);
    const confirmMark = s.mailer.sent.length;
    await call('POST', `/api/meetings/${id}/confirm`, p.tutor.cookie, {
      payload: { optionId: view.body.options[0].id },
    });
    await deliver();
    const invitation = s.mailer.sent.slice(confirmMark).find((m) => m.to === p.tutee.email);
    assert.match(invitation?.text ?? '', /Quand : .* \(en visio\)/);
    assert.match(invitation?.text ?? '', /Lieu : Bureau 12 si besoin/);
    assert.match(invitation?.text ?? '', new RegExp(`Lien de la visio : ${LINK}`));
    const ics = await call('GET', `/api/meetings/${id}/invitation`, p.tutee.cookie);
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics.raw)).getFirstSubcomponent('vevent') as ICAL.Component,
    );
    assert.equal(event.location, 'Bureau 12 si besoin');
    assert.equal(event.component.getFirstPropertyValue('url'), LINK);
    assert.match(event.description, new RegExp(LINK));
  });

  test('an in-person poll shows its place in the e-mail and on the page; an English reader reads English', async () => {
    const p = await people();
    await s.db.updateTable('users').set({ locale: 'en' }).where('id', '=', p.tutee.id).execute();
    const mark = s.mailer.sent.length;
    assert.equal((await propose(p, { mode: 'in-person', place: 'Salle 4, CHU' })).status, 201);
    await deliver();
    const mail = s.mailer.sent.slice(mark).find((m) => m.to === p.tutee.email);
    assert.match(mail?.text ?? '', /Tutrice is looking for a date for “Entretien de tutorat” \(in person\)/);
    assert.match(mail?.text ?? '', /Where: Salle 4, CHU/);
    assert.doesNotMatch(mail?.text ?? '', /Video link/);
    const token = mail?.text.match(/sondage\?token=([\w-]+)/)?.[1];
    const poll = await call('GET', `/api/polls/${token}`);
    assert.equal(poll.body.place, 'Salle 4, CHU');
    assert.equal(poll.body.videoUrl, null);
  });
});
