import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { z } from 'zod';
import { newId } from '../lib/ids.ts';
import { deliverOnce } from '../notify/deliver.ts';
import { setupTestServer } from '../test/harness.ts';
import { defineJob, enqueue, every, jobList, noPayload } from './registry.ts';
import { claimJobs, enqueueSchedules, executeJob, runDueJobs } from './runner.ts';

const s = await setupTestServer();
const MIN = 60_000;

// A job that e-mails someone, idempotently, and can be told to fail on its first attempts.
const failuresLeft = new Map<string, number>();
const mailJob = defineJob(
  'test.mail',
  z.object({ to: z.string(), tag: z.string() }),
  async ({ ctx, now, payload }) => {
    await deliverOnce(
      ctx.db,
      now,
      { key: `test.mail:${payload.tag}`, channel: 'email', kind: 'test' },
      async () => {
        await ctx.mailer.send({ to: payload.to, subject: `Rappel ${payload.tag}`, text: 'Bonjour' });
        return 'sent';
      },
    );
    const left = failuresLeft.get(payload.tag) ?? 0;
    if (left > 0) {
      failuresLeft.set(payload.tag, left - 1);
      throw new Error('SMTP indisponible');
    }
  },
  { maxAttempts: 3 },
);
const testJobs = jobList([mailJob]);

const sentTo = (to: string) => s.mailer.sent.filter((m) => m.to === to);
const jobRow = (id: string) =>
  s.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
const fresh = () => ({ to: `${newId()}@example.org`, tag: newId() });

describe('durable jobs', () => {
  test('a dedupe key enqueues the work once', async () => {
    const p = fresh();
    const a = await enqueue(s.db, mailJob, p, { dedupeKey: `k:${p.tag}` });
    const b = await enqueue(s.db, mailJob, p, { dedupeKey: `k:${p.tag}` });
    assert.ok(a);
    assert.equal(b, null);
    const rows = await s.db.selectFrom('jobs').select('id').where('dedupe_key', '=', `k:${p.tag}`).execute();
    assert.equal(rows.length, 1);
  });

  test('a bad payload is refused at enqueue time and nothing is written', async () => {
    const before = await s.db.selectFrom('jobs').select('id').execute();
    await assert.rejects(enqueue(s.db, mailJob, { to: 42 } as never));
    assert.equal((await s.db.selectFrom('jobs').select('id').execute()).length, before.length);
  });

  test('two processes claiming at the same time never get the same job', async () => {
    const now = s.clock.now();
    const ids: (string | null)[] = [];
    for (let i = 0; i < 12; i++) ids.push(await enqueue(s.db, mailJob, fresh(), { runAt: now }));
    const [a, b, c] = await Promise.all(
      ['w1', 'w2', 'w3'].map((workerId) => claimJobs(s.ctx, testJobs, { now, workerId, limit: 50 })),
    );
    const claimed = [...(a ?? []), ...(b ?? []), ...(c ?? [])]
      .map((j) => j.id)
      .filter((id) => ids.includes(id));
    assert.equal(claimed.length, 12);
    assert.equal(new Set(claimed).size, 12);
    for (const id of ids) if (id) await s.db.deleteFrom('jobs').where('id', '=', id).execute();
  });

  test('a job not yet due waits for its time', async () => {
    const p = fresh();
    const now = s.clock.now();
    await enqueue(s.db, mailJob, p, { runAt: new Date(now.getTime() + 60 * MIN) });
    await runDueJobs(s.ctx, testJobs, { now, schedules: false });
    assert.equal(sentTo(p.to).length, 0);
    await runDueJobs(s.ctx, testJobs, { now: new Date(now.getTime() + 61 * MIN), schedules: false });
    assert.equal(sentTo(p.to).length, 1);
  });

  test('a failing job is retried with backoff, and its e-mail is sent once', async () => {
    const p = fresh();
    failuresLeft.set(p.tag, 1);
    const now = s.clock.now();
    const id = (await enqueue(s.db, mailJob, p, { runAt: now })) as string;
    await runDueJobs(s.ctx, testJobs, { now, schedules: false });
    let row = await jobRow(id);
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.equal(row.last_error, 'SMTP indisponible');
    assert.equal(row.run_at, new Date(now.getTime() + 30_000).toISOString());
    await runDueJobs(s.ctx, testJobs, { now: new Date(now.getTime() + 10_000), schedules: false });
    assert.equal((await jobRow(id)).attempts, 1, 'not retried before its backoff');
    await runDueJobs(s.ctx, testJobs, { now: new Date(now.getTime() + 31_000), schedules: false });
    row = await jobRow(id);
    assert.equal(row.status, 'done');
    assert.equal(row.attempts, 2);
    assert.equal(sentTo(p.to).length, 1);
  });

  test('a job that keeps failing stops at its maximum attempts and is kept as failed', async () => {
    const p = fresh();
    failuresLeft.set(p.tag, 10);
    let t = s.clock.now().getTime();
    const id = (await enqueue(s.db, mailJob, p, { runAt: new Date(t) })) as string;
    for (let i = 0; i < 5; i++) {
      await runDueJobs(s.ctx, testJobs, { now: new Date(t), schedules: false });
      t += 2 * 3_600_000;
    }
    const row = await jobRow(id);
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, 3);
    assert.equal(sentTo(p.to).length, 1);
  });

  test('a process killed mid-job: the job runs again after its lease, without a second e-mail', async () => {
    const p = fresh();
    const now = s.clock.now();
    const id = (await enqueue(s.db, mailJob, p, { runAt: now })) as string;
    // Worker A claims the job and sends the e-mail, then dies before recording the outcome.
    const [job] = (await claimJobs(s.ctx, testJobs, { now, workerId: 'doomed', limit: 100 })).filter(
      (j) => j.id === id,
    );
    assert.ok(job);
    await mailJob.handler({ ctx: s.ctx, now, payload: p, job: { id, attempt: 1 } });
    assert.equal(sentTo(p.to).length, 1);
    assert.equal((await jobRow(id)).status, 'running');

    // While the lease holds, nobody else takes it.
    await runDueJobs(s.ctx, testJobs, {
      now: new Date(now.getTime() + MIN),
      workerId: 'survivor',
      schedules: false,
    });
    assert.equal((await jobRow(id)).locked_by, 'doomed');

    // After the lease, another process takes it over and completes it; no second e-mail.
    await runDueJobs(s.ctx, testJobs, {
      now: new Date(now.getTime() + 6 * MIN),
      workerId: 'survivor',
      schedules: false,
    });
    const row = await jobRow(id);
    assert.equal(row.status, 'done');
    assert.equal(row.attempts, 2);
    assert.equal(sentTo(p.to).length, 1);

    // The dead worker's late outcome changes nothing.
    await executeJob(s.ctx, testJobs, job, { now: new Date(now.getTime() + 7 * MIN), workerId: 'doomed' });
    assert.equal((await jobRow(id)).finished_at, new Date(now.getTime() + 6 * MIN).toISOString());
    assert.equal(sentTo(p.to).length, 1);
  });

  test('a process killed before sending: the e-mail still goes out, once', async () => {
    const p = fresh();
    const now = s.clock.now();
    const id = (await enqueue(s.db, mailJob, p, { runAt: now })) as string;
    const mine = (await claimJobs(s.ctx, testJobs, { now, workerId: 'doomed', limit: 100 })).filter(
      (j) => j.id === id,
    );
    assert.equal(mine.length, 1);
    await runDueJobs(s.ctx, testJobs, {
      now: new Date(now.getTime() + 6 * MIN),
      workerId: 'survivor',
      schedules: false,
    });
    await runDueJobs(s.ctx, testJobs, {
      now: new Date(now.getTime() + 12 * MIN),
      workerId: 'survivor',
      schedules: false,
    });
    assert.equal(sentTo(p.to).length, 1);
    assert.equal((await jobRow(id)).status, 'done');
  });

  test('a periodic sweep is enqueued once per period, however many processes run', async () => {
    let runs = 0;
    const sweep = defineJob(`test.sweep.${newId()}`, noPayload, async () => {
      runs++;
    });
    const list = jobList([sweep], [every(sweep, 15 * MIN)]);
    const base = new Date('2026-11-16T10:00:00Z').getTime();
    await Promise.all([
      enqueueSchedules(s.ctx, list, new Date(base + MIN)),
      enqueueSchedules(s.ctx, list, new Date(base + 2 * MIN)),
    ]);
    await runDueJobs(s.ctx, list, { now: new Date(base + 3 * MIN), workerId: 'a' });
    await runDueJobs(s.ctx, list, { now: new Date(base + 4 * MIN), workerId: 'b' });
    assert.equal(runs, 1);
    await runDueJobs(s.ctx, list, { now: new Date(base + 16 * MIN) });
    assert.equal(runs, 2);
  });
});
