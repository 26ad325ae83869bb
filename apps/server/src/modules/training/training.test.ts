import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMember, createOrg, createProgramme, createUser } from '../../test/factories.ts';
import { trainingRegistration, trainingSession } from '../../test/factories-training.ts';
import { setupTestServer } from '../../test/harness.ts';
import { erasePerson } from '../rights/erase.ts';
import { trainingRemindersSweep } from './mails.ts';

const server = await setupTestServer();
// The harness's clock: 16 November 2026, 10:00 in Paris.
const DAY = 86_400_000;

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const call = (cookie: string, method: Method, url: string, payload?: object) =>
  server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

async function department(tutors = 3) {
  const orgId = await createOrg(server.ctx, 'DMG de test');
  const programme = await createProgramme(server.ctx, orgId);
  const coordinator = await createUser(server.ctx, orgId, { name: 'Coordinatrice' });
  await addMember(server.ctx, programme, coordinator.id, 'coordinator');
  const people = [];
  for (let i = 0; i < tutors; i++) {
    const u = await createUser(server.ctx, orgId, { name: `Tuteur ${String.fromCharCode(65 + i)}` });
    await addMember(server.ctx, programme, u.id, 'tutor', 4);
    people.push(u);
  }
  const tutee = await createUser(server.ctx, orgId, { name: 'Interne' });
  await addMember(server.ctx, programme, tutee.id, 'tutee');
  return { orgId, programme, coordinator, tutors: people, tutee };
}

/** The department's i-th tutor; a test asking for one it did not create fails here, by name. */
function tutor(d: Awaited<ReturnType<typeof department>>, i: number) {
  const t = d.tutors[i];
  assert.ok(t, `the department has no tutor ${i + 1}`);
  return t;
}

const body = (over: Record<string, unknown> = {}) => ({
  title: 'Formation initiale des nouveaux tuteurs',
  kind: 'initial',
  start: '2026-12-10T18:00',
  end: '2026-12-10T21:00',
  mode: 'in-person',
  place: 'Faculté de médecine, salle 2',
  capacity: 2,
  description: 'Le rôle du tuteur.',
  ...over,
});

const sessionOf = async (cookie: string, id: string) =>
  (await call(cookie, 'GET', `/api/training/${id}`)).json();

describe('publishing and registering', () => {
  test('the coordinator publishes in the organisation’s zone; tutors see it, tutees do not', async () => {
    const d = await department(1);
    const made = await call(
      d.coordinator.cookie,
      'POST',
      `/api/programmes/${d.programme.id}/training`,
      body(),
    );
    assert.equal(made.statusCode, 201, made.body);
    const list = await call(tutor(d, 0).cookie, 'GET', `/api/programmes/${d.programme.id}/training`);
    assert.equal(list.statusCode, 200, list.body);
    const [s] = list.json().sessions;
    assert.equal(s.start, '2026-12-10T17:00:00.000Z');
    assert.equal(s.actions.register, true);
    assert.equal(list.json().untrained, null);
    assert.equal(
      (await call(d.tutee.cookie, 'GET', `/api/programmes/${d.programme.id}/training`)).statusCode,
      403,
    );
    assert.equal((await call(d.tutee.cookie, 'GET', `/api/training/${made.json().id}`)).statusCode, 404);
    const noVideo = await call(
      d.coordinator.cookie,
      'POST',
      `/api/programmes/${d.programme.id}/training`,
      body({ mode: 'video', videoUrl: 'http://insecure.example.org' }),
    );
    assert.equal(noVideo.statusCode, 400);
  });

  test('beyond capacity a tutor waits with their position; a cancellation promotes the first, told by notice and e-mail', async () => {
    const d = await department(4);
    const { id } = (
      await call(d.coordinator.cookie, 'POST', `/api/programmes/${d.programme.id}/training`, body())
    ).json();
    for (const t of d.tutors)
      assert.equal((await call(t.cookie, 'POST', `/api/training/${id}/registration`)).statusCode, 200);
    const [a, b, c, e] = d.tutors as [
      (typeof d.tutors)[0],
      (typeof d.tutors)[0],
      (typeof d.tutors)[0],
      (typeof d.tutors)[0],
    ];
    assert.deepEqual((await sessionOf(c.cookie, id)).mine, {
      status: 'waiting',
      position: 1,
      attendance: null,
    });
    assert.deepEqual((await sessionOf(e.cookie, id)).mine, {
      status: 'waiting',
      position: 2,
      attendance: null,
    });
    await server.deliver();
    const invitation = server.mailer.lastTo(a.email);
    assert.ok(invitation?.icalEvent?.content.includes('BEGIN:VEVENT'));
    assert.equal(server.mailer.lastTo(c.email), undefined);

    assert.equal((await call(a.cookie, 'DELETE', `/api/training/${id}/registration`)).statusCode, 200);
    await server.deliver();
    assert.deepEqual((await sessionOf(c.cookie, id)).mine, {
      status: 'registered',
      position: null,
      attendance: null,
    });
    assert.deepEqual((await sessionOf(e.cookie, id)).mine, {
      status: 'waiting',
      position: 1,
      attendance: null,
    });
    const promoted = server.mailer.lastTo(c.email);
    assert.match(promoted?.subject ?? '', /place s’est libérée/);
    assert.ok(promoted?.icalEvent?.content.includes('METHOD:REQUEST'));
    const notices = await server.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', c.id)
      .execute();
    assert.equal(notices.length, 1);
    const detail = await sessionOf(d.coordinator.cookie, id);
    assert.deepEqual(
      detail.registrations.map((r: { name: string }) => r.name),
      ['Tuteur B', 'Tuteur C'],
    );
    assert.deepEqual(
      detail.waitingList.map((r: { name: string; position: number }) => [r.name, r.position]),
      [['Tuteur D', 1]],
    );
    assert.equal(b.name, 'Tuteur B');
  });

  test('concurrent registrations never exceed the capacity', async () => {
    const d = await department(8);
    const { id } = (
      await call(
        d.coordinator.cookie,
        'POST',
        `/api/programmes/${d.programme.id}/training`,
        body({ capacity: 3 }),
      )
    ).json();
    const answers = await Promise.all(
      d.tutors.map((t) => call(t.cookie, 'POST', `/api/training/${id}/registration`)),
    );
    assert.deepEqual(
      answers.map((r) => r.statusCode),
      d.tutors.map(() => 200),
    );
    const rows = await server.db
      .selectFrom('training_registrations')
      .select('status')
      .where('session_id', '=', id)
      .execute();
    assert.equal(rows.filter((r) => r.status === 'registered').length, 3);
    assert.equal(rows.filter((r) => r.status === 'waiting').length, 5);
    const positions = await Promise.all(
      d.tutors.map(async (t) => (await sessionOf(t.cookie, id)).mine.position),
    );
    assert.deepEqual(positions.filter((p) => p !== null).sort(), [1, 2, 3, 4, 5]);
  });

  test('a closed deadline or a started session refuses; a cancelled session tells everyone', async () => {
    const d = await department(3);
    const { id } = (
      await call(
        d.coordinator.cookie,
        'POST',
        `/api/programmes/${d.programme.id}/training`,
        body({ capacity: 1 }),
      )
    ).json();
    await call(tutor(d, 0).cookie, 'POST', `/api/training/${id}/registration`);
    await call(tutor(d, 1).cookie, 'POST', `/api/training/${id}/registration`);
    await server.deliver();
    const cancelled = await call(d.coordinator.cookie, 'POST', `/api/training/${id}/cancel`);
    assert.equal(cancelled.statusCode, 200, cancelled.body);
    await server.deliver();
    assert.ok(server.mailer.lastTo(tutor(d, 0).email)?.icalEvent?.content.includes('METHOD:CANCEL'));
    const told = await server.db
      .selectFrom('notifications')
      .select('user_id')
      .where('title', 'like', 'Session annulée%')
      .execute();
    assert.deepEqual(new Set(told.map((n) => n.user_id)), new Set([tutor(d, 0).id, tutor(d, 1).id]));
    assert.equal(
      (await call(tutor(d, 2).cookie, 'POST', `/api/training/${id}/registration`)).statusCode,
      409,
    );
    const late = await call(
      d.coordinator.cookie,
      'POST',
      `/api/programmes/${d.programme.id}/training`,
      body({ registrationDeadline: '2026-11-16T08:00' }),
    );
    assert.equal(
      (await call(tutor(d, 2).cookie, 'POST', `/api/training/${late.json().id}/registration`)).statusCode,
      409,
    );
  });
});

describe('reminders, attendance and the tutors not yet trained', () => {
  test('the day-before reminder goes once, however often the sweep runs', async () => {
    const d = await department(2);
    const id = await trainingSession(server.ctx, {
      programme: d.programme,
      createdBy: d.coordinator.id,
      start: new Date(server.clock.now().getTime() + 20 * 3_600_000),
    });
    for (const t of d.tutors)
      await trainingRegistration(server.ctx, { sessionId: id, orgId: d.orgId, userId: t.id });
    const run = () =>
      trainingRemindersSweep.handler({
        ctx: server.ctx,
        now: server.clock.now(),
        payload: {},
        job: { id: 'sweep', attempt: 1 },
      });
    await run();
    await server.deliver();
    await run();
    await server.deliver();
    for (const t of d.tutors) {
      const reminders = server.mailer.sent.filter((m) => m.to === t.email && m.subject.startsWith('Demain'));
      assert.equal(reminders.length, 1);
    }
  });

  test('attendance after the start; the untrained are the tutors never present at an initial session of the organisation', async () => {
    const d = await department(3);
    const [a, b, c] = d.tutors as [(typeof d.tutors)[0], (typeof d.tutors)[0], (typeof d.tutors)[0]];
    const past = await trainingSession(server.ctx, {
      programme: d.programme,
      createdBy: d.coordinator.id,
      start: new Date(server.clock.now().getTime() - 10 * DAY),
    });
    // Tutor C was trained in another programme of the organisation.
    const other = await createProgramme(server.ctx, d.orgId, 'peer-tutoring');
    const elsewhere = await trainingSession(server.ctx, {
      programme: other,
      createdBy: null,
      start: new Date(server.clock.now().getTime() - 40 * DAY),
    });
    await trainingRegistration(server.ctx, {
      sessionId: elsewhere,
      orgId: d.orgId,
      userId: c.id,
      attendance: 'present',
    });
    for (const t of [a, b])
      await trainingRegistration(server.ctx, { sessionId: past, orgId: d.orgId, userId: t.id });
    const marked = await call(d.coordinator.cookie, 'PUT', `/api/training/${past}/attendance`, {
      attendance: [
        { userId: a.id, status: 'present' },
        { userId: b.id, status: 'absent' },
      ],
    });
    assert.equal(marked.statusCode, 200, marked.body);
    const future = await trainingSession(server.ctx, {
      programme: d.programme,
      createdBy: d.coordinator.id,
      start: new Date(server.clock.now().getTime() + 10 * DAY),
    });
    await trainingRegistration(server.ctx, { sessionId: future, orgId: d.orgId, userId: b.id });
    const early = await call(d.coordinator.cookie, 'PUT', `/api/training/${future}/attendance`, {
      attendance: [{ userId: b.id, status: 'present' }],
    });
    assert.equal(early.statusCode, 409);
    const view = (
      await call(d.coordinator.cookie, 'GET', `/api/programmes/${d.programme.id}/training`)
    ).json();
    assert.deepEqual(
      view.untrained.map((u: { name: string; registeredForInitial: boolean }) => [
        u.name,
        u.registeredForInitial,
      ]),
      [['Tuteur B', true]],
    );
    assert.equal(
      (
        await call(a.cookie, 'PUT', `/api/training/${past}/attendance`, {
          attendance: [{ userId: a.id, status: 'present' }],
        })
      ).statusCode,
      403,
    );
  });
});

describe('data rights', () => {
  test('registrations are in the export and deleted on erasure', async () => {
    const d = await department(1);
    const t = tutor(d, 0);
    const id = await trainingSession(server.ctx, {
      programme: d.programme,
      createdBy: d.coordinator.id,
      start: new Date(server.clock.now().getTime() + 5 * DAY),
    });
    await trainingRegistration(server.ctx, { sessionId: id, orgId: d.orgId, userId: t.id });
    const exported = await call(t.cookie, 'GET', '/api/me/data/export.json');
    assert.equal(exported.statusCode, 200, exported.body);
    assert.equal(exported.json().trainingRegistrations[0].title, 'Formation initiale des tuteurs');
    await server.db.transaction().execute((trx) => erasePerson(trx, t.id, server.clock.now()));
    const left = await server.db
      .selectFrom('training_registrations')
      .select('id')
      .where('user_id', '=', t.id)
      .execute();
    assert.equal(left.length, 0);
  });
});
