import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { runDueJobs } from '../../jobs/index.ts';
import { enqueue } from '../../jobs/registry.ts';
import { addMember, createOrg, createProgramme, createUser, meeting, pair } from '../../test/factories.ts';
import { sessionCookie, setupTestServer, snapshot } from '../../test/harness.ts';
import { followupSweep } from '../followup/sweep.ts';
import { ERASED_NAME, erasePerson } from '../rights/erase.ts';
import { agreementsSweep } from './jobs.ts';
import { pairsStarted } from './terms.ts';

const s = await setupTestServer();
// Monday 16 November 2026, 10:00 in Paris.
const NOW = new Date('2026-11-16T09:00:00Z');
const DAY = 86_400_000;

type Who = { id: string; name: string; email: string };

/** Sessions last a day in tests: each call signs in afresh at the clock's time. */
async function call(who: Who | null, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const headers = who ? { cookie: await sessionCookie(s.ctx, who.id) } : {};
  return s.app.inject({ method, url, headers, ...(payload ? { payload } : {}) });
}

/** A CPTS mentoring programme: its coordinator, a mentor and a mentee paired today, and outsiders. */
async function cpts() {
  s.clock.set(NOW);
  const orgId = await createOrg(s.ctx, 'CPTS du Val');
  const programme = await createProgramme(s.ctx, orgId, 'installation-mentoring');
  const coordinator = await createUser(s.ctx, orgId, { name: 'Claire Coordinatrice' });
  const mentor = await createUser(s.ctx, orgId, { name: 'Dr Gérard Lefèvre' });
  const mentee = await createUser(s.ctx, orgId, { name: 'Éloïse Darcourt' });
  const otherMentor = await createUser(s.ctx, orgId, { name: 'Paul Autre' });
  const otherMentee = await createUser(s.ctx, orgId, { name: 'Zoé Autre' });
  const admin = await createUser(s.ctx, orgId, { name: 'Adèle Admin', admin: true });
  await addMember(s.ctx, programme, coordinator.id, 'coordinator');
  await addMember(s.ctx, programme, mentor.id, 'tutor', 3);
  await addMember(s.ctx, programme, otherMentor.id, 'tutor', 3);
  await addMember(s.ctx, programme, mentee.id, 'tutee');
  await addMember(s.ctx, programme, otherMentee.id, 'tutee');
  const pairing = await pair(s.ctx, programme, mentor.id, mentee.id);
  await pair(s.ctx, programme, otherMentor.id, otherMentee.id);
  const url = `/api/pairings/${pairing.id}/agreement`;
  return { orgId, programme, coordinator, mentor, mentee, otherMentor, otherMentee, admin, pairing, url };
}
type C = Awaited<ReturnType<typeof cpts>>;

async function signAll(c: C) {
  const view = (await call(c.mentee, 'GET', c.url)).json();
  const versionId = view.charter.version.id;
  for (const [who, name] of [
    [c.mentee, 'eloise darcourt'],
    [c.mentor, 'Gérard Lefèvre'],
    [c.coordinator, 'Claire Coordinatrice'],
  ] as const) {
    const r = await call(who, 'POST', `${c.url}/sign`, { name, consent: true, versionId });
    assert.equal(r.statusCode, 200, r.body);
  }
  return versionId as string;
}

function pdfText(pdf: Buffer) {
  const dir = mkdtempSync(join(tmpdir(), 'charte-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const meetingBody = (c: C) => ({
  title: 'Première rencontre',
  mode: 'in-person',
  durationMinutes: 60,
  participantIds: [c.mentee.id],
  options: [{ start: new Date(s.clock.now().getTime() + 7 * DAY).toISOString() }],
});

describe('the charter', () => {
  test('seeded in the organisation’s words, signed by the three with their own name and consent', async () => {
    const c = await cpts();
    const first = await call(c.mentee, 'GET', c.url);
    assert.equal(first.statusCode, 200, first.body);
    const v = first.json();
    assert.equal(v.charter.version.number, 1);
    assert.match(v.charter.version.body, /CPTS du Val s’engage/);
    assert.match(v.charter.version.body, /dure 12 mois/);
    assert.deepEqual(
      v.charter.waitingOn.map((w: { party: string }) => w.party),
      ['mentor', 'mentee', 'organisation'],
    );
    assert.equal(v.term.startOn, '2026-11-16');
    assert.equal(v.term.endOn, '2027-11-16');
    assert.deepEqual(v.can, {
      sign: true,
      signAs: 'mentee',
      download: false,
      moveEnd: false,
      endEarly: true,
      askHelp: true,
    });
    const versionId = v.charter.version.id;

    const before = await snapshot(s.ctx);
    const wrongName = await call(c.mentee, 'POST', `${c.url}/sign`, {
      name: 'Paul Autre',
      consent: true,
      versionId,
    });
    assert.equal(wrongName.statusCode, 400);
    assert.match(wrongName.json().error.message, /Éloïse Darcourt/);
    const noConsent = await call(c.mentee, 'POST', `${c.url}/sign`, {
      name: 'Éloïse Darcourt',
      consent: false,
      versionId,
    });
    assert.equal(noConsent.statusCode, 400);
    // An administrator who coordinates nothing does not sign for the organisation.
    const admin = await call(c.admin, 'POST', `${c.url}/sign`, {
      name: 'Adèle Admin',
      consent: true,
      versionId,
    });
    assert.equal(admin.statusCode, 403);
    assert.deepEqual(await snapshot(s.ctx), before);

    await signAll(c);
    const signed = (await call(c.mentor, 'GET', c.url)).json();
    assert.equal(signed.charter.complete, true);
    assert.equal(signed.charter.meetingsAllowed, true);
    assert.deepEqual(
      signed.charter.signatures.map((x: { party: string; name: string }) => [x.party, x.name]),
      [
        ['mentee', 'eloise darcourt'],
        ['mentor', 'Gérard Lefèvre'],
        ['organisation', 'Claire Coordinatrice'],
      ],
    );
    const rows = await s.db
      .selectFrom('charter_signatures')
      .selectAll()
      .where('pairing_id', '=', c.pairing.id)
      .execute();
    assert.ok(rows.every((r) => r.body_hash === v.charter.version.hash && r.version_id === versionId));
    const again = await call(c.mentee, 'POST', `${c.url}/sign`, {
      name: 'Éloïse Darcourt',
      consent: true,
      versionId,
    });
    assert.equal(again.statusCode, 409);
    await s.deliver();
    const told = await s.db
      .selectFrom('notifications')
      .select('user_id')
      .where('title', 'like', 'La charte de votre binôme est signée%')
      .execute();
    assert.deepEqual(told.map((n) => n.user_id).sort(), [c.mentor.id, c.mentee.id].sort());
  });

  test('a new text leaves a signed charter as signed; a re-signing is asked only when ticked', async () => {
    const c = await cpts();
    const v1 = await signAll(c);
    const charterUrl = `/api/programmes/${c.programme.id}/charter`;
    const current = (await call(c.coordinator, 'GET', charterUrl)).json();
    const edited = `${current.current.body}\n\nUn ajout de la coordination.`;
    const v2 = await call(c.coordinator, 'POST', charterUrl, { body: edited, resignRequired: false });
    assert.equal(v2.statusCode, 200, v2.body);
    assert.equal(v2.json().current.number, 2);
    const same = await call(c.coordinator, 'POST', charterUrl, { body: edited, resignRequired: false });
    assert.equal(same.statusCode, 409);
    const byMentee = await call(c.mentee, 'POST', charterUrl, { body: `${edited}!`, resignRequired: false });
    assert.equal(byMentee.statusCode, 403);

    let view = (await call(c.mentee, 'GET', c.url)).json();
    assert.equal(view.charter.version.id, v1);
    assert.equal(view.charter.complete, true);
    assert.doesNotMatch(view.charter.version.body, /Un ajout/);

    const v3 = await call(c.coordinator, 'POST', charterUrl, {
      body: `${edited}\n\nEncore.`,
      resignRequired: true,
    });
    assert.equal(v3.statusCode, 200, v3.body);
    view = (await call(c.mentee, 'GET', c.url)).json();
    assert.equal(view.charter.version.number, 3);
    assert.equal(view.charter.complete, false);
    assert.deepEqual(view.charter.signedEarlier, { number: 1 });
    // Still covered by the charter signed: meetings go on while the new one is signed.
    assert.equal(view.charter.meetingsAllowed, true);
    const old = await s.db
      .selectFrom('charter_signatures')
      .select('version_id')
      .where('pairing_id', '=', c.pairing.id)
      .execute();
    assert.ok(old.every((r) => r.version_id === v1));
  });

  test('the signed PDF carries the text, the three signatures and a code the public page verifies', async () => {
    const c = await cpts();
    const early = await call(c.mentee, 'GET', `${c.url}/pdf`);
    assert.equal(early.statusCode, 409);
    await signAll(c);
    const res = await call(c.mentee, 'GET', `${c.url}/pdf`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/pdf');
    const text = pdfText(res.rawPayload);
    assert.match(text, /Charte de mentorat/);
    assert.match(text, /Mentoré·e : eloise darcourt/);
    assert.match(text, /Organisation : Claire Coordinatrice/);
    const code = /Code de vérification : ([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1];
    assert.ok(code, text);
    const stored = await s.db.selectFrom('charter_codes').select('code_hash').execute();
    assert.ok(stored.every((r) => !r.code_hash.includes(code.replaceAll('-', ''))));

    const checked = await call(null, 'POST', '/api/verification', {
      code: code.toLowerCase().replaceAll('-', ' '),
    });
    assert.equal(checked.statusCode, 200, checked.body);
    const body = checked.json();
    const programme = await s.db
      .selectFrom('programmes')
      .select('name')
      .where('id', '=', c.programme.id)
      .executeTakeFirstOrThrow();
    assert.equal(body.programme, programme.name);
    assert.equal(body.organisation, 'CPTS du Val');
    assert.equal(body.version, 1);
    assert.deepEqual(
      body.signatures.map((x: { party: string; name: string; day: string }) => [x.party, x.name, x.day]),
      [
        ['mentor', 'Gérard Lefèvre', '2026-11-16'],
        ['mentee', 'eloise darcourt', '2026-11-16'],
        ['organisation', 'Claire Coordinatrice', '2026-11-16'],
      ],
    );
    assert.deepEqual(Object.keys(body).sort(), [
      'hash',
      'organisation',
      'programme',
      'signatures',
      'version',
    ]);
    const wrong = await call(null, 'POST', '/api/verification', { code: 'AAAA-BBBB-CCCC' });
    assert.equal(wrong.statusCode, 404);
    assert.match(wrong.json().error.message, /Aucune charte signée/);
  });

  test('nobody outside the pair and the coordination sees the signatures or the PDF', async () => {
    const c = await cpts();
    await signAll(c);
    for (const who of [c.otherMentor, c.otherMentee]) {
      assert.equal((await call(who, 'GET', c.url)).statusCode, 404);
      assert.equal((await call(who, 'GET', `${c.url}/pdf`)).statusCode, 404);
      assert.equal((await call(who, 'GET', `/api/programmes/${c.programme.id}/agreements`)).statusCode, 403);
    }
    const outsiderOrg = await createOrg(s.ctx, 'Ailleurs');
    const outsider = await createUser(s.ctx, outsiderOrg, { name: 'Dehors', admin: true });
    assert.equal((await call(outsider, 'GET', c.url)).statusCode, 404);
    assert.equal((await call(outsider, 'GET', `${c.url}/pdf`)).statusCode, 404);
    for (const who of [c.mentor, c.mentee, c.coordinator])
      assert.equal((await call(who, 'GET', `${c.url}/pdf`)).statusCode, 200);
    const list = (await call(c.coordinator, 'GET', `/api/programmes/${c.programme.id}/agreements`)).json();
    assert.equal(list.pairs.length, 2);
    const waiting = list.pairs.find((x: { pairingId: string }) => x.pairingId !== c.pairing.id);
    assert.deepEqual(waiting.charter.waitingOn, ['mentor', 'mentee', 'organisation']);
  });
});

describe('meetings wait for the charter', () => {
  test('refused with the names of who still signs, then organised once the three signed', async () => {
    const c = await cpts();
    const url = `/api/programmes/${c.programme.id}/meetings`;
    const refused = await call(c.mentor, 'POST', url, meetingBody(c));
    assert.equal(refused.statusCode, 409, refused.body);
    assert.match(
      refused.json().error.message,
      /Dr Gérard Lefèvre, Éloïse Darcourt et celle de la coordination/,
    );
    const inEnglish = await s.app.inject({
      method: 'POST',
      url,
      headers: { cookie: await sessionCookie(s.ctx, c.mentor.id), 'accept-language': 'en' },
      payload: meetingBody(c),
    });
    assert.match(
      inEnglish.json().error.message,
      /signatures of Dr Gérard Lefèvre, Éloïse Darcourt and of the coordination/,
    );
    await signAll(c);
    const ok = await call(c.mentor, 'POST', url, meetingBody(c));
    assert.equal(ok.statusCode, 201, ok.body);
  });
});

describe('the term', () => {
  test('at the match the mentor is asked to organise the first meeting; its alert fires after four weeks', async () => {
    const c = await cpts();
    const row = await s.db
      .selectFrom('programmes')
      .selectAll()
      .where('id', '=', c.programme.id)
      .executeTakeFirstOrThrow();
    await s.db
      .transaction()
      .execute((trx) =>
        pairsStarted(
          trx,
          row,
          [{ pairingId: c.pairing.id, tutorId: c.mentor.id, tuteeId: c.mentee.id }],
          NOW,
        ),
      );
    await s.deliver();
    const prompt = await s.db
      .selectFrom('notifications')
      .select(['user_id', 'title'])
      .where('title', 'like', 'À vous d’organiser%')
      .execute();
    assert.deepEqual(prompt, [
      { user_id: c.mentor.id, title: 'À vous d’organiser la première rencontre avec Éloïse Darcourt' },
    ]);
    const terms = await s.db
      .selectFrom('pair_terms')
      .selectAll()
      .where('pairing_id', '=', c.pairing.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([terms.start_on, terms.end_on], ['2026-11-16', '2027-11-16']);
    const sweep = async (at: Date) => {
      s.clock.set(at);
      await enqueue(s.db, followupSweep, {}, { runAt: at });
      await runDueJobs(s.ctx, { now: at });
    };
    const alerts = () =>
      s.db
        .selectFrom('followup_alerts')
        .select('rule')
        .where('pairing_id', '=', c.pairing.id)
        .where('rule', '=', 'first-meeting')
        .execute();
    await sweep(new Date(NOW.getTime() + 27 * DAY));
    assert.equal((await alerts()).length, 0);
    await sweep(new Date(NOW.getTime() + 29 * DAY));
    assert.equal((await alerts()).length, 1);
  });

  test('the end-date reminder is sent once, a month before; the pair completes on its end day', async () => {
    const c = await cpts();
    await call(c.mentee, 'GET', c.url);
    const sweep = async (at: Date) => {
      s.clock.set(at);
      await enqueue(
        s.db,
        agreementsSweep,
        {},
        { runAt: at, dedupeKey: `test:${at.toISOString()}:${Math.random()}` },
      );
      await runDueJobs(s.ctx, { now: at });
    };
    const reminders = () =>
      s.mailer.sent.filter(
        (m) =>
          [c.mentor.email, c.mentee.email].includes(m.to) &&
          m.subject.includes('Votre mentorat se termine le 16 novembre 2027'),
      );
    await sweep(new Date('2027-10-16T07:00:00Z'));
    assert.equal(reminders().length, 0);
    await sweep(new Date('2027-10-17T09:00:00Z'));
    await sweep(new Date('2027-10-17T10:00:00Z'));
    assert.deepEqual(
      reminders()
        .map((m) => m.to)
        .sort(),
      [c.mentor.email, c.mentee.email].sort(),
    );
    await sweep(new Date('2027-11-16T09:00:00Z'));
    const p = await s.db
      .selectFrom('pairings')
      .select('state')
      .where('id', '=', c.pairing.id)
      .executeTakeFirstOrThrow();
    assert.equal(p.state, 'completed');
    await sweep(new Date('2027-11-16T10:00:00Z'));
    const t = await s.db
      .selectFrom('pair_terms')
      .selectAll()
      .where('pairing_id', '=', c.pairing.id)
      .executeTakeFirstOrThrow();
    assert.equal(t.ended_early, 0);
    assert.equal(t.ended_on, '2027-11-16');
    assert.equal(reminders().length, 2);
  });

  test('the coordination moves the end day with a reason; both are told', async () => {
    const c = await cpts();
    const body = { endOn: '2028-01-31', reason: 'Congé maternité de la mentorée' };
    assert.equal((await call(c.mentor, 'PUT', `${c.url}/end-date`, body)).statusCode, 403);
    const r = await call(c.coordinator, 'PUT', `${c.url}/end-date`, body);
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().term.endOn, '2028-01-31');
    const bad = await call(c.coordinator, 'PUT', `${c.url}/end-date`, { ...body, endOn: '2026-01-01' });
    assert.equal(bad.statusCode, 400);
    await s.deliver();
    const told = await s.db
      .selectFrom('notifications')
      .select('user_id')
      .where('title', '=', 'La date de fin de votre binôme a changé')
      .execute();
    assert.deepEqual(told.map((n) => n.user_id).sort(), [c.mentor.id, c.mentee.id].sort());
    const history = await s.db
      .selectFrom('pairing_events')
      .select(['kind', 'reason'])
      .where('pairing_id', '=', c.pairing.id)
      .execute();
    assert.ok(history.some((e) => e.kind === 'end-moved' && e.reason === body.reason));
  });

  test('ending early: a reason, recorded as ended early, future meetings cancelled, both told', async () => {
    const c = await cpts();
    await signAll(c);
    const future = await meeting(s.ctx, { pairing: c.pairing, at: new Date(NOW.getTime() + 10 * DAY) });
    const noReason = await call(c.mentee, 'POST', `${c.url}/end-early`, { reason: '' });
    assert.equal(noReason.statusCode, 400);
    const r = await call(c.mentee, 'POST', `${c.url}/end-early`, { reason: 'Je déménage à Lyon' });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().pairing.state, 'ended');
    assert.equal(r.json().term.endedEarly, true);
    const t = await s.db
      .selectFrom('pair_terms')
      .selectAll()
      .where('pairing_id', '=', c.pairing.id)
      .executeTakeFirstOrThrow();
    assert.equal(t.ended_early, 1);
    assert.equal(t.ended_on, '2026-11-16');
    // Once the end can no longer be undone, the matching's end runs: meetings cancelled, both told.
    s.clock.set(new Date(NOW.getTime() + 16 * 60_000));
    await s.deliver();
    const m = await s.db
      .selectFrom('meetings')
      .select('status')
      .where('id', '=', future.id)
      .executeTakeFirstOrThrow();
    assert.equal(m.status, 'cancelled');
    const cancels = await s.db
      .selectFrom('jobs')
      .select('payload')
      .where('name', '=', 'meetings.invitation')
      .execute();
    assert.ok(cancels.some((j) => j.payload.includes('"cancel"') && j.payload.includes(future.id)));
    for (const who of [c.mentor, c.mentee])
      assert.ok(
        s.mailer.sent.some((x) => x.to === who.email && /Lefèvre|Darcourt/.test(x.subject)),
        who.name,
      );
    const coordinationTold = await s.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', c.coordinator.id)
      .execute();
    assert.ok(coordinationTold.some((n) => n.title.startsWith('Le binôme')));
    assert.equal((await call(c.mentor, 'POST', `${c.url}/end-early`, { reason: 'Encore' })).statusCode, 409);
  });
});

describe('support from the organisation and data rights', () => {
  test('either party asks the coordination for help about their pair: named, private, tracked', async () => {
    const c = await cpts();
    const url = `/api/programmes/${c.programme.id}/difficulties`;
    const body = {
      category: 'pair',
      scope: 'individual',
      description: 'Nous n’arrivons pas à fixer nos rencontres.',
      anonymised: false,
      pairingId: c.pairing.id,
    };
    const before = await snapshot(s.ctx);
    assert.equal((await call(c.mentee, 'POST', url, { ...body, anonymised: true })).statusCode, 400);
    assert.equal((await call(c.otherMentee, 'POST', url, body)).statusCode, 404);
    assert.equal((await call(c.coordinator, 'POST', url, body)).statusCode, 403);
    assert.deepEqual(await snapshot(s.ctx), before);
    const raised = await call(c.mentor, 'POST', url, body);
    assert.equal(raised.statusCode, 201, raised.body);
    const id = raised.json().id;
    const read = await call(c.coordinator, 'GET', `/api/difficulties/${id}`);
    assert.equal(read.statusCode, 200, read.body);
    assert.equal(read.json().pairingId, c.pairing.id);
    assert.equal(read.json().author.name, c.mentor.name);
    // The other party of the pair does not read it: it is their author's and the coordination's.
    for (const who of [c.mentee, c.otherMentor])
      assert.equal((await call(who, 'GET', `/api/difficulties/${id}`)).statusCode, 404);
  });

  test('signatures are in the export; erasure replaces the typed name', async () => {
    const c = await cpts();
    await signAll(c);
    const exported = await call(c.mentee, 'GET', '/api/me/data/export.json');
    assert.equal(exported.statusCode, 200, exported.body.slice(0, 300));
    const data = exported.json();
    assert.deepEqual(
      data.agreements.charterSignatures.map((x: { party: string }) => x.party),
      ['mentee', 'mentor', 'organisation'],
    );
    assert.equal(data.agreements.pairTerms[0].endOn, '2027-11-16');
    await s.db.transaction().execute((trx) => erasePerson(trx, c.mentee.id, s.clock.now()));
    const rows = await s.db
      .selectFrom('charter_signatures')
      .select(['party', 'signed_name'])
      .where('pairing_id', '=', c.pairing.id)
      .execute();
    assert.equal(rows.find((r) => r.party === 'mentee')?.signed_name, ERASED_NAME);
    assert.equal(rows.find((r) => r.party === 'mentor')?.signed_name, 'Gérard Lefèvre');
  });
});
