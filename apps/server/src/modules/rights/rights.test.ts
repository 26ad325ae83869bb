import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context.ts';
import { newId } from '../../lib/ids.ts';
import { calendarSource, createUser, createWorld, meeting, type World } from '../../test/factories.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';
import { hashPassword } from '../auth/service.ts';
import { phoneForms } from './erase.ts';

const s = await setupTestServer();
const PASSWORD = 'un mot de passe assez long';

type AnyDb = Kysely<Record<string, Record<string, unknown>>>;

/**
 * Every value of every column of every table, listed from the database's own schema, searched for
 * each needle (any case). Returns the hits as `table.column`, and how many tables and columns were read.
 */
async function scan(ctx: AppContext, needles: string[]) {
  const tables = await ctx.db.introspection.getTables();
  const hits: string[] = [];
  let columns = 0;
  let rows = 0;
  for (const t of tables) {
    columns += t.columns.length;
    const all = await (ctx.db as unknown as AnyDb).selectFrom(t.name).selectAll().execute();
    rows += all.length;
    for (const row of all) {
      for (const [col, value] of Object.entries(row)) {
        const text = String(value ?? '').toLowerCase();
        for (const n of needles) if (text.includes(n.toLowerCase())) hits.push(`${t.name}.${col}`);
      }
    }
  }
  return { hits: [...new Set(hits)].sort(), tables: tables.length, columns, rows };
}

/** What the organisation counts: meetings, reports, attendance, answers, contacts, memberships, pairings. */
async function aggregates(ctx: AppContext, orgId: string) {
  const n = async (q: Promise<{ n: string | number | bigint }>) => Number((await q).n);
  const meetings = () => ctx.db.selectFrom('meetings').where('meetings.org_id', '=', orgId);
  return {
    meetings: await n(
      meetings()
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow() as never,
    ),
    reports: await n(
      ctx.db
        .selectFrom('meeting_reports')
        .innerJoin('meetings', 'meetings.id', 'meeting_reports.meeting_id')
        .where('meetings.org_id', '=', orgId)
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow() as never,
    ),
    present: await n(
      meetings()
        .innerJoin('meeting_participants', 'meeting_participants.meeting_id', 'meetings.id')
        .where('attendance', '=', 'present')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow() as never,
    ),
    answers: await n(
      meetings()
        .innerJoin('meeting_options', 'meeting_options.meeting_id', 'meetings.id')
        .innerJoin('poll_answers', 'poll_answers.option_id', 'meeting_options.id')
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow() as never,
    ),
    contacts: await n(
      ctx.db
        .selectFrom('contact_logs')
        .where('org_id', '=', orgId)
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow() as never,
    ),
    memberships: await n(
      ctx.db
        .selectFrom('memberships')
        .where('org_id', '=', orgId)
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow() as never,
    ),
    pairings: await n(
      ctx.db
        .selectFrom('pairings')
        .where('org_id', '=', orgId)
        .select((e) => e.fn.countAll().as('n'))
        .executeTakeFirstOrThrow() as never,
    ),
  };
}

const get = (url: string, cookie: string) => s.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, cookie: string, payload?: object) =>
  s.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });

/**
 * A tutee of the world with a distinctive name, address and phone written everywhere the product
 * lets someone write: their profile, a placement, availability, a calendar, their feed, a meeting
 * with poll answers and a filed report about them, contacts, a re-pairing reason, an alert note, a
 * constraint, a ranking, an import row, a notice to their tutor, failed and successful sign-ins.
 */
let people = 0;
async function distinctivePerson(w: World) {
  // Each test's person is distinct, so a scan for one never finds another test's.
  const n = people++;
  const name = `Zéphyrine Quaglietti-Brandt ${['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'][n]}`;
  const email = `zephyrine.quaglietti.${n}@exemple-unique.fr`;
  const phone = `+336475869${70 + n}`;
  const now = s.clock.now().toISOString();
  const p = await createUser(s.ctx, w.orgId, {
    name,
    email,
    phone,
    sharePhone: true,
    passwordHash: await hashPassword(PASSWORD),
  });
  const db = s.db;
  await db
    .updateTable('org_members')
    .set({
      presentation: `Je suis ${name}, joignable au ${phoneForms(phone)[1]} ou ${email}.`,
      home_commune: 'Quaglietti-sur-Somme',
    })
    .where('user_id', '=', p.id)
    .execute();
  await db
    .insertInto('placements')
    .values({
      id: newId(),
      org_id: w.orgId,
      user_id: p.id,
      period: '2026-2027 S1',
      site: 'CHU',
      city: 'Amiens',
      kind: 'internship',
      created_at: now,
    })
    .execute();
  const membership = newId();
  await db
    .insertInto('memberships')
    .values({
      id: membership,
      org_id: w.orgId,
      programme_id: w.programme.id,
      cohort_id: null,
      user_id: p.id,
      role: 'tutee',
      capacity: null,
      created_at: now,
      ended_at: null,
    })
    .execute();
  const pairingId = newId();
  await db
    .insertInto('pairings')
    .values({
      id: pairingId,
      org_id: w.orgId,
      programme_id: w.programme.id,
      cohort_id: null,
      tutor_user_id: w.actors.tutor.id,
      tutee_user_id: p.id,
      group_key: null,
      state: 'active',
      created_at: now,
      ended_at: null,
      end_reason: null,
      explanation: JSON.stringify({ reasons: [`${name} habite Quaglietti-sur-Somme`] }),
    })
    .execute();
  const pairing = {
    id: pairingId,
    orgId: w.orgId,
    programmeId: w.programme.id,
    tutorId: w.actors.tutor.id,
    tuteeId: p.id,
  };
  await db
    .insertInto('pairing_events')
    .values({
      id: newId(),
      org_id: w.orgId,
      programme_id: w.programme.id,
      pairing_id: pairingId,
      at: now,
      actor_id: p.id,
      kind: 'repair-requested',
      from_state: 'active',
      to_state: 'active',
      reason: `Moi, ${name}, je voudrais changer.`,
    })
    .execute();
  await db
    .insertInto('matching_constraints')
    .values({
      id: newId(),
      org_id: w.orgId,
      programme_id: w.programme.id,
      tutor_user_id: w.actors.otherTutor.id,
      tutee_user_id: p.id,
      kind: 'knows',
      reason: `${name} est ma cousine`,
      declared_by: p.id,
      created_at: now,
    })
    .execute();
  await s.app.inject({
    method: 'POST',
    url: `/api/orgs/${w.orgId}/availability/rules`,
    headers: { cookie: p.cookie },
    payload: {
      category: 'night-shift',
      kind: 'busy',
      pattern: 'weekly',
      weekdays: [2],
      startTime: '18:30',
      endTime: '08:30',
      restAfter: true,
    },
  });
  await calendarSource(s.ctx, {
    orgId: w.orgId,
    userId: p.id,
    label: `Planning de ${name}`,
    busy: [{ start: '2026-11-20T08:00:00Z', end: '2026-11-20T18:00:00Z' }],
  });
  await post('/api/me/calendar-feed', p.cookie);
  // A meeting of two (tutor and person), confirmed, attended, reported about them.
  const past = new Date(s.clock.now().getTime() - 3 * 86_400_000);
  const m = await meeting(s.ctx, {
    pairing,
    at: past,
    participants: [{ id: p.id, attendance: 'present' }],
    title: `Point avec ${name}`,
  });
  await db
    .insertInto('meeting_reports')
    .values({
      meeting_id: m.id,
      author_id: w.actors.tutor.id,
      status: 'filed',
      duration_minutes: 50,
      content: JSON.stringify({
        place: 'Cabinet',
        themes: `${name} parle de sa thèse`,
        problems: `Fatigue ; rappeler au ${phoneForms(phone)[3]}`,
        conclusions: '',
        remarks: '',
        nextMeetingDate: null,
      }),
      updated_at: now,
      filed_at: now,
      visible_to_tutee: 1,
      visible_to_coordinator: 0,
    })
    .execute();
  await db
    .updateTable('meeting_participants')
    .set({ attendance: 'present' })
    .where('meeting_id', '=', m.id)
    .execute();
  // A poll they answered.
  const poll = await meeting(s.ctx, {
    pairing,
    options: [new Date(s.clock.now().getTime() + 5 * 86_400_000)],
  });
  await post(`/api/meetings/${poll.id}/answers`, p.cookie, {
    answers: [{ optionId: poll.optionIds[0], answer: 'yes' }],
  });
  // Contacts: the tutor reached them, and missed them once.
  for (const answered of [1, 0]) {
    await db
      .insertInto('contact_logs')
      .values({
        id: newId(),
        org_id: w.orgId,
        programme_id: w.programme.id,
        author_id: w.actors.tutor.id,
        tutee_id: p.id,
        channel: 'call',
        happened_at: now,
        created_at: now,
        answered,
      })
      .execute();
  }
  await db
    .insertInto('followup_alerts')
    .values({
      id: newId(),
      org_id: w.orgId,
      programme_id: w.programme.id,
      pairing_id: pairingId,
      rule: 'stuck',
      state: 'closed',
      level: 'coordinator',
      live_key: null,
      opened_at: now,
      escalated_at: null,
      snoozed_until: null,
      closed_at: now,
      closed_by: w.actors.coordinator.id,
      close_note: `Appelé ${name}`,
      resolved_at: null,
      detail: JSON.stringify({ days: 21, who: name }),
    })
    .execute();
  // An import that listed them, and a notice to their tutor that names them.
  await db
    .insertInto('imports')
    .values({
      id: newId(),
      org_id: w.orgId,
      programme_id: w.programme.id,
      created_by: w.actors.coordinator.id,
      filename: 'internes.csv',
      status: 'committed',
      rows: JSON.stringify([{ name, email, phone: phoneForms(phone)[1] }]),
      summary: '{}',
      created_at: now,
      committed_at: now,
    })
    .execute();
  await db
    .insertInto('notifications')
    .values({
      id: newId(),
      user_id: w.actors.tutor.id,
      org_id: w.orgId,
      kind: 'message',
      title: `${name} a répondu`,
      body: `Écrire à ${email}`,
      link: null,
      created_at: now,
      read_at: null,
    })
    .execute();
  await db
    .insertInto('notifications')
    .values({
      id: newId(),
      user_id: p.id,
      org_id: w.orgId,
      kind: 'message',
      title: 'Bienvenue',
      body: `Bonjour ${name}`,
      link: null,
      created_at: now,
      read_at: null,
    })
    .execute();
  // Sign-ins: a failed one (its address is logged) and a successful one; a sign-in link e-mailed.
  await s.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password: 'pas le bon mot de passe' },
  });
  await s.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password: PASSWORD } });
  await s.app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email } });
  await s.deliver();
  return { ...p, name, email, phone, pairingId, membership, reportMeetingId: m.id };
}

describe('export of a person’s data', () => {
  test('the JSON holds their rows, the report they may read, no secret, no one else’s reason; it is audited', async () => {
    const w = await createWorld(s.ctx);
    const p = await distinctivePerson(w);
    const res = await get('/api/me/data/export.json', p.cookie);
    assert.equal(res.statusCode, 200);
    assert.match(
      String(res.headers['content-disposition']),
      /attachment; filename="compagnon-mes-donnees-2026-11-16\.json"/,
    );
    const data = res.json();
    assert.equal(data.account.email, p.email);
    assert.equal(data.account.phone, p.phone);
    assert.equal(data.organisations[0].presentation.includes(p.name), true);
    assert.equal(data.placements.length, 1);
    assert.equal(data.availability.rules.length, 1);
    assert.deepEqual(data.availability.calendars[0].busy, [
      { start: '2026-11-20T08:00:00Z', end: '2026-11-20T18:00:00Z' },
    ]);
    assert.ok(data.availability.personalFeedSince);
    assert.equal(data.pairings[0].tutor, 'Tuteur A');
    assert.equal(data.pairings[0].history[0].reason, `Moi, ${p.name}, je voudrais changer.`);
    const reported = data.meetings.find((m: { title: string }) => m.title.startsWith('Point avec'));
    // des-tutoring lets the tutee read the filed report.
    assert.match(reported.report.content.themes, /parle de sa thèse/);
    assert.equal(
      data.meetings.find((m: { pollAnswers: unknown[] }) => m.pollAnswers.length).pollAnswers[0].answer,
      'yes',
    );
    assert.equal(data.contactLog.length, 2);
    assert.equal(data.notifications.length >= 1, true);
    assert.equal(data.signIns.attempts.length, 2);
    assert.equal(data.consents[0].sharePhoneWithPair, true);
    const text = res.body;
    for (const secret of ['password_hash', 'token_hash', 'unsubscribe_token', '$argon2', 'poll_token']) {
      assert.equal(text.includes(secret), false, `the export shows ${secret}`);
    }
    const hashes = await s.db.selectFrom('sessions').select('id').where('user_id', '=', p.id).execute();
    for (const h of hashes) assert.equal(text.includes(h.id), false);
    const audited = await s.db
      .selectFrom('audit_log')
      .select(['action', 'org_id'])
      .where('actor_id', '=', p.id)
      .where('action', '=', 'rights.exported')
      .execute();
    assert.deepEqual(audited, [{ action: 'rights.exported', org_id: w.orgId }]);

    // Their tutor's export shows the tutee's name on the pairing, never the tutee's own reason.
    const tutor = (await get('/api/me/data/export.json', w.actors.tutor.cookie)).json();
    const pairing = tutor.pairings.find((x: { tutee: string }) => x.tutee === p.name);
    assert.equal(pairing.history[0].reason, null);
    assert.equal(JSON.stringify(tutor).includes('je voudrais changer'), false);
  });

  test('a tutee does not get a report’s content filed out of their sight', async () => {
    const w = await createWorld(s.ctx);
    const p = await distinctivePerson(w);
    // The report was filed while the programme kept reports from their tutee.
    await s.db
      .updateTable('meeting_reports')
      .set({ visible_to_tutee: 0 })
      .where('author_id', '=', w.actors.tutor.id)
      .execute();
    const data = (await get('/api/me/data/export.json', p.cookie)).json();
    const reported = data.meetings.find((m: { title: string }) => m.title.startsWith('Point avec'));
    assert.equal(reported.report.status, 'filed');
    assert.equal(reported.report.content, null);
    assert.equal(JSON.stringify(data).includes('parle de sa thèse'), false);
  });

  test('the readable document is a PDF, in French or in English', async () => {
    const w = await createWorld(s.ctx);
    const p = await distinctivePerson(w);
    const fr = await get('/api/me/data/export.pdf', p.cookie);
    assert.equal(fr.statusCode, 200);
    assert.equal(fr.headers['content-type'], 'application/pdf');
    assert.equal(fr.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.match(String(fr.headers['content-disposition']), /mes-donnees/);
    await s.db.updateTable('users').set({ locale: 'en' }).where('id', '=', p.id).execute();
    const en = await get('/api/me/data/export.pdf', await sessionCookie(s.ctx, p.id));
    assert.match(String(en.headers['content-disposition']), /my-data/);
  });
});

describe('erasure', () => {
  test('asked by the person, confirmed by the admin: no row names them, the counts stay, they cannot sign in', async () => {
    const w = await createWorld(s.ctx);
    const p = await distinctivePerson(w);
    const needles = [p.name, p.email, ...phoneForms(p.phone)];
    const before = await scan(s.ctx, needles);
    assert.ok(before.hits.length >= 10, `the scan finds the person before: ${before.hits.join(', ')}`);
    const counts = await aggregates(s.ctx, w.orgId);

    const wrong = await post('/api/me/data/erasure', p.cookie, { password: 'pas le bon' });
    assert.equal(wrong.statusCode, 400);
    const asked = await post('/api/me/data/erasure', p.cookie, { password: PASSWORD });
    assert.equal(asked.statusCode, 201, asked.body);
    assert.equal(asked.json().request.status, 'pending');
    assert.equal((await post('/api/me/data/erasure', p.cookie, { password: PASSWORD })).statusCode, 409);

    // The coordinator is not an admin; the admin sees the request and confirms it.
    assert.equal(
      (await get(`/api/orgs/${w.orgId}/erasure-requests`, w.actors.coordinator.cookie)).statusCode,
      403,
    );
    const pending = (await get(`/api/orgs/${w.orgId}/erasure-requests`, w.actors.orgAdmin.cookie)).json();
    assert.deepEqual(
      pending.map((r: { name: string }) => r.name),
      [p.name],
    );
    const id = pending[0].id;
    await s.deliver();
    const started = performance.now();
    assert.equal(
      (await post(`/api/orgs/${w.orgId}/erasure-requests/${id}/confirm`, w.actors.orgAdmin.cookie))
        .statusCode,
      200,
    );
    await s.deliver();
    const ms = performance.now() - started;

    const after = await scan(s.ctx, needles);
    console.log(
      `row scan: ${after.tables} tables, ${after.columns} columns, ${after.rows} rows; ` +
        `${before.hits.length} columns named the person before, ${after.hits.length} after; erasure ${ms.toFixed(0)} ms (${s.kind})`,
    );
    assert.deepEqual(after.hits, []);
    assert.deepEqual(await aggregates(s.ctx, w.orgId), counts);

    const user = await s.db.selectFrom('users').selectAll().where('id', '=', p.id).executeTakeFirstOrThrow();
    assert.equal(user.name, 'Personne supprimée');
    assert.match(user.email, /@erased\.invalid$/);
    assert.equal(user.phone, null);
    assert.equal(user.password_hash, null);
    assert.ok(user.erased_at);
    const report = await s.db
      .selectFrom('meeting_reports')
      .select(['content', 'duration_minutes', 'status'])
      .where('meeting_id', '=', p.reportMeetingId)
      .executeTakeFirstOrThrow();
    assert.equal(report.duration_minutes, 50);
    assert.equal(report.status, 'filed');
    assert.equal(JSON.parse(report.content).themes, '');
    const mail = s.mailer.lastTo(p.email);
    assert.match(mail?.subject ?? '', /effacées/);
    const request = await s.db
      .selectFrom('erasure_requests')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(request.status, 'done');
    assert.equal(request.notify_email, null);

    const signIn = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: p.email, password: PASSWORD },
    });
    assert.equal(signIn.statusCode, 401);
    assert.equal((await get('/api/me', p.cookie)).statusCode, 401);
  });

  test('an admin declines with a reason the person sees; nothing is erased', async () => {
    const w = await createWorld(s.ctx);
    await post('/api/me/data/erasure', w.actors.tutee.cookie, { confirmation: 'supprimer' });
    const mine = (await get('/api/me/data/erasure', w.actors.tutee.cookie)).json();
    assert.equal(mine.request.status, 'pending');
    const id = mine.request.id;
    assert.equal(
      (
        await post(`/api/orgs/${w.orgId}/erasure-requests/${id}/decline`, w.actors.orgAdmin.cookie, {
          reason: 'Le DES n’est pas terminé : vos traces doivent être conservées.',
        })
      ).statusCode,
      200,
    );
    const after = (await get('/api/me/data/erasure', w.actors.tutee.cookie)).json();
    assert.equal(after.request.status, 'declined');
    assert.match(after.request.organisations[0].reason, /DES n’est pas terminé/);
    await s.deliver();
    const user = await s.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', w.actors.tutee.id)
      .executeTakeFirstOrThrow();
    assert.equal(user.name, 'Interne A');
  });

  test('an account without a password confirms by typing the word; the only admin of an organisation is asked to name another', async () => {
    const w = await createWorld(s.ctx);
    const refused = await post('/api/me/data/erasure', w.actors.tutee.cookie, { confirmation: 'oui' });
    assert.equal(refused.statusCode, 400);
    assert.equal(refused.json().error.code, 'erasure_confirmation');
    const sole = await post('/api/me/data/erasure', w.actors.orgAdmin.cookie, { confirmation: 'SUPPRIMER' });
    assert.equal(sole.statusCode, 409);
    assert.equal(sole.json().error.code, 'erasure_needs_admin');
  });

  test('with no organisation, the erasure runs after the grace period unless cancelled', async () => {
    const w = await createWorld(s.ctx);
    const loner = await createUser(s.ctx, w.orgId, { name: 'Solitaire Sans Organisation' });
    await s.db.deleteFrom('org_members').where('user_id', '=', loner.id).execute();
    const asked = (await post('/api/me/data/erasure', loner.cookie, { confirmation: 'DELETE' })).json();
    assert.equal(asked.request.status, 'scheduled');
    assert.equal(asked.request.dueAt, '2026-11-23T09:00:00.000Z');
    await s.deliver();
    assert.equal(
      (await s.db.selectFrom('users').select('name').where('id', '=', loner.id).executeTakeFirstOrThrow())
        .name,
      'Solitaire Sans Organisation',
    );
    s.clock.advance(7 * 86_400_000);
    await s.deliver();
    s.clock.set(new Date('2026-11-16T09:00:00Z'));
    assert.equal(
      (await s.db.selectFrom('users').select('name').where('id', '=', loner.id).executeTakeFirstOrThrow())
        .name,
      'Personne supprimée',
    );

    const other = await createUser(s.ctx, w.orgId, { name: 'Hésitant Qui Change Davis' });
    await s.db.deleteFrom('org_members').where('user_id', '=', other.id).execute();
    await post('/api/me/data/erasure', other.cookie, { confirmation: 'SUPPRIMER' });
    const cancelled = await s.app.inject({
      method: 'DELETE',
      url: '/api/me/data/erasure',
      headers: { cookie: other.cookie },
    });
    assert.equal(cancelled.json().request.status, 'cancelled');
    s.clock.advance(8 * 86_400_000);
    await s.deliver();
    s.clock.set(new Date('2026-11-16T09:00:00Z'));
    assert.equal(
      (await s.db.selectFrom('users').select('name').where('id', '=', other.id).executeTakeFirstOrThrow())
        .name,
      'Hésitant Qui Change Davis',
    );
  });
});
