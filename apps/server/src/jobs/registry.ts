/**
 * Durable jobs: a table-backed queue every server process shares (SQLite or PostgreSQL).
 *
 * ```ts
 * import { defineJob, enqueue } from '../../jobs/registry.ts';
 *
 * // 1. Define a job once, at module level, then add it to the list in jobs/index.ts: the runner
 * //    knows only the jobs listed there (a test fails on a job defined but not listed). The payload
 * //    is validated with the zod schema when it is enqueued and again when it runs.
 * export const meetingReminder = defineJob(
 *   'meetings.reminder',
 *   z.object({ meetingId: z.string(), userId: z.string() }),
 *   async ({ ctx, now, payload }) => {
 *     // Side effects must be idempotent: a job may run again after a crash. Send through
 *     // `deliverOnce()` (notify/deliver.ts), which records every message under a key and never
 *     // sends the same key twice.
 *   },
 *   { maxAttempts: 5 }, // optional: attempts (default 5), leaseMs (default 5 min)
 * );
 *
 * // 2. Enqueue, in the same transaction as the change that calls for it when there is one.
 * //    With a dedupeKey, enqueueing the same key again is a no-op (returns null).
 * await enqueue(trx, meetingReminder, { meetingId, userId }, {
 *   runAt: new Date(start.getTime() - 86_400_000),
 *   dedupeKey: `meetings.reminder:${meetingId}:${userId}:24h`,
 * });
 *
 * // 3. Periodic sweeps (sweep → one job per recipient → atomic claim) are listed in jobs/index.ts
 * //    with their period, `every(meetingRemindersSweep, 15 * 60_000)`: the runner enqueues each
 * //    sweep once per period, whatever the number of server processes.
 * ```
 *
 * `startJobRunner(ctx)` (jobs/index.ts, called once in main.ts) polls with `ctx.clock`; tests call
 * `runDueJobs(ctx, { now })` instead, which enqueues due sweeps and runs every due job, including
 * the jobs those jobs enqueue, until nothing is due.
 *
 * Guarantees: a job is claimed by one process at a time (a conditional UPDATE, atomic on both
 * databases); a process that dies mid-job leaves a lease that expires, and the job runs again
 * (at-least-once: handlers stay idempotent); a failure is retried with exponential backoff
 * (30 s, 1 min, 2 min … capped at 1 h) until `maxAttempts`, then the job is kept as `failed`.
 */
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { noteEnqueued } from './wake.ts';

export interface JobRun<T> {
  ctx: AppContext;
  /** The runner's notion of now (the injected clock): use it instead of the wall clock. */
  now: Date;
  payload: T;
  job: { id: string; attempt: number };
}

export interface JobDefinition<T> {
  name: string;
  schema: z.ZodType<T>;
  handler: (run: JobRun<T>) => Promise<void>;
  maxAttempts: number;
  leaseMs: number;
}

export function defineJob<T>(
  name: string,
  schema: z.ZodType<T>,
  handler: (run: JobRun<T>) => Promise<void>,
  opts: { maxAttempts?: number; leaseMs?: number } = {},
): JobDefinition<T> {
  return {
    name,
    schema,
    handler,
    maxAttempts: opts.maxAttempts ?? 5,
    leaseMs: opts.leaseMs ?? 5 * 60_000,
  };
}

/** The payload of a periodic sweep. */
export const noPayload = z.object({});

/** A sweep the runner enqueues once every `everyMs`. */
export interface Schedule {
  job: JobDefinition<z.infer<typeof noPayload>>;
  everyMs: number;
}

export const every = (job: Schedule['job'], everyMs: number): Schedule => ({ job, everyMs });

/** The jobs a runner knows, by name, and its periodic sweeps. */
export interface JobList {
  get(name: string): JobDefinition<unknown> | undefined;
  readonly names: readonly string[];
  readonly schedules: readonly Schedule[];
}

/** Builds a job list; two jobs of one name, or a sweep whose job is not listed, are refused. */
export function jobList(
  // biome-ignore lint/suspicious/noExplicitAny: a list holds jobs of every payload type
  jobs: readonly JobDefinition<any>[],
  schedules: readonly Schedule[] = [],
): JobList {
  const byName = new Map<string, JobDefinition<unknown>>();
  for (const job of jobs) {
    if (byName.has(job.name)) throw new Error(`two jobs are named ${job.name}`);
    byName.set(job.name, job as JobDefinition<unknown>);
  }
  for (const s of schedules) {
    if (byName.get(s.job.name) !== (s.job as JobDefinition<unknown>))
      throw new Error(`the sweep ${s.job.name} is scheduled but not listed`);
  }
  return { get: (name) => byName.get(name), names: [...byName.keys()], schedules };
}

export interface EnqueueOptions {
  runAt?: Date;
  dedupeKey?: string;
  maxAttempts?: number;
}

/**
 * Adds a job; returns its id, or null when a job with the same dedupeKey already exists (whatever
 * its state: a key names one piece of work, done once).
 */
export async function enqueue<T>(
  db: Db,
  job: JobDefinition<T>,
  payload: T,
  opts: EnqueueOptions & { now?: Date } = {},
): Promise<string | null> {
  const data = job.schema.parse(payload);
  const id = newId();
  const res = await db
    .insertInto('jobs')
    .values({
      id,
      name: job.name,
      payload: JSON.stringify(data),
      status: 'pending',
      // Without runAt the job is due at once: the epoch sorts before any clock, injected or not.
      run_at: (opts.runAt ?? new Date(0)).toISOString(),
      attempts: 0,
      max_attempts: opts.maxAttempts ?? job.maxAttempts,
      dedupe_key: opts.dedupeKey ?? null,
      locked_by: null,
      locked_until: null,
      last_error: null,
      // Bookkeeping only; pass `now` from ctx.clock when there is one.
      created_at: (opts.now ?? new Date()).toISOString(),
      finished_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  const added = Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  if (added) noteEnqueued();
  return added ? id : null;
}
