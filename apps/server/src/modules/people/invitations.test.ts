import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  addMember as addMembership,
  createProgramme,
  createWorld,
  type World,
} from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

const s = await setupTestServer();

/** The coordinator of the world's programme adds an e-mail, typing a name of their own. */
const add = (w: World, email: string, name = 'Nom tapé par la coordination', role = 'tutor') =>
  s.app.inject({
    method: 'POST',
    url: `/api/programmes/${w.programme.id}/members`,
    headers: { cookie: w.actors.coordinator.cookie },
    payload: { email, name, role },
  });

const get = (cookie: string, url: string) => s.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (cookie: string, url: string) =>
  s.app.inject({ method: 'POST', url, headers: { cookie }, payload: {} });

/**
 * The other organisation's coordinator, with a phone they do not share and a past sign-in, not yet
 * invited (the world's own invitation of them is withdrawn).
 */
async function outsider(w: World) {
  const o = w.actors.otherOrgCoordinator;
  await s.db.deleteFrom('programme_invitations').where('id', '=', w.invitationId).execute();
  await s.db
    .updateTable('users')
    .set({ phone: '+33677889900', last_sign_in_at: '2026-11-01T08:00:00.000Z' })
    .where('id', '=', o.id)
    .execute();
  return o;
}

async function enrolment(w: World, userId: string) {
  const [orgMember, memberships] = await Promise.all([
    s.db
      .selectFrom('org_members')
      .select('id')
      .where('org_id', '=', w.orgId)
      .where('user_id', '=', userId)
      .executeTakeFirst(),
    s.db
      .selectFrom('memberships')
      .select(['role', 'ended_at'])
      .where('programme_id', '=', w.programme.id)
      .where('user_id', '=', userId)
      .execute(),
  ]);
  return { orgMember: !!orgMember, memberships };
}

describe('adding the e-mail of an account from another organisation (H2)', () => {
  test('the answer holds only what the coordinator typed, and nobody is enrolled', async () => {
    const w = await createWorld(s.ctx);
    const o = await outsider(w);
    const res = await add(w, o.email.toUpperCase());
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json(), {
      email: o.email,
      name: 'Nom tapé par la coordination',
      role: 'tutor',
      status: 'invited',
    });
    for (const secret of [o.name, '+33677889900', o.id, 'active']) {
      assert.ok(!res.body.includes(secret), `the answer reveals ${secret}`);
    }
    assert.deepEqual(await enrolment(w, o.id), { orgMember: false, memberships: [] });
    const people = await get(w.actors.coordinator.cookie, `/api/programmes/${w.programme.id}/people`);
    assert.ok(!people.body.includes(o.id), 'the coordinator’s list does not show the invitee');
  });

  test('an invitation e-mail (in the person’s language) and an in-app notice reach the invitee', async () => {
    const w = await createWorld(s.ctx);
    const o = await outsider(w);
    await add(w, o.email);
    await s.deliver();
    const mail = s.mailer.lastTo(o.email);
    assert.ok(mail, 'an e-mail was sent');
    assert.match(mail.subject, /Coordinatrice A vous invite/);
    assert.match(mail.text, /Département A/);
    assert.match(mail.text, /tuteur·rice/);
    assert.match(mail.text, /http:\/\/compagnon\.test\/invitations/);
    const notices = await get(o.cookie, '/api/notifications');
    assert.match(notices.body, /Département A/);
    await s.deliver();
    assert.equal(s.mailer.sent.filter((m) => m.to === o.email).length, 1, 'sent once');
  });

  test('the invitee sees the invitation and accepting it enrols them', async () => {
    const w = await createWorld(s.ctx);
    const o = await outsider(w);
    await add(w, o.email);
    const list = await get(o.cookie, '/api/me/invitations');
    assert.equal(list.statusCode, 200, list.body);
    const [inv, ...rest] = list.json();
    assert.equal(rest.length, 0);
    assert.equal(inv.organisation.name, 'Département A');
    assert.equal(inv.role, 'tutor');
    assert.equal(inv.invitedBy, 'Coordinatrice A');
    assert.equal(inv.phoneShared, true, 'the programme’s phone rule is told before joining');
    const ok = await post(o.cookie, `/api/me/invitations/${inv.id}/accept`);
    assert.equal(ok.statusCode, 200, ok.body);
    assert.deepEqual(await enrolment(w, o.id), {
      orgMember: true,
      memberships: [{ role: 'tutor', ended_at: null }],
    });
    const me = await get(o.cookie, '/api/me');
    assert.ok(me.json().organisations.some((x: { id: string }) => x.id === w.orgId));
    assert.deepEqual((await get(o.cookie, '/api/me/invitations')).json(), []);
    const again = await post(o.cookie, `/api/me/invitations/${inv.id}/accept`);
    assert.equal(again.statusCode, 404, 'an answered invitation cannot be answered again');
  });

  test('declining leaves nothing behind', async () => {
    const w = await createWorld(s.ctx);
    const o = await outsider(w);
    await add(w, o.email);
    const [inv] = (await get(o.cookie, '/api/me/invitations')).json();
    const res = await post(o.cookie, `/api/me/invitations/${inv.id}/decline`);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(await enrolment(w, o.id), { orgMember: false, memberships: [] });
    assert.deepEqual((await get(o.cookie, '/api/me/invitations')).json(), []);
  });

  test('nobody else can accept the invitation, not even the coordinator who sent it', async () => {
    const w = await createWorld(s.ctx);
    const o = await outsider(w);
    await add(w, o.email);
    const [inv] = (await get(o.cookie, '/api/me/invitations')).json();
    for (const a of [w.actors.coordinator, w.actors.orgAdmin, w.actors.tutee]) {
      const res = await post(a.cookie, `/api/me/invitations/${inv.id}/accept`);
      assert.equal(res.statusCode, 404);
    }
    assert.deepEqual(await enrolment(w, o.id), { orgMember: false, memberships: [] });
  });

  test('inviting twice with the same role is a clear 409; an expired invitation cannot be accepted', async () => {
    const w = await createWorld(s.ctx);
    const o = await outsider(w);
    await add(w, o.email);
    const twice = await add(w, o.email);
    assert.equal(twice.statusCode, 409);
    assert.match(twice.json().error.message, /déjà invité·e/);
    const [inv] = (await get(o.cookie, '/api/me/invitations')).json();
    // Fourteen days later, unanswered.
    await s.db
      .updateTable('programme_invitations')
      .set({ expires_at: s.clock.now().toISOString() })
      .where('id', '=', inv.id)
      .execute();
    assert.deepEqual((await get(o.cookie, '/api/me/invitations')).json(), []);
    assert.equal((await post(o.cookie, `/api/me/invitations/${inv.id}/accept`)).statusCode, 404);
    assert.deepEqual(await enrolment(w, o.id), { orgMember: false, memberships: [] });
  });
});

describe('adding someone already in the organisation', () => {
  test('they join the programme at once; the answer still holds only what was typed', async () => {
    const w = await createWorld(s.ctx);
    const other = await createProgramme(s.ctx, w.orgId, 'peer-tutoring');
    const url = `/api/programmes/${other.id}/members`;
    const res = await s.app.inject({
      method: 'POST',
      url,
      headers: { cookie: w.actors.orgAdmin.cookie },
      payload: { email: w.actors.tutee.email, name: 'Interne tapée', role: 'tutee' },
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.deepEqual(res.json(), {
      email: w.actors.tutee.email,
      name: 'Interne tapée',
      role: 'tutee',
      status: 'added',
    });
    const m = await s.db
      .selectFrom('memberships')
      .select('id')
      .where('programme_id', '=', other.id)
      .where('user_id', '=', w.actors.tutee.id)
      .execute();
    assert.equal(m.length, 1);
  });
});

describe('removal from a programme', () => {
  test('removed from their last programme, a person is no longer enrolled in the organisation', async () => {
    const w = await createWorld(s.ctx);
    const res = await s.app.inject({
      method: 'DELETE',
      url: `/api/programmes/${w.programme.id}/members/${w.tuteeMembership}`,
      headers: { cookie: w.actors.coordinator.cookie },
    });
    assert.equal(res.statusCode, 200);
    assert.equal((await enrolment(w, w.actors.tutee.id)).orgMember, false);
    const me = await get(w.actors.tutee.cookie, '/api/me');
    assert.deepEqual(me.json().organisations, []);
    assert.equal((await get(w.actors.tutee.cookie, `/api/orgs/${w.orgId}/profile`)).statusCode, 404);
  });

  test('a person with another programme in the organisation, or its admin, stays enrolled', async () => {
    const w = await createWorld(s.ctx);
    const other = await createProgramme(s.ctx, w.orgId, 'peer-tutoring');
    await addMembership(s.ctx, other, w.actors.tutee.id, 'tutee');
    const adminMembership = await addMembership(s.ctx, w.programme, w.actors.orgAdmin.id, 'tutor');
    for (const id of [w.tuteeMembership, adminMembership]) {
      const res = await s.app.inject({
        method: 'DELETE',
        url: `/api/programmes/${w.programme.id}/members/${id}`,
        headers: { cookie: w.actors.coordinator.cookie },
      });
      assert.equal(res.statusCode, 200);
    }
    assert.equal((await enrolment(w, w.actors.tutee.id)).orgMember, true);
    assert.equal((await enrolment(w, w.actors.orgAdmin.id)).orgMember, true);
  });
});

describe('importing a file that holds the e-mail of an account from another organisation', () => {
  test('the account is invited, not enrolled; the others of the file are imported', async () => {
    const w = await createWorld(s.ctx);
    const o = await outsider(w);
    const csv = `Prénom;Nom;E-mail;Rôle\r\nInès;Nouvelle;ines.nouvelle.${Date.now()}@example.org;interne\r\nNom;Tapé;${o.email};tuteur\r\n`;
    const boundary = '----compagnonimport';
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="personnes.csv"\r\n` +
        `Content-Type: text/csv\r\n\r\n${csv}\r\n--${boundary}--\r\n`,
    );
    const cookie = w.actors.coordinator.cookie;
    const preview = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${w.programme.id}/imports`,
      headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    assert.equal(preview.statusCode, 201, preview.body);
    assert.ok(!preview.body.includes(o.name) && !preview.body.includes('+33677889900'));
    const commit = await post(
      cookie,
      `/api/programmes/${w.programme.id}/imports/${preview.json().id}/commit`,
    );
    assert.equal(commit.statusCode, 200, commit.body);
    assert.deepEqual(await enrolment(w, o.id), { orgMember: false, memberships: [] });
    const [inv] = (await get(o.cookie, '/api/me/invitations')).json();
    assert.equal(inv?.role, 'tutor');
    assert.equal((await post(o.cookie, `/api/me/invitations/${inv.id}/accept`)).statusCode, 200);
    assert.deepEqual(await enrolment(w, o.id), {
      orgMember: true,
      memberships: [{ role: 'tutor', ended_at: null }],
    });
  });
});
