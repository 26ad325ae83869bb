import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';

/** Organisations in the database: how many are demo ones and how many are real. */
export async function organisationCounts(db: Db): Promise<{ demo: number; real: number }> {
  const rows = await db
    .selectFrom('organisations')
    .select(['is_demo', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('is_demo')
    .execute();
  const count = (demo: 0 | 1) => Number(rows.find((r) => r.is_demo === demo)?.n ?? 0);
  return { demo: count(1), real: count(0) };
}

/** Whether the demo organisations (and their published password) are on this instance. */
export async function demoPresent(ctx: AppContext): Promise<boolean> {
  if (ctx.config.NODE_ENV === 'production') return false;
  return (await organisationCounts(ctx.db)).demo > 0;
}
