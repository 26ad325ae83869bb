import assert from 'node:assert/strict';
import { test } from 'node:test';
import { addMember, alert, createOrg, createProgramme, createUser, pair } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

// The home page's "to do / coming up": each item appears with the state that calls for it and
// leaves with the state that settles it. Poll and confirmation notices are in-app only.

const s = await setupTestServer();

async function call(method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) {
  const res = await s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, raw: res.body };
}
const next = async (cookie: string) => {
  const r = await call('GET', '/api/me/next', cookie);
  assert.equal(r.status, 200, r.raw);
  return r.body;
};
const notices = (userId: string) =>
  s.db.selectFrom('notifications').selectAll().where('user_id', '=', userId).orderBy('created_at').execute();

test('polls, meetings, reports, unread notices and open alerts come and go with their state', async () => {
  s.clock.set(new Date('2026-11-16T09:00:00Z'));
  const orgId = await createOrg(s.ctx);
  await s.db
    .updateTable('organisations')
    .set({ time_zone: 'Europe/Paris' })
    .where('id', '=', orgId)
    .execute();
  const programme = await createProgramme(s.ctx, orgId, 'peer-tutoring');
  const tutor = await createUser(s.ctx, orgId, { name: 'Tuteur' });
  const tutee = await createUser(s.ctx, orgId, { name: 'Alice Garde' });
  const coordinator = await createUser(s.ctx, orgId, { name: 'Coordinatrice' });
  const outsider = await createUser(s.ctx, orgId, { name: 'Autre' });
  await addMember(s.ctx, programme, tutor.id, 'tutor', 4);
  await addMember(s.ctx, programme, tutee.id, 'tutee');
  await addMember(s.ctx, programme, coordinator.id, 'coordinator');
  const pairing = await pair(s.ctx, programme, tutor.id, tutee.id);

  const empty = await next(tutee.cookie);
  assert.deepEqual(empty, { meetings: [], polls: [], reports: [], unread: 0, alerts: [] });

  // A poll: it waits for the tutee's answer, and the tutee is told in Notifications.
  const created = await call('POST', `/api/programmes/${programme.id}/meetings`, tutor.cookie, {
    title: 'Point mensuel',
    mode: 'video',
    durationMinutes: 60,
    participantIds: [tutee.id],
    options: [{ start: '2026-11-16T17:30:00Z' }],
  });
  assert.equal(created.status, 201, created.raw);
  const id = created.body.id as string;
  let n = await next(tutee.cookie);
  assert.equal(n.polls.length, 1);
  assert.equal(n.polls[0].id, id);
  assert.equal(n.polls[0].link, `/rencontres/${id}`);
  assert.equal(n.polls[0].organiser, 'Tuteur');
  assert.equal(n.unread, 1);
  const [pollNotice] = await notices(tutee.id);
  assert.equal(pollNotice?.link, `/rencontres/${id}`);
  assert.match(pollNotice?.title ?? '', /Point mensuel/);
  assert.equal((await next(tutor.cookie)).polls.length, 0, 'the organiser has nothing to answer');
  assert.equal((await notices(tutor.id)).length, 0);
  assert.deepEqual((await next(outsider.cookie)).polls, []);

  // The tutee answers: the poll leaves the list.
  const view = await call('GET', `/api/meetings/${id}`, tutor.cookie);
  const optionId = view.body.options[0].id as string;
  const answered = await call('POST', `/api/meetings/${id}/answers`, tutee.cookie, {
    answers: [{ optionId, answer: 'yes' }],
  });
  assert.ok(answered.status < 300, answered.raw);
  assert.equal((await next(tutee.cookie)).polls.length, 0);

  // Confirmed: the next meeting of both, with the organisation's time zone; the tutee is told.
  const confirmed = await call('POST', `/api/meetings/${id}/confirm`, tutor.cookie, { optionId });
  assert.ok(confirmed.status < 300, confirmed.raw);
  n = await next(tutee.cookie);
  assert.equal(n.meetings.length, 1);
  assert.equal(n.meetings[0].start, '2026-11-16T17:30:00.000Z');
  assert.equal(n.meetings[0].timeZone, 'Europe/Paris');
  assert.equal(n.unread, 2);
  assert.match((await notices(tutee.id))[1]?.body ?? '', /16 novembre 2026 à 18h30/);
  assert.equal((await next(tutor.cookie)).meetings.length, 1);
  assert.equal((await notices(tutor.id)).length, 0, 'the organiser who confirmed is not told');
  // In-app only: the e-mails stay the poll's and the invitation's own jobs.
  const sends = await s.db.selectFrom('jobs').select('id').where('name', '=', 'notify.send').execute();
  assert.equal(sends.length, 0);

  // Once it has taken place: no longer coming up, and its report is the tutor's to file.
  s.clock.set(new Date('2026-11-16T19:00:00Z'));
  assert.equal((await next(tutee.cookie)).meetings.length, 0);
  assert.deepEqual((await next(tutee.cookie)).reports, []);
  n = await next(tutor.cookie);
  assert.equal(n.reports.length, 1);
  assert.equal(n.reports[0].id, id);
  const draft = { attendance: [{ userId: tutee.id, status: 'present' }], durationMinutes: 60, content: {} };
  const saved = await call('PUT', `/api/meetings/${id}/report`, tutor.cookie, draft);
  assert.ok(saved.status < 300, saved.raw);
  assert.equal((await next(tutor.cookie)).reports.length, 1, 'a draft is not filed');
  const filed = await call('PUT', `/api/meetings/${id}/report`, tutor.cookie, { ...draft, file: true });
  assert.ok(filed.status < 300, filed.raw);
  assert.equal((await next(tutor.cookie)).reports.length, 0);

  // Coordinators: one line per programme with its open alerts.
  assert.deepEqual((await next(coordinator.cookie)).alerts, [
    {
      programme: { id: programme.id, name: n.reports[0].programme.name },
      open: 0,
      link: `/programmes/${programme.id}/suivi`,
    },
  ]);
  const alertId = await alert(s.ctx, { pairing });
  assert.equal((await next(coordinator.cookie)).alerts[0].open, 1);
  assert.deepEqual((await next(tutor.cookie)).alerts, [], 'only coordinators');
  await s.db.updateTable('followup_alerts').set({ state: 'closed' }).where('id', '=', alertId).execute();
  assert.equal((await next(coordinator.cookie)).alerts[0].open, 0);

  // Read notices leave the unread count.
  await call('POST', '/api/notifications/read', tutee.cookie, {});
  assert.equal((await next(tutee.cookie)).unread, 0);
});
