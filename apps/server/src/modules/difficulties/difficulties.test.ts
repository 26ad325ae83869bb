import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import Papa from 'papaparse';
import { runDueJobs } from '../../jobs/index.ts';
import { createWorld, type World } from '../../test/factories.ts';
import { difficulty } from '../../test/factories-difficulties.ts';
import { changeLog, sessionCookie, setupTestServer } from '../../test/harness.ts';
import { erasePerson } from '../rights/erase.ts';

const s = await setupTestServer();
// Which tables a request wrote (refusals must write nothing).
const log = await changeLog(s.ctx);
const NOW = new Date('2026-11-16T09:00:00Z');
/** The next morning at 8:00 in Paris, when the coordination hears of an anonymous member's doings. */
const NEXT_MORNING = new Date('2026-11-17T07:00:00Z');
const INSTANT = /\d{4}-\d\d-\d\dT\d\d:\d\d/;

async function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function ok(cookie: string, method: 'GET' | 'POST', url: string, payload?: object) {
  const res = await call(cookie, method, url, payload);
  assert.ok(res.statusCode < 300, `${method} ${url}: ${res.statusCode} ${res.body}`);
  return res;
}

/** The tutee raises a difficulty through the route; returns its id. */
async function raise(w: World, o: { anonymised: boolean; scope?: string; category?: string }) {
  const res = await ok(w.actors.tutee.cookie, 'POST', `/api/programmes/${w.programme.id}/difficulties`, {
    category: o.category ?? 'harassment',
    scope: o.scope ?? 'individual',
    description: 'Un praticien me parle mal devant les patients depuis le début du stage.',
    anonymised: o.anonymised,
  });
  return res.json().id as string;
}

describe('an anonymised difficulty never reveals its author to the coordination', () => {
  test('in every answer the coordination can get: lists, detail, thread, notices, e-mails, audit log, export', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    const author = w.actors.tutee;
    const id = await raise(w, { anonymised: true });
    await ok(author.cookie, 'POST', `/api/difficulties/${id}/messages`, {
      body: 'J’ajoute que cela arrive surtout le lundi.',
    });
    s.clock.set(new Date(NOW.getTime() + 3_600_000));
    await ok(w.actors.coordinator.cookie, 'POST', `/api/difficulties/${id}/state`, { to: 'acknowledged' });
    await ok(w.actors.coordinator.cookie, 'POST', `/api/difficulties/${id}/messages`, {
      body: 'Merci, nous allons en parler avec le responsable du stage.',
    });
    await ok(author.cookie, 'POST', `/api/difficulties/${id}/messages`, { body: 'Merci beaucoup.' });

    // Nothing reaches the coordination the same day; the next morning, one notice for the day.
    await s.deliver();
    const noticesOf = (userId: string) =>
      s.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).execute();
    assert.equal((await noticesOf(w.actors.coordinator.id)).length, 0, 'nothing before the next morning');
    s.clock.set(NEXT_MORNING);
    await s.deliver();
    const notices = await noticesOf(w.actors.coordinator.id);
    assert.equal(notices.length, 2, 'one for the difficulty, one for the day’s messages');
    for (const n of notices) assert.equal(n.created_at, NEXT_MORNING.toISOString());
    // The author, named or not, was told of the coordination's answer at once.
    assert.equal((await noticesOf(author.id)).length, 2);

    const secrets = [author.id, author.name, author.email];
    // Sessions opened the next morning (a day-old one has expired).
    const coordination = await Promise.all(
      [w.actors.coordinator, w.actors.orgAdmin].map(async (a) => ({
        ...a,
        cookie: await sessionCookie(s.ctx, a.id),
      })),
    );
    const [coordinatorNow, adminNow] = coordination as [
      World['actors']['coordinator'],
      World['actors']['orgAdmin'],
    ];
    const answers: [string, string][] = [];
    for (const viewer of coordination) {
      for (const url of [
        `/api/orgs/${w.orgId}/difficulties/inbox`,
        `/api/orgs/${w.orgId}/difficulties/mine`,
        `/api/difficulties/${id}`,
        '/api/notifications',
        '/api/me/next',
        '/api/me/data/export.json',
        `/api/programmes/${w.programme.id}/followup/review`,
      ]) {
        const res = await ok(viewer.cookie, 'GET', url);
        answers.push([`${viewer.name} ${url}`, res.body]);
      }
    }
    answers.push([
      'audit log',
      (await ok(adminNow.cookie, 'GET', `/api/orgs/${w.orgId}/audit?limit=200`)).body,
    ]);
    for (const mail of s.mailer.sent.filter((m) => m.to !== author.email))
      answers.push([`mail to ${mail.to}`, `${mail.subject}\n${mail.text}\n${mail.html ?? ''}`]);
    for (const [where, body] of answers) {
      for (const secret of secrets) assert.ok(!body.includes(secret), `${where} names the author: ${secret}`);
    }

    // The detail: the content, the thread, days only.
    const detail = (await ok(coordinatorNow.cookie, 'GET', `/api/difficulties/${id}`)).json();
    assert.equal(detail.author, null);
    assert.match(detail.description, /parle mal/);
    assert.deepEqual(
      detail.thread.map((m: { side: string; author: string | null }) => [m.side, m.author]),
      [
        ['author', null],
        ['coordination', 'Coordinatrice A'],
        ['author', null],
      ],
    );
    for (const url of [`/api/difficulties/${id}`, `/api/orgs/${w.orgId}/difficulties/inbox`]) {
      const body = (await ok(coordinatorNow.cookie, 'GET', url)).body;
      assert.doesNotMatch(body, INSTANT, `${url} shows an instant`);
    }
    assert.equal(detail.raised.day, '2026-11-16');

    // The author reads it all, theirs, to the minute.
    const mine = (await ok(await sessionCookie(s.ctx, author.id), 'GET', `/api/difficulties/${id}`)).json();
    assert.equal(mine.author.id, author.id);
    assert.equal(mine.mine, true);
    assert.equal(mine.raised.at, NOW.toISOString());
    assert.deepEqual(
      mine.thread.map((m: { mine: boolean }) => m.mine),
      [true, false, true],
    );

    // In the database the difficulty still knows its author (they follow it), the rest does not.
    const events = await s.db
      .selectFrom('difficulty_events')
      .select('actor_id')
      .where('difficulty_id', '=', id)
      .execute();
    assert.ok(events.every((e) => e.actor_id !== author.id));
    const messages = await s.db
      .selectFrom('difficulty_messages')
      .select('author_id')
      .where('difficulty_id', '=', id)
      .execute();
    assert.ok(messages.every((m) => m.author_id !== author.id));
  });

  test('a named difficulty names its author, and the coordination’s read of it is audited naming them', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    const id = await raise(w, { anonymised: false });
    const detail = (await ok(w.actors.coordinator.cookie, 'GET', `/api/difficulties/${id}`)).json();
    assert.equal(detail.author.name, w.actors.tutee.name);
    assert.equal(detail.raised.at, NOW.toISOString());
    const reads = await s.db
      .selectFrom('audit_log')
      .innerJoin('audit_subjects', 'audit_subjects.audit_id', 'audit_log.id')
      .select(['audit_log.actor_id', 'audit_subjects.user_id'])
      .where('audit_log.action', '=', 'difficulty.read')
      .where('audit_log.subject_id', '=', id)
      .execute();
    assert.deepEqual(reads, [{ actor_id: w.actors.coordinator.id, user_id: w.actors.tutee.id }]);
    // The coordination is told at once, by name.
    await s.deliver();
    const notice = await s.db
      .selectFrom('notifications')
      .select('body')
      .where('user_id', '=', w.actors.coordinator.id)
      .executeTakeFirstOrThrow();
    assert.match(notice.body, /Interne A a signalé une difficulté/);
  });

  test('only its author and the coordination see a difficulty: not the author’s tutor, not the others', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    const id = await raise(w, { anonymised: false });
    for (const viewer of [w.actors.tutor, w.actors.otherTutor, w.actors.otherTutee, w.actors.expert]) {
      const res = await call(viewer.cookie, 'GET', `/api/difficulties/${id}`);
      assert.equal(res.statusCode, 404, viewer.name);
    }
    // Their own lists hold their own difficulties only.
    const list = (await ok(w.actors.tutor.cookie, 'GET', `/api/orgs/${w.orgId}/difficulties/mine`)).json();
    assert.deepEqual(list.items, []);
    assert.equal(list.inbox, false);
    const own = (await ok(w.actors.tutee.cookie, 'GET', `/api/orgs/${w.orgId}/difficulties/mine`)).json();
    assert.deepEqual(own.items.map((i: { id: string }) => i.id).sort(), [id, w.concerns.difficultyId].sort());
  });
});

describe('the life of a difficulty', () => {
  test('new → acknowledged → in progress → closed with a note the author reads; never back', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    const id = await raise(w, { anonymised: true });
    const coordinator = w.actors.coordinator.cookie;

    // Closing takes a note; nothing is written without one.
    let mark = await log.mark();
    const noNote = await call(coordinator, 'POST', `/api/difficulties/${id}/state`, { to: 'closed' });
    assert.equal(noNote.statusCode, 400);
    assert.match(noNote.json().error.message, /note de clôture/);
    assert.deepEqual(await log.changedSince(mark), []);

    await ok(coordinator, 'POST', `/api/difficulties/${id}/state`, { to: 'acknowledged' });
    await ok(coordinator, 'POST', `/api/difficulties/${id}/state`, { to: 'in_progress' });
    mark = await log.mark();
    const back = await call(coordinator, 'POST', `/api/difficulties/${id}/state`, { to: 'acknowledged' });
    assert.equal(back.statusCode, 409);
    assert.deepEqual(await log.changedSince(mark), []);
    // The author follows it but does not move it.
    const byAuthor = await call(w.actors.tutee.cookie, 'POST', `/api/difficulties/${id}/state`, {
      to: 'closed',
      note: 'Je clos',
    });
    assert.equal(byAuthor.statusCode, 403);
    await ok(coordinator, 'POST', `/api/difficulties/${id}/state`, {
      to: 'closed',
      note: 'Le responsable du stage a été reçu ; la situation a cessé.',
    });

    const seen = (await ok(w.actors.tutee.cookie, 'GET', `/api/difficulties/${id}`)).json();
    assert.equal(seen.state, 'closed');
    assert.equal(seen.closingNote, 'Le responsable du stage a été reçu ; la situation a cessé.');
    assert.deepEqual(
      seen.history.map((h: { kind: string; to: string }) => `${h.kind}:${h.to}`),
      ['raised:new', 'state:acknowledged', 'state:in_progress', 'state:closed'],
    );
    assert.deepEqual(seen.actions, { reply: false, moveTo: [], forward: false });

    // Closed: nothing more is written on it.
    mark = await log.mark();
    for (const [cookie, url, body] of [
      [w.actors.tutee.cookie, 'messages', { body: 'Encore une chose' }],
      [coordinator, 'messages', { body: 'Une précision' }],
      [coordinator, 'state', { to: 'closed', note: 'Encore' }],
    ] as const) {
      const res = await call(cookie, 'POST', `/api/difficulties/${id}/${url}`, body);
      assert.equal(res.statusCode, 409, res.body);
    }
    assert.deepEqual(await log.changedSince(mark), []);

    // The author was told of each step, in their language, without the coordination naming them.
    await s.deliver();
    const notices = await s.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', w.actors.tutee.id)
      .orderBy('created_at')
      .execute();
    assert.deepEqual(
      notices.map((n) => n.title),
      [
        'Votre signalement a été pris en compte',
        'Votre signalement est en cours de traitement',
        'Votre signalement a été clos',
      ],
    );
  });

  test('a description too short is refused clearly and nothing is recorded', async () => {
    const w = await createWorld(s.ctx);
    const mark = await log.mark();
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${w.programme.id}/difficulties`,
      headers: { cookie: w.actors.tutee.cookie, 'accept-language': 'fr' },
      payload: { category: 'workload', scope: 'individual', description: 'Trop', anonymised: false },
    });
    assert.equal(res.statusCode, 400);
    assert.deepEqual(await log.changedSince(mark), []);
  });
});

describe('forwarding a systemic difficulty to another organisation', () => {
  test('the other organisation gets a copy with no author, the origin’s name and its own state', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    const id = await raise(w, { anonymised: true, scope: 'systemic', category: 'nights' });
    const individual = await raise(w, { anonymised: false });
    const coordinator = w.actors.coordinator.cookie;
    const refused = await call(coordinator, 'POST', `/api/difficulties/${individual}/forward`, {
      orgId: w.otherOrgId,
      text: 'Une difficulté individuelle.',
    });
    assert.equal(refused.statusCode, 409);

    const detail = (await ok(coordinator, 'GET', `/api/difficulties/${id}`)).json();
    assert.ok(detail.forwardTargets.some((o: { id: string }) => o.id === w.otherOrgId));
    const sent = await ok(coordinator, 'POST', `/api/difficulties/${id}/forward`, {
      orgId: w.otherOrgId,
      text: 'Aux urgences, les gardes s’enchaînent sans repos de sécurité.',
    });
    const copyId = sent.json().id as string;
    const again = await call(coordinator, 'POST', `/api/difficulties/${id}/forward`, {
      orgId: w.otherOrgId,
      text: 'Une seconde fois.',
    });
    assert.equal(again.statusCode, 400);

    // The receiving coordination: in its inbox, no author, where it came from, days only.
    const other = w.actors.otherOrgCoordinator.cookie;
    const inbox = (await ok(other, 'GET', `/api/orgs/${w.otherOrgId}/difficulties/inbox`)).json();
    assert.deepEqual(
      inbox.items.map((i: { id: string; from: string; author: unknown }) => [i.id, i.from, i.author]),
      [[copyId, 'Département A', null]],
    );
    const copy = await ok(other, 'GET', `/api/difficulties/${copyId}`);
    assert.equal(copy.json().description, 'Aux urgences, les gardes s’enchaînent sans repos de sécurité.');
    assert.equal(copy.json().actions.reply, false);
    for (const secret of [w.actors.tutee.id, w.actors.tutee.name, w.actors.tutee.email])
      assert.ok(!copy.body.includes(secret));
    const row = await s.db
      .selectFrom('difficulties')
      .selectAll()
      .where('id', '=', copyId)
      .executeTakeFirstOrThrow();
    assert.equal(row.author_id, null);
    // The origin's coordination and the author cannot open the copy; the origin follows its state.
    assert.equal((await call(coordinator, 'GET', `/api/difficulties/${copyId}`)).statusCode, 404);
    await ok(other, 'POST', `/api/difficulties/${copyId}/state`, { to: 'in_progress' });
    const followed = (await ok(coordinator, 'GET', `/api/difficulties/${id}`)).json();
    assert.deepEqual(followed.forwards, [
      { organisation: 'CPTS B', state: 'in_progress', day: '2026-11-16' },
    ]);
    assert.equal(followed.state, 'new', 'the original keeps its own state');

    // Both sides are told: the receiving coordination, and the author (who reads where it went).
    await s.deliver();
    const told = await s.db
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('title', 'in', ['Votre signalement a été transmis', 'Difficulté collective transmise : Gardes'])
      .where('user_id', 'in', [w.actors.tutee.id, w.actors.otherOrgCoordinator.id])
      .execute();
    assert.equal(told.length, 2);
    const history = (await ok(w.actors.tutee.cookie, 'GET', `/api/difficulties/${id}`)).json().history;
    assert.equal(history.at(-1).organisation, 'CPTS B');
  });
});

describe('the yearly review reports systemic difficulties as themes', () => {
  /** In the review year 2025–2026: enough people of one programme to show a theme (five). */
  const raisedAt = new Date('2026-03-10T10:00:00Z');
  const fiveMembers = (w: World) => [
    w.actors.tutee,
    w.actors.otherTutee,
    w.actors.tutor,
    w.actors.otherTutor,
    w.actors.expert,
  ];

  test('a category with fewer than five is withheld, in the JSON, the CSV and the PDF', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    const people = fiveMembers(w);
    for (const p of people)
      await difficulty(s.ctx, { programme: w.programme, authorId: p.id, category: 'nights', at: raisedAt });
    for (const p of people.slice(0, 4))
      await difficulty(s.ctx, { programme: w.programme, authorId: p.id, category: 'workload', at: raisedAt });
    // Individual difficulties are no theme, however many.
    for (const p of people)
      await difficulty(s.ctx, {
        programme: w.programme,
        authorId: p.id,
        category: 'harassment',
        scope: 'individual',
        at: raisedAt,
      });
    const url = `/api/programmes/${w.programme.id}/followup/review?year=2025`;
    const review = (await ok(w.actors.coordinator.cookie, 'GET', url)).json();
    assert.deepEqual(review.difficultyThemes, {
      minimum: 5,
      themes: [
        { category: 'harassment', count: null },
        { category: 'internship', count: null },
        { category: 'nights', count: 5 },
        { category: 'workload', count: null },
        { category: 'other', count: null },
      ],
    });
    const csv = await ok(w.actors.coordinator.cookie, 'GET', url.replace('review?', 'review.csv?'));
    const rows = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ''), { delimiter: ';' }).data;
    const themes = rows.filter((r) => r[0] === 'Difficultés collectives signalées (thèmes)');
    assert.deepEqual(themes, [
      ['Difficultés collectives signalées (thèmes)', 'Harcèlement', 'moins de 5'],
      ['Difficultés collectives signalées (thèmes)', 'Conditions de stage', 'moins de 5'],
      ['Difficultés collectives signalées (thèmes)', 'Gardes', '5'],
      ['Difficultés collectives signalées (thèmes)', 'Charge de travail', 'moins de 5'],
      ['Difficultés collectives signalées (thèmes)', 'Autre', 'moins de 5'],
    ]);
    const pdf = await ok(w.actors.coordinator.cookie, 'GET', url.replace('review?', 'review.pdf?'));
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
  });

  test('the copies forwarded by other organisations count in the receiving organisation’s review', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    const people = fiveMembers(w);
    for (const p of people) {
      const id = await difficulty(s.ctx, {
        programme: w.programme,
        authorId: p.id,
        category: 'nights',
        at: raisedAt,
      });
      s.clock.set(raisedAt);
      await ok(w.actors.coordinator.cookie, 'POST', `/api/difficulties/${id}/forward`, {
        orgId: w.otherOrgId,
        text: 'Les gardes s’enchaînent sans repos de sécurité dans un service.',
      });
    }
    s.clock.set(NOW);
    const received = (
      await ok(
        w.actors.otherOrgCoordinator.cookie,
        'GET',
        `/api/programmes/${w.otherProgramme.id}/followup/review?year=2025`,
      )
    ).json();
    assert.deepEqual(
      received.difficultyThemes.themes.find((x: { category: string }) => x.category === 'nights'),
      { category: 'nights', count: 5 },
    );
  });
});

describe('data rights and retention', () => {
  test('the author’s export holds their difficulties, anonymised ones too; erasure unlinks them', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    const individual = await raise(w, { anonymised: true });
    const systemic = await raise(w, { anonymised: false, scope: 'systemic', category: 'nights' });
    await ok(w.actors.tutee.cookie, 'POST', `/api/difficulties/${systemic}/messages`, {
      body: 'Je précise : surtout aux urgences pédiatriques.',
    });
    await ok(w.actors.coordinator.cookie, 'POST', `/api/difficulties/${systemic}/messages`, {
      body: 'Bien noté, merci.',
    });
    const exported = (await ok(w.actors.tutee.cookie, 'GET', '/api/me/data/export.json')).json();
    assert.equal(exported.difficulties.length, 3, 'the world’s, and the two raised here');
    const anonymous = exported.difficulties.find(
      (d: { anonymised: boolean; scope: string }) => d.anonymised && d.scope === 'individual',
    );
    assert.match(anonymous.description, /parle mal/);
    const thread = exported.difficulties.find((d: { messages: unknown[] }) => d.messages.length === 2);
    assert.deepEqual(
      thread.messages.map((m: { byYou: boolean; author: string | null }) => [m.byYou, m.author]),
      [
        [true, null],
        [false, 'Coordinatrice A'],
      ],
    );

    await s.db.transaction().execute((trx) => erasePerson(trx, w.actors.tutee.id, NOW));
    const rows = await s.db
      .selectFrom('difficulties')
      .selectAll()
      .where('id', 'in', [individual, systemic])
      .orderBy('scope')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.scope, r.author_id, r.anonymised, r.description_erased_at !== null]),
      [
        ['individual', null, 1, true],
        ['systemic', null, 1, false],
      ],
    );
    const messages = await s.db
      .selectFrom('difficulty_messages')
      .select(['side', 'body'])
      .where('difficulty_id', '=', systemic)
      .orderBy('created_at')
      .execute();
    assert.deepEqual(messages, [
      { side: 'author', body: null },
      { side: 'coordination', body: 'Bien noté, merci.' },
    ]);
    const detail = (await ok(w.actors.coordinator.cookie, 'GET', `/api/difficulties/${individual}`)).json();
    assert.equal(detail.description, null);
    assert.equal(detail.author, null);
  });

  test('closed difficulties go after the organisation’s period; open ones and younger ones stay', async () => {
    s.clock.set(NOW);
    const w = await createWorld(s.ctx);
    const ids = {
      old: await difficulty(s.ctx, { programme: w.programme, authorId: w.actors.tutee.id }),
      young: await difficulty(s.ctx, { programme: w.programme, authorId: w.actors.tutee.id }),
      open: await difficulty(s.ctx, { programme: w.programme, authorId: w.actors.tutee.id }),
    };
    const closed = (id: string, at: string) =>
      s.db
        .updateTable('difficulties')
        .set({ state: 'closed', closed_at: at, closing_note: 'Réglé.' })
        .where('id', '=', id)
        .execute();
    await closed(ids.old, '2025-10-01T10:00:00Z');
    await closed(ids.young, '2026-01-01T10:00:00Z');
    await s.db
      .updateTable('difficulties')
      .set({ created_at: '2020-01-01T10:00:00Z' })
      .where('id', '=', ids.open)
      .execute();
    // Twelve months for this organisation.
    const put = await call(w.actors.orgAdmin.cookie, 'PUT', `/api/orgs/${w.orgId}/retention`, {
      auditDays: 730,
      signInDays: 180,
      sessionDays: 30,
      importDays: 7,
      pairingMonths: 36,
      difficultyMonths: 12,
    });
    assert.equal(put.statusCode, 200, put.body);
    assert.equal(put.json().difficultyMonths, 12);
    const tooShort = await call(w.actors.orgAdmin.cookie, 'PUT', `/api/orgs/${w.orgId}/retention`, {
      ...put.json(),
      defaults: undefined,
      bounds: undefined,
      updatedAt: undefined,
      difficultyMonths: 3,
    });
    assert.equal(tooShort.statusCode, 400);
    await runDueJobs(s.ctx, { now: NOW });
    const left = await s.db
      .selectFrom('difficulties')
      .select('id')
      .where('id', 'in', Object.values(ids))
      .execute();
    assert.deepEqual(left.map((r) => r.id).sort(), [ids.young, ids.open].sort());
    const events = await s.db
      .selectFrom('difficulty_events')
      .select('id')
      .where('difficulty_id', '=', ids.old)
      .execute();
    assert.deepEqual(events, [], 'its history went with it');
  });
});
