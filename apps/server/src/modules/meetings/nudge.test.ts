import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { runDueJobs } from '../../jobs/index.ts';
import { defaultPreferences, savePreferences } from '../../notify/preferences.ts';
import { LogSmsProvider, setSmsProvider } from '../../notify/sms.ts';
import { addMember, createOrg, createProgramme, createUser, pair } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';
import { NUDGE_EVERY_HOURS } from './nudges.ts';

// The organiser nudges, in one tap, the people who have not answered a poll: each in the channels
// they chose for reminders, at most once every NUDGE_EVERY_HOURS hours.

const s = await setupTestServer();
const sms = new LogSmsProvider(() => {});
// Replaced around this file's tests only: its neighbours in the test process keep their own.
before(() => setSmsProvider(sms));
after(() => setSmsProvider(undefined));
const HOUR = 3_600_000;

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as JSON
type Json = any;

async function call(
  method: 'GET' | 'POST',
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
  return { status: res.statusCode, body: res.body ? (JSON.parse(res.body) as Json) : undefined };
}

/** A tutor polls three tutees; Chloé chose SMS for reminders, Alice answers at once. */
async function poll() {
  s.clock.set(new Date('2026-11-16T09:00:00Z'));
  const orgId = await createOrg(s.ctx);
  const programme = await createProgramme(s.ctx, orgId, 'peer-tutoring');
  const coordinator = await createUser(s.ctx, orgId, { name: 'Coordinatrice' });
  await addMember(s.ctx, programme, coordinator.id, 'coordinator');
  const tutor = await createUser(s.ctx, orgId, { name: 'Tuteur Pair' });
  await addMember(s.ctx, programme, tutor.id, 'tutor', 4);
  const [alice, bruno, chloe] = await Promise.all(
    ['Alice Garde', 'Bruno Cours', 'Chloé Agenda'].map((name, i) =>
      createUser(s.ctx, orgId, { name, ...(i === 2 ? { phone: '06 12 34 56 78' } : {}) }),
    ),
  );
  if (!alice || !bruno || !chloe) throw new Error('three tutees');
  for (const t of [alice, bruno, chloe]) {
    await addMember(s.ctx, programme, t.id, 'tutee');
    await pair(s.ctx, programme, tutor.id, t.id, { groupKey: 'groupe-1' });
  }
  const prefs = defaultPreferences();
  await savePreferences(
    s.db,
    chloe.id,
    { ...prefs, channels: { ...prefs.channels, reminder: ['inapp', 'sms'] } },
    s.clock.now(),
  );
  const created = await call('POST', `/api/programmes/${programme.id}/meetings`, tutor.cookie, {
    payload: {
      title: 'Rencontre du groupe',
      mode: 'in-person',
      place: 'Salle 4, maison de santé',
      durationMinutes: 60,
      participantIds: [alice.id, bruno.id, chloe.id],
      options: [{ start: '2026-11-26T17:30:00Z' }, { start: '2026-11-27T17:30:00Z' }],
    },
  });
  assert.equal(created.status, 201);
  const id = created.body.id as string;
  await runDueJobs(s.ctx, { now: s.clock.now(), schedules: false });
  const view = await call('GET', `/api/meetings/${id}`, alice.cookie);
  const answered = await call('POST', `/api/meetings/${id}/answers`, alice.cookie, {
    payload: { answers: [{ optionId: view.body.options[0].id, answer: 'yes' }] },
  });
  assert.equal(answered.status, 200);
  return { id, tutor, coordinator, alice, bruno, chloe };
}

const nudgeMails = (from: number) => s.mailer.sent.slice(from).filter((m) => /attend encore/.test(m.text));

describe('nudging the people who have not answered', () => {
  test('non-answerers get exactly one message each, in their channel; answerers none', async () => {
    const p = await poll();
    const before = await call('GET', `/api/meetings/${p.id}`, p.tutor.cookie);
    assert.deepEqual(before.body.nudge, { waiting: 2, ready: 2, lastAt: null, nextAt: null, everyHours: 12 });
    assert.equal(before.body.actions.nudge, true);

    const mark = s.mailer.sent.length;
    const smsMark = sms.sent.length;
    const nudged = await call('POST', `/api/meetings/${p.id}/nudge`, p.tutor.cookie);
    assert.equal(nudged.status, 200);
    assert.deepEqual(nudged.body, { nudged: 2 });
    // The request only enqueued: nothing was sent yet.
    assert.equal(s.mailer.sent.length, mark);
    await runDueJobs(s.ctx, { now: s.clock.now(), schedules: false });
    await runDueJobs(s.ctx, { now: new Date(s.clock.now().getTime() + 60_000), schedules: false });

    const mails = nudgeMails(mark);
    assert.deepEqual(
      mails.map((m) => m.to),
      [p.bruno.email],
      'Bruno by e-mail; Chloé chose SMS; Alice answered',
    );
    assert.match(mails[0]?.subject ?? '', /^Rappel — /);
    assert.match(
      mails[0]?.text ?? '',
      /Tuteur Pair attend encore votre réponse pour « Rencontre du groupe » \(sur place\)/,
    );
    assert.match(mails[0]?.text ?? '', /Lieu : Salle 4, maison de santé/);
    const texts = sms.sent.slice(smsMark);
    assert.equal(texts.length, 1);
    assert.equal(texts[0]?.to, '+33612345678');
    assert.match(texts[0]?.text ?? '', /Tuteur Pair attend votre réponse pour « Rencontre du groupe »/);
    // Each link opens the poll; the SMS's link is Chloé's.
    const brunoLink = mails[0]?.text.match(/sondage\?token=([\w-]+)/)?.[1];
    const chloeLink = texts[0]?.text.match(/sondage\?token=([\w-]+)/)?.[1];
    assert.equal((await call('GET', `/api/polls/${brunoLink}`)).body.me.name, 'Bruno Cours');
    assert.equal((await call('GET', `/api/polls/${chloeLink}`)).body.me.name, 'Chloé Agenda');
    // In-app: one notice each for the two, none for Alice.
    const notices = await s.db
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('title', 'like', 'Rappel — sondage%')
      .where('user_id', 'in', [p.alice.id, p.bruno.id, p.chloe.id])
      .execute();
    assert.deepEqual(notices.map((n) => n.user_id).sort(), [p.bruno.id, p.chloe.id].sort());
  });

  test('a second nudge too soon is refused in both languages, and sends nothing', async () => {
    const p = await poll();
    assert.equal((await call('POST', `/api/meetings/${p.id}/nudge`, p.tutor.cookie)).status, 200);
    s.clock.set(new Date(s.clock.now().getTime() + 2 * HOUR));
    const jobs = async () =>
      (await s.db.selectFrom('jobs').select('id').where('name', '=', 'meetings.poll-nudge').execute()).length;
    const before = await jobs();
    const fr = await call('POST', `/api/meetings/${p.id}/nudge`, p.tutor.cookie, { lang: 'fr' });
    assert.equal(fr.status, 429);
    assert.equal(fr.body.error.code, 'nudge_too_soon');
    assert.match(
      fr.body.error.message,
      /relancées le lundi 16 novembre 2026 à 10h00 : une relance par personne toutes les 12 heures au plus\. Prochaine relance possible le lundi 16 novembre 2026 à 22h00\./,
    );
    const en = await call('POST', `/api/meetings/${p.id}/nudge`, p.tutor.cookie, { lang: 'en' });
    assert.equal(en.status, 429);
    assert.match(
      en.body.error.message,
      /were nudged on Monday 16 November 2026 at 10:00: one nudge per person every 12 hours/,
    );
    assert.equal(await jobs(), before);
    // The page says when the last nudge went and when the next may.
    const view = await call('GET', `/api/meetings/${p.id}`, p.tutor.cookie);
    assert.deepEqual(view.body.nudge, {
      waiting: 2,
      ready: 0,
      lastAt: '2026-11-16T09:00:00.000Z',
      nextAt: '2026-11-16T21:00:00.000Z',
      everyHours: 12,
    });
    // Once the hours have passed, those still waiting may be nudged again.
    s.clock.set(new Date(Date.parse('2026-11-16T09:00:00Z') + NUDGE_EVERY_HOURS * HOUR));
    const again = await call('POST', `/api/meetings/${p.id}/nudge`, p.tutor.cookie);
    assert.deepEqual(again.body, { nudged: 2 });
  });

  test('only the organiser nudges; a closed poll or a poll everyone answered has nobody to nudge', async () => {
    const p = await poll();
    for (const who of [p.alice, p.coordinator]) {
      assert.equal((await call('POST', `/api/meetings/${p.id}/nudge`, who.cookie)).status, 403);
      const view = await call('GET', `/api/meetings/${p.id}`, who.cookie);
      assert.equal(view.body.nudge, null);
      assert.equal(view.body.actions.nudge, false);
    }
    for (const who of [p.bruno, p.chloe]) {
      const view = await call('GET', `/api/meetings/${p.id}`, who.cookie);
      await call('POST', `/api/meetings/${p.id}/answers`, who.cookie, {
        payload: { answers: [{ optionId: view.body.options[1].id, answer: 'ifNeedBe' }] },
      });
    }
    const none = await call('POST', `/api/meetings/${p.id}/nudge`, p.tutor.cookie, { lang: 'en' });
    assert.equal(none.status, 409);
    assert.equal(none.body.error.message, 'Everyone has answered the poll: nobody to nudge.');
    const view = await call('GET', `/api/meetings/${p.id}`, p.tutor.cookie);
    await call('POST', `/api/meetings/${p.id}/confirm`, p.tutor.cookie, {
      payload: { optionId: view.body.options[0].id },
    });
    assert.equal((await call('POST', `/api/meetings/${p.id}/nudge`, p.tutor.cookie)).status, 409);
  });

  test('someone who answers before the job runs is not messaged; two taps nudge once', async () => {
    const p = await poll();
    const mark = s.mailer.sent.length;
    const [one, two] = await Promise.all([
      call('POST', `/api/meetings/${p.id}/nudge`, p.tutor.cookie),
      call('POST', `/api/meetings/${p.id}/nudge`, p.tutor.cookie),
    ]);
    assert.deepEqual([one.status, two.status].sort(), [200, 429]);
    const view = await call('GET', `/api/meetings/${p.id}`, p.bruno.cookie);
    await call('POST', `/api/meetings/${p.id}/answers`, p.bruno.cookie, {
      payload: { answers: [{ optionId: view.body.options[0].id, answer: 'no' }] },
    });
    await runDueJobs(s.ctx, { now: s.clock.now(), schedules: false });
    assert.deepEqual(nudgeMails(mark), []);
  });
});
