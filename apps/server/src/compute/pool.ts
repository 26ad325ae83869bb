import { EventEmitter } from 'node:events';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { type AppError, refuse } from '../http/errors.ts';
import type * as Tasks from './worker.ts';

/**
 * Long computations (reading an iCalendar file, a programme-wide slot search) run on a small pool
 * of worker threads, so that the thread answering requests never waits for them: while one runs,
 * every other request of every organisation is answered. Each job has a time budget; a job over it
 * is stopped (its thread is ended and replaced) and its caller gets a {@link ComputeTimeout}.
 */

type TaskName = keyof typeof Tasks;
type TaskInput<K extends TaskName> = Parameters<(typeof Tasks)[K]>[0];
type TaskOutput<K extends TaskName> = Awaited<ReturnType<(typeof Tasks)[K]>>;

/** A job stopped because it ran past its budget. */
export class ComputeTimeout extends Error {
  readonly budgetMs: number;
  constructor(budgetMs: number) {
    super(`stopped after ${budgetMs} ms`);
    this.budgetMs = budgetMs;
    this.name = 'ComputeTimeout';
  }
}

/** The pool and its queue are full: the job was not started. */
export class ComputeBusy extends Error {
  constructor() {
    super('every compute thread is busy and the queue is full');
    this.name = 'ComputeBusy';
  }
}

/** One thread less than the machine has (the request thread keeps one), at least one, at most four. */
export const COMPUTE_THREADS = Math.max(1, Math.min(4, availableParallelism() - 1));
/** How long a thread may take to start (loading the sources) before its first job. */
const THREAD_START_MS = 30_000;
/** Jobs waiting for a thread beyond which a new one is refused rather than queued. */
export const COMPUTE_QUEUE = 32;

let pool: Piscina | null = null;

function thePool(): Piscina {
  pool ??= new Piscina({
    filename: fileURLToPath(new URL('./worker.mjs', import.meta.url)),
    // One thread kept loaded, so a search does not wait for a thread's start-up (seconds on a busy machine).
    minThreads: 1,
    maxThreads: COMPUTE_THREADS,
    maxQueue: COMPUTE_QUEUE,
    // A thread is kept a minute after its last job: starting one costs the loading of the sources.
    idleTimeout: 60_000,
    // None of this process's flags: worker.mjs registers tsx itself (its hooks would otherwise run
    // twice on Node.js lines where a thread inherits them), and some builds carry flags a thread refuses.
    execArgv: [],
  });
  return pool;
}

/** Starts the pool's first thread now (server start), rather than with the first job. */
export function startCompute(): void {
  thePool();
}

/** Emits `started` when a job is handed to the pool and `settled` when its answer (or error) is back. */
export const computeActivity = new EventEmitter<{ started: [TaskName]; settled: [TaskName] }>();

/**
 * Runs `task` of compute/worker.ts on a worker thread and returns its result; a job still running
 * `budgetMs` after it started is stopped (its thread ended) with {@link ComputeTimeout}.
 */
export async function compute<K extends TaskName>(
  task: K,
  input: TaskInput<K>,
  budgetMs: number,
): Promise<TaskOutput<K>> {
  const p = thePool();
  if (p.queueSize >= COMPUTE_QUEUE) throw new ComputeBusy();
  const stop = new AbortController();
  // The budget runs from the moment the thread starts the job (worker.mjs says so on this port);
  // a job that never starts is given up after the budget and a thread's start-up on top.
  const { port1: startedPort, port2: started } = new MessageChannel();
  let timer = setTimeout(() => stop.abort(), budgetMs + THREAD_START_MS);
  startedPort.once('message', () => {
    clearTimeout(timer);
    timer = setTimeout(() => stop.abort(), budgetMs);
  });
  computeActivity.emit('started', task);
  try {
    // piscina takes an array, but types its transfer list after the last overload of postMessage.
    const transferList = [started] as never;
    return (await p.run(
      { input, started },
      { name: task, signal: stop.signal, transferList },
    )) as TaskOutput<K>;
  } catch (err) {
    if (stop.signal.aborted) throw new ComputeTimeout(budgetMs);
    if (err instanceof Error && /queue is at limit/i.test(err.message)) throw new ComputeBusy();
    throw err;
  } finally {
    clearTimeout(timer);
    startedPort.close();
    computeActivity.emit('settled', task);
  }
}

/** Ends the threads (server shutdown); a later job starts a new pool. */
export async function closeCompute(): Promise<void> {
  const p = pool;
  pool = null;
  await p?.close({ force: true });
}

/**
 * A job's result, or the refusal its caller words for a job over budget (`tooLong`); a full pool is
 * refused as busy, to be tried again in a moment.
 */
export async function computeOr<T>(job: Promise<T>, tooLong: (budgetMs: number) => AppError): Promise<T> {
  try {
    return await job;
  } catch (err) {
    if (err instanceof ComputeTimeout) throw tooLong(err.budgetMs);
    if (err instanceof ComputeBusy) throw refuse(503, 'server_busy');
    throw err;
  }
}
