import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, test } from 'node:test';
import ICAL from 'ical.js';
import { DateTime } from 'luxon';
import { computeActivity } from '../../compute/pool.ts';
import type { AppContext } from '../../context.ts';
import { jobs, runDueJobs } from '../../jobs/index.ts';
import { claimJobs } from '../../jobs/runner.ts';
import { addMember, createOrg, createProgramme, createUser, pair } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';
import { refreshSubscriptions } from '../availability/calendars.ts';
import type { TemplateId } from '../programmes/templates.ts';
import { meetingReminder, pollReminder, sweepMeetingReminders } from './reminders.ts';

const s = await setupTestServer();
const ZONE = 'Europe/Paris';
/** Polls and invitations are jobs: runs what is due now, as the server's job runner would. */
const deliver = () => runDueJobs(s.ctx, { now: s.clock.now(), schedules: false });
const fixture = readFileSync(new URL('./fixtures/evenings.ics', import.meta.url), 'utf8');

// biome-ignore lint/suspicious/noExplicitAny: response bodies are read loosely, as JSON
type Json = any;

async function call<T = Json>(method: string, url: string, cookie?: string, payload?: unknown) {
  const res = await s.app.inject({
    method: method as 'GET',
    url,
    headers: cookie ? { cookie } : {},
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });
  let body: T | undefined;
  try {
    body = res.body ? JSON.parse(res.body) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.statusCode, body: body as T, raw: res.body };
}

/** A peer tutor and four residents of one group, in a fresh organisation. */
async function group(template: TemplateId = 'peer-tutoring') {
  s.clock.set(new Date('2026-11-16T09:00:00Z'));
  const orgId = await createOrg(s.ctx);
  const programme = await createProgramme(s.ctx, orgId, template);
  const coordinator = await createUser(s.ctx, orgId, { name: 'Coordinatrice' });
  const tutor = await createUser(s.ctx, orgId, { name: 'Tuteur Pair' });
  await addMember(s.ctx, programme, coordinator.id, 'coordinator');
  await addMember(s.ctx, programme, tutor.id, 'tutor', 4);
  const residents = [];
  for (const name of ['Alice Garde', 'Bruno Cours', 'Chloé Agenda', 'David Stage']) {
    const r = await createUser(s.ctx, orgId, { name });
    await addMember(s.ctx, programme, r.id, 'tutee');
    await pair(s.ctx, programme, tutor.id, r.id, { groupKey: 'groupe-1' });
    residents.push(r);
  }
  type Resident = (typeof residents)[number];
  // Four names above, so four residents.
  return {
    orgId,
    programme,
    coordinator,
    tutor,
    residents: residents as [Resident, Resident, Resident, Resident],
  };
}

type Group = Awaited<ReturnType<typeof group>>;

/** Night shifts on Tuesdays, course on the first Thursday, an uploaded calendar, internship hours. */
async function rotas(g: Group) {
  const [alice, bruno, chloe, david] = g.residents;
  const rule = (who: Json, body: object) =>
    call('POST', `/api/orgs/${g.orgId}/availability/rules`, who.cookie, body);
  assert.equal(
    (
      await rule(alice, {
        category: 'night-shift',
        kind: 'busy',
        pattern: 'weekly',
        weekdays: [2],
        startTime: '18:30',
        endTime: '08:30',
        restAfter: true,
      })
    ).status,
    201,
  );
  assert.equal(
    (
      await rule(bruno, {
        category: 'course',
        kind: 'busy',
        pattern: 'monthly',
        weekdays: [4],
        nth: 1,
        startTime: '09:00',
        endTime: '17:00',
      })
    ).status,
    201,
  );
  const up = await call('POST', `/api/orgs/${g.orgId}/availability/calendars`, chloe.cookie, {
    kind: 'upload',
    label: 'Remplacements',
    text: fixture,
  });
  assert.equal(up.status, 201, up.raw);
  for (const who of [alice, bruno, chloe, david]) {
    assert.equal(
      (
        await rule(who, {
          category: 'internship',
          kind: 'busy',
          pattern: 'weekly',
          weekdays: [1, 2, 3, 4, 5],
          startTime: '08:00',
          endTime: '18:30',
        })
      ).status,
      201,
    );
  }
}

const parseIcs = (text: string) => {
  const comp = new ICAL.Component(ICAL.parse(text));
  for (const tz of comp.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
  return comp;
};

describe('meetings of a peer-tutoring group', () => {
  test('a slot search runs on a worker thread: the server answers other requests meanwhile', async () => {
    const g = await group();
    await rotas(g);
    const answered = new Promise<boolean>((resolve, reject) => {
      computeActivity.once('started', (task) => {
        let over = false;
        computeActivity.once('settled', () => {
          over = true;
        });
        assert.equal(task, 'slotSearch');
        call('GET', '/api/health').then((r) => resolve(r.status === 200 && !over), reject);
      });
    });
    const found = call('POST', `/api/programmes/${g.programme.id}/slots`, g.tutor.cookie, {
      participantIds: g.residents.map((r) => r.id),
      durationMinutes: 90,
      from: '2026-11-17',
      to: '2027-02-15',
    });
    assert.equal(await answered, true, 'the health check waited for the slot search');
    assert.equal((await found).status, 200);
  });

  test('the best slot suits all five; the poll, the confirmation and the invitation follow', async () => {
    const g = await group();
    await rotas(g);
    const ids = g.residents.map((r) => r.id);
    const found = await call('POST', `/api/programmes/${g.programme.id}/slots`, g.tutor.cookie, {
      participantIds: ids,
      durationMinutes: 90,
      from: '2026-11-23',
      to: '2026-11-29',
      dayStart: '18:00',
      dayEnd: '21:30',
    });
    assert.equal(found.status, 200, found.raw);
    const best = found.body.slots[0];
    assert.equal(best.free.length, 5, JSON.stringify(best));
    assert.deepEqual(best.busy, []);
    // Monday and Wednesday evenings are in Chloé's calendar, Tuesday night is Alice's shift and
    // Wednesday her rest day: the first evening for all five is Thursday 26 at 18:30 in Paris.
    assert.equal(
      DateTime.fromISO(best.start).setZone(ZONE).toFormat('ccc d HH:mm', { locale: 'en' }),
      'Thu 26 18:30',
    );
    const wednesday = found.body.slots.find(
      (x: Json) => DateTime.fromISO(x.start).setZone(ZONE).weekday === 3,
    );
    if (wednesday) assert.ok(!wednesday.free.includes(g.residents[0].id));

    const mark = s.mailer.sent.length;
    const created = await call('POST', `/api/programmes/${g.programme.id}/meetings`, g.tutor.cookie, {
      title: 'Rencontre du groupe 1',
      mode: 'in-person',
      place: 'CHU Amiens, salle 4',
      guideId: 'premiere-rencontre',
      durationMinutes: 90,
      participantIds: ids,
      options: found.body.slots.slice(0, 3).map((x: Json) => ({ start: x.start })),
    });
    assert.equal(created.status, 201, created.raw);
    assert.equal(s.mailer.sent.length, mark, 'the polls are jobs, sent by the runner');
    await deliver();
    const mails = s.mailer.sent.slice(mark);
    assert.equal(mails.length, 4);
    const polls = g.residents.map((resident) => {
      const m = mails.find((x) => x.to === resident.email);
      return { resident, token: m?.text.match(/sondage\?token=([\w-]+)/)?.[1] as string };
    });
    for (const [i, { resident, token }] of polls.entries()) {
      const poll = await call('GET', `/api/polls/${token}`);
      assert.equal(poll.status, 200);
      assert.equal(poll.body.me.name, resident.name);
      const first = poll.body.options[0].id;
      const answered = await call('POST', `/api/polls/${token}`, undefined, {
        answers: [{ optionId: first, answer: i === 3 ? 'ifNeedBe' : 'yes' }],
      });
      assert.equal(answered.status, 200);
    }
    const view = await call('GET', `/api/meetings/${created.body.id}`, g.tutor.cookie);
    assert.deepEqual(view.body.options[0].counts, { yes: 3, ifNeedBe: 1, no: 0 });
    assert.equal(view.body.answered.length, 4);

    const before = s.mailer.sent.length;
    const confirmed = await call('POST', `/api/meetings/${created.body.id}/confirm`, g.tutor.cookie, {
      optionId: view.body.options[0].id,
    });
    assert.equal(confirmed.status, 200, confirmed.raw);
    await deliver();
    const invitations = s.mailer.sent.slice(before);
    assert.equal(invitations.length, 5);
    for (const inv of invitations) {
      assert.equal(inv.icalEvent?.method, 'REQUEST');
      const cal = parseIcs(inv.icalEvent?.content as string);
      assert.equal(cal.getFirstPropertyValue('method'), 'REQUEST');
      const ev = new ICAL.Event(cal.getFirstSubcomponent('vevent') as never);
      assert.equal(ev.startDate.zone?.tzid, ZONE);
      assert.equal(ev.startDate.toString(), '2026-11-26T18:30:00');
      assert.equal(ev.startDate.toJSDate().toISOString(), '2026-11-26T17:30:00.000Z');
      assert.equal(ev.uid, `${created.body.id}@compagnon`);
      assert.ok(!/Remplacement|Anniversaire/.test(inv.icalEvent?.content as string));
    }
    // Busy times only: the uploaded calendar's titles are not stored anywhere.
    const stored = await s.db.selectFrom('calendar_sources').select('busy').execute();
    assert.ok(stored.every((c) => !c.busy.includes('Remplacement')));

    // Rescheduling sends an update with a higher SEQUENCE and the same UID; cancelling sends CANCEL.
    const moved = await call('PATCH', `/api/meetings/${created.body.id}`, g.tutor.cookie, {
      start: '2026-11-27T17:30:00Z',
    });
    assert.equal(moved.status, 200);
    await deliver();
    const update = s.mailer.sent.at(-1)?.icalEvent?.content as string;
    assert.match(update, /SEQUENCE:1/);
    assert.match(update, new RegExp(`UID:${created.body.id}@compagnon`));
    const cancelled = await call('POST', `/api/meetings/${created.body.id}/cancel`, g.tutor.cookie);
    assert.equal(cancelled.status, 200);
    await deliver();
    const cancel = s.mailer.sent.at(-1)?.icalEvent;
    assert.equal(cancel?.method, 'CANCEL');
    assert.match(cancel?.content as string, /METHOD:CANCEL/);
    assert.match(cancel?.content as string, /SEQUENCE:2/);
  });

  test('the day after a night shift is if-need-be, unless the person says otherwise', async () => {
    const g = await group();
    const alice = g.residents[0];
    await call('POST', `/api/orgs/${g.orgId}/availability/rules`, alice.cookie, {
      category: 'night-shift',
      kind: 'busy',
      pattern: 'weekly',
      weekdays: [2],
      startTime: '18:30',
      endTime: '08:30',
      restAfter: true,
    });
    const ask = () =>
      call('POST', `/api/programmes/${g.programme.id}/slots`, g.tutor.cookie, {
        participantIds: [alice.id],
        durationMinutes: 60,
        from: '2026-11-25',
        to: '2026-11-25',
        dayStart: '10:00',
        dayEnd: '11:00',
      });
    const r = await ask();
    assert.deepEqual(r.body.slots[0].ifNeedBe, [alice.id]);
    const avail = await call('GET', `/api/orgs/${g.orgId}/availability`, alice.cookie);
    await call('DELETE', `/api/orgs/${g.orgId}/availability/rules/${avail.body.rules[0].id}`, alice.cookie);
    await call('POST', `/api/orgs/${g.orgId}/availability/rules`, alice.cookie, {
      category: 'night-shift',
      kind: 'busy',
      pattern: 'weekly',
      weekdays: [2],
      startTime: '18:30',
      endTime: '08:30',
      restAfter: false,
    });
    assert.deepEqual((await ask()).body.slots[0].ifNeedBe, []);
  });

  test('a programme-wide course day blocks everyone of the programme', async () => {
    const g = await group();
    const ev = await call('POST', `/api/programmes/${g.programme.id}/events`, g.coordinator.cookie, {
      title: 'Journée de cours DES',
      kind: 'course-day',
      start: '2026-11-24T08:00:00Z',
      end: '2026-11-24T17:00:00Z',
    });
    assert.equal(ev.status, 201);
    const seen = await call('GET', `/api/programmes/${g.programme.id}/events`, g.residents[1].cookie);
    assert.equal(seen.body[0].title, 'Journée de cours DES');
    const r = await call('POST', `/api/programmes/${g.programme.id}/slots`, g.tutor.cookie, {
      participantIds: [g.residents[1].id],
      durationMinutes: 60,
      from: '2026-11-24',
      to: '2026-11-24',
      dayStart: '10:00',
      dayEnd: '12:00',
    });
    assert.deepEqual(r.body.slots, []);
  });

  test('the coordinator moves and removes a programme event; members see the change, and cannot make it', async () => {
    const g = await group();
    const url = `/api/programmes/${g.programme.id}/events`;
    const ev = await call('POST', url, g.coordinator.cookie, {
      title: 'Journée d’accueil',
      kind: 'welcome-day',
      start: '2026-11-24T08:00:00Z',
      end: '2026-11-24T17:00:00Z',
    });
    const moved = await call('PATCH', `${url}/${ev.body.id}`, g.coordinator.cookie, {
      title: 'Journée d’accueil des internes',
      start: '2026-11-26T08:00:00Z',
      end: '2026-11-26T12:00:00Z',
      busy: false,
    });
    assert.equal(moved.status, 200, moved.raw);
    const seen = await call('GET', url, g.residents[0].cookie);
    assert.deepEqual(
      seen.body.map((e: Json) => [e.title, e.start, e.end, e.busy]),
      [['Journée d’accueil des internes', '2026-11-26T08:00:00.000Z', '2026-11-26T12:00:00.000Z', false]],
    );
    // An end before the start is refused, and the event is left as it was.
    const bad = await call('PATCH', `${url}/${ev.body.id}`, g.coordinator.cookie, {
      end: '2026-11-26T07:00:00Z',
    });
    assert.equal(bad.status, 400);
    assert.equal(bad.body.error.code, 'event_end_before_start');
    assert.equal((await call('GET', url, g.residents[0].cookie)).body[0].end, '2026-11-26T12:00:00.000Z');
    // Members and tutors see it but may not change it.
    for (const who of [g.residents[0], g.tutor]) {
      assert.equal((await call('PATCH', `${url}/${ev.body.id}`, who.cookie, { title: 'x' })).status, 403);
      assert.equal((await call('DELETE', `${url}/${ev.body.id}`, who.cookie)).status, 403);
    }
    assert.equal((await call('DELETE', `${url}/${ev.body.id}`, g.coordinator.cookie)).status, 200);
    assert.deepEqual((await call('GET', url, g.residents[0].cookie)).body, []);
    assert.equal((await call('DELETE', `${url}/${ev.body.id}`, g.coordinator.cookie)).status, 404);
  });

  test('a tutor cannot invite or look for slots with people who are not their tutees', async () => {
    const g = await group();
    const stranger = await createUser(s.ctx, g.orgId);
    await addMember(s.ctx, g.programme, stranger.id, 'tutee');
    const r = await call('POST', `/api/programmes/${g.programme.id}/slots`, g.tutor.cookie, {
      participantIds: [stranger.id],
      durationMinutes: 60,
      from: '2026-11-24',
      to: '2026-11-25',
    });
    assert.equal(r.status, 400);
    assert.equal(r.body.error.code, 'not_invitable');
  });
});

describe('constraints typed as a phrase', () => {
  const rulesOf = (userId: string) =>
    s.db.selectFrom('availability_rules').selectAll().where('user_id', '=', userId).execute();

  test('a phrase is previewed, then saved as the rule it was understood as', async () => {
    const g = await group();
    const alice = g.residents[0] as Json;
    const url = `/api/orgs/${g.orgId}/availability/phrases`;
    const preview = await call('POST', `${url}/preview`, alice.cookie, { text: 'garde tous les mardis' });
    assert.equal(preview.status, 200);
    assert.equal(preview.body.understood, true);
    assert.deepEqual(
      [
        preview.body.rule.weekdays,
        preview.body.rule.startTime,
        preview.body.rule.endTime,
        preview.body.rule.restAfter,
      ],
      [[2], '18:30', '08:30', true],
    );
    assert.equal((await rulesOf(alice.id)).length, 0, 'a preview saves nothing');

    const saved = await call('POST', url, alice.cookie, { text: 'garde tous les mardis' });
    assert.equal(saved.status, 201, saved.raw);
    const mine = await call('GET', `/api/orgs/${g.orgId}/availability`, alice.cookie);
    assert.deepEqual(
      mine.body.rules.map((r: Json) => [r.category, r.pattern, r.weekdays, r.restAfter]),
      [['night-shift', 'weekly', [2], true]],
    );
    // "Pas de repos le lendemain" changes the night shifts already there.
    const rest = await call('POST', url, alice.cookie, { text: 'pas de repos le lendemain de garde' });
    assert.equal(rest.status, 201);
    assert.equal(rest.body.updated, 1);
    assert.equal((await rulesOf(alice.id))[0]?.rest_after, 0);
  });

  test('a phrase not understood is refused with the part at fault, and nothing is written', async () => {
    const g = await group();
    const bruno = g.residents[1] as Json;
    const url = `/api/orgs/${g.orgId}/availability/phrases`;
    const preview = await call('POST', `${url}/preview`, bruno.cookie, {
      text: 'cours le jeudi avec Martin',
    });
    assert.equal(preview.status, 200);
    assert.equal(preview.body.understood, false);
    assert.equal(preview.body.error.part, 'avec Martin');
    for (const text of ['cours le jeudi avec Martin', 'cours de DES', 'stage le lundi de 8h à 25h', '']) {
      const res = await call('POST', url, bruno.cookie, { text });
      assert.equal(res.status, 400, text);
      assert.ok(res.body.error.message.length > 10);
    }
    const res = await call('POST', url, bruno.cookie, { text: 'cours le jeudi avec Martin' });
    assert.equal(res.body.error.code, 'phrase_not_understood');
    assert.match(res.body.error.message, /« avec Martin »/);
    assert.equal(res.body.error.details.part, 'avec Martin');
    // The day after a shift, without any shift yet: refused, nothing written.
    const rest = await call('POST', url, bruno.cookie, { text: 'repos le lendemain de garde' });
    assert.equal(rest.status, 400);
    assert.equal(rest.body.error.code, 'no_night_shifts');
    assert.equal((await rulesOf(bruno.id)).length, 0);
  });
});

describe('poll links', () => {
  async function pollWithTwo() {
    const g = await group();
    const [a, b] = g.residents;
    const mark = s.mailer.sent.length;
    const created = await call('POST', `/api/programmes/${g.programme.id}/meetings`, g.tutor.cookie, {
      title: 'Point d’étape',
      mode: 'video',
      videoUrl: 'https://visio.example.org/abc',
      durationMinutes: 60,
      participantIds: [a.id, b.id],
      options: [{ start: '2026-11-20T17:00:00Z' }, { start: '2026-11-21T09:00:00Z' }],
    });
    await deliver();
    const token = (email: string) =>
      s.mailer.sent
        .slice(mark)
        .find((m) => m.to === email)
        ?.text.match(/sondage\?token=([\w-]+)/)?.[1] as string;
    return { g, a, b, id: created.body.id as string, ta: token(a.email), tb: token(b.email) };
  }

  test('a link answers for its own person only and shows counts, not other people', async () => {
    const { g, a, b, id, ta, tb } = await pollWithTwo();
    const poll = await call('GET', `/api/polls/${ta}`);
    await call('POST', `/api/polls/${tb}`, undefined, {
      answers: [{ optionId: poll.body.options[0].id, answer: 'no' }],
    });
    await call('POST', `/api/polls/${ta}`, undefined, {
      answers: [{ optionId: poll.body.options[0].id, answer: 'yes' }],
    });
    const seen = await call('GET', `/api/polls/${ta}`);
    assert.equal(seen.body.options[0].myAnswer, 'yes');
    assert.deepEqual(seen.body.options[0].counts, { yes: 1, ifNeedBe: 0, no: 1 });
    assert.ok(!seen.raw.includes(b.name) && !seen.raw.includes(b.email) && !seen.raw.includes(b.id));
    assert.ok(!seen.raw.includes(a.email) && !seen.raw.includes(g.tutor.email));
    // B's answer is still B's: A's link never wrote it.
    const fromB = await call('GET', `/api/polls/${tb}`);
    assert.equal(fromB.body.options[0].myAnswer, 'no');
    // A tutee signed in sees counts too, never who answered what.
    const inApp = await call('GET', `/api/meetings/${id}`, a.cookie);
    assert.equal(inApp.body.options[0].answers, null);
    assert.equal(inApp.body.answered, null);
  });

  test('an unknown link, another meeting’s time or an expired link is refused and writes nothing', async () => {
    const one = await pollWithTwo();
    const two = await pollWithTwo();
    assert.equal((await call('GET', `/api/polls/${'z'.repeat(43)}`)).status, 404);
    const other = await call('GET', `/api/polls/${two.ta}`);
    const cross = await call('POST', `/api/polls/${one.ta}`, undefined, {
      answers: [{ optionId: other.body.options[0].id, answer: 'yes' }],
    });
    assert.equal(cross.status, 400);
    const count = async () => (await s.db.selectFrom('poll_answers').selectAll().execute()).length;
    const before = await count();
    s.clock.set(new Date('2026-11-21T09:00:01Z'));
    assert.equal((await call('GET', `/api/polls/${one.ta}`)).status, 410);
    const late = await call('POST', `/api/polls/${one.ta}`, undefined, {
      answers: [{ optionId: other.body.options[0].id, answer: 'yes' }],
    });
    assert.equal(late.status, 410);
    assert.equal(await count(), before);
  });

  test('non-answerers get one reminder, one job each, sent once however often it runs', async () => {
    const { a, b, ta } = await pollWithTwo();
    const poll = await call('GET', `/api/polls/${ta}`);
    await call('POST', `/api/polls/${ta}`, undefined, {
      answers: [{ optionId: poll.body.options[0].id, answer: 'yes' }],
    });
    const now = new Date('2026-11-18T10:00:00Z');
    s.clock.set(now);
    const mark = s.mailer.sent.length;
    await runDueJobs(s.ctx, { now });
    await runDueJobs(s.ctx, { now: new Date(now.getTime() + 20 * 60_000) });
    const parts = await s.db
      .selectFrom('meeting_participants')
      .select(['id', 'user_id'])
      .where('user_id', 'in', [a.id, b.id])
      .execute();
    const jobs = await s.db
      .selectFrom('jobs')
      .select(['payload', 'status'])
      .where('name', '=', 'meetings.poll-reminder')
      .where(
        'dedupe_key',
        'in',
        parts.map((p) => `meetings.poll-reminder:${p.id}`),
      )
      .execute();
    assert.equal(jobs.length, 1, 'one job, for the one person who has not answered');
    assert.equal(jobs[0]?.status, 'done');
    // The same reminder job run again (a retry) sends nothing more.
    const payload = JSON.parse(jobs[0]?.payload as string);
    await pollReminder.handler({ ctx: s.ctx, now, payload, job: { id: 'again', attempt: 2 } });
    const sent = s.mailer.sent.slice(mark).filter((m) => m.to === a.email || m.to === b.email);
    assert.deepEqual(
      sent.map((m) => m.to),
      [b.email],
    );
    assert.match(sent[0]?.subject ?? '', /Rappel/);
    // The reminder's link opens the poll.
    const link = sent[0]?.text.match(/sondage\?token=([\w-]+)/)?.[1];
    assert.equal((await call('GET', `/api/polls/${link}`)).status, 200);
  });
});

describe('invitations and feeds', () => {
  async function confirmedAt(g: Group, start: string) {
    const created = await call('POST', `/api/programmes/${g.programme.id}/meetings`, g.tutor.cookie, {
      title: 'Rencontre',
      mode: 'in-person',
      durationMinutes: 60,
      participantIds: [g.residents[0].id],
      options: [{ start }],
    });
    const view = await call('GET', `/api/meetings/${created.body.id}`, g.tutor.cookie);
    await call('POST', `/api/meetings/${created.body.id}/confirm`, g.tutor.cookie, {
      optionId: view.body.options[0].id,
    });
    return created.body.id as string;
  }

  test('the invitation and the feed parse in ical.js and keep 18:30 in Paris across the spring change', async () => {
    const g = await group();
    // 18:30 in Paris: 17:30Z before the change of 28 March 2027, 16:30Z after it.
    const winter = await confirmedAt(g, '2027-03-25T17:30:00Z');
    const summer = await confirmedAt(g, '2027-03-30T16:30:00Z');
    const inv = await call('GET', `/api/meetings/${summer}/invitation`, g.residents[0].cookie);
    assert.equal(inv.status, 200);
    const ev = new ICAL.Event(parseIcs(inv.raw).getFirstSubcomponent('vevent') as never);
    assert.equal(ev.startDate.toString(), '2027-03-30T18:30:00');
    assert.equal(ev.startDate.toJSDate().toISOString(), '2027-03-30T16:30:00.000Z');

    const feed = await call('POST', '/api/me/calendar-feed', g.residents[0].cookie);
    const token = new URL(feed.body.url).pathname.split('/').at(-1) as string;
    const res = await s.app.inject({ method: 'GET', url: `/api/feeds/${token}` });
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/calendar/);
    const events = parseIcs(res.body)
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v));
    const byUid = new Map(events.map((e) => [e.uid, e]));
    for (const id of [winter, summer]) {
      const e = byUid.get(`${id}@compagnon`);
      assert.ok(e);
      assert.equal(e.startDate.toString().slice(11), '18:30:00');
    }
    assert.equal(
      byUid.get(`${winter}@compagnon`)?.startDate.toJSDate().toISOString(),
      '2027-03-25T17:30:00.000Z',
    );
    assert.equal(
      byUid.get(`${summer}@compagnon`)?.startDate.toJSDate().toISOString(),
      '2027-03-30T16:30:00.000Z',
    );
    // A new address replaces the old one.
    await call('POST', '/api/me/calendar-feed', g.residents[0].cookie);
    assert.equal((await s.app.inject({ method: 'GET', url: `/api/feeds/${token}` })).statusCode, 404);
  });

  const reminders = (mark: number, ...emails: string[]) =>
    s.mailer.sent.slice(mark).filter((m) => /^Demain/.test(m.subject) && emails.includes(m.to));

  test('the day-before reminder: one job per person, each sent once however often it runs', async () => {
    const g = await group();
    const id = await confirmedAt(g, '2026-11-20T17:30:00Z');
    const mark = s.mailer.sent.length;
    const now = new Date('2026-11-19T18:05:00Z');
    await runDueJobs(s.ctx, { now });
    await runDueJobs(s.ctx, { now: new Date('2026-11-19T18:40:00Z') });
    const jobs = await s.db
      .selectFrom('jobs')
      .select(['payload', 'status'])
      .where('name', '=', 'meetings.reminder')
      .where('dedupe_key', 'like', `meetings.reminder:${id}:%`)
      .execute();
    assert.equal(jobs.length, 2, 'the tutor and the resident, one job each');
    assert.ok(jobs.every((j) => j.status === 'done'));
    // Each job run a second time sends nothing more.
    for (const j of jobs) {
      const payload = JSON.parse(j.payload);
      await meetingReminder.handler({ ctx: s.ctx, now, payload, job: { id: 'again', attempt: 2 } });
    }
    const sent = reminders(mark, g.tutor.email, g.residents[0].email);
    assert.deepEqual(sent.map((m) => m.to).sort(), [g.tutor.email, g.residents[0].email].sort());
    assert.equal(sent[0]?.icalEvent?.method, 'REQUEST');
    assert.match(sent[0]?.headers?.['Message-ID'] ?? '', /^<\w+@compagnon\.meetings>$/);
  });

  test('a reminder job killed mid-run is taken over after its lease, without a second e-mail', async () => {
    const g = await group();
    const id = await confirmedAt(g, '2026-11-20T17:30:00Z');
    const mark = s.mailer.sent.length;
    const now = new Date('2026-11-19T18:05:00Z');
    await sweepMeetingReminders(s.ctx, now);
    assert.equal(await sweepMeetingReminders(s.ctx, now), 0, 'a second sweep enqueues nothing');
    const mine = (await claimJobs(s.ctx, jobs, { now, workerId: 'doomed', limit: 100 })).filter(
      (j) => j.name === 'meetings.reminder' && JSON.parse(j.payload).meetingId === id,
    );
    assert.equal(mine.length, 2);
    // The process sends the first person's reminder, then dies before recording it.
    const [first] = mine as [(typeof mine)[number]];
    await meetingReminder.handler({
      ctx: s.ctx,
      now,
      payload: JSON.parse(first.payload),
      job: { id: first.id, attempt: 1 },
    });
    assert.equal(reminders(mark, g.tutor.email, g.residents[0].email).length, 1);
    // Its lease runs out; another process takes both jobs over.
    await runDueJobs(s.ctx, {
      now: new Date(now.getTime() + 6 * 60_000),
      workerId: 'survivor',
      schedules: false,
    });
    const rows = await s.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where(
        'id',
        'in',
        mine.map((j) => j.id),
      )
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.status, r.attempts]),
      [
        ['done', 2],
        ['done', 2],
      ],
    );
    const sent = reminders(mark, g.tutor.email, g.residents[0].email);
    assert.deepEqual(sent.map((m) => m.to).sort(), [g.tutor.email, g.residents[0].email].sort());
  });

  test('a meeting moved after its reminder is reminded again; a cancelled one is not', async () => {
    const g = await group();
    const moved = await confirmedAt(g, '2026-11-20T17:30:00Z');
    const cancelled = await confirmedAt(g, '2026-11-20T19:00:00Z');
    const mark = s.mailer.sent.length;
    await runDueJobs(s.ctx, { now: new Date('2026-11-19T17:50:00Z') });
    assert.equal(reminders(mark, g.residents[0].email).length, 1);
    const patch = await call('PATCH', `/api/meetings/${moved}`, g.tutor.cookie, {
      start: '2026-11-20T18:30:00Z',
    });
    assert.equal(patch.status, 200, patch.raw);
    const next = s.mailer.sent.length;
    // The cancellation lands between the sweep and the job: the job sends nothing.
    await sweepMeetingReminders(s.ctx, new Date('2026-11-19T19:00:00Z'));
    await call('POST', `/api/meetings/${cancelled}/cancel`, g.tutor.cookie);
    await runDueJobs(s.ctx, { now: new Date('2026-11-19T19:05:00Z') });
    const again = reminders(next, g.residents[0].email);
    assert.equal(again.length, 1);
    assert.match(again[0]?.text ?? '', /19:30|19 h 30|19h30/);
  });

  test('a subscribed calendar is read from its address and refreshed in the background', async () => {
    let body = fixture;
    const server = createServer((_, res) => {
      res.writeHead(200, { 'content-type': 'text/calendar' });
      res.end(body);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    // The calendar server of this test is on this machine: an intranet deployment's setting.
    s.ctx.config.CALENDAR_FETCH_ALLOW_PRIVATE = 'true';
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/agenda.ics`;
      const g = await group();
      const chloe = g.residents[2];
      const added = await call('POST', `/api/orgs/${g.orgId}/availability/calendars`, chloe.cookie, {
        kind: 'url',
        label: 'Mon agenda',
        url,
      });
      assert.equal(added.status, 201, added.raw);
      const mine = await call('GET', `/api/orgs/${g.orgId}/availability`, chloe.cookie);
      const before = mine.body.calendars[0].busyCount;
      assert.ok(before > 10);
      body = fixture.replace('BYDAY=MO,WE', 'BYDAY=MO');
      s.clock.set(new Date('2026-11-16T11:00:00Z'));
      const r = await refreshSubscriptions(s.ctx as AppContext);
      assert.ok(r.refreshed >= 1);
      const after = await call('GET', `/api/orgs/${g.orgId}/availability`, chloe.cookie);
      assert.ok(after.body.calendars[0].busyCount < before);
      const bad = await call('POST', `/api/orgs/${g.orgId}/availability/calendars`, chloe.cookie, {
        kind: 'url',
        label: 'Cassé',
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`.replace(/\d+\/$/, '1/'),
      });
      assert.equal(bad.status, 400);
    } finally {
      s.ctx.config.CALENDAR_FETCH_ALLOW_PRIVATE = 'false';
      server.close();
    }
  });
});

describe('reports and contacts', () => {
  async function reported(template: TemplateId) {
    const g = await group(template);
    const created = await call('POST', `/api/programmes/${g.programme.id}/meetings`, g.tutor.cookie, {
      title: 'Rencontre',
      mode: 'in-person',
      durationMinutes: 60,
      guideId: 'ecriture-rsca',
      participantIds: g.residents.map((r) => r.id),
      options: [{ start: '2026-11-16T17:30:00Z' }],
    });
    const id = created.body.id as string;
    const view = await call('GET', `/api/meetings/${id}`, g.tutor.cookie);
    await call('POST', `/api/meetings/${id}/confirm`, g.tutor.cookie, { optionId: view.body.options[0].id });
    s.clock.set(new Date('2026-11-16T20:00:00Z'));
    const draft = await call('GET', `/api/meetings/${id}/report`, g.tutor.cookie);
    assert.equal(draft.status, 200, draft.raw);
    assert.match(draft.body.content.themes, /situation authentique/);
    const saved = await call('PUT', `/api/meetings/${id}/report`, g.tutor.cookie, {
      attendance: g.residents.map((r, i) => ({ userId: r.id, status: i === 3 ? 'excused' : 'present' })),
      durationMinutes: 75,
      content: {
        ...draft.body.content,
        problems: 'Gardes trop nombreuses en pédiatrie',
        conclusions: 'Écrire un premier RSCA',
      },
      file: true,
    });
    assert.equal(saved.status, 200, saved.raw);
    assert.equal(saved.body.status, 'filed');
    return { g, id };
  }

  test('the coordinator sees report content where the programme says so, and each read is audited', async () => {
    const { g, id } = await reported('peer-tutoring');
    const r = await call('GET', `/api/meetings/${id}/report`, g.coordinator.cookie);
    assert.equal(r.body.contentVisible, true);
    assert.match(r.body.content.problems, /pédiatrie/);
    const audits = await s.db
      .selectFrom('audit_log')
      .selectAll()
      .where('subject_id', '=', id)
      .where('action', '=', 'meeting.report_read')
      .execute();
    assert.ok(audits.some((a) => a.actor_id === g.coordinator.id));
  });

  test('elsewhere the coordinator sees the metadata only', async () => {
    const { g, id } = await reported('des-tutoring');
    const r = await call('GET', `/api/meetings/${id}/report`, g.coordinator.cookie);
    assert.equal(r.status, 200);
    assert.equal(r.body.contentVisible, false);
    assert.equal(r.body.content, null);
    assert.equal(r.body.durationMinutes, 75);
    assert.equal(r.body.attendance.filter((a: Json) => a.status === 'present').length, 3);
    assert.ok(!r.raw.includes('pédiatrie'));
    const list = await call('GET', `/api/programmes/${g.programme.id}/meetings`, g.coordinator.cookie);
    assert.equal(list.body.meetings[0].reportStatus, 'filed');
    // A tutee of this programme reads the content (reportVisibility.tutee), another person nothing.
    const tutee = await call('GET', `/api/meetings/${id}/report`, g.residents[0].cookie);
    assert.equal(tutee.body.contentVisible, true);
    const stranger = await createUser(s.ctx, g.orgId);
    await addMember(s.ctx, g.programme, stranger.id, 'tutee');
    assert.equal((await call('GET', `/api/meetings/${id}/report`, stranger.cookie)).status, 404);
    const refused = await call('PUT', `/api/meetings/${id}/report`, g.residents[0].cookie, {
      attendance: [],
      durationMinutes: 1,
      content: { problems: 'x' },
      file: true,
    });
    assert.equal(refused.status, 403);
    const row = await s.db
      .selectFrom('meeting_reports')
      .select('content')
      .where('meeting_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.match(row.content, /pédiatrie/);
  });

  test('contacts and attended meetings count toward the cadence', async () => {
    const { g } = await reported('peer-tutoring');
    const [alice, , , david] = g.residents;
    const logged = await call('POST', `/api/programmes/${g.programme.id}/contacts`, g.tutor.cookie, {
      tuteeId: david.id,
      channel: 'sms',
    });
    assert.equal(logged.status, 201);
    const view = await call('GET', `/api/programmes/${g.programme.id}/contacts`, g.tutor.cookie);
    const row = (id: string) => view.body.rows.find((r: Json) => r.tutee.id === id);
    assert.equal(view.body.target, 3);
    assert.equal(row(alice.id).meetingsInPeriod, 1);
    assert.equal(row(alice.id).lastChannel, 'meeting');
    assert.equal(row(david.id).meetingsInPeriod, 0); // excused
    assert.equal(row(david.id).lastChannel, 'sms');
    const future = await call('POST', `/api/programmes/${g.programme.id}/contacts`, g.tutor.cookie, {
      tuteeId: david.id,
      channel: 'call',
      happenedAt: '2027-01-01T10:00:00Z',
    });
    assert.equal(future.status, 400);
  });

  test('an unanswered call is noted as an attempt: not a contact, but counted by the follow-up', async () => {
    const { g } = await reported('peer-tutoring');
    const [, bob] = g.residents;
    const url = `/api/programmes/${g.programme.id}/contacts`;
    const before = await call('GET', url, g.tutor.cookie);
    const lastOf = (v: typeof before) => v.body.rows.find((r: Json) => r.tutee.id === bob.id);
    for (const channel of ['call', 'sms'])
      assert.equal(
        (await call('POST', url, g.tutor.cookie, { tuteeId: bob.id, channel, answered: false })).status,
        201,
      );
    const after = await call('GET', url, g.tutor.cookie);
    assert.equal(lastOf(after).lastContactAt, lastOf(before).lastContactAt, 'an attempt is not a contact');
    assert.equal(lastOf(after).contactsInPeriod, lastOf(before).contactsInPeriod);
    const attempts = await s.db
      .selectFrom('contact_logs')
      .select('channel')
      .where('tutee_id', '=', bob.id)
      .where('answered', '=', 0)
      .execute();
    assert.deepEqual(attempts.map((a) => a.channel).sort(), ['call', 'sms']);
    // Nobody fails to answer a meeting in person: refused, nothing written.
    const wrong = await call('POST', url, g.tutor.cookie, {
      tuteeId: bob.id,
      channel: 'in-person',
      answered: false,
    });
    assert.equal(wrong.status, 400);
    assert.match(wrong.body.error.message, /appel, SMS ou e-mail/);
    const count = await s.db.selectFrom('contact_logs').select('id').where('tutee_id', '=', bob.id).execute();
    assert.equal(count.length, 2);
  });
});

describe('reports open at the meeting’s start', () => {
  test('before the start: no attendance shown, no report accepted; from the start the organiser files it', async () => {
    const g = await group('des-tutoring');
    const created = await call('POST', `/api/programmes/${g.programme.id}/meetings`, g.tutor.cookie, {
      title: 'Entretien',
      mode: 'in-person',
      durationMinutes: 90,
      participantIds: [g.residents[0].id],
      options: [{ start: '2026-11-16T17:30:00Z' }],
    });
    const id = created.body.id as string;
    const view = await call('GET', `/api/meetings/${id}`, g.tutor.cookie);
    await call('POST', `/api/meetings/${id}/confirm`, g.tutor.cookie, { optionId: view.body.options[0].id });
    // Hours before: the resident sees no attendance recorded, nobody is "present, 90 min".
    const early = await call('GET', `/api/meetings/${id}/report`, g.residents[0].cookie);
    assert.equal(early.status, 200, early.raw);
    assert.ok(early.body.attendance.every((a: Json) => a.status === null));
    assert.equal(early.body.durationMinutes, null);
    const mine = await call('GET', `/api/meetings/${id}/report`, g.tutor.cookie);
    assert.equal(mine.body.actions.edit, false);
    assert.ok(mine.body.attendance.every((a: Json) => a.status === null));
    assert.equal((await call('GET', `/api/meetings/${id}`, g.tutor.cookie)).body.actions.report, false);
    const body = {
      attendance: [{ userId: g.residents[0].id, status: 'present' }],
      durationMinutes: 90,
      content: { problems: 'Rien encore' },
      file: true,
    };
    const refused = await call('PUT', `/api/meetings/${id}/report`, g.tutor.cookie, body);
    assert.equal(refused.status, 409, refused.raw);
    assert.equal(refused.body.error.code, 'report_before_start');
    assert.match(refused.body.error.message, /début de la rencontre/);
    const en = await s.app.inject({
      method: 'PUT',
      url: `/api/meetings/${id}/report`,
      headers: { cookie: g.tutor.cookie, 'accept-language': 'en' },
      payload: { ...body, file: false },
    });
    assert.match(JSON.parse(en.body).error.message, /meeting starts/);
    const rows = await s.db
      .selectFrom('meeting_reports')
      .select('meeting_id')
      .where('meeting_id', '=', id)
      .execute();
    assert.equal(rows.length, 0);
    const att = await s.db
      .selectFrom('meeting_participants')
      .select('attendance')
      .where('meeting_id', '=', id)
      .execute();
    assert.ok(att.every((a) => a.attendance === null));
    // From the start it opens.
    s.clock.set(new Date('2026-11-16T17:30:00Z'));
    const open = await call('GET', `/api/meetings/${id}/report`, g.tutor.cookie);
    assert.equal(open.body.actions.edit, true);
    assert.equal((await call('GET', `/api/meetings/${id}`, g.tutor.cookie)).body.actions.report, true);
    const filed = await call('PUT', `/api/meetings/${id}/report`, g.tutor.cookie, body);
    assert.equal(filed.status, 200, filed.raw);
    assert.equal(filed.body.attendance[0].status, 'present');
  });
});

describe('a new meeting’s default people', () => {
  test('a tutor with pairs starts with one tutee; a group tutor with the group; a coordinator picks', async () => {
    const pairs = await group('des-tutoring');
    const p = await call('GET', `/api/programmes/${pairs.programme.id}/meetings`, pairs.tutor.cookie);
    assert.equal(p.body.candidates.length, 4);
    assert.deepEqual(p.body.defaults, { unit: 'pair', participantIds: [pairs.residents[0].id] });
    const groups = await group('peer-tutoring');
    const q = await call('GET', `/api/programmes/${groups.programme.id}/meetings`, groups.tutor.cookie);
    assert.equal(q.body.defaults.unit, 'group');
    assert.deepEqual([...q.body.defaults.participantIds].sort(), groups.residents.map((r) => r.id).sort());
    const c = await call('GET', `/api/programmes/${groups.programme.id}/meetings`, groups.coordinator.cookie);
    assert.deepEqual(c.body.defaults.participantIds, []);
  });
});
