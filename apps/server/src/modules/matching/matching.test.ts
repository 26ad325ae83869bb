import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { AppContext } from '../../context.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { newId } from '../../lib/ids.ts';
import {
  addMember,
  availabilityRule,
  createOrg,
  createProgramme,
  createUser,
  meeting,
  pair,
} from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

/** Locum evenings every Monday 18:30–21:00 in Paris, written in UTC. */
const locumMondays = readFileSync(new URL('./fixtures/locum-mondays.ics', import.meta.url), 'utf8');

const s = await setupTestServer();

async function profile(
  ctx: AppContext,
  orgId: string,
  userId: string,
  p: { commune: string; site?: string; city?: string; kind?: string; project?: string; faculty?: string },
) {
  await ctx.db
    .updateTable('org_members')
    .set({ home_commune: p.commune, professional_project: p.project ?? null, faculty: p.faculty ?? 'Amiens' })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .execute();
  if (p.site) {
    await ctx.db
      .insertInto('placements')
      .values({
        id: newId(),
        org_id: orgId,
        user_id: userId,
        period: '2026-2027 S1',
        site: p.site,
        city: p.city ?? p.commune,
        kind: p.kind ?? 'internship',
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
  }
}

/**
 * A small cohort in the Somme: three GP tutors (Amiens, Abbeville, Péronne) with two places each
 * and five residents without a tutor. The residents arrived far-from-home first, so a
 * first-come sign-up sends them across the department.
 */
async function cohort(template: 'des-tutoring' | 'peer-tutoring' | 'member-tutoring' = 'des-tutoring') {
  const orgId = await createOrg(s.ctx);
  const programme = await createProgramme(s.ctx, orgId, template);
  const coordinator = await createUser(s.ctx, orgId, { name: 'Coordinatrice' });
  const second = await createUser(s.ctx, orgId, { name: 'Second coordinateur' });
  await addMember(s.ctx, programme, coordinator.id, 'coordinator');
  await addMember(s.ctx, programme, second.id, 'coordinator');
  const tutors = [];
  for (const [name, city] of [
    ['Dr Aubry', 'Amiens'],
    ['Dr Boucher', 'Abbeville'],
    ['Dr Carpentier', 'Péronne'],
  ] as const) {
    const u = await createUser(s.ctx, orgId, { name, phone: '+33600000001', sharePhone: true });
    await profile(s.ctx, orgId, u.id, {
      commune: city,
      site: `Cabinet de ${city}`,
      city,
      kind: 'practice',
      project: 'Installation en zone rurale',
    });
    await addMember(s.ctx, programme, u.id, 'tutor', 2);
    tutors.push(u);
  }
  const tutees = [];
  for (const [name, city] of [
    ['Interne Péronne', 'Péronne'],
    ['Interne Abbeville', 'Abbeville'],
    ['Interne Amiens', 'Amiens'],
    ['Interne Albert', 'Albert'],
    ['Interne Rue', 'Rue'],
  ] as const) {
    const u = await createUser(s.ctx, orgId, { name });
    await profile(s.ctx, orgId, u.id, {
      commune: city,
      site: `CH de ${city}`,
      city,
      project: 'Installation en zone rurale',
    });
    await addMember(s.ctx, programme, u.id, 'tutee');
    s.clock.advance(1000);
    tutees.push(u);
  }
  return { orgId, programme, coordinator, second, tutors, tutees };
}

const call = (cookie: string, method: string, url: string, payload?: unknown) =>
  s.app.inject({
    method: method as 'GET',
    url,
    headers: { cookie },
    ...(payload !== undefined ? { payload: payload as object } : {}),
  });

describe('matching', () => {
  test('optimal draft: explained, within capacity, closer than first come first served', async () => {
    const c = await cohort();
    const res = await call(c.coordinator.cookie, 'POST', `/api/programmes/${c.programme.id}/matching/runs`, {
      mode: 'optimal',
    });
    assert.equal(res.statusCode, 201, res.body);
    const o = res.json();
    assert.equal(o.draft.proposals.length, 5);
    const byTutor = new Map<string, number>();
    for (const p of o.draft.proposals) byTutor.set(p.tutorId, (byTutor.get(p.tutorId) ?? 0) + 1);
    assert.ok(
      [...byTutor.values()].every((n) => n <= 2),
      'no tutor over capacity',
    );
    const peronne = o.draft.proposals.find((p: { tuteeName: string }) => p.tuteeName === 'Interne Péronne');
    assert.equal(peronne.tutorName, 'Dr Carpentier');
    assert.deepEqual(
      peronne.reasons.find((r: { code: string }) => r.code === 'distance'),
      { code: 'distance', km: 0 },
    );
    assert.ok(peronne.reasons.some((r: { code: string }) => r.code === 'project'));
    assert.ok(peronne.alternatives.length > 0 && typeof peronne.alternatives[0].deltaKm === 'number');
    // What a move costs the others: into a full tutor, the cheapest exchange; into a free place,
    // a place opens where the tutee was.
    type Alt = {
      name: string;
      full: boolean;
      blocked: boolean;
      frees: string | null;
      deltaCost: number;
      totalDeltaCost: number | null;
      moves: { tuteeName: string; fromName: string; toName: string; deltaKm: number | null }[];
    };
    const alts: (Alt & { from: string })[] = o.draft.proposals.flatMap(
      (p: { tutorName: string; alternatives: Alt[] }) =>
        p.alternatives.map((a) => ({ ...a, from: p.tutorName })),
    );
    const intoFull = alts.find((a) => a.full && !a.blocked);
    assert.ok(intoFull, 'a move into a full tutor');
    assert.equal(intoFull.moves.length, 1);
    const moved = intoFull.moves[0];
    assert.equal(moved?.fromName, intoFull.name);
    assert.ok(
      o.draft.proposals.some(
        (p: { tuteeName: string; tutorName: string }) =>
          p.tuteeName === moved?.tuteeName && p.tutorName === intoFull.name,
      ),
    );
    assert.equal(intoFull.frees, moved?.toName === intoFull.from ? null : intoFull.from);
    assert.ok(intoFull.totalDeltaCost !== null && typeof moved?.deltaKm === 'number');
    const intoFree = alts.find((a) => !a.full);
    assert.ok(intoFree, 'a move into a free place');
    assert.deepEqual(intoFree.moves, []);
    assert.equal(intoFree.frees, intoFree.from);
    assert.equal(intoFree.totalDeltaCost, intoFree.deltaCost);
    assert.ok(
      o.draft.summary.meanKm < o.draft.baseline.meanKm,
      `${o.draft.summary.meanKm} < ${o.draft.baseline.meanKm}`,
    );
    assert.equal(o.draft.summary.assigned, 5);
    // Nothing is live, and nobody is told anything, before publishing.
    assert.equal(s.mailer.sent.filter((m) => c.tutees.some((t) => t.email === m.to)).length, 0);
  });

  test('a declared conflict of interest is never proposed, and cannot be forced by hand', async () => {
    const c = await cohort();
    const [aubry] = c.tutors;
    const amiens = c.tutees[2];
    assert.ok(aubry && amiens);
    const decl = await call(amiens.cookie, 'POST', `/api/programmes/${c.programme.id}/matching/constraints`, {
      tutorId: aubry.id,
      tuteeId: amiens.id,
      kind: 'conflict',
      reason: 'Maître de stage',
    });
    assert.equal(decl.statusCode, 201);
    const o = (
      await call(c.coordinator.cookie, 'POST', `/api/programmes/${c.programme.id}/matching/runs`, {
        mode: 'optimal',
      })
    ).json();
    const p = o.draft.proposals.find((x: { tuteeId: string }) => x.tuteeId === amiens.id);
    assert.notEqual(p.tutorId, aubry.id);
    const forced = await call(
      c.coordinator.cookie,
      'POST',
      `/api/programmes/${c.programme.id}/matching/draft/assign`,
      { tuteeId: amiens.id, tutorId: aubry.id },
    );
    assert.equal(forced.statusCode, 409);
    assert.equal(forced.json().error.code, 'conflict_of_interest');
  });

  test('publishing activates the pairs and tells each person once', async () => {
    const c = await cohort();
    await call(c.coordinator.cookie, 'POST', `/api/programmes/${c.programme.id}/matching/runs`, {
      mode: 'optimal',
    });
    const before = s.mailer.sent.length;
    const [a, b] = await Promise.all([
      call(c.coordinator.cookie, 'POST', `/api/programmes/${c.programme.id}/matching/draft/publish`),
      call(c.second.cookie, 'POST', `/api/programmes/${c.programme.id}/matching/draft/publish`),
    ]);
    // The second finds the draft already published (409) or already gone (404): never twice.
    const codes = [a.statusCode, b.statusCode].sort();
    assert.equal(codes[0], 200);
    assert.ok(codes[1] === 404 || codes[1] === 409, String(codes));
    const again = await call(
      c.coordinator.cookie,
      'POST',
      `/api/programmes/${c.programme.id}/matching/draft/publish`,
    );
    assert.equal(again.statusCode, 404);
    // Nothing is sent inside the request: one job per person, through the notification layer.
    assert.equal(s.mailer.sent.length, before);
    const jobs = await s.db
      .selectFrom('jobs')
      .select(['id', 'payload'])
      .where('name', '=', 'notify.send')
      .where('dedupe_key', 'like', 'notify:matching.published:%')
      .execute();
    const mine = jobs.filter((j) => [...c.tutees, ...c.tutors].some((u) => j.payload.includes(u.id)));
    assert.equal(mine.length, c.tutees.length + c.tutors.length, 'one job per recipient');
    await runDueJobs(s.ctx, { now: s.clock.now() });
    const sent = s.mailer.sent.length;
    // The same jobs run a second time (a process died before recording them done): nothing twice.
    await s.db
      .updateTable('jobs')
      .set({ status: 'pending', run_at: new Date(0).toISOString(), attempts: 0, finished_at: null })
      .where(
        'id',
        'in',
        mine.map((j) => j.id),
      )
      .execute();
    const rerun = await runDueJobs(s.ctx, { now: s.clock.now() });
    assert.ok(rerun.done >= mine.length);
    assert.equal(s.mailer.sent.length, sent, 'no e-mail sent twice');
    const mails = s.mailer.sent.slice(before);
    for (const t of c.tutees)
      assert.equal(mails.filter((m) => m.to === t.email).length, 1, `one mail to ${t.name}`);
    const inapp = await s.db
      .selectFrom('notifications')
      .select(['user_id', 'title', 'body', 'link'])
      .where(
        'user_id',
        'in',
        c.tutees.map((t) => t.id),
      )
      .execute();
    assert.equal(inapp.length, c.tutees.length, 'one in-app notification per tutee');
    const note = inapp.find((n) => n.user_id === c.tutees[0]?.id);
    assert.match(note?.title ?? '', /Dr Carpentier/);
    assert.match(note?.body ?? '', /Pourquoi ce choix :\n• Vous travaillez dans la même commune\./);
    assert.equal(note?.link, `/programmes/${c.programme.id}/appariement`);
    const peronne = mails.find((m) => m.to === c.tutees[0]?.email);
    assert.match(peronne?.text ?? '', /Dr Carpentier/);
    assert.match(peronne?.text ?? '', /Votre tuteur·rice dans/);
    const tutorMails = mails.filter((m) => c.tutors.some((t) => t.email === m.to));
    assert.equal(tutorMails.length, new Set(tutorMails.map((m) => m.to)).size);
    const own = (
      await call(c.tutees[0]?.cookie ?? '', 'GET', `/api/programmes/${c.programme.id}/matching/mine`)
    ).json();
    assert.equal(own.pairings[0].state, 'active');
    assert.equal(own.pairings[0].counterpart.name, 'Dr Carpentier');
    assert.equal(own.pairings[0].counterpart.phone, '+33600000001');
    assert.ok(own.pairings[0].reasons.length > 0);
  });

  test('two coordinators giving the last place of a tutor at the same time: one wins', async () => {
    const c = await cohort();
    const [aubry] = c.tutors;
    assert.ok(aubry);
    const url = `/api/programmes/${c.programme.id}/matching/draft/assign`;
    const first = await call(c.coordinator.cookie, 'POST', url, {
      tuteeId: c.tutees[0]?.id,
      tutorId: aubry.id,
    });
    assert.equal(first.statusCode, 200, first.body);
    const [x, y] = await Promise.all([
      call(c.coordinator.cookie, 'POST', url, { tuteeId: c.tutees[1]?.id, tutorId: aubry.id }),
      call(c.second.cookie, 'POST', url, { tuteeId: c.tutees[2]?.id, tutorId: aubry.id }),
    ]);
    assert.deepEqual([x.statusCode, y.statusCode].sort(), [200, 409]);
    const loser = x.statusCode === 409 ? x : y;
    assert.equal(loser.json().error.code, 'capacity_reached');
    const rows = await s.db
      .selectFrom('pairings')
      .select('id')
      .where('programme_id', '=', c.programme.id)
      .where('tutor_user_id', '=', aubry.id)
      .execute();
    assert.equal(rows.length, 2);
  });

  test('locked pairs survive a re-run; the rest is optimised around them', async () => {
    const c = await cohort();
    const url = `/api/programmes/${c.programme.id}/matching`;
    const [, boucher] = c.tutors;
    assert.ok(boucher);
    // By hand: the Péronne resident goes to Abbeville (a move locks the pair).
    await call(c.coordinator.cookie, 'POST', `${url}/draft/assign`, {
      tuteeId: c.tutees[0]?.id,
      tutorId: boucher.id,
    });
    const o = (await call(c.coordinator.cookie, 'POST', `${url}/runs`, { mode: 'optimal' })).json();
    const kept = o.draft.proposals.find((p: { tuteeId: string }) => p.tuteeId === c.tutees[0]?.id);
    assert.equal(kept.tutorId, boucher.id);
    assert.equal(kept.locked, true);
    assert.ok(kept.warnings.some((w: { code: string }) => w.code === 'far'));
    assert.equal(o.draft.proposals.length, 5);
  });

  test('tutee choice: rankings before the deadline, stable result, never first come first served', async () => {
    const c = await cohort('peer-tutoring');
    const url = `/api/programmes/${c.programme.id}/matching`;
    const open = await call(c.coordinator.cookie, 'POST', `${url}/rounds`, {
      kind: 'tutee-choice',
      deadline: new Date(s.clock.now().getTime() + 3_600_000).toISOString(),
    });
    assert.equal(open.statusCode, 201, open.body);
    const [aubry, boucher, carpentier] = c.tutors.map((t) => t.id) as [string, string, string];
    // Everyone wants Dr Aubry first; Aubry has two places.
    const ranks: [number, string[]][] = [
      [0, [aubry, carpentier]],
      [1, [aubry, boucher]],
      [2, [aubry, boucher]],
      [3, [carpentier, aubry]],
      [4, [boucher, aubry]],
    ];
    for (const [i, ranking] of ranks) {
      const r = await call(c.tutees[i]?.cookie ?? '', 'PUT', `${url}/rounds/current/ranking`, { ranking });
      assert.equal(r.statusCode, 200, r.body);
      assert.deepEqual(r.json().round.ranking, ranking);
    }
    const showcase = (await call(c.tutees[0]?.cookie ?? '', 'GET', `${url}/mine`)).json();
    assert.equal(showcase.round.candidates.length, 3);
    // Only the residents rank in a tutees' round: a tutor is neither shown the round nor heard.
    const tutor = c.tutors[0];
    assert.ok(tutor);
    assert.equal((await call(tutor.cookie, 'GET', `${url}/mine`)).json().round, null);
    assert.equal(
      (await call(tutor.cookie, 'PUT', `${url}/rounds/current/ranking`, { ranking: [c.tutees[0]?.id] }))
        .statusCode,
      409,
    );
    assert.equal(showcase.round.candidates.find((x: { userId: string }) => x.userId === carpentier).km, 0);
    // After the deadline, rankings are refused.
    s.clock.advance(2 * 3_600_000);
    const late = await call(c.tutees[0]?.cookie ?? '', 'PUT', `${url}/rounds/current/ranking`, {
      ranking: [boucher],
    });
    assert.equal(late.statusCode, 409);
    assert.equal(late.json().error.code, 'round_closed');
    const closed = await call(c.coordinator.cookie, 'POST', `${url}/rounds/current/close`);
    assert.equal(closed.statusCode, 200, closed.body);
    const o = closed.json();
    assert.equal(o.draft.mode, 'tutee-choice');
    const got = new Map(
      o.draft.proposals.map((p: { tuteeId: string; tutorId: string }) => [p.tuteeId, p.tutorId]),
    );
    assert.equal(got.get(c.tutees[3]?.id), carpentier);
    assert.equal(got.get(c.tutees[4]?.id), boucher);
    assert.equal([...got.values()].filter((t) => t === aubry).length, 2);
    assert.equal(o.draft.summary.firstChoiceShare, 80);
    assert.ok(o.draft.summary.top3Share === 100);
  });

  test('tutor choice: tutors rank the residents they know, and their choice weighs most', async () => {
    const c = await cohort();
    const url = `/api/programmes/${c.programme.id}/matching`;
    const deadline = new Date(s.clock.now().getTime() + 3_600_000).toISOString();
    assert.equal(
      (await call(c.coordinator.cookie, 'POST', `${url}/rounds`, { kind: 'tutor-choice', deadline }))
        .statusCode,
      201,
    );
    const [aubry, boucher] = c.tutors;
    const rue = c.tutees[4];
    assert.ok(aubry && boucher && rue);
    // A tutor whose places are all taken is not asked to rank.
    await s.ctx.db
      .updateTable('memberships')
      .set({ capacity: 0 })
      .where('programme_id', '=', c.programme.id)
      .where('user_id', '=', boucher.id)
      .execute();
    assert.equal((await call(boucher.cookie, 'GET', `${url}/mine`)).json().round, null);
    const seen = (await call(aubry.cookie, 'GET', `${url}/mine`)).json();
    assert.equal(seen.round.side, 'tutor');
    assert.equal(seen.round.candidates.length, 5);
    const ranked = await call(aubry.cookie, 'PUT', `${url}/rounds/current/ranking`, { ranking: [rue.id] });
    assert.equal(ranked.statusCode, 200, ranked.body);
    // A tutee cannot rank in a tutors' round.
    assert.equal(
      (await call(rue.cookie, 'PUT', `${url}/rounds/current/ranking`, { ranking: [aubry.id] })).statusCode,
      409,
    );
    const o = (await call(c.coordinator.cookie, 'POST', `${url}/rounds/current/close`)).json();
    assert.equal(o.draft.mode, 'tutor-choice');
    const p = o.draft.proposals.find((x: { tuteeId: string }) => x.tuteeId === rue.id);
    assert.equal(p.tutorId, aubry.id);
    assert.ok(
      p.reasons.some((r: { code: string; rank?: number }) => r.code === 'tutorChoice' && r.rank === 1),
    );
  });

  test('ending early, re-pairing on request, history visible to whom it concerns', async () => {
    const c = await cohort();
    const url = `/api/programmes/${c.programme.id}/matching`;
    await call(c.coordinator.cookie, 'POST', `${url}/runs`, { mode: 'optimal' });
    await call(c.coordinator.cookie, 'POST', `${url}/draft/publish`);
    const tutee = c.tutees[0];
    assert.ok(tutee);
    const mine = (await call(tutee.cookie, 'GET', `${url}/mine`)).json();
    const pairing = mine.pairings[0];
    const firstTutor = pairing.counterpart.userId;
    // The tutee asks for another tutor after the first meeting.
    const ask = await call(tutee.cookie, 'POST', `/api/pairings/${pairing.id}/repair-request`, {
      reason: 'Nos projets ne se rejoignent pas.',
    });
    assert.equal(ask.statusCode, 200);
    const overview = (await call(c.coordinator.cookie, 'GET', url)).json();
    assert.equal(overview.pairings.find((p: { id: string }) => p.id === pairing.id).repairRequested, true);
    // Ending early needs a reason; the tutee cannot end a compulsory tutoring.
    assert.equal(
      (await call(c.coordinator.cookie, 'POST', `/api/pairings/${pairing.id}/transition`, { to: 'ended' }))
        .statusCode,
      400,
    );
    assert.equal(
      (await call(tutee.cookie, 'POST', `/api/pairings/${pairing.id}/transition`, { to: 'ended' }))
        .statusCode,
      403,
    );
    const end = await call(c.coordinator.cookie, 'POST', `/api/pairings/${pairing.id}/transition`, {
      to: 'ended',
      reason: 'Re-appariement demandé',
    });
    assert.equal(end.statusCode, 200, end.body);
    assert.equal(
      (await call(c.coordinator.cookie, 'POST', `/api/pairings/${pairing.id}/transition`, { to: 'paused' }))
        .statusCode,
      409,
    );
    // The tutee is back among those to pair; with the old tutor declared incompatible, a new one.
    await call(c.coordinator.cookie, 'POST', `${url}/constraints`, {
      tutorId: firstTutor,
      tuteeId: tutee.id,
      kind: 'conflict',
      reason: 'Re-appariement',
    });
    const rerun = (await call(c.coordinator.cookie, 'POST', `${url}/runs`, { mode: 'optimal' })).json();
    assert.equal(rerun.draft.proposals.length, 1);
    assert.notEqual(rerun.draft.proposals[0].tutorId, firstTutor);
    await call(c.coordinator.cookie, 'POST', `${url}/draft/publish`);
    const after = (await call(tutee.cookie, 'GET', `${url}/mine`)).json();
    assert.deepEqual(after.pairings.map((p: { state: string }) => p.state).sort(), ['active', 'ended']);
    const history = await call(tutee.cookie, 'GET', `/api/pairings/${pairing.id}/history`);
    assert.deepEqual(
      history.json().map((e: { kind: string }) => e.kind),
      ['published', 'repair-requested', 'ended'],
    );
    assert.equal(history.json()[2].reason, 'Re-appariement demandé');
    const stranger = c.tutees[1];
    assert.equal(
      (await call(stranger?.cookie ?? '', 'GET', `/api/pairings/${pairing.id}/history`)).statusCode,
      404,
    );
  });

  test('a re-pairing request’s reason reaches the coordination, never the tutor it is about', async () => {
    const c = await cohort();
    const url = `/api/programmes/${c.programme.id}/matching`;
    await call(c.coordinator.cookie, 'POST', `${url}/runs`, { mode: 'optimal' });
    await call(c.coordinator.cookie, 'POST', `${url}/draft/publish`);
    const tutee = c.tutees[0];
    assert.ok(tutee);
    const pairing = (await call(tutee.cookie, 'GET', `${url}/mine`)).json().pairings[0];
    const tutor = c.tutors.find((t) => t.id === pairing.counterpart.userId);
    assert.ok(tutor);
    const reason = 'Mon tuteur me met mal à l’aise.';
    const ask = await call(tutee.cookie, 'POST', `/api/pairings/${pairing.id}/repair-request`, { reason });
    assert.equal(ask.statusCode, 200, ask.body);
    const requestSeenBy = async (cookie: string) => {
      const res = await call(cookie, 'GET', `/api/pairings/${pairing.id}/history`);
      assert.equal(res.statusCode, 200, res.body);
      const e = res.json().find((x: { kind: string }) => x.kind === 'repair-requested');
      assert.ok(e, 'the request itself is in the history');
      return e.reason as string | null;
    };
    assert.equal(await requestSeenBy(tutor.cookie), null, 'the tutor learns a request was made, not why');
    assert.equal(await requestSeenBy(c.coordinator.cookie), reason);
    assert.equal(await requestSeenBy(tutee.cookie), reason, 'its author reads their own words');
  });

  test('opting out of an optional programme keeps the tutor’s contact', async () => {
    const c = await cohort('member-tutoring');
    const url = `/api/programmes/${c.programme.id}/matching`;
    await call(c.coordinator.cookie, 'POST', `${url}/runs`, { mode: 'optimal' });
    await call(c.coordinator.cookie, 'POST', `${url}/draft/publish`);
    const tutee = c.tutees[0];
    assert.ok(tutee);
    const p = (await call(tutee.cookie, 'GET', `${url}/mine`)).json().pairings[0];
    assert.equal(p.actions.optOut, true);
    const out = await call(tutee.cookie, 'POST', `/api/pairings/${p.id}/transition`, { to: 'ended' });
    assert.equal(out.statusCode, 200, out.body);
    const after = (await call(tutee.cookie, 'GET', `${url}/mine`)).json().pairings[0];
    assert.equal(after.state, 'ended');
    assert.equal(after.endReason, 'opt-out');
    assert.ok(after.counterpart.email);
  });

  test('first-n participation: a tutee may stop once the compulsory meetings are attended', async () => {
    const orgId = await createOrg(s.ctx);
    const programme = await createProgramme(s.ctx, orgId, 'peer-tutoring'); // the first 2 meetings
    const tutor = await createUser(s.ctx, orgId, { name: 'Pair aîné' });
    const tutee = await createUser(s.ctx, orgId, { name: 'Interne DES1' });
    await addMember(s.ctx, programme, tutor.id, 'tutor', 4);
    await addMember(s.ctx, programme, tutee.id, 'tutee');
    const pairing = await pair(s.ctx, programme, tutor.id, tutee.id);
    const mine = async () =>
      (await call(tutee.cookie, 'GET', `/api/programmes/${programme.id}/matching/mine`)).json().pairings[0];
    const optOut = () =>
      call(tutee.cookie, 'POST', `/api/pairings/${pairing.id}/transition`, { to: 'ended' });

    const attend = (days: number, attendance: 'present' | 'absent') =>
      meeting(s.ctx, {
        pairing,
        at: new Date(s.clock.now().getTime() - days * 86_400_000),
        participants: [{ id: tutee.id, attendance }],
      });
    await attend(40, 'present');
    await attend(20, 'absent');
    assert.equal((await mine()).actions.optOut, false);
    const early = await optOut();
    assert.equal(early.statusCode, 403);
    assert.match(early.json().error.message, /2 premières rencontres.*1 faite/);

    await attend(10, 'present');
    assert.equal((await mine()).actions.optOut, true);
    const out = await optOut();
    assert.equal(out.statusCode, 200, out.body);
    const after = await mine();
    assert.equal(after.state, 'ended');
    assert.equal(after.endReason, 'opt-out');
  });

  test('semester roll-over keeps the pairs and refreshes their sites', async () => {
    const c = await cohort('peer-tutoring');
    const url = `/api/programmes/${c.programme.id}/matching`;
    await call(c.coordinator.cookie, 'POST', `${url}/runs`, { mode: 'optimal' });
    await call(c.coordinator.cookie, 'POST', `${url}/draft/publish`);
    const cohortRes = await call(c.coordinator.cookie, 'POST', `/api/programmes/${c.programme.id}/cohorts`, {
      name: 'S2',
      kind: 'semester',
      startsOn: '2027-05-03',
      endsOn: '2027-10-31',
    });
    assert.equal(cohortRes.statusCode, 201);
    const s2 = cohortRes.json().cohorts.find((x: { name: string }) => x.name === 'S2').id;
    // Next semester the Péronne resident works in their tutor's town.
    const tutee = c.tutees[0];
    assert.ok(tutee);
    const before = (await call(tutee.cookie, 'GET', `${url}/mine`)).json().pairings[0];
    const tutorSite = await s.db
      .selectFrom('placements')
      .select(['site', 'city'])
      .where('user_id', '=', before.counterpart.userId)
      .executeTakeFirstOrThrow();
    await s.db
      .insertInto('placements')
      .values({
        id: newId(),
        org_id: c.orgId,
        user_id: tutee.id,
        period: '2026-2027 S2',
        site: tutorSite.site,
        city: tutorSite.city,
        kind: 'internship',
        created_at: s.clock.now().toISOString(),
      })
      .execute();
    const roll = await call(c.coordinator.cookie, 'POST', `${url}/rollover`, { cohortId: s2 });
    assert.equal(roll.statusCode, 200, roll.body);
    assert.equal(roll.json().kept, 5);
    assert.ok(
      roll
        .json()
        .siteChanges.some(
          (x: { tuteeId: string; sameSite: boolean }) => x.tuteeId === tutee.id && x.sameSite,
        ),
    );
    const after = (await call(tutee.cookie, 'GET', `${url}/mine`)).json().pairings[0];
    assert.equal(after.state, 'active');
    assert.equal(after.id, before.id);
    assert.ok(
      after.reasons.some(
        (r: { code: string; site?: string }) => r.code === 'sameSite' && r.site === tutorSite.site,
      ),
    );
    const row = await s.db
      .selectFrom('pairings')
      .select('cohort_id')
      .where('id', '=', before.id)
      .executeTakeFirstOrThrow();
    assert.equal(row.cohort_id, s2);
  });

  test('availability overlap: a weighed criterion, explained in words, warned when there is none', async () => {
    const c = await cohort();
    const url = `/api/programmes/${c.programme.id}/matching`;
    const [aubry, , carpentier] = c.tutors;
    const peronne = c.tutees[0];
    assert.ok(aubry && carpentier && peronne);
    const busy = (userId: string, weekdays: number[], startTime: string, endTime: string) =>
      availabilityRule(s.ctx, {
        orgId: c.orgId,
        userId,
        category: 'internship',
        weekdays,
        startTime,
        endTime,
        restAfter: false,
      });
    // Everyone works weekdays; Dr Carpentier also works Saturdays, and the Péronne resident works
    // every weekday evening too: they are never free together.
    for (const u of [...c.tutors, ...c.tutees]) await busy(u.id, [1, 2, 3, 4, 5], '08:00', '18:30');
    await busy(carpentier.id, [6], '00:00', '24:00');
    await busy(peronne.id, [1, 2, 3, 4, 5], '18:00', '24:00');
    const defaults = (await call(c.coordinator.cookie, 'GET', url)).json().weights;
    assert.equal(defaults.availability, 3);
    // Ignored: the Péronne resident goes to the Péronne tutor, with a warning.
    await call(c.coordinator.cookie, 'PUT', `${url}/weights`, { ...defaults, availability: 0 });
    let o = (await call(c.coordinator.cookie, 'POST', `${url}/runs`, { mode: 'optimal' })).json();
    let p = o.draft.proposals.find((x: { tuteeId: string }) => x.tuteeId === peronne.id);
    assert.equal(p.tutorId, carpentier.id);
    assert.ok(p.warnings.some((w: { code: string }) => w.code === 'noCommonTime'));
    // Decisive: they are never free together, so another tutor, free with them on Saturdays.
    const decisive = await call(c.coordinator.cookie, 'PUT', `${url}/weights`, {
      ...defaults,
      availability: 10,
    });
    assert.equal(decisive.statusCode, 200, decisive.body);
    o = (await call(c.coordinator.cookie, 'POST', `${url}/runs`, { mode: 'optimal' })).json();
    p = o.draft.proposals.find((x: { tuteeId: string }) => x.tuteeId === peronne.id);
    assert.notEqual(p.tutorId, carpentier.id);
    assert.deepEqual(
      p.reasons.find((r: { code: string }) => r.code === 'availability'),
      { code: 'availability', slots: ['6-evening', '6-morning'], count: 3 },
    );
    // Others share the weekday evenings.
    const other = o.draft.proposals.find((x: { tuteeId: string }) => x.tuteeId !== peronne.id);
    assert.ok(
      other.reasons.some(
        (r: { code: string; slots?: string[] }) => r.code === 'availability' && r.slots?.[0] === '1-evening',
      ),
    );
    // Weights sent without the newer criterion keep its default.
    const { availability: _, ...older } = defaults;
    const kept = await call(c.coordinator.cookie, 'PUT', `${url}/weights`, older);
    assert.equal(kept.statusCode, 200, kept.body);
    assert.equal(kept.json().weights.availability, 3);
  });

  test('availability overlap reads monthly patterns, absences and calendars, on the organisation’s clock', async () => {
    const c = await cohort();
    const url = `/api/programmes/${c.programme.id}/matching`;
    const [aubry, boucher, carpentier] = c.tutors;
    const [peronne, abbeville, , albert, rue] = c.tutees;
    assert.ok(aubry && boucher && carpentier && peronne && abbeville && albert && rue);
    const rule = (
      userId: string,
      r: {
        pattern?: 'weekly' | 'monthly' | 'dates';
        weekdays?: number[];
        nth?: number;
        start: string;
        end: string;
        from?: string;
        to?: string;
      },
    ) =>
      availabilityRule(s.ctx, {
        orgId: c.orgId,
        userId,
        category: r.pattern === 'dates' ? 'absence' : 'course',
        pattern: r.pattern,
        weekdays: r.weekdays ?? [],
        nth: r.nth,
        startTime: r.start,
        endTime: r.end,
        fromDate: r.from,
        toDate: r.to,
        restAfter: false,
      });
    // Everyone but the Rue resident works weekdays: free weekday evenings and Saturdays. The
    // horizon is the eight weeks from Monday 16 November.
    for (const u of [...c.tutors, ...c.tutees]) {
      if (u.id !== rue.id) await rule(u.id, { weekdays: [1, 2, 3, 4, 5], start: '08:00', end: '18:30' });
    }
    for (const [tutee, tutor] of [
      [peronne, boucher],
      [abbeville, carpentier],
      [albert, aubry],
      [rue, aubry],
    ] as const) {
      const r = await call(c.coordinator.cookie, 'POST', `${url}/draft/assign`, {
        tuteeId: tutee.id,
        tutorId: tutor.id,
      });
      assert.equal(r.statusCode, 200, r.body);
    }
    const explained = async (tuteeId: string) => {
      const o = (await call(c.coordinator.cookie, 'GET', url)).json();
      const p = o.draft.proposals.find((x: { tuteeId: string }) => x.tuteeId === tuteeId);
      return {
        availability: p.reasons.find((r: { code: string }) => r.code === 'availability') ?? null,
        noCommonTime: p.warnings.some((w: { code: string }) => w.code === 'noCommonTime'),
      };
    };
    const free = (slots: string[], count: number) => ({
      availability: { code: 'availability', slots, count },
      noCommonTime: false,
    });
    assert.deepEqual(await explained(peronne.id), free(['1-evening', '2-evening'], 8));

    // A course on the first Monday evening of the month (7 December, 4 January): Monday evening is
    // still a usual time, but no longer the first one named.
    await rule(boucher.id, { pattern: 'monthly', weekdays: [1], nth: 1, start: '18:00', end: '22:00' });
    assert.deepEqual(await explained(peronne.id), free(['2-evening', '3-evening'], 8));
    // With the resident's meeting on the last Monday (30 November, 28 December), it is not.
    await rule(peronne.id, { pattern: 'monthly', weekdays: [1], nth: -1, start: '19:00', end: '21:00' });
    assert.deepEqual(await explained(peronne.id), free(['2-evening', '3-evening'], 7));

    // Three weeks away out of eight: no usual time together any more, and a warning.
    assert.deepEqual(await explained(abbeville.id), free(['1-evening', '2-evening'], 8));
    await rule(carpentier.id, {
      pattern: 'dates',
      start: '00:00',
      end: '24:00',
      from: '2026-11-23',
      to: '2026-12-13',
    });
    assert.deepEqual(await explained(abbeville.id), { availability: null, noCommonTime: true });

    // An uploaded calendar of locum evenings, every Monday 18:30–21:00 in Paris, written in UTC (in
    // New York, where the tests run, that is early afternoon).
    const ics = locumMondays;
    assert.deepEqual(await explained(albert.id), free(['1-evening', '2-evening'], 8));
    const uploaded = await call(albert.cookie, 'POST', `/api/orgs/${c.orgId}/availability/calendars`, {
      kind: 'upload',
      label: 'Remplacements',
      text: ics,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    assert.deepEqual(await explained(albert.id), free(['2-evening', '3-evening'], 7));

    // Without any rule or calendar, the Rue resident's week is unknown: neither said nor warned.
    assert.deepEqual(await explained(rue.id), { availability: null, noCommonTime: false });
  });

  test('bad input is refused clearly and writes nothing', async () => {
    const c = await cohort();
    const url = `/api/programmes/${c.programme.id}/matching`;
    const bad = await call(c.coordinator.cookie, 'PUT', `${url}/weights`, { distance: 40 });
    assert.equal(bad.statusCode, 400);
    const noRound = await call(c.coordinator.cookie, 'POST', `${url}/runs`, { mode: 'tutee-choice' });
    assert.equal(noRound.statusCode, 409);
    const runs = await s.db
      .selectFrom('matching_runs')
      .select('id')
      .where('programme_id', '=', c.programme.id)
      .execute();
    assert.equal(runs.length, 0);
  });
});
