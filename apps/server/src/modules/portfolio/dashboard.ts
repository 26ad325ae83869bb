import type { AppContext } from '../../context.ts';
import { addDays, dayIn } from '../../domain/days.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import type { UserActor } from '../../policy/actor.ts';
import { managedPortfolioProgramme } from './access.ts';
import { phaseOf } from './framework.ts';
import { isLate, traceSummary } from './present.ts';
import { loadFramework, residentsOf } from './queries.ts';
import { mondayOf, semesterOfDay } from './schedule.ts';

/**
 * The tutor's queue, over every programme they review in: the traces asked of them this week or
 * before and not reviewed yet, and how many wait for the next weeks under the cap.
 */
export async function reviewQueue(ctx: AppContext, actor: UserActor) {
  const rows = await ctx.db
    .selectFrom('portfolio_traces as t')
    .innerJoin('users as r', 'r.id', 't.resident_id')
    .innerJoin('programmes as g', 'g.id', 't.programme_id')
    .innerJoin('organisations as o', 'o.id', 't.org_id')
    .innerJoin('pairings as p', (j) =>
      j.onRef('p.programme_id', '=', 't.programme_id').onRef('p.tutee_user_id', '=', 't.resident_id'),
    )
    .selectAll('t')
    .select(['r.name as resident_name', 'g.name as programme_name', 'o.time_zone'])
    .where('t.reviewer_id', '=', actor.id)
    .where('t.state', '=', 'submitted')
    .where('p.tutor_user_id', '=', actor.id)
    .where('p.state', 'in', [...LIVE_PAIRING_STATES])
    .where('g.archived_at', 'is', null)
    .orderBy('t.review_week')
    .orderBy('t.submitted_at')
    .execute();
  const zone = rows[0]?.time_zone ?? 'Europe/Paris';
  const today = dayIn(ctx.clock.now(), zone);
  const thisWeek = mondayOf(today);
  const frameworks = new Map<string, Awaited<ReturnType<typeof loadFramework>>>();
  for (const id of new Set(rows.map((r) => r.programme_id)))
    frameworks.set(id, await loadFramework(ctx.db, id));
  const due = rows.filter((r) => (r.review_week ?? thisWeek) <= thisWeek);
  const later = new Map<string, number>();
  for (const r of rows)
    if ((r.review_week ?? thisWeek) > thisWeek)
      later.set(r.review_week as string, (later.get(r.review_week as string) ?? 0) + 1);
  const caps = [...frameworks.values()].map((f) => f.weeklyReviewCap);
  return {
    orgId: rows[0]?.org_id ?? '',
    timeZone: zone,
    weeklyReviewCap: caps.length > 0 ? Math.min(...caps) : 3,
    thisWeek,
    due: due.map((r) => ({
      trace: traceSummary(r, frameworks.get(r.programme_id) as never, today, r.time_zone),
      resident: { id: r.resident_id, name: r.resident_name },
      programme: { id: r.programme_id, name: r.programme_name },
    })),
    later: [...later].map(([week, count]) => ({ week, count })).sort((a, b) => a.week.localeCompare(b.week)),
  };
}

/**
 * The coordination's view: per phase, how many traces are due, sent, validated and late this
 * semester, and the reviews asked of each tutor per week — counts only, never a title or a text.
 */
export async function portfolioOverview(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  cohortId?: string,
) {
  const programme = await managedPortfolioProgramme(ctx, actor, programmeId);
  const framework = await loadFramework(ctx.db, programme.id);
  const today = dayIn(ctx.clock.now(), programme.time_zone);
  const period = semesterOfDay(today);
  const cohorts = await ctx.db
    .selectFrom('cohorts')
    .select(['id', 'name'])
    .where('programme_id', '=', programme.id)
    .where('archived_at', 'is', null)
    .orderBy('starts_on', 'desc')
    .execute();
  const members = await residentsOf(ctx.db, programme.id, cohortId);
  const ids = members.map((m) => m.user_id);
  const traces = ids.length
    ? await ctx.db
        .selectFrom('portfolio_traces')
        .select(['resident_id', 'state', 'due_on', 'revision_due_on', 'phase_id'])
        .where('programme_id', '=', programme.id)
        .where('period', '=', period)
        .where('resident_id', 'in', ids)
        .execute()
    : [];
  const phases = framework.phases.map((phase) => {
    const residents = members.filter((m) => phaseOf(framework, m.des_year)?.id === phase.id).length;
    const mine = traces.filter((t) => t.phase_id === phase.id);
    return {
      phaseId: phase.id,
      phaseLabel: phase.label,
      residents,
      due: mine.filter((t) => t.due_on <= today).length,
      submitted: mine.filter(
        (t) => t.state === 'submitted' || t.state === 'revision' || t.state === 'validated',
      ).length,
      validated: mine.filter((t) => t.state === 'validated').length,
      late: mine.filter((t) => isLate(t, today)).length,
    };
  });
  const tutorLoad = await loadByTutor(ctx, programme.id, addDays(mondayOf(today), -21));
  return {
    programme: { id: programme.id, name: programme.name },
    period,
    cohorts,
    cohortId: cohortId ?? null,
    phases,
    tutorLoad: tutorLoad.map((t) => ({ ...t, cap: framework.weeklyReviewCap })),
  };
}

/** Reviews asked of each tutor of the programme per week since `from`: counts only. */
async function loadByTutor(ctx: AppContext, programmeId: string, from: string) {
  const load = await ctx.db
    .selectFrom('portfolio_versions as v')
    .innerJoin('portfolio_traces as t', 't.id', 'v.trace_id')
    .innerJoin('users as u', 'u.id', 'v.reviewer_id')
    .select(['u.id', 'u.name', 'v.review_week', (eb) => eb.fn.countAll<number>().as('n')])
    .where('t.programme_id', '=', programmeId)
    .where('v.review_week', '>=', from)
    .groupBy(['u.id', 'u.name', 'v.review_week'])
    .execute();
  const tutors = new Map<
    string,
    { tutor: { id: string; name: string }; weeks: Array<{ week: string; count: number }> }
  >();
  for (const l of load) {
    const entry = tutors.get(l.id) ?? { tutor: { id: l.id, name: l.name }, weeks: [] };
    entry.weeks.push({ week: l.review_week as string, count: Number(l.n) });
    tutors.set(l.id, entry);
  }
  return [...tutors.values()]
    .map((t) => ({ ...t, weeks: t.weeks.sort((a, b) => a.week.localeCompare(b.week)) }))
    .sort((a, b) => a.tutor.name.localeCompare(b.tutor.name, 'fr'));
}
