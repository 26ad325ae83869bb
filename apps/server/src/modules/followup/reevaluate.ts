import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { defineJob, enqueue } from '../../jobs/registry.ts';
import { sweepProgramme } from './sweep.ts';

const keyOf = (programmeId: string) => `followup.reevaluate:${programmeId}`;

/**
 * A pair's records changed (a report filed, a contact or an attempt logged, a meeting confirmed or
 * cancelled, the pair formed or ended): its programme's alerts are evaluated again right away, not at
 * the next hourly sweep. Call it in the transaction of the change. A burst of changes enqueues one
 * evaluation: the key stays taken while the evaluation waits, and is given back when it starts, so a
 * change made during or after it asks for another.
 */
export async function alertsMayChange(db: Db, programmeId: string, now: Date): Promise<void> {
  await enqueue(db, reevaluateAlerts, { programmeId }, { runAt: now, dedupeKey: keyOf(programmeId), now });
}

export const reevaluateAlerts = defineJob(
  'followup.reevaluate',
  z.object({ programmeId: z.string() }),
  async ({ ctx, now, payload, job }) => {
    await ctx.db.updateTable('jobs').set({ dedupe_key: null }).where('id', '=', job.id).execute();
    await ctx.db.transaction().execute((trx) => sweepProgramme(ctx, trx, payload.programmeId, now));
  },
);
