import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMember, createOrg, createProgramme, createUser } from '../../test/factories.ts';
import { createNetworkWorld, type NetworkWorld } from '../../test/factories-networks.ts';
import { team } from '../../test/factories-teams.ts';
import { setupTestServer } from '../../test/harness.ts';
import { erasePerson } from '../rights/erase.ts';
import { networkRemindersSweep } from './mails.ts';

const server = await setupTestServer();
// The harness's clock: 16 November 2026, 10:00 in Paris.

type Method = 'GET' | 'POST' | 'DELETE';
const call = (cookie: string, method: Method, url: string, payload?: object) =>
  server.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
const audited = (action: string) =>
  server.db.selectFrom('audit_log').select(['org_id', 'subject_id']).where('action', '=', action).execute();

/** A network created through the API by the world's coordinator with the world's team. */
async function created(w: NetworkWorld) {
  const res = await call(w.actors.coordinator.cookie, 'POST', '/api/networks', {
    name: 'Réseau national des tuteurs',
    scope: 'national',
    description: 'Pour échanger entre facultés.',
    teamId: w.teams.teamId,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: string; code: string };
}

describe('creating and joining', () => {
  test('a coordinator creates a network with a team; the code, stored hashed, joins a team of another organisation once', async () => {
    const w = await createNetworkWorld(server.ctx);
    const n = await created(w);
    assert.match(n.code, /^[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}-[A-HJ-NP-Z2-9]{4}$/);
    const row = await server.db
      .selectFrom('networks')
      .selectAll()
      .where('id', '=', n.id)
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(row).includes(n.code.replace(/-/g, '')));
    assert.equal((await audited('network.created')).filter((a) => a.subject_id === n.id).length, 1);

    const B = w.actors.otherOrgCoordinator.cookie;
    const wrong = await call(B, 'POST', '/api/networks/join', {
      code: 'AAAA-BBBB-CCCC',
      teamId: w.networks.teamBId,
    });
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.json().error.message, /code/i);
    const typed = n.code.toLowerCase().replace(/-/g, ' ');
    const joined = await call(B, 'POST', '/api/networks/join', { code: typed, teamId: w.networks.teamBId });
    assert.equal(joined.statusCode, 200, joined.body);
    assert.equal(joined.json().networkId, n.id);
    const again = await call(B, 'POST', '/api/networks/join', { code: n.code, teamId: w.networks.teamBId });
    assert.equal(again.statusCode, 409);
    assert.match(again.json().error.message, /Équipe CPTS B/);
    // A team of another organisation is out of the joiner's scope; a tutor does not join their team.
    const foreign = await call(B, 'POST', '/api/networks/join', {
      code: n.code,
      teamId: w.networks.spareTeamId,
    });
    assert.equal(foreign.statusCode, 404);
    const byTutor = await call(w.actors.tutor.cookie, 'POST', '/api/networks/join', {
      code: n.code,
      teamId: w.networks.spareTeamId,
    });
    assert.equal(byTutor.statusCode, 403);

    const page = await call(w.networks.tutorB.cookie, 'GET', `/api/networks/${n.id}`);
    assert.equal(page.statusCode, 200, page.body);
    assert.deepEqual(
      page.json().teams.map((t: { name: string; organisation: string }) => [t.name, t.organisation]),
      [
        ['Équipe A', 'Département A'],
        ['Équipe CPTS B', 'CPTS B'],
      ],
    );
    // The viewer's own team is told apart: one they belong to, or one they only coordinate.
    const own = (p: typeof page) =>
      p.json().teams.map((t: { name: string; mine: boolean; member: boolean }) => [t.name, t.mine, t.member]);
    assert.deepEqual(own(page), [
      ['Équipe A', false, false],
      ['Équipe CPTS B', true, true],
    ]);
    const coordinated = await call(w.actors.coordinator.cookie, 'GET', `/api/networks/${n.id}`);
    assert.deepEqual(own(coordinated), [
      ['Équipe A', true, false],
      ['Équipe CPTS B', false, false],
    ]);
    // Member teams by name and organisation only: never their people.
    for (const secret of [w.actors.tutor.name, w.actors.tutor.email, w.teams.mate.name, w.teams.mate.email])
      assert.ok(!page.body.includes(secret), secret);
    const mine = await call(w.networks.tutorB.cookie, 'GET', '/api/me/networks');
    assert.ok(mine.json().networks.some((x: { id: string }) => x.id === n.id));
  });

  test('a new code replaces the old one at once (audited)', async () => {
    const w = await createNetworkWorld(server.ctx);
    const renewed = await call(
      w.actors.otherOrgCoordinator.cookie,
      'POST',
      `/api/networks/${w.networks.networkId}/code`,
    );
    assert.equal(renewed.statusCode, 200, renewed.body);
    assert.equal(
      (await call(w.actors.tutor.cookie, 'POST', `/api/networks/${w.networks.networkId}/code`)).statusCode,
      403,
    );
    const old = await call(w.actors.coordinator.cookie, 'POST', '/api/networks/join', {
      code: w.networks.code,
      teamId: w.networks.spareTeamId,
    });
    assert.equal(old.statusCode, 400);
    const fresh = await call(w.actors.coordinator.cookie, 'POST', '/api/networks/join', {
      code: renewed.json().code,
      teamId: w.networks.spareTeamId,
    });
    assert.equal(fresh.statusCode, 200, fresh.body);
    assert.equal(
      (await audited('network.code_regenerated')).filter((a) => a.subject_id === w.networks.networkId).length,
      1,
    );
  });

  test('a team leaves (kept with its date), the creator removes any team, nobody else does; archived, nothing changes', async () => {
    const w = await createNetworkWorld(server.ctx);
    const url = (teamId: string) => `/api/networks/${w.networks.networkId}/teams/${teamId}`;
    assert.equal(
      (await call(w.actors.otherOrgCoordinator.cookie, 'DELETE', url(w.teams.teamId))).statusCode,
      403,
    );
    assert.equal((await call(w.actors.tutor.cookie, 'DELETE', url(w.teams.teamId))).statusCode, 403);
    assert.equal(
      (await call(w.actors.otherOrgCoordinator.cookie, 'DELETE', url(w.networks.teamBId))).statusCode,
      200,
    );
    const left = await server.db
      .selectFrom('network_teams')
      .select(['left_at', 'left_by'])
      .where('team_id', '=', w.networks.teamBId)
      .executeTakeFirstOrThrow();
    assert.ok(left.left_at);
    assert.equal(left.left_by, w.actors.otherOrgCoordinator.id);
    // Out of the network, its members see it no more.
    assert.equal(
      (await call(w.networks.tutorB.cookie, 'GET', `/api/networks/${w.networks.networkId}`)).statusCode,
      404,
    );
    assert.equal(
      (await audited('network.left')).filter((a) => a.subject_id === w.networks.networkId).length,
      2,
    );
    // It may join again, with the code.
    const back = await call(w.actors.otherOrgCoordinator.cookie, 'POST', '/api/networks/join', {
      code: w.networks.code,
      teamId: w.networks.teamBId,
    });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(
      (await call(w.actors.coordinator.cookie, 'DELETE', url(w.networks.teamBId))).statusCode,
      200,
    );
    assert.equal(
      (await audited('network.team_removed')).filter((a) => a.subject_id === w.networks.networkId).length,
      2,
    );

    assert.equal(
      (
        await call(
          w.actors.otherOrgCoordinator.cookie,
          'POST',
          `/api/networks/${w.networks.networkId}/archive`,
        )
      ).statusCode,
      404,
    );
    assert.equal(
      (await call(w.actors.coordinator.cookie, 'POST', `/api/networks/${w.networks.networkId}/archive`))
        .statusCode,
      200,
    );
    const post = await call(w.actors.tutor.cookie, 'POST', `/api/networks/${w.networks.networkId}/messages`, {
      body: 'Encore là ?',
    });
    assert.equal(post.statusCode, 409);
    assert.match(post.json().error.message, /archivé/);
    const join = await call(w.actors.coordinator.cookie, 'POST', '/api/networks/join', {
      code: w.networks.code,
      teamId: w.networks.spareTeamId,
    });
    assert.equal(join.statusCode, 409);
  });
});

describe('the thread', () => {
  test('each reads the other organisation’s messages with author, team and organisation; unread counts; delete and hide', async () => {
    const w = await createNetworkWorld(server.ctx);
    const thread = `/api/networks/${w.networks.networkId}/messages`;
    const B = w.networks.tutorB.cookie;
    const count = async (cookie: string) =>
      (await call(cookie, 'GET', '/api/me/networks'))
        .json()
        .networks.find((n: { id: string }) => n.id === w.networks.networkId).unread as number;
    assert.equal(await count(B), 1);
    const read = await call(B, 'GET', thread);
    assert.equal(read.statusCode, 200);
    const first = read.json().messages.find((m: { id: string }) => m.id === w.networks.messageId);
    assert.deepEqual(first.author, { name: 'Tuteur A', team: 'Équipe A', organisation: 'Département A' });
    assert.equal(await count(B), 0);
    server.clock.advance(60_000);
    assert.equal((await call(w.actors.tutor.cookie, 'POST', thread, { body: 'Merci !' })).statusCode, 201);
    assert.equal(await count(B), 1);
    // No e-mail and no notice per message.
    await server.deliver();
    assert.equal(server.mailer.lastTo(w.networks.tutorB.email), undefined);

    assert.equal((await call(B, 'DELETE', `${thread}/${w.networks.messageId}`)).statusCode, 403);
    assert.equal(
      (await call(w.actors.tutor.cookie, 'DELETE', `${thread}/${w.networks.messageId}`)).statusCode,
      200,
    );
    assert.equal(
      (await call(w.actors.otherOrgCoordinator.cookie, 'POST', `${thread}/${w.networks.otherMessageId}/hide`))
        .statusCode,
      403,
    );
    assert.equal(
      (await call(w.actors.coordinator.cookie, 'POST', `${thread}/${w.networks.otherMessageId}/hide`))
        .statusCode,
      200,
    );
    const after = (await call(B, 'GET', thread)).json().messages;
    const byId = (id: string) => after.find((m: { id: string }) => m.id === id);
    assert.equal(byId(w.networks.messageId).erased, true);
    assert.equal(byId(w.networks.messageId).body, '');
    assert.equal(byId(w.networks.otherMessageId).hidden, true);
    assert.equal(byId(w.networks.otherMessageId).body, '');
    const hidden = await audited('network.message_hidden');
    assert.deepEqual(
      hidden.filter((a) => a.subject_id === w.networks.otherMessageId).map((a) => a.org_id),
      [w.orgId],
    );
  });

  test('a long thread comes in pages of 50, the newest first', async () => {
    const w = await createNetworkWorld(server.ctx);
    const thread = `/api/networks/${w.networks.networkId}/messages`;
    for (let i = 0; i < 55; i++) {
      server.clock.advance(1000);
      await call(w.actors.tutor.cookie, 'POST', thread, { body: `Message ${i}` });
    }
    const page = (await call(w.networks.tutorB.cookie, 'GET', thread)).json();
    assert.equal(page.messages.length, 50);
    assert.equal(page.more, true);
    assert.equal(page.messages.at(-1).body, 'Message 54');
    const earlier = (
      await call(w.networks.tutorB.cookie, 'GET', `${thread}?before=${page.messages[0].id}`)
    ).json();
    assert.equal(earlier.messages.length, 7);
    assert.equal(earlier.more, false);
  });
});

/** A network whose two teams hold `n` more tutors each, for the sessions' tests. */
async function crowded(n: number) {
  const w = await createNetworkWorld(server.ctx);
  const extra = [];
  for (let i = 0; i < n; i++) {
    const a = await createUser(server.ctx, w.orgId, { name: `Tuteur A${i}` });
    await addMember(server.ctx, w.programme, a.id, 'tutor', 4);
    const b = await createUser(server.ctx, w.otherOrgId, { name: `Tutrice B${i}` });
    await addMember(server.ctx, w.networks.programmeB, b.id, 'tutor', 4);
    for (const [u, teamId, orgId] of [
      [a, w.teams.teamId, w.orgId],
      [b, w.networks.teamBId, w.otherOrgId],
    ] as const)
      await server.db
        .insertInto('team_members')
        .values({
          id: `${u.id}-m`,
          team_id: teamId,
          org_id: orgId,
          user_id: u.id,
          joined_at: '2026-01-01T00:00:00.000Z',
          left_at: null,
        })
        .execute();
    extra.push(a, b);
  }
  return { w, extra };
}

const sessionBody = (over: Record<string, unknown> = {}) => ({
  title: 'Soirée d’échanges régionale',
  start: '2026-12-10T18:00',
  end: '2026-12-10T20:00',
  mode: 'video',
  videoUrl: 'https://visio.example.org/soiree',
  capacity: 2,
  description: 'Cas difficiles.',
  ...over,
});

describe('sessions', () => {
  test('published in the publisher’s zone; past the capacity a member waits with their position; a cancellation promotes the first, e-mailed with the invitation', async () => {
    const { w, extra } = await crowded(2);
    await server.db
      .updateTable('organisations')
      .set({ time_zone: 'America/Guadeloupe' })
      .where('id', '=', w.otherOrgId)
      .execute();
    assert.equal(
      (
        await call(
          w.actors.tutor.cookie,
          'POST',
          `/api/networks/${w.networks.networkId}/sessions`,
          sessionBody(),
        )
      ).statusCode,
      403,
    );
    const made = await call(
      w.actors.otherOrgCoordinator.cookie,
      'POST',
      `/api/networks/${w.networks.networkId}/sessions`,
      sessionBody(),
    );
    assert.equal(made.statusCode, 201, made.body);
    const id = made.json().id;
    const page = (await call(w.actors.tutor.cookie, 'GET', `/api/networks/${w.networks.networkId}`)).json();
    const s = page.sessions.find((x: { id: string }) => x.id === id);
    assert.equal(s.start, '2026-12-10T22:00:00.000Z');
    assert.equal(s.timeZone, 'America/Guadeloupe');
    assert.equal(page.timeZone, 'Europe/Paris');
    assert.equal(s.organisation, 'CPTS B');
    const [a0, b0, a1] = extra as [(typeof extra)[0], (typeof extra)[0], (typeof extra)[0]];
    const reg = (u: { cookie: string }, method: Method = 'POST') =>
      call(u.cookie, method, `/api/network-sessions/${id}/registration`);
    assert.deepEqual((await reg(a0)).json(), { status: 'registered', position: null });
    assert.deepEqual((await reg(b0)).json(), { status: 'registered', position: null });
    assert.deepEqual((await reg(a1)).json(), { status: 'waiting', position: 1 });
    assert.equal((await reg(a1)).statusCode, 409);
    // The coordination of a member team is not a member: it publishes, it does not register.
    assert.equal((await reg(w.actors.coordinator)).statusCode, 403);
    await server.deliver();
    const invitation = server.mailer.lastTo(a0.email);
    assert.ok(invitation?.icalEvent?.content.includes('BEGIN:VEVENT'));
    assert.match(invitation?.text ?? '', /heure de Guadeloupe/);
    assert.equal((await reg(a0, 'DELETE')).statusCode, 200);
    await server.deliver();
    const promoted = server.mailer.lastTo(a1.email);
    assert.match(promoted?.subject ?? '', /place s’est libérée/);
    assert.ok(promoted?.icalEvent?.content.includes('METHOD:REQUEST'));
    const seen = (await call(a1.cookie, 'GET', `/api/networks/${w.networks.networkId}`)).json();
    const mine = seen.sessions.find((x: { id: string }) => x.id === id);
    assert.deepEqual(
      [mine.mine, mine.registered, mine.waiting],
      [{ status: 'registered', position: null }, 2, 0],
    );
    // Who registered is read by nobody across organisations: counts only.
    assert.ok(!JSON.stringify(seen).includes(b0.name));

    // The publisher cancels: those registered get the calendar's cancellation.
    assert.equal(
      (await call(w.actors.coordinator.cookie, 'POST', `/api/network-sessions/${id}/cancel`)).statusCode,
      403,
    );
    assert.equal(
      (await call(w.actors.otherOrgCoordinator.cookie, 'POST', `/api/network-sessions/${id}/cancel`))
        .statusCode,
      200,
    );
    await server.deliver();
    assert.ok(server.mailer.lastTo(b0.email)?.icalEvent?.content.includes('METHOD:CANCEL'));
  });

  test('concurrent registrations never exceed the capacity', async () => {
    const { w, extra } = await crowded(4);
    const made = await call(
      w.actors.coordinator.cookie,
      'POST',
      `/api/networks/${w.networks.networkId}/sessions`,
      sessionBody({ capacity: 3 }),
    );
    const id = made.json().id;
    const answers = await Promise.all(
      extra.map((u) => call(u.cookie, 'POST', `/api/network-sessions/${id}/registration`)),
    );
    assert.ok(
      answers.every((r) => r.statusCode === 200),
      answers.map((r) => r.body).join(),
    );
    const statuses = answers.map((r) => r.json().status);
    assert.equal(statuses.filter((s) => s === 'registered').length, 3);
    assert.equal(statuses.filter((s) => s === 'waiting').length, 5);
    const positions = answers
      .map((r) => r.json().position)
      .filter((p) => p !== null)
      .sort();
    assert.deepEqual(positions, [1, 2, 3, 4, 5]);
  });

  test('the day before, each person registered is reminded once', async () => {
    const w = await createNetworkWorld(server.ctx);
    server.clock.advance(2 * 86_400_000 + 3_600_000);
    const run = () =>
      networkRemindersSweep.handler({
        ctx: server.ctx,
        now: server.clock.now(),
        payload: {},
        job: { id: 'sweep', attempt: 1 },
      });
    await run();
    await run();
    await server.deliver();
    const mails = server.mailer.sent.filter((m) => m.to === w.actors.tutor.email && /demain/.test(m.subject));
    assert.equal(mails.length, 1);
    server.clock.advance(-(2 * 86_400_000 + 3_600_000));
  });
});

describe('isolation', () => {
  test('a member of one network does not read another; no member reads the other organisation’s team, people or programme', async () => {
    const w = await createNetworkWorld(server.ctx);
    // Another network: the other organisation's team and a third organisation's.
    const orgC = await createOrg(server.ctx, 'Faculté C');
    const programmeC = await createProgramme(server.ctx, orgC, 'des-tutoring');
    const coordC = await createUser(server.ctx, orgC, { name: 'Coordinatrice C' });
    await addMember(server.ctx, programmeC, coordC.id, 'coordinator');
    const teamC = await team(server.ctx, { programme: programmeC, name: 'Équipe C', memberIds: [] });
    const other = await call(coordC.cookie, 'POST', '/api/networks', {
      name: 'Réseau C',
      scope: 'national',
      description: '',
      teamId: teamC,
    });
    assert.equal(other.statusCode, 201, other.body);
    const joined = await call(w.actors.otherOrgCoordinator.cookie, 'POST', '/api/networks/join', {
      code: other.json().code,
      teamId: w.networks.teamBId,
    });
    assert.equal(joined.statusCode, 200);
    const otherId = other.json().id;
    for (const a of [w.actors.tutor, w.actors.coordinator, w.actors.orgAdmin, w.actors.otherTutor]) {
      for (const url of [`/api/networks/${otherId}`, `/api/networks/${otherId}/messages`])
        assert.equal((await call(a.cookie, 'GET', url)).statusCode, 404, `${a.name} ${url}`);
      assert.ok(!(await call(a.cookie, 'GET', '/api/me/networks')).body.includes(otherId));
    }
    // Tutrice B, in both networks, reads both; nothing of organisation A beyond the network.
    const B = w.networks.tutorB.cookie;
    assert.equal((await call(B, 'GET', `/api/networks/${otherId}`)).statusCode, 200);
    for (const url of [
      `/api/teams/${w.teams.teamId}`,
      `/api/teams/${w.teams.teamId}/messages`,
      `/api/programmes/${w.programme.id}`,
      `/api/programmes/${w.programme.id}/people`,
      `/api/programmes/${w.programme.id}/people/${w.actors.tutor.id}`,
      `/api/orgs/${w.orgId}`,
    ])
      assert.equal((await call(B, 'GET', url)).statusCode, 404, url);
    for (const url of [
      `/api/teams/${w.networks.teamBId}`,
      `/api/programmes/${w.networks.programmeB.id}/people`,
    ])
      assert.equal((await call(w.actors.tutor.cookie, 'GET', url)).statusCode, 404, url);
  });
});

describe('data rights', () => {
  test('the export holds the person’s messages and registrations; erasure clears the texts and drops the places', async () => {
    const w = await createNetworkWorld(server.ctx);
    const exported = await call(w.actors.tutor.cookie, 'GET', '/api/me/data/export.json');
    assert.equal(exported.statusCode, 200, exported.body.slice(0, 300));
    const data = exported.json();
    assert.deepEqual(
      data.networkMessages.map((m: { network: string; body: string }) => [m.network, m.body]),
      [['Réseau test', 'Qui a une grille pour le RSCA ?']],
    );
    assert.deepEqual(
      data.networkRegistrations.map((r: { title: string; status: string }) => [r.title, r.status]),
      [['Échanges de pratiques', 'registered']],
    );
    const pdf = await call(w.actors.tutor.cookie, 'GET', '/api/me/data/export.pdf');
    assert.equal(pdf.statusCode, 200);
    await server.db.transaction().execute((trx) => erasePerson(trx, w.actors.tutor.id, server.clock.now()));
    const msg = await server.db
      .selectFrom('network_messages')
      .select(['body', 'erased_at'])
      .where('id', '=', w.networks.messageId)
      .executeTakeFirstOrThrow();
    assert.equal(msg.body, '');
    assert.ok(msg.erased_at);
    const places = await server.db
      .selectFrom('network_registrations')
      .select('id')
      .where('user_id', '=', w.actors.tutor.id)
      .execute();
    assert.equal(places.length, 0);
  });
});
