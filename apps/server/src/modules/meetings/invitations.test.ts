import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { after, describe, test } from 'node:test';
import { SMTPServer } from 'smtp-server';
import type { AppContext } from '../../context.ts';
import { runDueJobs } from '../../jobs/index.ts';
import { SmtpMailer } from '../../notify/mailer.ts';
import { addMember, createOrg, createProgramme, createUser, pair } from '../../test/factories.ts';
import { setupTestServer } from '../../test/harness.ts';

// Polls and invitations are jobs enqueued with the change that calls for them: a mail server that
// is down delays them and never loses them, and a race between two organisers sends one set.

const s = await setupTestServer();
const MIN = 60_000;

async function call(method: 'GET' | 'POST' | 'PATCH', url: string, cookie: string, payload?: object) {
  const res = await s.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, raw: res.body };
}

/** A tutor and two tutees, and a poll the tutor sent them with two times offered. */
async function poll() {
  s.clock.set(new Date('2026-11-16T09:00:00Z'));
  const orgId = await createOrg(s.ctx);
  const programme = await createProgramme(s.ctx, orgId, 'peer-tutoring');
  const tutor = await createUser(s.ctx, orgId, { name: 'Tuteur' });
  await addMember(s.ctx, programme, tutor.id, 'tutor', 4);
  const tutees = [];
  for (const name of ['Alice Garde', 'Bruno Cours']) {
    const t = await createUser(s.ctx, orgId, { name });
    await addMember(s.ctx, programme, t.id, 'tutee');
    await pair(s.ctx, programme, tutor.id, t.id, { groupKey: 'groupe-1' });
    tutees.push(t);
  }
  const created = await call('POST', `/api/programmes/${programme.id}/meetings`, tutor.cookie, {
    title: 'Rencontre du groupe',
    mode: 'in-person',
    place: 'Salle 4',
    durationMinutes: 60,
    participantIds: tutees.map((t) => t.id),
    options: [{ start: '2026-11-26T17:30:00Z' }, { start: '2026-11-27T17:30:00Z' }],
  });
  assert.equal(created.status, 201, created.raw);
  const id = created.body.id as string;
  const view = await call('GET', `/api/meetings/${id}`, tutor.cookie);
  const optionIds = view.body.options.map((o: { id: string }) => o.id) as string[];
  return { id, tutor, tutees, everyone: [tutor, ...tutees], optionIds };
}

const invitationJobs = (meetingId: string) =>
  s.db
    .selectFrom('jobs')
    .select(['status', 'attempts', 'last_error', 'payload'])
    .where('name', '=', 'meetings.invitation')
    .where('payload', 'like', `%${meetingId}%`)
    .execute();

describe('invitations are jobs', () => {
  // A real SMTP server on a fixed local port, which the test stops and starts again.
  const inbox: { to: string; raw: string }[] = [];
  let server: SMTPServer | null = null;
  let port = 0;
  async function smtpUp() {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          for (const r of session.envelope.rcptTo)
            inbox.push({ to: r.address, raw: Buffer.concat(chunks).toString('utf8') });
          done();
        });
      },
    });
    const srv = server;
    await new Promise<void>((r) => srv.listen(port, '127.0.0.1', r));
    port = (srv.server.address() as AddressInfo).port;
  }
  async function smtpDown() {
    const srv = server;
    server = null;
    if (srv) await new Promise<void>((r) => srv.close(() => r()));
  }
  after(smtpDown);
  const smtpCtx = (): AppContext => ({
    ...s.ctx,
    mailer: new SmtpMailer({
      ...s.ctx.config,
      SMTP_URL: `smtp://127.0.0.1:${port}?ignoreTLS=true`,
      MAIL_FROM: 'Compagnon <no-reply@compagnon.test>',
    }),
  });

  test('with the mail server down, invitations wait and retry, then arrive once each', async () => {
    await smtpUp(); // only to take a free port, then the mail server goes down
    await smtpDown();
    const ctx = smtpCtx();
    const p = await poll();
    const confirmed = await call('POST', `/api/meetings/${p.id}/confirm`, p.tutor.cookie, {
      optionId: p.optionIds[0],
    });
    assert.equal(confirmed.status, 200, confirmed.raw);
    const jobs = await invitationJobs(p.id);
    assert.equal(jobs.length, 3, 'one invitation job per person, organiser included');

    const t0 = new Date('2026-11-16T09:05:00Z');
    const first = await runDueJobs(ctx, { now: t0, schedules: false });
    assert.ok(first.retried >= 3, JSON.stringify(first));
    for (const j of await invitationJobs(p.id)) {
      assert.equal(j.status, 'pending');
      assert.equal(j.attempts, 1);
      assert.match(j.last_error ?? '', /ECONNREFUSED|connect/i);
    }
    // Still down at the first retry (30 s later): retried again, with a longer wait.
    await runDueJobs(ctx, { now: new Date(t0.getTime() + 31_000), schedules: false });
    for (const j of await invitationJobs(p.id)) assert.equal(j.attempts, 2);
    assert.equal(inbox.length, 0);

    await smtpUp();
    await runDueJobs(ctx, { now: new Date(t0.getTime() + 2 * MIN), schedules: false });
    await runDueJobs(ctx, { now: new Date(t0.getTime() + 60 * MIN), schedules: false });
    for (const j of await invitationJobs(p.id)) assert.equal(j.status, 'done');
    for (const person of p.everyone) {
      const mails = inbox.filter((m) => m.to === person.email);
      assert.equal(mails.length, 1, `${person.name} receives the invitation once`);
      assert.match(mails[0]?.raw ?? '', /METHOD:REQUEST/);
    }
    const ledger = await s.db
      .selectFrom('deliveries')
      .select('key')
      .where('key', 'like', `meetings.invitation:${p.id}:%`)
      .execute();
    assert.equal(ledger.length, 3);
  });

  test('a poll e-mail that fails is retried and sent once, with a link that works', async () => {
    await smtpDown();
    const ctx = smtpCtx();
    const p = await poll();
    const t0 = new Date('2026-11-16T09:05:00Z');
    await runDueJobs(ctx, { now: t0, schedules: false });
    const polls = await s.db
      .selectFrom('jobs')
      .select(['status', 'attempts'])
      .where('name', '=', 'meetings.poll')
      .where(
        'dedupe_key',
        'in',
        (await participantIds(p.id)).map((id) => `meetings.poll:${id}`),
      )
      .execute();
    assert.equal(polls.length, 2, 'one poll job per invited person, not the organiser');
    assert.ok(polls.every((j) => j.status === 'pending' && j.attempts === 1));
    await smtpUp();
    await runDueJobs(ctx, { now: new Date(t0.getTime() + MIN), schedules: false });
    await runDueJobs(ctx, { now: new Date(t0.getTime() + 30 * MIN), schedules: false });
    for (const t of p.tutees) {
      const mails = inbox.filter((m) => m.to === t.email);
      assert.equal(mails.length, 1);
      const token = mails[0]?.raw
        .replace(/=\r\n/g, '')
        .match(/sondage\?token=3D([\w-]+)|sondage\?token=([\w-]+)/);
      const link = (token?.[1] ?? token?.[2]) as string;
      const res = await s.app.inject({ method: 'GET', url: `/api/polls/${link}` });
      assert.equal(res.statusCode, 200, res.body);
    }
  });

  test('two confirmations at the same moment: one wins, one set of invitations', async () => {
    const p = await poll();
    const mark = s.mailer.sent.length;
    // Six organiser tabs confirm at once, two different times among them.
    const results = await Promise.all(
      [0, 1, 0, 1, 0, 1].map((i) =>
        call('POST', `/api/meetings/${p.id}/confirm`, p.tutor.cookie, { optionId: p.optionIds[i] }),
      ),
    );
    assert.deepEqual(
      results.map((r) => r.status).sort(),
      [200, 409, 409, 409, 409, 409],
      results.map((r) => r.raw).join('\n'),
    );
    const audits = await s.db
      .selectFrom('audit_log')
      .select('id')
      .where('subject_id', '=', p.id)
      .where('action', '=', 'meeting.confirmed')
      .execute();
    assert.equal(audits.length, 1);
    assert.equal((await invitationJobs(p.id)).length, 3);
    await runDueJobs(s.ctx, { now: s.clock.now(), schedules: false });
    await runDueJobs(s.ctx, { now: new Date(s.clock.now().getTime() + 60 * MIN), schedules: false });
    const meeting = await s.db
      .selectFrom('meetings')
      .select(['starts_at'])
      .where('id', '=', p.id)
      .executeTakeFirstOrThrow();
    for (const person of p.everyone) {
      const mails = s.mailer.sent.slice(mark).filter((m) => m.to === person.email && m.icalEvent);
      assert.equal(mails.length, 1, `${person.name}: one invitation`);
      // The invitation announces the time that won, the one the meeting holds.
      const dtstart = new Date(meeting.starts_at as string).toISOString().replace(/[-:]|\.\d+/g, '');
      assert.match(mails[0]?.icalEvent?.content ?? '', new RegExp(`DTSTART[^\\n]*:${dtstart.slice(0, 8)}`));
    }
  });

  test('an invitation overtaken by a change before it went out is replaced by the change', async () => {
    const p = await poll();
    const mark = s.mailer.sent.length;
    await call('POST', `/api/meetings/${p.id}/confirm`, p.tutor.cookie, { optionId: p.optionIds[0] });
    const moved = await call('PATCH', `/api/meetings/${p.id}`, p.tutor.cookie, {
      start: '2026-11-28T09:00:00Z',
    });
    assert.equal(moved.status, 200, moved.raw);
    await runDueJobs(s.ctx, { now: s.clock.now(), schedules: false });
    for (const person of p.everyone) {
      const mails = s.mailer.sent.slice(mark).filter((m) => m.to === person.email && m.icalEvent);
      assert.equal(mails.length, 1, `${person.name}: only the current version`);
      assert.match(mails[0]?.icalEvent?.content ?? '', /SEQUENCE:1/);
    }
    // Cancelled: everyone is told once, and a second cancellation is refused.
    const cancelled = await call('POST', `/api/meetings/${p.id}/cancel`, p.tutor.cookie);
    assert.equal(cancelled.status, 200);
    assert.equal((await call('POST', `/api/meetings/${p.id}/cancel`, p.tutor.cookie)).status, 409);
    await runDueJobs(s.ctx, { now: s.clock.now(), schedules: false });
    await runDueJobs(s.ctx, { now: new Date(s.clock.now().getTime() + 60 * MIN), schedules: false });
    for (const person of p.everyone) {
      const cancels = s.mailer.sent
        .slice(mark)
        .filter((m) => m.to === person.email && m.icalEvent?.method === 'CANCEL');
      assert.equal(cancels.length, 1);
    }
  });
});

const participantIds = async (meetingId: string) =>
  (
    await s.db.selectFrom('meeting_participants').select('id').where('meeting_id', '=', meetingId).execute()
  ).map((r) => r.id);
