import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { addMember, createOrg, createProgramme, createUser, pair } from '../../test/factories.ts';
import { absence, team } from '../../test/factories-absences.ts';
import { changeLog, sessionCookie, setupTestServer } from '../../test/harness.ts';
import { sweepProgramme } from '../followup/sweep.ts';
import { erasePerson } from '../rights/erase.ts';
import { absenceData } from './rights.ts';
import { sweepAbsences } from './sweep.ts';

const s = await setupTestServer();
const changes = await changeLog(s.ctx);
// The harness's clock: Monday 16 November 2026, 9:00 UTC (10:00 in Paris).
const START = new Date('2026-11-16T09:00:00Z');
const at = (iso: string) => s.clock.set(new Date(iso));

/** A request as a person, with a session opened at the clock's time (the clock moves in these tests). */
const call = async (who: { id: string }, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  s.app.inject({
    method,
    url,
    headers: { cookie: await sessionCookie(s.ctx, who.id), 'accept-language': 'fr' },
    ...(payload ? { payload } : {}),
  });

/**
 * A DES programme with a team of four: Absent (two tutees), Bernard (one tutee, 4 places),
 * Colin (no tutee, 2 places), Dubois (4 places, away himself from 20 to 30 November).
 */
async function world() {
  at(START.toISOString());
  const orgId = await createOrg(s.ctx);
  const programme = await createProgramme(s.ctx, orgId);
  const coordinator = await createUser(s.ctx, orgId, { name: 'Coordination DMG' });
  await addMember(s.ctx, programme, coordinator.id, 'coordinator');
  const mk = async (name: string, capacity: number | null) => {
    const u = await createUser(s.ctx, orgId, { name, phone: '06 11 22 33 44' });
    await addMember(s.ctx, programme, u.id, 'tutor', capacity);
    return u;
  };
  const absent = await mk('Anne Absente', 4);
  const bernard = await mk('Bruno Bernard', 4);
  const colin = await mk('Chloé Colin', 2);
  const dubois = await mk('Denis Dubois', 4);
  const tutee = async (name: string, tutorId: string) => {
    const u = await createUser(s.ctx, orgId, { name });
    await addMember(s.ctx, programme, u.id, 'tutee');
    return { ...u, pairing: await pair(s.ctx, programme, tutorId, u.id) };
  };
  const t1 = await tutee('Alice Interne', absent.id);
  const t2 = await tutee('Bastien Interne', absent.id);
  const t3 = await tutee('Camille Interne', bernard.id);
  const teamId = await team(s.ctx, programme, [absent.id, bernard.id, colin.id, dubois.id]);
  await absence(s.ctx, programme, { tutorId: dubois.id, startOn: '2026-11-20', endOn: '2026-11-30' });
  return { orgId, programme, coordinator, absent, bernard, colin, dubois, t1, t2, t3, teamId };
}
type World = Awaited<ReturnType<typeof world>>;

const mine = async (w: World, who: { id: string }) => {
  const r = await call(who, 'GET', `/api/programmes/${w.programme.id}/absences`);
  assert.equal(r.statusCode, 200, r.body);
  return r.json();
};

async function jobsNamed(name: string) {
  const rows = await s.db
    .selectFrom('jobs')
    .select(['payload', 'dedupe_key'])
    .where('name', '=', name)
    .execute();
  return rows.map((r) => ({ ...JSON.parse(r.payload), dedupe: r.dedupe_key }));
}

describe('declaring an absence: backups proposed by balanced load', () => {
  test('spread by load against capacity, the teammate away excluded; a decline asks the next best', async () => {
    const w = await world();
    const url = `/api/programmes/${w.programme.id}/absences`;
    const bad = await call(w.absent, 'POST', url, { startOn: '2026-11-25', endOn: '2026-11-24' });
    assert.equal(bad.json().error.code, 'absence_dates');
    const made = await call(w.absent, 'POST', url, {
      startOn: '2026-11-23',
      endOn: '2026-12-04',
      reason: 'Congé maternité',
    });
    assert.equal(made.statusCode, 201, made.body);
    const view = await mine(w, w.absent);
    const a = view.absences[0];
    assert.equal(a.reason, 'Congé maternité');
    // Alice: Colin (0+1)/2 ties Bernard (1+1)/4, the smaller load wins; Bastien: Bernard 2/4 < Colin 2/2.
    const backupOf = (name: string) =>
      a.covers.find((c: { tutee: { name: string } }) => c.tutee.name === name).backup.id;
    assert.equal(backupOf('Alice Interne'), w.colin.id);
    assert.equal(backupOf('Bastien Interne'), w.bernard.id);
    assert.deepEqual(a.candidates.map((c: { id: string }) => c.id).sort(), [w.bernard.id, w.colin.id].sort());
    // Dubois is away himself over those days: he cannot be proposed.
    const cover = a.covers[0].id;
    const refused = await call(w.absent, 'PUT', `/api/absence-covers/${cover}/proposal`, {
      backupId: w.dubois.id,
    });
    assert.equal(refused.json().error.code, 'backup_not_candidate');
    // The teammates see neither the absence nor its reason before being asked.
    assert.equal(
      (
        await call(w.bernard, 'PUT', `/api/absences/${a.id}`, {
          startOn: '2026-11-23',
          endOn: '2026-12-04',
        })
      ).statusCode,
      404,
    );
    assert.equal((await call(w.absent, 'POST', `/api/absences/${a.id}/send`)).statusCode, 200);
    const asked = await jobsNamed('notify.send');
    assert.ok(asked.some((j) => j.userId === w.colin.id && j.key.startsWith('absences:asked')));
    assert.ok(asked.some((j) => j.userId === w.bernard.id && j.content.fr.body.includes('Bastien Interne')));
    assert.ok(!JSON.stringify(asked).includes('maternité'), 'the reason is in no notice');
    const colinView = await mine(w, w.colin);
    assert.equal(colinView.requests.length, 1);
    assert.equal(colinView.requests[0].tutee.name, 'Alice Interne');
    assert.ok(!JSON.stringify(colinView).includes('maternité'));
    // Colin declines Alice: Bernard (1 tutee + Bastien asked) is the only one left with room.
    assert.equal(
      (await call(w.colin, 'POST', `/api/absence-covers/${colinView.requests[0].id}/decline`)).statusCode,
      200,
    );
    const bernardView = await mine(w, w.bernard);
    const alice = bernardView.requests.find(
      (r: { tutee: { name: string } }) => r.tutee.name === 'Alice Interne',
    );
    assert.ok(alice, 'asked of Bernard next');
    // Bernard declines too: nobody is left, the coordination is told and sees her uncovered.
    assert.equal((await call(w.bernard, 'POST', `/api/absence-covers/${alice.id}/decline`)).statusCode, 200);
    const coord = (await call(w.coordinator, 'GET', `${url}/coordination`)).json();
    const row = coord.absences.find((x: { tutor: { id: string } }) => x.tutor.id === w.absent.id);
    assert.equal(row.reason, 'Congé maternité');
    assert.equal(
      row.covers.find((c: { tutee: { name: string } }) => c.tutee.name === 'Alice Interne').state,
      'uncovered',
    );
    assert.ok(
      (await jobsNamed('notify.send')).some(
        (j) => j.userId === w.coordinator.id && j.key.startsWith('absences:uncovered'),
      ),
    );
    // The coordination names Dubois? Away: refused. Colin, who declined, may still be named.
    const coverId = row.covers.find((c: { tutee: { name: string } }) => c.tutee.name === 'Alice Interne').id;
    const mark = await changes.mark();
    assert.equal(
      (
        await call(w.coordinator, 'PUT', `/api/absence-covers/${coverId}/backup`, {
          backupId: w.dubois.id,
        })
      ).statusCode,
      400,
    );
    assert.equal(
      (await call(w.t1, 'PUT', `/api/absence-covers/${coverId}/backup`, { backupId: w.colin.id })).statusCode,
      404,
    );
    assert.deepEqual(await changes.changedSince(mark), []);
    assert.equal(
      (
        await call(w.coordinator, 'PUT', `/api/absence-covers/${coverId}/backup`, {
          backupId: w.colin.id,
        })
      ).statusCode,
      200,
    );
    assert.equal((await mine(w, w.colin)).requests[0].actions.accept, true);
  });

  test('a tutor in no team: the coordination is told at once', async () => {
    const w = await world();
    const lone = await createUser(s.ctx, w.orgId, { name: 'Léa Seule' });
    await addMember(s.ctx, w.programme, lone.id, 'tutor');
    const tutee = await createUser(s.ctx, w.orgId);
    await pair(s.ctx, w.programme, lone.id, tutee.id);
    const made = await call(lone, 'POST', `/api/programmes/${w.programme.id}/absences`, {
      startOn: '2026-11-20',
      endOn: '2026-11-27',
    });
    assert.equal(made.statusCode, 201, made.body);
    const told = (await jobsNamed('notify.send')).filter(
      (j) => j.userId === w.coordinator.id && j.key.startsWith('absences:no-team'),
    );
    assert.equal(told.length, 1);
    assert.match(told[0].content.fr.title, /Léa Seule/);
  });

  test('changed or cancelled before it starts, only shortened during it', async () => {
    const w = await world();
    const url = `/api/programmes/${w.programme.id}/absences`;
    const id = (await call(w.absent, 'POST', url, { startOn: '2026-11-18', endOn: '2026-11-27' })).json().id;
    assert.equal(
      (await call(w.absent, 'POST', url, { startOn: '2026-11-20', endOn: '2026-11-21' })).json().error.code,
      'absence_overlap',
    );
    assert.equal(
      (
        await call(w.absent, 'PUT', `/api/absences/${id}`, {
          startOn: '2026-11-19',
          endOn: '2026-11-27',
          reason: null,
        })
      ).statusCode,
      200,
    );
    at('2026-11-20T09:00:00Z');
    assert.equal(
      (
        await call(w.absent, 'PUT', `/api/absences/${id}`, {
          startOn: '2026-11-19',
          endOn: '2026-11-30',
        })
      ).json().error.code,
      'absence_started',
    );
    assert.equal((await call(w.absent, 'POST', `/api/absences/${id}/cancel`)).statusCode, 409);
    assert.equal(
      (await call(w.absent, 'POST', `/api/absences/${id}/shorten`, { endOn: '2026-11-28' })).statusCode,
      400,
    );
    assert.equal(
      (await call(w.absent, 'POST', `/api/absences/${id}/shorten`, { endOn: '2026-11-22' })).statusCode,
      200,
    );
    const a = (await mine(w, w.absent)).absences[0];
    assert.deepEqual([a.startOn, a.endOn, a.status], ['2026-11-19', '2026-11-22', 'current']);
  });
});

describe('during the absence, the accepted backup stands in; everything returns at the end', () => {
  /** Absent away from 17 to 20 November, Colin standing in for Alice. */
  async function covered() {
    const w = await world();
    await absence(s.ctx, w.programme, {
      tutorId: w.absent.id,
      startOn: '2026-11-17',
      endOn: '2026-11-20',
      covers: [{ tuteeId: w.t1.id, backupId: w.colin.id }],
    });
    return w;
  }
  const meetingWith = (w: World, who: { id: string }, tuteeId: string) =>
    call(who, 'POST', `/api/programmes/${w.programme.id}/meetings`, {
      title: 'Point pendant l’absence',
      mode: 'phone',
      durationMinutes: 30,
      participantIds: [tuteeId],
      options: [{ start: '2026-12-10T14:00:00.000Z' }],
    });
  const contactSeen = async (w: World, who: { id: string }, subjectId: string) => {
    const people = (await call(who, 'GET', `/api/programmes/${w.programme.id}/people`)).json();
    return people.find((p: { userId: string }) => p.userId === subjectId)?.email ?? null;
  };

  test('a meeting with the covered tutee, and their contact details, during the absence only', async () => {
    const w = await covered();
    // Colin has no tutee of his own: outside the absence the tutee is not among those he may invite
    // (his teammates only).
    assert.equal((await meetingWith(w, w.colin, w.t1.id)).statusCode, 400, 'the day before');
    assert.equal(await contactSeen(w, w.colin, w.t1.id), null);
    at('2026-11-17T07:00:00Z'); // 8:00 in Paris, the first day
    const made = await meetingWith(w, w.colin, w.t1.id);
    assert.equal(made.statusCode, 201, made.body);
    assert.equal(await contactSeen(w, w.colin, w.t1.id), w.t1.email);
    // Only the tutee covered: not Bastien, whom nobody covers.
    assert.equal((await meetingWith(w, w.colin, w.t2.id)).json().error.code, 'not_invitable');
    assert.equal(await contactSeen(w, w.colin, w.t2.id), null);
    // The tutee reads whom to contact until when.
    const line = (await mine(w, w.t1)).contacts[0];
    assert.deepEqual(
      [line.tutor.id, line.endOn, line.backup.id, line.backup.email],
      [w.absent.id, '2026-11-20', w.colin.id, w.colin.email],
    );
    assert.deepEqual((await mine(w, w.t2)).contacts, []);
    at('2026-11-20T23:30:00Z'); // 0:30 on the 21st in Paris: over
    // Colin has no tutee of his own: outside the absence the tutee is not among those he may invite
    // (his teammates only).
    assert.equal((await meetingWith(w, w.colin, w.t1.id)).statusCode, 400, 'the day after');
    assert.equal(await contactSeen(w, w.colin, w.t1.id), null);
    assert.deepEqual((await mine(w, w.t1)).contacts, []);
  });

  test('the sweep tells the tutee at the start and both at the end, once each', async () => {
    const w = await covered();
    const told = async (prefix: string) =>
      (await jobsNamed('notify.send')).filter(
        (j) => j.key.startsWith(`absences:${prefix}`) && [w.t1.id, w.colin.id].includes(j.userId),
      );
    assert.deepEqual(await sweepAbsences(s.ctx, s.clock.now()), { started: 0, back: 0 });
    at('2026-11-17T07:00:00Z');
    await sweepAbsences(s.ctx, s.clock.now());
    await sweepAbsences(s.ctx, s.clock.now());
    const started = await told('started');
    assert.equal(started.length, 1);
    assert.equal(started[0].userId, w.t1.id);
    assert.match(started[0].content.fr.title, /Pendant l’absence d’Anne Absente, contactez Chloé Colin/);
    assert.match(started[0].content.fr.body, /20 novembre 2026/);
    at('2026-11-21T08:00:00Z');
    await sweepAbsences(s.ctx, s.clock.now());
    await sweepAbsences(s.ctx, s.clock.now());
    const back = await told('back');
    assert.deepEqual(back.map((j) => j.userId).sort(), [w.t1.id, w.colin.id].sort());
  });

  test('alerts: opened for the covered pair, told to the backup and in their list, not the absent tutor', async () => {
    const w = await covered();
    // The pairs have had no contact since long before the absence.
    await s.db
      .updateTable('pairings')
      .set({ created_at: '2026-06-01T08:00:00.000Z' })
      .where('programme_id', '=', w.programme.id)
      .execute();
    at('2026-11-17T07:00:00Z');
    await s.db.transaction().execute((trx) => sweepProgramme(s.ctx, trx, w.programme.id, s.clock.now()));
    const notices = (await jobsNamed('followup.alert-notices')).map((j) => j.userId);
    assert.ok(notices.includes(w.colin.id), 'the backup is told');
    assert.ok(
      !notices.includes(w.absent.id) ||
        (await s.db
          .selectFrom('followup_alerts')
          .select('pairing_id')
          .where('pairing_id', '=', w.t2.pairing.id)
          .executeTakeFirst()) !== undefined,
    );
    const list = (await call(w.colin, 'GET', `/api/programmes/${w.programme.id}/followup/alerts`)).json();
    assert.ok(list.alerts.length > 0);
    assert.ok(list.alerts.every((a: { tutee: { id: string } }) => a.tutee.id === w.t1.id));
  });
});

describe('absences honoured by the dashboard, the matching and the continuity check', () => {
  test('the dashboard says who is away until when and who is uncovered', async () => {
    const w = await world();
    await absence(s.ctx, w.programme, {
      tutorId: w.absent.id,
      startOn: '2026-11-16',
      endOn: '2026-12-18',
      covers: [{ tuteeId: w.t1.id, backupId: w.colin.id }],
    });
    const d = (
      await call(w.coordinator, 'GET', `/api/programmes/${w.programme.id}/followup/dashboard`)
    ).json();
    const away = d.absences.away.find((x: { tutor: { id: string } }) => x.tutor.id === w.absent.id);
    assert.deepEqual([away.endOn, away.current], ['2026-12-18', true]);
    assert.ok(
      d.absences.away.some(
        (x: { tutor: { id: string }; current: boolean }) => x.tutor.id === w.dubois.id && !x.current,
      ),
    );
    assert.ok(!JSON.stringify(d.absences).includes('Congé'), 'no reason on the dashboard');
  });

  test('matching: a tutor away today gets no new tutee, and the manual mode says until when', async () => {
    const w = await world();
    await absence(s.ctx, w.programme, { tutorId: w.absent.id, startOn: '2026-11-16', endOn: '2026-11-27' });
    await s.db
      .updateTable('memberships')
      .set({ capacity: 0 })
      .where('user_id', 'in', [w.bernard.id, w.colin.id, w.dubois.id])
      .execute();
    const newcomer = await createUser(s.ctx, w.orgId, { name: 'Nina Nouvelle' });
    await addMember(s.ctx, w.programme, newcomer.id, 'tutee');
    const url = `/api/programmes/${w.programme.id}/matching`;
    const run = await call(w.coordinator, 'POST', `${url}/runs`, { mode: 'optimal' });
    assert.equal(run.statusCode, 201, run.body);
    assert.ok(!run.json().draft.proposals.some((p: { tutorId: string | null }) => p.tutorId === w.absent.id));
    assert.equal(
      run.json().tutors.find((t: { userId: string }) => t.userId === w.absent.id).awayUntil,
      '2026-11-27',
    );
    const manual = await call(w.coordinator, 'POST', `${url}/draft/assign`, {
      tuteeId: newcomer.id,
      tutorId: w.absent.id,
    });
    assert.equal(manual.statusCode, 409);
    assert.match(manual.json().error.message, /27 novembre 2026/);
  });

  test('matching: away on most of the coming eight weeks, not today, counts too; a short leave later does not', async () => {
    const w = await world();
    await absence(s.ctx, w.programme, { tutorId: w.absent.id, startOn: '2026-11-23', endOn: '2027-01-10' });
    const run = (
      await call(w.coordinator, 'POST', `/api/programmes/${w.programme.id}/matching/runs`, {
        mode: 'optimal',
      })
    ).json();
    assert.equal(
      run.tutors.find((t: { userId: string }) => t.userId === w.absent.id).awayUntil,
      '2027-01-10',
    );
    assert.equal(run.tutors.find((t: { userId: string }) => t.userId === w.dubois.id).awayUntil, null);
  });

  test('continuity: uncovered and pending tutees listed with why, the team leave without reasons', async () => {
    const w = await world();
    const id = (
      await call(w.absent, 'POST', `/api/programmes/${w.programme.id}/absences`, {
        startOn: '2026-11-16',
        endOn: '2026-11-20',
        reason: 'Formation',
      })
    ).json().id;
    await call(w.absent, 'POST', `/api/absences/${id}/send`);
    const c = await call(w.bernard, 'GET', `/api/teams/${w.teamId}/continuity`);
    assert.equal(c.statusCode, 200, c.body);
    const issues = c.json().issues;
    assert.deepEqual(issues.map((x: { tutee: { name: string } }) => x.tutee.name).sort(), [
      'Alice Interne',
      'Bastien Interne',
    ]);
    assert.ok(issues.every((x: { problems: string[] }) => x.problems.includes('backupPending')));
    assert.equal((await call(w.t1, 'GET', `/api/teams/${w.teamId}/continuity`)).statusCode, 404);
    const leave = (await call(w.colin, 'GET', `/api/teams/${w.teamId}/leave`)).json();
    const anne = leave.members.find((m: { userId: string }) => m.userId === w.absent.id);
    assert.deepEqual(anne.absences, [{ startOn: '2026-11-16', endOn: '2026-11-20' }]);
    assert.ok(!JSON.stringify(leave).includes('Formation'));
    const whole = (await call(w.coordinator, 'GET', `/api/programmes/${w.programme.id}/continuity`)).json();
    assert.equal(whole.checked, 3);
  });
});

describe('absences in the data rights', () => {
  test('exported with the reason to its tutor, without it to the tutee; deleted on erasure', async () => {
    const w = await world();
    await absence(s.ctx, w.programme, {
      tutorId: w.absent.id,
      startOn: '2026-11-17',
      endOn: '2026-11-20',
      covers: [{ tuteeId: w.t1.id, backupId: w.colin.id }],
    });
    const own = await absenceData(s.db, w.absent.id);
    assert.equal(own.absences[0]?.reason, 'Congé');
    const tutee = await absenceData(s.db, w.t1.id);
    assert.equal(tutee.replacements[0]?.backup, 'Chloé Colin');
    assert.ok(!JSON.stringify(tutee).includes('Congé'));
    const exported = await call(w.absent, 'GET', '/api/me/data/export.json');
    assert.equal(exported.statusCode, 200);
    assert.ok(exported.json().absences.length >= 1);
    await s.db.transaction().execute((trx) => erasePerson(trx, w.absent.id, s.clock.now()));
    assert.equal(
      (await s.db.selectFrom('absences').select('id').where('user_id', '=', w.absent.id).execute()).length,
      0,
    );
  });
});
