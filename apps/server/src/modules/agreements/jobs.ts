import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { addDays, dayIn } from '../../domain/days.ts';
import { ENDED_PAIRING_STATES, LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { defineJob, noPayload } from '../../jobs/registry.ts';
import { UNDO_MINUTES } from '../matching/ending.ts';
import { transitionIn } from '../matching/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import { ensureTerms, REMIND_DAYS, tellBoth } from './terms.ts';

/**
 * The agreements' hourly sweep, in programmes with a duration: each live pair gets its term; a
 * month before its end day both people are reminded, once (the reminder's instant claims it); on
 * its end day the pair is completed through the matching's end (its notices, meetings to come
 * cancelled). Pairs ended by other means (the coordination's end on the matching page, an undone
 * end) have `ended_early` and `ended_on` brought in line once the end is final.
 */
export const agreementsSweep = defineJob('agreements.sweep', noPayload, async ({ ctx, now }) => {
  const programmes = await ctx.db
    .selectFrom('programmes as g')
    .innerJoin('organisations as o', 'o.id', 'g.org_id')
    .select(['g.id', 'g.name', 'g.rules', 'g.template', 'o.time_zone'])
    .where('g.archived_at', 'is', null)
    .execute();
  for (const g of programmes) {
    if (!rulesOf(g).durationMonths) continue;
    await sweepProgramme(ctx, g, now);
    await reconcileEnds(ctx.db, g.id, g.time_zone, now);
  }
});

async function sweepProgramme(
  ctx: AppContext,
  g: { id: string; name: string; time_zone: string },
  now: Date,
) {
  const today = dayIn(now, g.time_zone);
  const pairs = await ctx.db
    .selectFrom('pairings')
    .selectAll()
    .where('programme_id', '=', g.id)
    .where('state', 'in', LIVE_PAIRING_STATES)
    .execute();
  for (const pairing of pairs) {
    const terms = await ensureTerms(ctx.db, pairing, now);
    if (!terms) continue;
    if (today >= terms.end_on) {
      await ctx.db.transaction().execute(async (trx) => {
        await transitionIn(trx, now, null, pairing, 'completed', null);
      });
    } else if (today >= addDays(terms.end_on, -REMIND_DAYS) && !terms.end_reminded_at) {
      await ctx.db.transaction().execute(async (trx) => {
        const claimed = await trx
          .updateTable('pair_terms')
          .set({ end_reminded_at: now.toISOString() })
          .where('pairing_id', '=', pairing.id)
          .where('end_reminded_at', 'is', null)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) === 0) return;
        await tellBoth(trx, pairing, g.name, 'endNear', { day: terms.end_on }, now);
      });
    }
  }
}

/** Ended early or not, as the pairing's final state says; an undone end is live again. */
async function reconcileEnds(db: Db, programmeId: string, zone: string, now: Date) {
  const final = new Date(now.getTime() - UNDO_MINUTES * 60_000).toISOString();
  const over = await db
    .selectFrom('pair_terms as t')
    .innerJoin('pairings as p', 'p.id', 't.pairing_id')
    .select(['p.id', 'p.state', 'p.ended_at', 't.ended_early', 't.ended_on'])
    .where('t.programme_id', '=', programmeId)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('p.state', 'in', ENDED_PAIRING_STATES),
          eb('t.ended_on', 'is', null),
          eb('p.ended_at', '<=', final),
        ]),
        eb.and([eb('p.state', 'in', LIVE_PAIRING_STATES), eb('t.ended_on', 'is not', null)]),
      ]),
    )
    .execute();
  for (const r of over) {
    const ended = r.ended_at && (ENDED_PAIRING_STATES as readonly string[]).includes(r.state);
    await db
      .updateTable('pair_terms')
      .set({
        ended_early: ended && r.state === 'ended' ? 1 : 0,
        ended_on: ended && r.ended_at ? dayIn(new Date(r.ended_at), zone) : null,
        updated_at: now.toISOString(),
      })
      .where('pairing_id', '=', r.id)
      .execute();
  }
}
