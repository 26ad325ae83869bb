import type { Db } from '../../db/index.ts';
import { dayIn } from '../../domain/days.ts';
import { newId } from '../../lib/ids.ts';
import { type Framework, type Phase, phaseOf, semesterQuota } from './framework.ts';
import { interleave, semesterDays, semesterOfDay, staggeredDueDates } from './schedule.ts';

/**
 * A resident's plan for a semester: the traces their phase expects, due on dates staggered over
 * the internship. Written once per semester (the unique index on programme, resident, semester,
 * type and rank makes a second writer a no-op); the resident's own additions and the traces
 * already written are never touched.
 */

/** Which semester of their phase a resident is in: 0 for the first semester of its first year. */
export function semesterIndex(phase: Phase, desYear: number, period: string): number {
  const yearIndex = Math.max(0, phase.desYears.indexOf(desYear));
  return Math.min(phase.semesters - 1, yearIndex * 2 + (period.endsWith('S2') ? 1 : 0));
}

/** The traces a semester expects, in the order they fall due, with their due dates. */
export function semesterPlan(framework: Framework, phase: Phase, desYear: number, period: string) {
  const index = semesterIndex(phase, desYear, period);
  const counts = framework.traceTypes.map((t) => ({ typeId: t.id, count: semesterQuota(t, phase, index) }));
  const items = interleave(counts);
  const { startsOn, endsOn } = semesterDays(period);
  const due = staggeredDueDates(startsOn, endsOn, items.length);
  return items.map((item, i) => ({
    ...item,
    dueOn: due[i] as string,
    count: counts.find((c) => c.typeId === item.typeId)?.count ?? 1,
  }));
}

export interface PlanTarget {
  orgId: string;
  programmeId: string;
  timeZone: string;
  residentId: string;
  desYear: number | null;
}

/** Writes the current semester's plan of a resident if it is not there yet; returns how many were added. */
export async function ensurePlan(
  db: Db,
  target: PlanTarget,
  framework: Framework,
  now: Date,
): Promise<number> {
  const phase = phaseOf(framework, target.desYear);
  if (!phase || target.desYear == null) return 0;
  const period = semesterOfDay(dayIn(now, target.timeZone));
  const existing = await db
    .selectFrom('portfolio_traces')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('programme_id', '=', target.programmeId)
    .where('resident_id', '=', target.residentId)
    .where('period', '=', period)
    .executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) return 0;
  const plan = semesterPlan(framework, phase, target.desYear, period);
  if (plan.length === 0) return 0;
  const at = now.toISOString();
  const labels = new Map(framework.traceTypes.map((t) => [t.id, t.label]));
  const res = await db
    .insertInto('portfolio_traces')
    .values(
      plan.map((p) => ({
        id: newId(),
        org_id: target.orgId,
        programme_id: target.programmeId,
        resident_id: target.residentId,
        type_id: p.typeId,
        phase_id: phase.id,
        period,
        seq: p.seq,
        family: null,
        title: p.count > 1 ? `${labels.get(p.typeId)} ${p.seq}` : (labels.get(p.typeId) as string),
        state: 'planned' as const,
        due_on: p.dueOn,
        revision_due_on: null,
        reviewer_id: null,
        review_week: null,
        review_token_hash: null,
        review_token_expires_at: null,
        nudged_at: null,
        created_at: at,
        submitted_at: null,
        validated_at: null,
      })),
    )
    .onConflict((oc) => oc.columns(['programme_id', 'resident_id', 'period', 'type_id', 'seq']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0);
}
