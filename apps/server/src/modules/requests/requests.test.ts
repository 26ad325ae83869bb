import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMember, createOrg, createProgramme, createUser, pair } from '../../test/factories.ts';
import { joinRequest, openRequests } from '../../test/factories-requests.ts';
import { changeLog, setupTestServer } from '../../test/harness.ts';
import { templates } from '../programmes/templates.ts';
import { purgeExpired } from '../retention/purge.ts';
import { checkEligibility } from './eligibility.ts';

const server = await setupTestServer();
const changes = await changeLog(server.ctx);
// The harness's clock: 16 November 2026, in Paris.

async function cpts() {
  const orgId = await createOrg(server.ctx, 'CPTS du Val');
  const programme = await createProgramme(server.ctx, orgId, 'installation-mentoring');
  const coordinator = await createUser(server.ctx, orgId, { name: 'Coordinatrice CPTS' });
  await addMember(server.ctx, programme, coordinator.id, 'coordinator');
  const mentor = await createUser(server.ctx, orgId, { name: 'Mentor Installé' });
  await addMember(server.ctx, programme, mentor.id, 'tutor', 2);
  await openRequests(server.ctx, programme.id);
  return { orgId, programme, coordinator, mentor };
}

const asker = (over: Record<string, unknown> = {}) => ({
  name: 'Lou Nouvelle',
  email: `lou-${Math.random().toString(36).slice(2)}@example.org`,
  phone: '06 12 34 56 78',
  role: 'tutee',
  profession: 'Kinésithérapeute',
  place: 'Corbie',
  installedOn: '2026-01-10',
  needs: 'Gérer la comptabilité du cabinet et trouver des confrères pour les remplacements.',
  availability: 'Le mardi en fin de journée',
  preferences: 'Plutôt en visio',
  ...over,
});

const send = (programmeId: string, body: object, lang = 'fr') =>
  server.app.inject({
    method: 'POST',
    url: `/api/join/${programmeId}`,
    headers: { 'accept-language': lang },
    payload: body,
  });

const call = (cookie: string | undefined, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  server.app.inject({
    method,
    url,
    headers: { 'accept-language': 'fr', ...(cookie ? { cookie } : {}) },
    ...(payload ? { payload } : {}),
  });

/** The private link's secret from the last e-mail to `email`. */
async function linkOf(email: string): Promise<string> {
  await server.deliver();
  const mail = server.mailer.lastTo(email);
  assert.ok(mail, `no e-mail to ${email}`);
  const m = /\/rejoindre\/demande\/([\w-]+)/.exec(mail.text ?? '');
  assert.ok(m?.[1], mail.text);
  return m[1];
}

describe('eligibility: the programme rules, checked and explained', () => {
  const rules = templates['installation-mentoring'].rules.eligibility;
  test('installation mentoring asks 3 years of a mentor, 12 months at most since a mentee installed', () => {
    assert.deepEqual(rules, { mentorMinYears: 3, menteeInstalledMaxMonths: 12 });
    assert.deepEqual(templates['des-tutoring'].rules.eligibility, {
      mentorMinYears: null,
      menteeInstalledMaxMonths: null,
    });
  });

  test('a mentor of 2 years does not fit, of 3 years does', () => {
    const day = '2026-11-16';
    const two = checkEligibility(rules, { role: 'tutor', installedOn: null, practisingSince: 2024 }, day);
    const three = checkEligibility(rules, { role: 'tutor', installedOn: null, practisingSince: 2023 }, day);
    assert.equal(two.eligible, false);
    assert.equal(three.eligible, true);
  });

  test('a mentee installed 11 months ago fits, 14 months ago does not, a planned installation does', () => {
    const day = '2026-11-16';
    const at = (installedOn: string) =>
      checkEligibility(rules, { role: 'tutee', installedOn, practisingSince: null }, day);
    assert.equal(at('2025-12-10').eligible, true);
    assert.equal(at('2025-09-10').eligible, false);
    assert.equal(at('2025-11-16').eligible, false, 'twelve months to the day: no longer within the year');
    assert.equal(at('2025-11-17').eligible, true);
    assert.equal(at('2027-02-01').eligible, true);
  });

  test('the answer to the form says why, in the caller’s language, and the request is recorded either way', async () => {
    const { programme } = await cpts();
    const late = await send(programme.id, asker({ installedOn: '2025-09-10' }));
    assert.equal(late.statusCode, 201, late.body);
    assert.deepEqual(late.json().eligibility, {
      eligible: false,
      checks: [
        {
          rule: 'menteeInstalledMaxMonths',
          ok: false,
          explanation:
            'Installé·e depuis 14 mois : le programme accueille jusqu’à 12 mois après l’installation.',
        },
      ],
    });
    const recent = await send(programme.id, asker({ installedOn: '2025-12-10' }), 'en');
    assert.equal(recent.json().eligibility.eligible, true);
    assert.equal(
      recent.json().eligibility.checks[0].explanation,
      'Installed 11 months ago: the programme welcomes people up to 12 months after their installation.',
    );
    const planned = await send(programme.id, asker({ installedOn: '2027-01-15' }));
    assert.equal(planned.json().eligibility.eligible, true);
    assert.match(planned.json().eligibility.checks[0].explanation, /^Installation prévue le 15 janvier 2027/);
    const junior = await send(
      programme.id,
      asker({ role: 'tutor', installedOn: null, place: null, practisingSince: 2024 }),
    );
    assert.equal(
      junior.json().eligibility.checks[0].explanation,
      'En exercice depuis 2 ans : le programme demande au moins 3 ans d’exercice aux mentor·es.',
    );
    const rows = await server.db
      .selectFrom('join_requests')
      .select(['eligible', 'state'])
      .where('programme_id', '=', programme.id)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.eligible, r.state]),
      [
        [0, 'unconfirmed'],
        [1, 'unconfirmed'],
        [1, 'unconfirmed'],
        [0, 'unconfirmed'],
      ],
    );
  });

  test('rules saved before eligibility existed read as their template’s', async () => {
    const { programme, coordinator } = await cpts();
    const { eligibility: _, ...older } = templates['installation-mentoring'].rules;
    await server.db
      .updateTable('programmes')
      .set({ rules: JSON.stringify(older) })
      .where('id', '=', programme.id)
      .execute();
    const read = await call(coordinator.cookie, 'GET', `/api/programmes/${programme.id}`);
    assert.deepEqual(read.json().rules.eligibility, { mentorMinYears: 3, menteeInstalledMaxMonths: 12 });
    const page = await call(undefined, 'GET', `/api/join/${programme.id}`);
    assert.deepEqual(page.json().rules, [
      'Mentoré·e : en cours d’installation, ou installé·e depuis moins de 12 mois.',
      'Mentor·e : au moins 3 ans d’exercice.',
    ]);
  });
});

describe('bad input: clear messages, nothing written', () => {
  test('each wrong field says what is wrong, in French or English', async () => {
    const { programme } = await cpts();
    const before = await changes.mark();
    const bad = await send(programme.id, asker({ name: '', email: 'pas-une-adresse', needs: 'court' }));
    assert.equal(bad.statusCode, 400);
    const fields = Object.fromEntries(
      bad.json().error.details.fields.map((f: { path: string; message: string }) => [f.path, f.message]),
    );
    assert.deepEqual(fields, {
      name: 'Ce champ est requis',
      email: 'Adresse e-mail invalide',
      needs: 'Dites-en un peu plus (10 caractères au moins)',
    });
    const en = await send(programme.id, asker({ phone: '12' }), 'en');
    assert.deepEqual(en.json().error.details.fields, [{ path: 'phone', message: 'Invalid number' }]);
    const noDate = await send(programme.id, asker({ installedOn: null }));
    assert.deepEqual(noDate.json().error.details.fields, [
      { path: 'installedOn', message: 'Indiquez la date d’installation, prévue ou effective' },
    ]);
    const noYear = await send(programme.id, asker({ role: 'tutor', practisingSince: null }), 'en');
    assert.deepEqual(noYear.json().error.details.fields, [
      { path: 'practisingSince', message: 'Give the year you started practising (for example 2015)' },
    ]);
    assert.deepEqual(await changes.changedSince(before), []);
  });

  test('a programme that does not take requests is not found, whatever its id', async () => {
    const { programme, coordinator } = await cpts();
    const closed = await call(
      coordinator.cookie,
      'PUT',
      `/api/programmes/${programme.id}/join-requests/settings`,
      {
        open: false,
      },
    );
    assert.equal(closed.statusCode, 200, closed.body);
    assert.equal(closed.json().open, false);
    const before = await changes.mark();
    for (const id of [programme.id, '0190f0d0-0000-7000-8000-000000000000']) {
      assert.equal((await call(undefined, 'GET', `/api/join/${id}`)).statusCode, 404);
      assert.equal((await send(id, asker())).statusCode, 404);
    }
    assert.deepEqual(await changes.changedSince(before), []);
  });
});

describe('from the form to the coordination', () => {
  test('the request reaches the queue only once the person confirms from the e-mailed link', async () => {
    const { programme, coordinator } = await cpts();
    const body = asker();
    assert.equal((await send(programme.id, body)).statusCode, 201);
    const queue = () => call(coordinator.cookie, 'GET', `/api/programmes/${programme.id}/join-requests`);
    assert.equal((await queue()).json().requests.length, 0);
    const token = await linkOf(body.email);
    const stored = await server.db
      .selectFrom('join_requests')
      .select('token_hash')
      .where('email', '=', body.email)
      .executeTakeFirstOrThrow();
    assert.ok(stored.token_hash && !stored.token_hash.includes(token), 'the secret is stored hashed');
    const page = await call(undefined, 'GET', `/api/join-link/${token}`);
    assert.equal(page.json().state, 'unconfirmed');
    assert.deepEqual(page.json().actions, { confirm: true, withdraw: true });
    const confirmed = await call(undefined, 'POST', `/api/join-link/${token}/confirm`);
    assert.equal(confirmed.json().state, 'pending');
    assert.equal((await call(undefined, 'POST', `/api/join-link/${token}/confirm`)).json().state, 'pending');
    const listed = (await queue()).json();
    assert.equal(listed.counts.pending, 1);
    assert.equal(listed.path, `/rejoindre/${programme.id}`);
    assert.equal(listed.requests[0].name, 'Lou Nouvelle');
    assert.equal(listed.requests[0].phone, '+33612345678');
    assert.deepEqual(listed.requests[0].actions, { accept: true, decline: true });
    await server.deliver();
    const notices = await server.db
      .selectFrom('notifications')
      .select('title')
      .where('user_id', '=', coordinator.id)
      .execute();
    assert.deepEqual(
      notices.map((n) => n.title),
      [`Nouvelle demande : « ${await programmeName(programme.id)} »`],
    );
  });

  test('a made-up link opens nothing', async () => {
    const res = await call(undefined, 'GET', `/api/join-link/${'z'.repeat(43)}`);
    assert.equal(res.statusCode, 404);
    assert.equal(res.json().error.code, 'join_link_stale');
  });

  test('accepting makes the person a member in the role asked, with an invitation; the queue shows requested, accepted, matched', async () => {
    const { programme, coordinator, mentor } = await cpts();
    const r = await joinRequest(server.ctx, { programme, email: 'lou.accueil@example.org' });
    const res = await call(
      coordinator.cookie,
      'POST',
      `/api/programmes/${programme.id}/join-requests/${r.id}/accept`,
      {},
    );
    assert.equal(res.statusCode, 200, res.body);
    const row = await server.db
      .selectFrom('join_requests')
      .selectAll()
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.state, 'accepted');
    assert.equal(row.decision, 'accepted');
    assert.equal(row.decided_by, coordinator.id);
    const membership = await server.db
      .selectFrom('memberships')
      .selectAll()
      .where('id', '=', row.membership_id as string)
      .executeTakeFirstOrThrow();
    assert.equal(membership.user_id, row.user_id);
    assert.equal(membership.role, 'tutee');
    assert.equal(membership.programme_id, programme.id);
    await server.deliver();
    assert.match(server.mailer.lastTo('lou.accueil@example.org')?.subject ?? '', /vous invite/);
    const profile = await server.db
      .selectFrom('org_members')
      .select('home_commune')
      .where('user_id', '=', row.user_id as string)
      .executeTakeFirstOrThrow();
    assert.equal(profile.home_commune, 'Corbie');

    await pair(server.ctx, programme, mentor.id, row.user_id as string);
    const item = (
      await call(coordinator.cookie, 'GET', `/api/programmes/${programme.id}/join-requests`)
    ).json().requests[0];
    assert.equal(item.state, 'accepted');
    assert.equal(item.decidedBy, 'Coordinatrice CPTS');
    assert.ok(item.member.memberSince);
    assert.ok(item.member.matchedAt);
    assert.deepEqual(item.actions, { accept: false, decline: false });
    const again = await call(
      coordinator.cookie,
      'POST',
      `/api/programmes/${programme.id}/join-requests/${r.id}/accept`,
      {},
    );
    assert.equal(again.statusCode, 409);
  });

  test('accepting a request that does not fit the rules needs a reason, kept and audited', async () => {
    const { programme, coordinator } = await cpts();
    const r = await joinRequest(server.ctx, { programme, eligible: false });
    const url = `/api/programmes/${programme.id}/join-requests/${r.id}/accept`;
    const before = await changes.mark();
    const bare = await call(coordinator.cookie, 'POST', url, { overrideReason: '  ' });
    assert.equal(bare.statusCode, 400);
    assert.deepEqual(bare.json().error.details.fields, [
      {
        path: 'overrideReason',
        message: 'Cette demande ne correspond pas aux règles du programme : écrivez pourquoi vous l’acceptez',
      },
    ]);
    assert.deepEqual(await changes.changedSince(before), []);
    const reason = 'Installée depuis 14 mois mais reprise d’un cabinet : le bureau a validé.';
    const ok = await call(coordinator.cookie, 'POST', url, { overrideReason: reason });
    assert.equal(ok.statusCode, 200, ok.body);
    const row = await server.db
      .selectFrom('join_requests')
      .select(['override_reason', 'eligible'])
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { override_reason: reason, eligible: 0 });
    const audited = await server.db
      .selectFrom('audit_log')
      .select(['action', 'actor_id', 'meta'])
      .where('subject_id', '=', r.id)
      .executeTakeFirstOrThrow();
    assert.equal(audited.action, 'join_request.accepted_override');
    assert.equal(audited.actor_id, coordinator.id);
    assert.equal(JSON.parse(audited.meta ?? '{}').reason, reason);
  });

  test('declining tells the person by e-mail, with the coordination’s message', async () => {
    const { programme, coordinator } = await cpts();
    const r = await joinRequest(server.ctx, { programme });
    const url = `/api/programmes/${programme.id}/join-requests/${r.id}/decline`;
    const res = await call(coordinator.cookie, 'POST', url, {
      message: 'Le programme est complet cette année.',
    });
    assert.equal(res.statusCode, 200, res.body);
    await server.deliver();
    const mail = server.mailer.lastTo(r.email);
    assert.ok(mail);
    assert.match(mail.text ?? '', /n’a pas donné suite/);
    assert.match(mail.text ?? '', /Le programme est complet cette année\./);
    const page = await call(undefined, 'GET', `/api/join-link/${r.token}`);
    assert.equal(page.json().state, 'declined');
    assert.equal(page.json().declineMessage, 'Le programme est complet cette année.');
    assert.equal((await call(coordinator.cookie, 'POST', url, {})).statusCode, 409);
  });

  test('the person withdraws from their link; the request can no longer be decided', async () => {
    const { programme, coordinator } = await cpts();
    const r = await joinRequest(server.ctx, { programme });
    const res = await call(undefined, 'POST', `/api/join-link/${r.token}/withdraw`);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().state, 'withdrawn');
    assert.deepEqual(res.json().actions, { confirm: false, withdraw: false });
    const queue = (
      await call(coordinator.cookie, 'GET', `/api/programmes/${programme.id}/join-requests`)
    ).json();
    assert.deepEqual(queue.counts, { pending: 0, accepted: 0, declined: 0, withdrawn: 1 });
    const accept = await call(
      coordinator.cookie,
      'POST',
      `/api/programmes/${programme.id}/join-requests/${r.id}/accept`,
      {},
    );
    assert.equal(accept.statusCode, 409);
    assert.equal((await call(undefined, 'POST', `/api/join-link/${r.token}/withdraw`)).statusCode, 409);
  });

  test('refusals change nothing: a mentor gets 403, another organisation 404', async () => {
    const { programme, mentor } = await cpts();
    const other = await cpts();
    const r = await joinRequest(server.ctx, { programme });
    const before = await changes.mark();
    const base = `/api/programmes/${programme.id}/join-requests`;
    for (const [cookie, status] of [
      [mentor.cookie, 403],
      [other.coordinator.cookie, 404],
    ] as const) {
      assert.equal((await call(cookie, 'GET', base)).statusCode, status);
      assert.equal((await call(cookie, 'POST', `${base}/${r.id}/accept`, {})).statusCode, status);
      assert.equal((await call(cookie, 'POST', `${base}/${r.id}/decline`, {})).statusCode, status);
      assert.equal((await call(cookie, 'PUT', `${base}/settings`, { open: false })).statusCode, status);
    }
    // Another programme's coordinator cannot reach this request through their own programme.
    const cross = await call(
      other.coordinator.cookie,
      'POST',
      `/api/programmes/${other.programme.id}/join-requests/${r.id}/accept`,
      {},
    );
    assert.equal(cross.statusCode, 404);
    assert.deepEqual(await changes.changedSince(before), []);
  });
});

describe('requests in data rights and retention', () => {
  test('the person’s export lists their request; erasure takes off what they wrote', async () => {
    const { programme, orgId } = await cpts();
    const person = await createUser(server.ctx, orgId, { name: 'Lou Exportée' });
    await joinRequest(server.ctx, { programme, email: person.email, name: 'Lou Exportée' });
    const data = await call(person.cookie, 'GET', '/api/me/data/export.json');
    assert.equal(data.statusCode, 200, data.body.slice(0, 200));
    const requests = data.json().joinRequests;
    assert.equal(requests.length, 1);
    assert.equal(requests[0].needs, 'Organiser mon cabinet et mes gardes.');
    const { erasePerson } = await import('../rights/erase.ts');
    await server.db.transaction().execute((trx) => erasePerson(trx, person.id, server.clock.now()));
    const row = await server.db
      .selectFrom('join_requests')
      .selectAll()
      .where('programme_id', '=', programme.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.needs, '');
    assert.equal(row.name, 'Personne supprimée');
    assert.ok(!row.email.includes('@example.org'));
    assert.equal(row.state, 'pending', 'the fact of the request stays for the programme’s review');
  });

  test('declined and withdrawn requests go after the organisation’s period; pending ones stay', async () => {
    const { programme, orgId } = await cpts();
    const declined = await joinRequest(server.ctx, { programme });
    const pending = await joinRequest(server.ctx, { programme });
    const long = new Date(server.clock.now().getTime() - 200 * 86_400_000).toISOString();
    await server.db
      .updateTable('join_requests')
      .set({ state: 'declined', decision: 'declined', decided_at: long })
      .where('id', '=', declined.id)
      .execute();
    await server.db
      .updateTable('join_requests')
      .set({ created_at: long, confirmed_at: long })
      .where('id', '=', pending.id)
      .execute();
    const purged = await purgeExpired(server.db, server.clock.now());
    assert.ok(purged.joinRequests >= 1);
    const left = await server.db
      .selectFrom('join_requests')
      .select('id')
      .where('org_id', '=', orgId)
      .execute();
    assert.deepEqual(
      left.map((r) => r.id),
      [pending.id],
    );
    assert.equal((await purgeExpired(server.db, server.clock.now())).joinRequests, 0);
  });
});

async function programmeName(id: string) {
  const p = await server.db
    .selectFrom('programmes')
    .select('name')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return p.name;
}
