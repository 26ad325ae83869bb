// The worker threads' entry point. On a Node.js line that strips TypeScript types itself it loads
// the jobs of worker.ts as they are; elsewhere the server runs its sources through tsx (`node
// --import tsx`, or tsx's register() in the command line), a loader a worker thread does not inherit
// on every line (Node 20 ignores `--import` there), so each thread registers tsx the way the command
// line does first.
import { register } from 'tsx/esm/api';

if (!process.features.typescript) register();
const jobs = await import('./worker.ts');

/**
 * A job as compute/pool.ts hands it over: its input, and a port on which the thread says that the
 * job starts (its time budget runs from then: a thread's start and a wait in the queue are not the
 * job's doing).
 */
const job =
  (fn) =>
  ({ input, started }) => {
    started.postMessage('started');
    started.close();
    return fn(input);
  };

export const calendarBusy = job(jobs.calendarBusy);
export const slotSearch = job(jobs.slotSearch);
