import type { AppContext } from '../../context.ts';
import { addDays, dayIn } from '../../domain/days.ts';
import { defineJob, noPayload } from '../../jobs/registry.ts';
import { notify } from '../../notify/notify.ts';
import type { Framework } from './framework.ts';
import { ensurePlan } from './plan.ts';
import { loadFramework, portfolioEnabled, residentsOf } from './queries.ts';
import { morningOf } from './schedule.ts';
import { portfolioNotice, wordedDay } from './texts.ts';

/**
 * The portfolio's hourly sweep: each resident of a programme with a portfolio gets the semester's
 * plan when it starts, and a reminder (in the app, then by the channel they chose) at 9:00 their
 * time, the programme's number of days before each due date — once per trace and due date.
 */
export const portfolioSweep = defineJob('portfolio.sweep', noPayload, async ({ ctx, now }) => {
  const programmes = await ctx.db
    .selectFrom('programmes as g')
    .innerJoin('organisations as o', 'o.id', 'g.org_id')
    .select(['g.id', 'g.org_id', 'g.rules', 'g.template', 'o.time_zone'])
    .where('g.archived_at', 'is', null)
    .execute();
  for (const p of programmes)
    if (portfolioEnabled({ ...p, name: '', archived_at: null })) await sweepProgramme(ctx, p, now);
});

async function sweepProgramme(
  ctx: AppContext,
  p: { id: string; org_id: string; time_zone: string },
  now: Date,
) {
  const framework = await loadFramework(ctx.db, p.id);
  const residents = await planAll(ctx, p, framework, now);
  const today = dayIn(now, p.time_zone);
  const horizon = addDays(today, framework.nudgeDaysBefore);
  const due = await ctx.db
    .selectFrom('portfolio_traces')
    .select(['id', 'resident_id', 'title', 'state', 'due_on', 'revision_due_on'])
    .where('programme_id', '=', p.id)
    .where('nudged_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.and([
          eb('state', 'in', ['planned', 'draft']),
          eb('due_on', '<=', horizon),
          eb('due_on', '>=', today),
        ]),
        eb.and([
          eb('state', '=', 'revision'),
          eb('revision_due_on', '<=', horizon),
          eb('revision_due_on', '>=', today),
        ]),
      ]),
    )
    .execute();
  const ids = new Set(residents.map((r) => r.user_id));
  for (const t of due) {
    if (!ids.has(t.resident_id)) continue;
    const dueOn = (t.state === 'revision' ? t.revision_due_on : t.due_on) as string;
    // 9:00 on the reminder's day; a due date already closer than that is reminded at once.
    if (now < morningOf(addDays(dueOn, -framework.nudgeDaysBefore), p.time_zone)) continue;
    await ctx.db.transaction().execute(async (trx) => {
      const claimed = await trx
        .updateTable('portfolio_traces')
        .set({ nudged_at: now.toISOString() })
        .where('id', '=', t.id)
        .where('nudged_at', 'is', null)
        .executeTakeFirst();
      if (Number(claimed.numUpdatedRows) === 0) return;
      await notify(
        trx,
        {
          userId: t.resident_id,
          orgId: p.org_id,
          kind: 'reminder',
          key: `portfolio:nudge:${t.id}:${dueOn}`,
          link: `/portfolio/traces/${t.id}`,
          content: portfolioNotice(t.state === 'revision' ? 'nudgeRevision' : 'nudge', {
            title: t.title,
            due: wordedDay(dueOn),
          }),
        },
        now,
      );
    });
  }
}

/** Writes the semester's plan of every resident of the programme who has none yet. */
async function planAll(
  ctx: AppContext,
  p: { id: string; org_id: string; time_zone: string },
  framework: Framework,
  now: Date,
) {
  const residents = await residentsOf(ctx.db, p.id);
  for (const r of residents)
    await ensurePlan(
      ctx.db,
      {
        orgId: p.org_id,
        programmeId: p.id,
        timeZone: p.time_zone,
        residentId: r.user_id,
        desYear: r.des_year,
      },
      framework,
      now,
    );
  return residents;
}
