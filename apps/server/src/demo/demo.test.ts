import assert from 'node:assert/strict';
import { test } from 'node:test';
import { coachingManagement } from '../modules/coaching/management.ts';
import { setupTestServer } from '../test/harness.ts';
import { DEMO_PASSWORD, seedDemo } from './seed.ts';

const s = await setupTestServer();
const productionLike = { ...s.ctx, config: { ...s.ctx.config, NODE_ENV: 'production' as const } };

test('no demo data in production', async () => {
  assert.equal(await seedDemo(productionLike), 'off');
  assert.equal((await s.db.selectFrom('organisations').selectAll().execute()).length, 0);
});

test('the demo is created once, marked as demo, with the accounts the README lists', async () => {
  assert.equal(await seedDemo(s.ctx), 'created');
  assert.equal(await seedDemo(s.ctx), 'present');
  const orgs = await s.db.selectFrom('organisations').selectAll().execute();
  assert.equal(orgs.length, 2);
  assert.ok(orgs.every((o) => o.is_demo === 1));
  const count = async (role: string) =>
    (await s.db.selectFrom('memberships').select('user_id').where('role', '=', role).distinct().execute())
      .length;
  assert.ok((await count('tutee')) >= 40, 'at least 40 residents');
  assert.ok((await count('tutor')) >= 12, 'at least 12 tutors');
  for (const email of [
    'admin@dmg.demo',
    'coordination@dmg.demo',
    'tuteur1@dmg.demo',
    'interne1@dmg.demo',
    'interne2@dmg.demo',
    'coordination@cpts.demo',
    'mentor1@cpts.demo',
    'mentore1@cpts.demo',
  ]) {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: DEMO_PASSWORD },
    });
    assert.equal(res.statusCode, 200, `${email} signs in`);
  }
});

test('signed in as coordination@cpts.demo, every GET route with DMG Démo ids answers 404', async () => {
  const dmg = await s.db
    .selectFrom('organisations')
    .selectAll()
    .where('slug', '=', 'dmg-demo')
    .executeTakeFirstOrThrow();
  const programme = await s.db
    .selectFrom('programmes')
    .selectAll()
    .where('org_id', '=', dmg.id)
    .executeTakeFirstOrThrow();
  const cohort = await s.db
    .selectFrom('cohorts')
    .selectAll()
    .where('programme_id', '=', programme.id)
    .executeTakeFirstOrThrow();
  const membership = await s.db
    .selectFrom('memberships')
    .selectAll()
    .where('programme_id', '=', programme.id)
    .executeTakeFirstOrThrow();
  const importRow = await s.db
    .selectFrom('imports')
    .select('id')
    .where('org_id', '=', dmg.id)
    .executeTakeFirst();
  const pairing = await s.db
    .selectFrom('pairings')
    .select('id')
    .where('org_id', '=', dmg.id)
    .executeTakeFirstOrThrow();
  const pairingTutee = await s.db
    .selectFrom('pairings')
    .select('tutee_user_id')
    .where('id', '=', pairing.id)
    .executeTakeFirstOrThrow();
  const ids: Record<string, string> = {
    orgId: dmg.id,
    programmeId: programme.id,
    cohortId: cohort.id,
    membershipId: membership.id,
    userId: membership.user_id,
    residentId: pairingTutee.tutee_user_id,
    phaseId: 'socle',
    traceId:
      (await s.db.selectFrom('portfolio_traces').select('id').where('org_id', '=', dmg.id).executeTakeFirst())
        ?.id ?? programme.id,
    attachmentId: programme.id,
    importId: importRow?.id ?? programme.id,
    pairingId: pairing.id,
    meetingId:
      (await s.db.selectFrom('meetings').select('id').where('org_id', '=', dmg.id).executeTakeFirst())?.id ??
      programme.id,
    // Records the demo may not hold for DMG: a DMG id of another kind stands in, still DMG's.
    reviewId:
      (await s.db.selectFrom('end_reviews').select('id').where('org_id', '=', dmg.id).executeTakeFirst())
        ?.id ?? programme.id,
    questionnaireId:
      (await s.db.selectFrom('questionnaires').select('id').where('org_id', '=', dmg.id).executeTakeFirst())
        ?.id ?? programme.id,
    askId: programme.id,
    caseId:
      (await s.db.selectFrom('team_cases').select('id').where('org_id', '=', dmg.id).executeTakeFirst())
        ?.id ?? programme.id,
    peerRequestId: programme.id,
    feedbackAskId: programme.id,
    teamId:
      (await s.db.selectFrom('teams').select('id').where('org_id', '=', dmg.id).executeTakeFirst())?.id ??
      programme.id,
    joinRequestId:
      (await s.db.selectFrom('join_requests').select('id').where('org_id', '=', dmg.id).executeTakeFirst())
        ?.id ?? programme.id,
    checkinId:
      (await s.db.selectFrom('checkins').select('id').where('org_id', '=', dmg.id).executeTakeFirst())?.id ??
      programme.id,
    difficultyId: (
      await s.db
        .selectFrom('difficulties')
        .select('id')
        .where('org_id', '=', dmg.id)
        .executeTakeFirstOrThrow()
    ).id,
    guideId: (
      await s.db.selectFrom('guides').select('id').where('org_id', '=', dmg.id).executeTakeFirstOrThrow()
    ).id,
    announcementId: (
      await s.db
        .selectFrom('announcements')
        .select('id')
        .where('org_id', '=', dmg.id)
        .executeTakeFirstOrThrow()
    ).id,
    consultationId: (
      await s.db
        .selectFrom('consultations')
        .select('id')
        .where('org_id', '=', dmg.id)
        .executeTakeFirstOrThrow()
    ).id,
    sessionId: (
      await s.db
        .selectFrom('training_sessions')
        .select('id')
        .where('org_id', '=', dmg.id)
        .executeTakeFirstOrThrow()
    ).id,
  };
  // Tutor teams (demo/teams.ts): a DMG team and its team meeting.
  const team = await s.db
    .selectFrom('teams')
    .select('id')
    .where('org_id', '=', dmg.id)
    .executeTakeFirstOrThrow();
  ids.teamId = team.id;
  // The demo's network holds a CPTS team: the CPTS sees it. A DMG id of another kind stands in.
  ids.networkId = programme.id;
  ids.teamMeetingId =
    (await s.db.selectFrom('meetings').select('id').where('team_id', '=', team.id).executeTakeFirst())?.id ??
    team.id;
  const trace = await s.db
    .selectFrom('portfolio_traces as t')
    .innerJoin('portfolio_versions as v', 'v.trace_id', 't.id')
    .select(['t.id', 't.resident_id'])
    .where('t.org_id', '=', dmg.id)
    .executeTakeFirstOrThrow();
  ids.residentId = trace.resident_id;
  ids.traceId = trace.id;
  ids.attachmentId = trace.id;
  const signIn = await s.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: 'coordination@cpts.demo', password: DEMO_PASSWORD },
  });
  const cookie =
    [signIn.headers['set-cookie']]
      .flat()
      .join(';')
      .match(/compagnon_session=[^;]+/)?.[0] ?? '';
  const doc = (await s.app.inject({ method: 'GET', url: '/api/docs/json' })).json() as {
    paths: Record<string, Record<string, unknown>>;
  };
  let checked = 0;
  for (const [path, ops] of Object.entries(doc.paths)) {
    const params = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string);
    // Routes without ids (the caller's own data) and public links (secrets, not records) are not DMG records.
    if (!ops.get || params.length === 0 || params.includes('token')) continue;
    const url = path.replace(/\{(\w+)\}/g, (_, name: string) => {
      assert.ok(ids[name], `no DMG id for {${name}} in ${path}`);
      return ids[name] as string;
    });
    const res = await s.app.inject({ method: 'GET', url, headers: { cookie } });
    assert.equal(res.statusCode, 404, `GET ${path} answered ${res.statusCode}`);
    checked++;
  }
  assert.ok(checked >= 6, `checked ${checked} GET routes`);
});

test('the CPTS demo: requests to examine, charters waiting on someone, last year reviewed', async () => {
  const signIn = await s.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email: 'coordination@cpts.demo', password: DEMO_PASSWORD },
  });
  const cookie = String(signIn.headers['set-cookie']).split(';')[0] as string;
  const get = async (url: string) => {
    const res = await s.app.inject({ method: 'GET', url, headers: { cookie } });
    assert.equal(res.statusCode, 200, `${url}: ${res.body}`);
    return res.json();
  };
  const { id } = await s.db
    .selectFrom('programmes')
    .select('id')
    .where('name', '=', 'Mentorat des nouveaux installés')
    .executeTakeFirstOrThrow();

  const queue = await get(`/api/programmes/${id}/join-requests`);
  assert.equal(queue.open, true);
  assert.ok(queue.counts.pending >= 2, `${queue.counts.pending} pending`);
  type Item = { state: string; eligibility: { eligible: boolean }; overrideReason: string | null };
  const items = queue.requests as (Item & { declineMessage: string | null; member: unknown })[];
  assert.ok(items.some((r) => r.state === 'pending' && r.eligibility.eligible));
  assert.ok(items.some((r) => r.state === 'pending' && !r.eligibility.eligible));
  assert.ok(items.some((r) => r.state === 'accepted' && r.overrideReason && r.member));
  assert.ok(items.some((r) => r.state === 'declined' && r.declineMessage));

  // This year's pairs: signed by the three, but one waiting on its mentee and one on the coordination.
  const list = await get(`/api/programmes/${id}/agreements`);
  type Pair = {
    state: string;
    tutor: { id: string };
    tutee: { id: string; name: string };
    charter: { complete: boolean; waitingOn: string[] };
  };
  const live = (list.pairs as Pair[]).filter((p) => p.state === 'active');
  assert.equal(live.length, 6);
  assert.deepEqual(live.map((p) => p.charter.waitingOn.join(',')).sort(), [
    '',
    '',
    '',
    '',
    'mentee',
    'organisation',
  ]);
  // Meetings wait for the charter: the two pairs still waiting on a signature have not met.
  for (const p of live.filter((x) => !x.charter.complete)) {
    const met = await s.db
      .selectFrom('meeting_participants as a')
      .innerJoin('meeting_participants as b', 'b.meeting_id', 'a.meeting_id')
      .select('a.meeting_id')
      .where('a.user_id', '=', p.tutor.id)
      .where('b.user_id', '=', p.tutee.id)
      .executeTakeFirst();
    assert.equal(met, undefined, `${p.tutee.name} met before the charter was signed`);
  }
  // Last year's people left the programme: this year's matching still has six mentors and eight mentees.
  const people = (await get(`/api/programmes/${id}/people`)) as { memberships: { role: string }[] }[];
  const withRole = (role: string) => people.filter((p) => p.memberships.some((m) => m.role === role)).length;
  assert.equal(withRole('tutor'), 6);
  assert.equal(withRole('tutee'), 8);

  // Last year: five pairs completed, one ended early, with their end reviews and questionnaire.
  const current = (await get(`/api/programmes/${id}/followup/review`)).year as number;
  const review = await get(`/api/programmes/${id}/followup/review?year=${current - 1}`);
  assert.equal(review.participation.pairsCompleted, 5);
  assert.equal(review.participation.pairsEndedEarly, 1);
  assert.equal(review.mentoring.completed, 5);
  assert.equal(review.mentoring.endedEarly, 1);
  assert.ok(review.qualitative.endReviews.submitted >= 5);
  assert.equal(review.endOfYearReviews.shown, true);
  assert.ok(review.qualitative.themes.themes.some((t: { count: number }) => t.count > 0));
  assert.ok(review.qualitative.questionnaires[0].answers >= 5);
  assert.ok(review.meetings.total >= 30);
});

test('the DMG demo has one tutor team of seven, one of them on leave now, and a training session ahead', async () => {
  const teams = await s.db
    .selectFrom('teams')
    .select('id')
    .where('name', '=', 'Équipe Amiens Nord')
    .where('archived_at', 'is', null)
    .execute();
  assert.equal(teams.length, 1);
  const members = await s.db
    .selectFrom('team_members')
    .select('user_id')
    .where('team_id', '=', teams[0]?.id as string)
    .where('left_at', 'is', null)
    .execute();
  assert.equal(members.length, 7);
  const today = s.ctx.clock.now().toISOString().slice(0, 10);
  const away = await s.db
    .selectFrom('absences')
    .select('user_id')
    .where(
      'user_id',
      'in',
      members.map((m) => m.user_id),
    )
    .where('cancelled_at', 'is', null)
    .where('start_on', '<=', today)
    .where('end_on', '>=', today)
    .execute();
  assert.equal(away.length, 1, 'one member of the team is away today');
  const sessions = await s.db
    .selectFrom('training_sessions')
    .select('id')
    .where('starts_at', '>', s.ctx.clock.now().toISOString())
    .execute();
  assert.ok(sessions.length >= 1, 'a training session ahead');
});

test('the DMG demo: two new tutors coached by experienced ones, the other new tutors waiting for a coach', async () => {
  const des = await s.db
    .selectFrom('programmes')
    .innerJoin('organisations', 'organisations.id', 'programmes.org_id')
    .select('programmes.id')
    .where('organisations.slug', '=', 'dmg-demo')
    .where('programmes.template', '=', 'des-tutoring')
    .executeTakeFirstOrThrow();
  const p = await s.db
    .selectFrom('programmes')
    .selectAll()
    .where('id', '=', des.id)
    .executeTakeFirstOrThrow();
  const m = await coachingManagement(s.db, p, 'Europe/Paris', s.ctx.clock.now());
  assert.equal(m.newTutors.length, 7, 'tuteur6 to tuteur12 in their first year');
  assert.equal(m.newTutors.filter((n) => n.coaching).length, 2);
  assert.ok(m.newTutors.filter((n) => !n.coaching).every((n) => n.proposedCoachId));
  assert.equal(m.coaches.length, 5);
  // tuteur2 is away and tuteur4 overloaded in the demo: neither is proposed while others can coach.
  const unavailable = await s.db
    .selectFrom('users')
    .select('id')
    .where('email', 'in', ['tuteur2@dmg.demo', 'tuteur4@dmg.demo'])
    .execute();
  for (const n of m.newTutors)
    assert.ok(
      !unavailable.some((u) => u.id === n.proposedCoachId),
      `${n.name} is proposed an unavailable coach`,
    );
});

test('the regional network joins « Équipe Amiens Nord » and a CPTS team; each side reads the other’s messages and the session', async () => {
  const cookieOf = async (email: string) => {
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email, password: DEMO_PASSWORD },
    });
    return String(res.headers['set-cookie']).split(';')[0] as string;
  };
  const network = await s.db
    .selectFrom('networks')
    .select('id')
    .where('name', '=', 'Réseau régional des tuteurs Hauts-de-France')
    .executeTakeFirstOrThrow();
  for (const email of ['tuteur1@dmg.demo', 'mentor2@cpts.demo', 'coordination@cpts.demo']) {
    const cookie = await cookieOf(email);
    const page = await s.app.inject({
      method: 'GET',
      url: `/api/networks/${network.id}`,
      headers: { cookie },
    });
    assert.equal(page.statusCode, 200, `${email}: ${page.body}`);
    const body = page.json();
    assert.deepEqual(
      body.teams.map((t: { name: string }) => t.name),
      ['Équipe Amiens Nord', 'Mentors Somme Ouest'],
    );
    assert.equal(body.teams[1].organisation, 'CPTS Démo — Somme Ouest');
    assert.equal(body.sessions.length, 1);
    assert.equal(body.sessions[0].mode, 'video');
    const thread = await s.app.inject({
      method: 'GET',
      url: `/api/networks/${network.id}/messages`,
      headers: { cookie },
    });
    assert.equal(thread.json().messages.length, 4);
  }
  // Someone of the DMG in no member team does not see it.
  const outsider = await cookieOf('tuteur8@dmg.demo');
  assert.equal(
    (await s.app.inject({ method: 'GET', url: `/api/networks/${network.id}`, headers: { cookie: outsider } }))
      .statusCode,
    404,
  );
});
