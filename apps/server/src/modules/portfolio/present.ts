import { z } from 'zod';
import { readJson } from '../../db/json.ts';
import { dayIn } from '../../domain/days.ts';
import type { Framework } from './framework.ts';
import { competencyLevels } from './framework.ts';
import type { TraceRow } from './queries.ts';
import { mondayOf } from './schedule.ts';

// How a trace is shown: its status, never its text (that is the trace view's, for those who read it).

export const linkedList = z.array(z.object({ id: z.string(), level: z.enum(competencyLevels) }));

/** Past its due date (or its revision's) and not in the tutor's hands nor validated. */
export function isLate(t: Pick<TraceRow, 'state' | 'due_on' | 'revision_due_on'>, today: string): boolean {
  if (t.state === 'planned' || t.state === 'draft') return t.due_on < today;
  if (t.state === 'revision') return (t.revision_due_on ?? t.due_on) < today;
  return false;
}

/** A trace's status for the list; `zone` is the organisation's, for the day it was sent. */
export function traceSummary(
  t: TraceRow & { versions?: number | string | null },
  framework: Framework,
  today: string,
  zone: string,
) {
  const type = framework.traceTypes.find((x) => x.id === t.type_id);
  return {
    id: t.id,
    typeId: t.type_id,
    typeLabel: type?.label ?? t.type_id,
    phaseId: t.phase_id,
    period: t.period,
    title: t.title,
    family: t.family,
    state: t.state,
    dueOn: t.due_on,
    revisionDueOn: t.revision_due_on,
    late: isLate(t, today),
    reviewWeek: t.state === 'submitted' ? t.review_week : null,
    deferred:
      t.state === 'submitted' && t.review_week !== null && t.submitted_at !== null
        ? t.review_week > mondayOf(dayIn(new Date(t.submitted_at), zone))
        : false,
    submittedAt: t.submitted_at,
    validatedAt: t.validated_at,
    versions: Number(t.versions ?? 0),
    competencies: readJson(linkedList, t.competencies, 'portfolio_traces.competencies'),
  };
}
export type TraceSummary = ReturnType<typeof traceSummary>;
