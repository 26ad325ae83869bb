/**
 * Durable jobs: a table-backed queue every server process shares (SQLite or PostgreSQL).
 *
 * ```ts
 * import { defineJob, defineSchedule, enqueue } from '../../jobs/registry.ts';
 *
 * // 1. Define a job once, at module level (the file must be imported at start-up, e.g. by the
 * //    module's routes.ts, so the runner knows it). The payload is validated with the zod schema
 * //    when it is enqueued and again when it runs.
 * export const meetingReminder = defineJob(
 *   'meetings.reminder',
 *   z.object({ meetingId: z.string(), userId: z.string() }),
 *   async ({ ctx, now, payload }) => {
 *     // Side effects must be idempotent: a job may run again after a crash. Send through
 *     // `deliver()` (notify/deliver.ts), which records every message under a key and never sends
 *     // the same key twice.
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
 * // 3. Periodic sweeps (sweep → one job per recipient → atomic claim): the runner enqueues the
 * //    sweep once per period, whatever the number of server processes.
 * defineSchedule('meetings.reminder-sweep', 15 * 60_000);
 * ```
 *
 * `startJobRunner(ctx)` (called once in main.ts) polls with `ctx.clock`; tests call
 * `runDueJobs(ctx, { now })` instead, which enqueues due sweeps and runs every due job, including
 * the jobs those jobs enqueue, until nothing is due.
 *
 * Guarantees: a job is claimed by one process at a time (a conditional UPDATE, atomic on both
 * databases); a process that dies mid-job leaves a lease that expires, and the job runs again
 * (at-least-once: handlers stay idempotent); a failure is retried with exponential backoff
 * (30 s, 1 min, 2 min … capped at 1 h) until `maxAttempts`, then the job is kept as `failed`.
 */
import type { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';

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

const definitions = new Map<string, JobDefinition<unknown>>();
const schedules = new Map<string, number>();

export function defineJob<T>(
  name: string,
  schema: z.ZodType<T>,
  handler: (run: JobRun<T>) => Promise<void>,
  opts: { maxAttempts?: number; leaseMs?: number } = {},
): JobDefinition<T> {
  const def: JobDefinition<T> = {
    name,
    schema,
    handler,
    maxAttempts: opts.maxAttempts ?? 5,
    leaseMs: opts.leaseMs ?? 5 * 60_000,
  };
  definitions.set(name, def as JobDefinition<unknown>);
  return def;
}

/** Runs the job `name` (defined with an empty-object payload) once every `everyMs`. */
export function defineSchedule(name: string, everyMs: number): void {
  schedules.set(name, everyMs);
}

export const jobDefinition = (name: string) => definitions.get(name);
export const jobSchedules = () => [...schedules.entries()];

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
  job: JobDefinition<T> | string,
  payload: T,
  opts: EnqueueOptions & { now?: Date } = {},
): Promise<string | null> {
  const def = typeof job === 'string' ? definitions.get(job) : (job as JobDefinition<unknown>);
  const name = typeof job === 'string' ? job : job.name;
  const data = def ? def.schema.parse(payload) : payload;
  const id = newId();
  const res = await db
    .insertInto('jobs')
    .values({
      id,
      name,
      payload: JSON.stringify(data),
      status: 'pending',
      // Without runAt the job is due at once: the epoch sorts before any clock, injected or not.
      run_at: (opts.runAt ?? new Date(0)).toISOString(),
      attempts: 0,
      max_attempts: opts.maxAttempts ?? def?.maxAttempts ?? 5,
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
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0 ? id : null;
}

export { runDueJobs, startJobRunner } from './runner.ts';
