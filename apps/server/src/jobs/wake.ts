/**
 * Wakes the job runner of this process as soon as a request that enqueued jobs has answered, so a
 * sign-in link or an invitation leaves at once rather than at the runner's next poll. The request's
 * transaction has committed by the time its response is sent, so the woken runner sees the jobs.
 * Jobs enqueued elsewhere (by other jobs, by another process) wait for the next poll as before.
 */
let enqueued = false;
let listener: (() => void) | undefined;

/** Notes that a job was written (registry.ts `enqueue`). */
export function noteEnqueued(): void {
  enqueued = true;
}

/** Called once a response is sent (http/app.ts): wakes the runner when jobs were written. */
export function wakeIfEnqueued(): void {
  if (!enqueued) return;
  enqueued = false;
  listener?.();
}

/** The runner of this process (runner.ts `startJobRunner`); undefined stops listening. */
export function onWake(fn: (() => void) | undefined): void {
  listener = fn;
}
