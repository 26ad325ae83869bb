import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Papa from 'papaparse';
import { newId } from '../../lib/ids.ts';
import {
  addMember,
  createOrg,
  createProgramme,
  createUser,
  meeting,
  type Pairing,
  pair,
} from '../../test/factories.ts';
import { joinRequest } from '../../test/factories-requests.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';
import type { TemplateId } from '../programmes/templates.ts';

const s = await setupTestServer();

async function call(method: 'GET' | 'PATCH', url: string, as: { id: string }, payload?: object) {
  const cookie = await sessionCookie(s.ctx, as.id);
  return s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

async function programme(template: TemplateId) {
  const org = await createOrg(s.ctx);
  const p = await createProgramme(s.ctx, org, template);
  const coordinator = await createUser(s.ctx, org, { name: 'Coordinatrice' });
  await addMember(s.ctx, p, coordinator.id, 'coordinator');
  const person = (name: string) => createUser(s.ctx, org, { name });
  return { p, coordinator, person };
}

/** A pairing formed at `when`, optionally ended later in the given state. */
async function pairAt(
  p: { id: string; orgId: string },
  tutor: string,
  tutee: string,
  when: string,
  end?: { at: string; state: 'ended' | 'completed' },
) {
  s.clock.set(new Date(when));
  const x = await pair(s.ctx, p, tutor, tutee);
  await s.db
    .updateTable('pairings')
    .set({ created_at: when, ...(end ? { state: end.state, ended_at: end.at, end_reason: 'Raison' } : {}) })
    .where('id', '=', x.id)
    .execute();
  return x;
}

const held = (pairing: Pairing, at: string) =>
  meeting(s.ctx, { pairing, at: new Date(at), createdAt: new Date(at) });

const review = async (pid: string, as: { id: string }, year?: number) => {
  const res = await call('GET', `/api/programmes/${pid}/followup/review${year ? `?year=${year}` : ''}`, as);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
};

describe('the yearly review counts who took part', () => {
  test('a previous year: people of pairs live during it, not those removed as mistakes; each pair once', async () => {
    const { p, coordinator, person } = await programme('des-tutoring');
    const [t1, t2, t3] = await Promise.all(['Tuteur 1', 'Tuteur 2', 'Tuteur 3'].map(person));
    const [a, b, c, d, e, f, x, y] = await Promise.all(
      ['A', 'B', 'C', 'D', 'E', 'F', 'X', 'Y'].map((n) => person(`Interne ${n}`)),
    );
    if (!t1 || !t2 || !t3 || !a || !b || !c || !d || !e || !f || !x || !y) throw new Error('people');
    // Pairs formed during 2025-2026 (November to October).
    const pa = await pairAt(p, t1.id, a.id, '2025-11-10T09:00:00Z');
    const pb = await pairAt(p, t1.id, b.id, '2025-11-10T09:00:00Z');
    const pc = await pairAt(p, t2.id, c.id, '2025-11-10T09:00:00Z');
    // Completed by mistake, then formed again: one pair, not ended.
    const pe1 = await pairAt(p, t3.id, e.id, '2025-11-10T09:00:00Z', {
      at: '2026-02-01T09:00:00Z',
      state: 'completed',
    });
    const pe2 = await pairAt(p, t3.id, e.id, '2026-02-02T09:00:00Z');
    // Ended early.
    await pairAt(p, t2.id, f.id, '2025-11-10T09:00:00Z', { at: '2026-03-01T09:00:00Z', state: 'ended' });
    // A pair still proposed is no pair.
    await pairAt(p, t3.id, d.id, '2026-05-01T09:00:00Z');
    await s.db.updateTable('pairings').set({ state: 'proposed' }).where('tutee_user_id', '=', d.id).execute();

    for (const at of ['2025-12-01', '2026-02-01', '2026-04-01']) await held(pa, `${at}T09:00:00Z`);
    for (const at of ['2025-12-02', '2026-03-02']) await held(pb, `${at}T09:00:00Z`);
    await held(pc, '2025-12-03T09:00:00Z');
    await held(pe1, '2026-01-10T09:00:00Z');
    await held(pe2, '2026-03-10T09:00:00Z');

    // D joined during the year and is waiting for a tutor: a participant.
    s.clock.set(new Date('2026-01-10T09:00:00Z'));
    await addMember(s.ctx, p, d.id, 'tutee');
    // X and Y were imported by mistake and removed the same day, before anything happened.
    const mistakes = [await addMember(s.ctx, p, x.id, 'tutee'), await addMember(s.ctx, p, y.id, 'tutee')];
    await s.db
      .updateTable('memberships')
      .set({ ended_at: '2026-01-10T11:00:00Z' })
      .where('id', 'in', mistakes)
      .execute();

    // The memberships of the pairs' people were written later (as the demo data has them).
    s.clock.set(new Date('2026-11-20T09:00:00Z'));
    for (const t of [t1, t2, t3]) await addMember(s.ctx, p, t.id, 'tutor');
    for (const t of [a, b, c, e, f]) await addMember(s.ctx, p, t.id, 'tutee');

    const r = await review(p.id, coordinator, 2025);
    assert.equal(r.period.start, '2025-11-01');
    assert.equal(r.participation.tutors, 3);
    assert.equal(r.participation.tutees, 6); // A, B, C, D, E, F
    assert.equal(r.participation.pairs, 5); // A, B, C, E (once), F
    assert.equal(r.participation.pairsEndedEarly, 1);
    assert.equal(r.participation.pairsWithMeeting, 4);
    assert.equal(r.meetings.total, 8);
    assert.equal(r.meetings.perPairMean, 1.6);
    assert.deepEqual(
      r.meetings.distribution.map((x: { pairs: number }) => x.pairs),
      [1, 1, 2, 1, 0, 0],
    );

    // This year's review does not count last year's ended pair nor the removed people.
    const now = await review(p.id, coordinator, 2026);
    assert.equal(now.participation.pairsEndedEarly, 0);
    assert.equal(now.participation.tutees, 6); // F's pair ended last year, F still waits as a member
  });

  test('figures are written the reader’s way: a French CSV with semicolons and decimal commas, the PDF too', async () => {
    const { p, coordinator, person } = await programme('des-tutoring');
    const [t1, a, b] = await Promise.all(['Tuteur', 'Interne A', 'Interne B'].map(person));
    if (!t1 || !a || !b) throw new Error('people');
    const pa = await pairAt(p, t1.id, a.id, '2025-11-10T09:00:00Z');
    await pairAt(p, t1.id, b.id, '2025-11-10T09:00:00Z');
    for (const at of ['2025-12-01', '2026-02-01', '2026-04-01']) await held(pa, `${at}T09:00:00Z`);
    s.clock.set(new Date('2026-11-20T09:00:00Z'));

    const csv = await call('GET', `/api/programmes/${p.id}/followup/review.csv?year=2025`, coordinator);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /"Rencontres par binôme \(moyenne\)";"1,5"/);
    const rows = Papa.parse<string[]>(csv.body.replace(/^\uFEFF/, ''), { delimiter: ';' }).data;
    assert.ok(rows.every((row) => row.length === 3 || row.join('') === ''));

    const pdf = await call('GET', `/api/programmes/${p.id}/followup/review.pdf?year=2025`, coordinator);
    assert.equal(pdf.statusCode, 200);
    const dir = mkdtempSync(join(tmpdir(), 'review-'));
    try {
      writeFileSync(join(dir, 'bilan.pdf'), pdf.rawPayload);
      const text = execFileSync('pdftotext', [join(dir, 'bilan.pdf'), '-']).toString();
      assert.match(text, /Rencontres par binôme \(moyenne\) : 1,5/);
      assert.doesNotMatch(text, /1\.5/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    await s.db.updateTable('users').set({ locale: 'en' }).where('id', '=', coordinator.id).execute();
    const en = await call('GET', `/api/programmes/${p.id}/followup/review.csv?year=2025`, coordinator);
    assert.match(en.body, /"Meetings per pair \(mean\)","1.5"/);
  });

  test('the review period is a programme rule: a mentoring year starting in September is one review', async () => {
    const { p, coordinator, person } = await programme('installation-mentoring');
    const [m, n] = await Promise.all(['Mentor', 'Mentorée'].map(person));
    if (!m || !n) throw new Error('people');
    const x = await pairAt(p, m.id, n.id, '2026-09-10T09:00:00Z');
    for (const at of ['2026-09-20', '2026-10-20', '2026-11-05']) await held(x, `${at}T09:00:00Z`);
    s.clock.set(new Date('2026-11-20T09:00:00Z'));

    const r = await review(p.id, coordinator);
    assert.equal(r.year, 2026);
    assert.equal(r.period.start, '2026-09-01');
    assert.equal(r.period.end, '2027-08-31');
    assert.equal(r.meetings.total, 3);
    assert.equal(r.meetings.byMonth[0].month, '2026-09');

    // The coordinator moves the review year to January: the rule is read by the review.
    const prog = await call('GET', `/api/programmes/${p.id}`, coordinator);
    const rules = prog.json().rules;
    assert.equal(rules.reviewStartMonth, 9);
    const put = await call('PATCH', `/api/programmes/${p.id}`, coordinator, {
      rules: { ...rules, reviewStartMonth: 1 },
    });
    assert.ok(put.statusCode < 300, put.body);
    const jan = await review(p.id, coordinator);
    assert.equal(jan.period.start, '2026-01-01');
    assert.equal(jan.meetings.total, 3);
  });

  test('a mentoring pair that met the charter’s minimum early in its year counts as having met it in the year it completes', async () => {
    const { p, coordinator, person } = await programme('installation-mentoring');
    const [m, n, o, q] = await Promise.all(
      ['Mentor', 'Mentorée', 'Autre mentor', 'Autre mentorée'].map(person),
    );
    if (!m || !n || !o || !q) throw new Error('people');
    const done = await pairAt(p, m.id, n.id, '2026-12-07T09:00:00Z', {
      at: '2027-12-07T09:00:00Z',
      state: 'completed',
    });
    for (const at of ['2026-12-14', '2027-01-14', '2027-02-14', '2027-03-14'])
      await held(done, `${at}T18:00:00Z`);
    // Another pair met twice over its whole year: below the minimum, whichever year is read.
    const short = await pairAt(p, o.id, q.id, '2026-12-07T09:00:00Z', {
      at: '2027-12-07T09:00:00Z',
      state: 'completed',
    });
    for (const at of ['2027-01-10', '2027-10-10']) await held(short, `${at}T18:00:00Z`);
    s.clock.set(new Date('2028-01-10T09:00:00Z'));

    const year = await review(p.id, coordinator, 2027);
    assert.equal(year.period.start, '2027-09-01');
    // Over the review year itself, one meeting was held, the other pair's October one.
    assert.equal(year.meetings.total, 1);
    assert.deepEqual(year.mentoring, {
      meetingsMinimum: 4,
      pairsAtMinimum: 1,
      pairsBelowMinimum: 1,
      completed: 2,
      endedEarly: 0,
      chartersSigned: 0,
      requests: null,
    });
    const before = await review(p.id, coordinator, 2026);
    assert.equal(before.mentoring.pairsAtMinimum, 1);
    assert.equal(before.mentoring.completed, 0);

    // A programme whose minimum is per year reads the year's meetings alone.
    const des = await programme('des-tutoring');
    const [t, r] = await Promise.all(['Tuteur', 'Interne'].map(des.person));
    if (!t || !r) throw new Error('people');
    const yearly = await pairAt(des.p, t.id, r.id, '2026-11-10T09:00:00Z');
    await held(yearly, '2026-12-01T18:00:00Z');
    const next = await review(des.p.id, des.coordinator, 2027);
    assert.equal(next.mentoring.pairsAtMinimum, 0);
    assert.equal(next.mentoring.pairsBelowMinimum, 1);
  });

  test('rules saved before the review period was a rule read as their template’s', async () => {
    const { p, coordinator } = await programme('installation-mentoring');
    const { reviewStartMonth: _, ...old } = JSON.parse(
      (await s.db.selectFrom('programmes').select('rules').where('id', '=', p.id).executeTakeFirstOrThrow())
        .rules,
    );
    await s.db
      .updateTable('programmes')
      .set({ rules: JSON.stringify(old) })
      .where('id', '=', p.id)
      .execute();
    s.clock.set(new Date('2026-11-20T09:00:00Z'));
    assert.equal((await review(p.id, coordinator)).period.start, '2026-09-01');
    const des = await programme('des-tutoring');
    assert.equal((await review(des.p.id, des.coordinator)).period.start, '2026-11-01');
  });
});

describe('the mentoring figures of the yearly review', () => {
  test('requests received, accepted, declined, paired and the median days to a pair; charters signed by all three', async () => {
    const { p, coordinator, person } = await programme('installation-mentoring');
    const [m1, m2, n1, n2, n3] = await Promise.all(
      ['Mentor Un', 'Mentor Deux', 'Mentorée Une', 'Mentoré Deux', 'Mentorée Trois'].map(person),
    );
    if (!m1 || !m2 || !n1 || !n2 || !n3) throw new Error('people');
    // Requests that reached the coordination during 2026-2027 (September to August), one before it.
    const request = async (at: string, o: { userId?: string; decision?: 'accepted' | 'declined' }) => {
      s.clock.set(new Date(at));
      const { id } = await joinRequest(s.ctx, { programme: p, name: `Demande ${at}` });
      await s.db
        .updateTable('join_requests')
        .set({
          user_id: o.userId ?? null,
          decision: o.decision ?? null,
          state: o.decision ?? 'pending',
          decided_at: o.decision ? at : null,
        })
        .where('id', '=', id)
        .execute();
    };
    await request('2026-06-01T09:00:00Z', { userId: n3.id, decision: 'accepted' });
    await request('2026-09-02T09:00:00Z', { userId: n1.id, decision: 'accepted' });
    await request('2026-09-04T09:00:00Z', { userId: n2.id, decision: 'accepted' });
    await request('2026-09-05T09:00:00Z', { decision: 'declined' });
    await request('2026-10-01T09:00:00Z', {});
    // n1 is paired 10 days after their request, n2 22 days after; both pairs started in the year.
    const x1 = await pairAt(p, m1.id, n1.id, '2026-09-12T09:00:00Z');
    const x2 = await pairAt(p, m2.id, n2.id, '2026-09-26T09:00:00Z');
    for (const [x, at] of [
      [x1, '2026-09-12T09:00:00Z'],
      [x2, '2026-09-26T09:00:00Z'],
    ] as const)
      await s.db
        .insertInto('pairing_events')
        .values({
          id: newId(),
          org_id: p.orgId,
          programme_id: p.id,
          pairing_id: x.id,
          at,
          actor_id: coordinator.id,
          kind: 'published',
          from_state: 'proposed',
          to_state: 'active',
          reason: null,
        })
        .execute();
    // The first pair's charter is signed by all three; the second waits on the organisation.
    const version = newId();
    await s.db
      .insertInto('charter_versions')
      .values({
        id: version,
        org_id: p.orgId,
        programme_id: p.id,
        version: 1,
        body: 'Charte',
        body_hash: 'h',
        resign_required: 0,
        author_id: null,
        created_at: '2026-09-01T09:00:00Z',
      })
      .execute();
    const signs = [
      [x1, 'mentor', m1],
      [x1, 'mentee', n1],
      [x1, 'organisation', coordinator],
      [x2, 'mentor', m2],
      [x2, 'mentee', n2],
    ] as const;
    for (const [x, party, who] of signs)
      await s.db
        .insertInto('charter_signatures')
        .values({
          id: newId(),
          org_id: p.orgId,
          programme_id: p.id,
          pairing_id: x.id,
          version_id: version,
          party,
          user_id: who.id,
          signed_name: 'Nom',
          signed_at: '2026-09-28T09:00:00Z',
          body_hash: 'h',
        })
        .execute();
    s.clock.set(new Date('2026-11-20T09:00:00Z'));

    const r = await review(p.id, coordinator);
    assert.equal(r.year, 2026);
    assert.deepEqual(r.mentoring.requests, {
      received: 4,
      accepted: 2,
      declined: 1,
      matched: 2,
      medianDaysToMatch: 16,
    });
    assert.equal(r.mentoring.chartersSigned, 1);
    const csv = await call('GET', `/api/programmes/${p.id}/followup/review.csv`, coordinator);
    assert.match(csv.body, /"Demandes reçues \(adresse confirmée\)";"4"/);
    assert.match(csv.body, /"Binômes dont la charte est signée par les trois parties";"1"/);
    assert.doesNotMatch(csv.body, /Demande 2026|Mentor Un|Mentorée Une/);

    // A programme without a charter nor requests says so, rather than zeros.
    const des = await programme('des-tutoring');
    const none = await review(des.p.id, des.coordinator);
    assert.equal(none.mentoring.chartersSigned, null);
    assert.equal(none.mentoring.requests, null);
  });
});
