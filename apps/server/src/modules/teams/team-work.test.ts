import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMember, createUser } from '../../test/factories.ts';
import { createTeamWorld, type TeamWorld } from '../../test/factories-teams.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';

const s = await setupTestServer();

async function call(cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  return s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}
const mateCookie = (w: TeamWorld) => sessionCookie(s.ctx, w.teams.mateId);
const inDays = (n: number) => new Date(s.clock.now().getTime() + n * 86_400_000).toISOString();

async function noticesOf(userId: string, like: string) {
  await s.deliver();
  return s.db
    .selectFrom('notifications')
    .select(['title', 'body'])
    .where('user_id', '=', userId)
    .where('title', 'like', like)
    .execute();
}

describe('team meetings', () => {
  test('any member schedules a meeting of the team with the slot finder and a poll; only teammates are invited', async () => {
    const w = await createTeamWorld(s.ctx);
    const cookie = await mateCookie(w);
    const team = (await call(cookie, 'GET', `/api/teams/${w.teams.teamId}`)).json();
    assert.equal(team.actions.scheduleMeeting, true);
    const slots = await call(cookie, 'POST', `/api/programmes/${w.programme.id}/slots`, {
      participantIds: [w.actors.tutor.id],
      durationMinutes: 60,
      from: inDays(2).slice(0, 10),
      to: inDays(9).slice(0, 10),
    });
    assert.equal(slots.statusCode, 200, slots.body);
    const body = {
      title: 'Rencontre de l’équipe',
      mode: 'video',
      durationMinutes: 60,
      teamId: w.teams.teamId,
      participantIds: [w.actors.tutor.id],
      options: [{ start: inDays(3) }, { start: inDays(4) }],
    };
    const made = await call(cookie, 'POST', `/api/programmes/${w.programme.id}/meetings`, body);
    assert.equal(made.statusCode, 201, made.body);
    const id = made.json().id as string;
    const row = await s.db
      .selectFrom('meetings')
      .select('team_id')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(row.team_id, w.teams.teamId);
    // It shows for the teammate, on the team page and in their meetings.
    const page = (await call(w.actors.tutor.cookie, 'GET', `/api/teams/${w.teams.teamId}`)).json();
    assert.ok(page.meetings.some((m: { id: string }) => m.id === id));
    assert.equal((await call(w.actors.tutor.cookie, 'GET', `/api/meetings/${id}`)).statusCode, 200);
    // Someone outside the team is not invited to a team meeting.
    const outside = await call(cookie, 'POST', `/api/programmes/${w.programme.id}/meetings`, {
      ...body,
      participantIds: [w.actors.tutor.id, w.actors.otherTutor.id],
    });
    assert.equal(outside.statusCode, 400);
    // A tutor outside the team may not mark a meeting as the team's.
    const other = await call(w.actors.tutor.cookie, 'POST', `/api/programmes/${w.programme.id}/meetings`, {
      ...body,
      participantIds: [w.actors.tutee.id],
      teamId: 'not-a-team',
    });
    assert.equal(other.statusCode, 403);
  });

  test('its report grid is read and written by the team’s members only; the meeting’s usual report is not offered', async () => {
    const w = await createTeamWorld(s.ctx);
    const url = `/api/teams/${w.teams.teamId}/meetings/${w.teams.meetingId}/report`;
    const saved = await call(w.actors.tutor.cookie, 'PUT', url, {
      cases: [{ name: 'anonymisé', note: 'Interne en difficulté en stage' }],
      decisions: 'Proposer un entretien avec la psychologue',
      followUps: [{ who: 'Tuteur A', what: 'Appeler la coordination', by: '2026-12-20' }],
    });
    assert.equal(saved.statusCode, 200, saved.body);
    const mate = await call(await mateCookie(w), 'GET', url);
    assert.equal(mate.json().content.decisions, 'Proposer un entretien avec la psychologue');
    for (const v of [w.actors.coordinator, w.actors.orgAdmin, w.actors.tutee, w.actors.otherTutor]) {
      const res = await call(v.cookie, 'GET', url);
      assert.equal(res.statusCode, 404, v.name);
      assert.ok(!res.body.includes('psychologue'));
    }
    const meeting = (await call(await mateCookie(w), 'GET', `/api/meetings/${w.teams.meetingId}`)).json();
    assert.equal(meeting.actions.report, false);
    const usual = await call(await mateCookie(w), 'PUT', `/api/meetings/${w.teams.meetingId}/report`, {
      attendance: [],
      durationMinutes: 60,
      content: { themes: 'x' },
      file: true,
    });
    assert.equal(usual.statusCode, 409);
  });
});

describe('overloaded', () => {
  test('a member says they are overloaded; the team and the coordination see it; the author or the coordination closes it', async () => {
    const w = await createTeamWorld(s.ctx);
    const raised = await call(w.actors.tutor.cookie, 'POST', `/api/teams/${w.teams.teamId}/overloads`, {
      message: 'Quatre internes et deux alertes',
    });
    assert.equal(raised.statusCode, 201, raised.body);
    const id = raised.json().id as string;
    for (const cookie of [await mateCookie(w), w.actors.coordinator.cookie]) {
      const page = (await call(cookie, 'GET', `/api/teams/${w.teams.teamId}`)).json();
      const o = page.overloads.find((x: { id: string }) => x.id === id);
      assert.equal(o.message, 'Quatre internes et deux alertes');
    }
    const list = (
      await call(w.actors.coordinator.cookie, 'GET', `/api/programmes/${w.programme.id}/teams`)
    ).json();
    assert.equal(list.teams[0].openOverloads, 2);
    assert.equal((await noticesOf(w.actors.coordinator.id, '%surchargé%')).length, 1);
    assert.equal((await noticesOf(w.teams.mateId, '%surchargé%')).length, 1);
    assert.equal((await noticesOf(w.actors.otherTutor.id, '%surchargé%')).length, 0);
    // A teammate does not close it; its author does.
    const byMate = await call(
      await mateCookie(w),
      'POST',
      `/api/teams/${w.teams.teamId}/overloads/${id}/close`,
      {
        note: null,
      },
    );
    assert.equal(byMate.statusCode, 403);
    const closed = await call(
      w.actors.tutor.cookie,
      'POST',
      `/api/teams/${w.teams.teamId}/overloads/${id}/close`,
      {
        note: 'Réglé en équipe',
      },
    );
    assert.equal(closed.statusCode, 200, closed.body);
  });
});

describe('moving a tutee inside the team', () => {
  const pairsOf = (tuteeId: string) =>
    s.db
      .selectFrom('pairings')
      .select(['id', 'tutor_user_id', 'state', 'end_reason'])
      .where('tutee_user_id', '=', tuteeId)
      .orderBy('created_at')
      .execute();

  test('in a DES the teammate accepts, then the coordination approves; the pairing moves, history kept, everyone told', async () => {
    const w = await createTeamWorld(s.ctx);
    const base = `/api/teams/${w.teams.teamId}/moves/${w.teams.moveId}`;
    // Tuteur C asked to take the tutee: the tutor accepts.
    assert.equal((await call(w.actors.tutor.cookie, 'POST', `${base}/accept`)).statusCode, 200);
    assert.equal((await pairsOf(w.actors.tutee.id)).filter((p) => p.state === 'active').length, 1);
    assert.equal(
      (await pairsOf(w.actors.tutee.id))[0]?.tutor_user_id,
      w.actors.tutor.id,
      'nothing moved yet',
    );
    assert.equal((await noticesOf(w.actors.coordinator.id, '%relais à valider%')).length, 1);
    const ok = await call(w.actors.coordinator.cookie, 'POST', `${base}/approve`);
    assert.equal(ok.statusCode, 200, ok.body);
    const after = await pairsOf(w.actors.tutee.id);
    assert.deepEqual(
      after.map((p) => [p.tutor_user_id, p.state]),
      [
        [w.actors.tutor.id, 'ended'],
        [w.teams.mateId, 'active'],
      ],
    );
    assert.equal(after[0]?.end_reason, 'Relais au sein de l’équipe');
    for (const id of [w.actors.tutor.id, w.teams.mateId, w.actors.tutee.id]) {
      assert.equal((await noticesOf(id, '%désormais accompagné%')).length, 1, id);
    }
    const audited = await s.db
      .selectFrom('audit_log')
      .select('action')
      .where('subject_id', '=', w.teams.teamId)
      .where('action', 'like', 'team.move_%')
      .execute();
    assert.deepEqual(audited.map((a) => a.action).sort(), ['team.move_accepted', 'team.move_done']);
  });

  test('where the programme does not ask the coordination, the teammate’s acceptance moves the pairing', async () => {
    const w = await createTeamWorld(s.ctx);
    const p = (await call(w.actors.coordinator.cookie, 'GET', `/api/programmes/${w.programme.id}`)).json();
    const rules = { ...p.rules, teamMovesNeedCoordinator: false };
    const patched = await s.app.inject({
      method: 'PATCH',
      url: `/api/programmes/${w.programme.id}`,
      headers: { cookie: w.actors.coordinator.cookie },
      payload: { rules },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    // The tutor hands their other… new tutee to Tuteur C.
    const tutee = await createUser(s.ctx, w.orgId, { name: 'Interne D' });
    await addMember(s.ctx, w.programme, tutee.id, 'tutee');
    const { pair } = await import('../../test/factories.ts');
    const pairing = await pair(s.ctx, w.programme, w.actors.tutor.id, tutee.id);
    const proposed = await call(w.actors.tutor.cookie, 'POST', `/api/teams/${w.teams.teamId}/moves`, {
      pairingId: pairing.id,
      toUserId: w.teams.mateId,
      message: 'Elle habite près de ton cabinet',
    });
    assert.equal(proposed.statusCode, 201, proposed.body);
    const id = proposed.json().id as string;
    const accepted = await call(
      await mateCookie(w),
      'POST',
      `/api/teams/${w.teams.teamId}/moves/${id}/accept`,
    );
    assert.equal(accepted.statusCode, 200, accepted.body);
    const after = await pairsOf(tutee.id);
    assert.deepEqual(
      after.map((p) => [p.tutor_user_id, p.state]),
      [
        [w.actors.tutor.id, 'ended'],
        [w.teams.mateId, 'active'],
      ],
    );
    const page = (await call(w.actors.tutor.cookie, 'GET', `/api/teams/${w.teams.teamId}`)).json();
    assert.equal(page.moves.find((m: { id: string }) => m.id === id).state, 'done');
  });
});
