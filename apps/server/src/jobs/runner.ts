import { hostname } from 'node:os';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { enqueue, type JobList } from './registry.ts';
import { onWake } from './wake.ts';

const defaultWorker = `${hostname()}:${process.pid}:${newId().slice(-8)}`;

/** 30 s, 1 min, 2 min, … capped at one hour. */
export const backoffMs = (attempt: number) => Math.min(30_000 * 2 ** Math.max(0, attempt - 1), 3_600_000);

/**
 * Due = pending and its time has come, or running under a lease that expired (its process died).
 * The same condition guards the claiming UPDATE, so two processes can never both claim a job.
 */
function due(db: Db, nowIso: string) {
  return db
    .selectFrom('jobs')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIso)]),
        eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', nowIso)]),
      ]),
    );
}

export interface ClaimedJob {
  id: string;
  name: string;
  payload: string;
  attempts: number;
  max_attempts: number;
}

/** Claims up to `limit` due jobs for `workerId`: each claim is one conditional UPDATE. */
export async function claimJobs(
  ctx: AppContext,
  jobs: JobList,
  opts: { now: Date; workerId?: string; limit?: number },
): Promise<ClaimedJob[]> {
  const nowIso = opts.now.toISOString();
  const worker = opts.workerId ?? defaultWorker;
  const candidates = await due(ctx.db, nowIso)
    .select(['id', 'name'])
    .orderBy('run_at')
    .orderBy('id')
    .limit(opts.limit ?? 20)
    .execute();
  const claimed: ClaimedJob[] = [];
  for (const c of candidates) {
    const lease = jobs.get(c.name)?.leaseMs ?? 5 * 60_000;
    const res = await ctx.db
      .updateTable('jobs')
      .set((eb) => ({
        status: 'running',
        locked_by: worker,
        locked_until: new Date(opts.now.getTime() + lease).toISOString(),
        attempts: eb('attempts', '+', 1),
      }))
      .where('id', '=', c.id)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', nowIso)]),
          eb.and([eb('status', '=', 'running'), eb('locked_until', '<=', nowIso)]),
        ]),
      )
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) continue; // another process was faster
    const row = await ctx.db
      .selectFrom('jobs')
      .select(['id', 'name', 'payload', 'attempts', 'max_attempts'])
      .where('id', '=', c.id)
      .where('locked_by', '=', worker)
      .executeTakeFirst();
    if (row) claimed.push(row);
  }
  return claimed;
}

/** Runs one claimed job and records the outcome, only if this worker still holds it. */
export async function executeJob(
  ctx: AppContext,
  jobs: JobList,
  job: ClaimedJob,
  opts: { now: Date; workerId?: string },
): Promise<'done' | 'retry' | 'failed'> {
  const worker = opts.workerId ?? defaultWorker;
  // Only the holder of the lease records the outcome: a worker that lost it changes nothing.
  const mine = () =>
    ctx.db
      .updateTable('jobs')
      .where('id', '=', job.id)
      .where('locked_by', '=', worker)
      .where('status', '=', 'running');
  const def = jobs.get(job.name);
  let error: unknown;
  if (job.attempts > job.max_attempts) {
    error = new Error('too many attempts (the job was interrupted repeatedly)');
  } else if (!def) {
    error = new Error(`no job named ${job.name} is in this process's job list`);
  } else {
    try {
      const payload = def.schema.parse(JSON.parse(job.payload));
      await def.handler({ ctx, now: opts.now, payload, job: { id: job.id, attempt: job.attempts } });
    } catch (e) {
      error = e;
    }
  }
  const nowIso = opts.now.toISOString();
  if (!error) {
    await mine()
      .set({ status: 'done', finished_at: nowIso, locked_by: null, locked_until: null, last_error: null })
      .execute();
    return 'done';
  }
  const message = error instanceof Error ? error.message : String(error);
  ctx.log?.warn({ job: job.name, id: job.id, attempt: job.attempts, err: message }, 'job failed');
  const final = job.attempts >= job.max_attempts;
  await mine()
    .set({
      status: final ? 'failed' : 'pending',
      run_at: final ? nowIso : new Date(opts.now.getTime() + backoffMs(job.attempts)).toISOString(),
      finished_at: final ? nowIso : null,
      locked_by: null,
      locked_until: null,
      last_error: message.slice(0, 2000),
    })
    .execute();
  return final ? 'failed' : 'retry';
}

/** Enqueues each periodic sweep for the period `now` falls in (deduplicated across processes). */
export async function enqueueSchedules(ctx: AppContext, jobs: JobList, now: Date): Promise<void> {
  for (const { job, everyMs } of jobs.schedules) {
    const slot = new Date(Math.floor(now.getTime() / everyMs) * everyMs);
    await enqueue(ctx.db, job, {}, { runAt: slot, dedupeKey: `${job.name}@${slot.toISOString()}`, now });
  }
}

/**
 * Enqueues due sweeps, then runs every due job, and the jobs they enqueue, until nothing is due
 * (at most `rounds` rounds). Tests call it with an injected `now`.
 */
export async function runDueJobs(
  ctx: AppContext,
  jobs: JobList,
  opts: { now?: Date; workerId?: string; schedules?: boolean; rounds?: number } = {},
): Promise<{ done: number; retried: number; failed: number }> {
  const now = opts.now ?? ctx.clock.now();
  if (opts.schedules !== false) await enqueueSchedules(ctx, jobs, now);
  const out = { done: 0, retried: 0, failed: 0 };
  for (let round = 0; round < (opts.rounds ?? 50); round++) {
    const claimed = await claimJobs(ctx, jobs, { now, workerId: opts.workerId });
    if (claimed.length === 0) break;
    for (const job of claimed) {
      const r = await executeJob(ctx, jobs, job, { now, workerId: opts.workerId });
      if (r === 'done') out.done++;
      else if (r === 'retry') out.retried++;
      else out.failed++;
    }
  }
  return out;
}

/**
 * Polls the jobs table every `intervalMs` with `ctx.clock`. Several processes may run it against
 * the same PostgreSQL database. Returns a stop function that waits for the current pass.
 */
export function startJobRunner(ctx: AppContext, jobs: JobList, opts: { intervalMs?: number } = {}) {
  let stopped = false;
  let current: Promise<unknown> = Promise.resolve();
  const tick = async () => {
    try {
      await runDueJobs(ctx, jobs, { now: ctx.clock.now(), rounds: 5 });
    } catch (e) {
      ctx.log?.error(e, 'job runner pass failed');
    }
  };
  // A pass asked while one runs waits for it; several asked meanwhile make one more pass, not several.
  let queued = false;
  const pass = () => {
    if (stopped || queued) return;
    queued = true;
    current = current.then(() => {
      queued = false;
      return tick();
    });
  };
  const timer = setInterval(pass, opts.intervalMs ?? 5_000);
  timer.unref();
  current = tick();
  onWake(pass);
  return {
    async stop() {
      stopped = true;
      onWake(undefined);
      clearInterval(timer);
      await current;
    },
  };
}
