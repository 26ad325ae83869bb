import type { AppContext } from '../../context.ts';
import { dayIn } from '../../domain/days.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { rulesOf } from '../programmes/templates.ts';
import { portfolioProgrammeFor, residentFor } from './access.ts';
import { type Framework, phaseOf, semesterQuota } from './framework.ts';
import { ensurePlan, semesterIndex } from './plan.ts';
import { mayEditFramework } from './policy.ts';
import { traceSummary } from './present.ts';
import { loadFramework, ratingsOf, siteOf, tracesOf } from './queries.ts';
import { semesterDays, semesterOfDay } from './schedule.ts';
import type { PortfolioView } from './schema.ts';

/** The programme's framework, for any of its members; its coordinators edit it. */
export async function getFramework(ctx: AppContext, actor: UserActor, programmeId: string) {
  const { programme, framework } = await portfolioProgrammeFor(ctx, actor, programmeId);
  return { framework, editable: mayEditFramework(actor, programme) };
}

/**
 * The department sets its framework. Traces already planned keep their due dates; the next
 * semesters are planned with the new quotas. A trace type or competency still used by a trace
 * cannot be removed.
 */
export async function putFramework(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  framework: Framework,
) {
  const { programme } = await portfolioProgrammeFor(ctx, actor, programmeId);
  if (!mayEditFramework(actor, programme)) throw forbidden();
  const used = await ctx.db
    .selectFrom('portfolio_traces')
    .select('type_id')
    .distinct()
    .where('programme_id', '=', programme.id)
    .execute();
  const kept = new Set(framework.traceTypes.map((t) => t.id));
  const dropped = used.map((u) => u.type_id).filter((id) => !kept.has(id));
  if (dropped.length > 0) throw refuse(409, 'unknown_trace_type', {}, { inUse: dropped });
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const row = { framework: JSON.stringify(framework), updated_at: now.toISOString(), updated_by: actor.id };
    await trx
      .insertInto('portfolio_frameworks')
      .values({ programme_id: programme.id, org_id: programme.org_id, ...row })
      .onConflict((oc) => oc.column('programme_id').doUpdateSet(row))
      .execute();
    await audit(trx, now, {
      orgId: programme.org_id,
      actorId: actor.id,
      action: 'portfolio.framework_updated',
      subjectType: 'programme',
      subjectId: programme.id,
    });
  });
  return { framework, editable: true };
}

/** Expected, submitted and validated traces of each type in the semester. */
function quotaLines(
  framework: Framework,
  traces: ReturnType<typeof traceSummary>[],
  period: string,
  expected: Map<string, number>,
) {
  return framework.traceTypes
    .map((t) => {
      const mine = traces.filter((x) => x.typeId === t.id && x.period === period);
      return {
        typeId: t.id,
        typeLabel: t.label,
        expected: expected.get(t.id) ?? 0,
        submitted: mine.filter(
          (x) => x.state === 'submitted' || x.state === 'validated' || x.state === 'revision',
        ).length,
        validated: mine.filter((x) => x.state === 'validated').length,
      };
    })
    .filter((q) => q.expected > 0 || q.submitted > 0);
}

/** A resident's portfolio, for the resident and their tutor: the semester's plan is written on first sight. */
export async function portfolioView(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  residentId: string,
): Promise<PortfolioView> {
  const { programme, resident, relation } = await residentFor(ctx, actor, programmeId, residentId);
  const framework = await loadFramework(ctx.db, programme.id);
  const now = ctx.clock.now();
  const today = dayIn(now, programme.time_zone);
  const period = semesterOfDay(today);
  const target = {
    orgId: programme.org_id,
    programmeId: programme.id,
    timeZone: programme.time_zone,
    residentId: resident.id,
    desYear: resident.des_year,
  };
  if (!programme.archived_at) await ensurePlan(ctx.db, target, framework, now);
  const [rows, ratings, site] = await Promise.all([
    tracesOf(ctx.db, programme.id, resident.id),
    ratingsOf(ctx.db, programme.id, resident.id),
    siteOf(ctx.db, programme.org_id, resident.id, period),
  ]);
  const traces = rows.map((t) => traceSummary(t, framework, today, programme.time_zone));
  const phase = phaseOf(framework, resident.des_year);
  const expected = new Map<string, number>();
  if (phase && resident.des_year != null) {
    const index = semesterIndex(phase, resident.des_year, period);
    for (const t of framework.traceTypes) expected.set(t.id, semesterQuota(t, phase, index));
  }
  return {
    orgId: programme.org_id,
    timeZone: programme.time_zone,
    programme: { id: programme.id, name: programme.name },
    resident: { id: resident.id, name: resident.name, desYear: resident.des_year },
    phase: phase ? { id: phase.id, label: phase.label } : null,
    period: { label: period, ...semesterDays(period), site },
    tutor: resident.tutor ? { id: resident.tutor.id, name: resident.tutor.name } : null,
    viewer: relation === 'self' ? 'self' : 'tutor',
    traces,
    quotas: quotaLines(framework, traces, period, expected),
    ratings: ratings.map((r) => ({
      competencyId: r.competency_id,
      level: r.level as 'novice' | 'intermediate' | 'competent',
      source: r.source as 'trace' | 'interview' | 'supervisor' | 'synthesis',
      ratedAt: r.rated_at,
      period: semesterOfDay(dayIn(new Date(r.rated_at), programme.time_zone)),
    })),
    weeklyReviewCap: framework.weeklyReviewCap,
  };
}

/** The resident adds a trace beyond the plan (a second RSCA, a trace of a situation that struck them). */
export async function addTrace(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  residentId: string,
  typeId: string,
) {
  const { programme, resident, relation } = await residentFor(ctx, actor, programmeId, residentId);
  if (relation !== 'self' || programme.archived_at) throw forbidden();
  const framework = await loadFramework(ctx.db, programme.id);
  const type = framework.traceTypes.find((t) => t.id === typeId);
  if (!type) throw refuse(400, 'unknown_trace_type');
  const phase = phaseOf(framework, resident.des_year);
  if (!phase) throw refuse(409, 'no_phase');
  const now = ctx.clock.now();
  const today = dayIn(now, programme.time_zone);
  const period = semesterOfDay(today);
  const { endsOn } = semesterDays(period);
  const last = await ctx.db
    .selectFrom('portfolio_traces')
    .select((eb) => eb.fn.max('seq').as('seq'))
    .where('programme_id', '=', programme.id)
    .where('resident_id', '=', resident.id)
    .where('period', '=', period)
    .where('type_id', '=', type.id)
    .executeTakeFirst();
  const seq = Number(last?.seq ?? 0) + 1;
  const id = newId();
  await ctx.db
    .insertInto('portfolio_traces')
    .values({
      id,
      org_id: programme.org_id,
      programme_id: programme.id,
      resident_id: resident.id,
      type_id: type.id,
      phase_id: phase.id,
      period,
      seq,
      family: null,
      title: `${type.label} ${seq}`,
      state: 'draft',
      due_on: endsOn,
      revision_due_on: null,
      reviewer_id: null,
      review_week: null,
      review_token_hash: null,
      review_token_expires_at: null,
      nudged_at: null,
      created_at: now.toISOString(),
      submitted_at: null,
      validated_at: null,
    })
    .execute();
  const row = await ctx.db
    .selectFrom('portfolio_traces')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  return traceSummary(row, framework, today, programme.time_zone);
}

/** The programmes where the person is a resident with a portfolio. */
export async function myPortfolios(ctx: AppContext, actor: UserActor) {
  const ids = actor.memberships.filter((m) => m.role === 'tutee').map((m) => m.programmeId);
  if (ids.length === 0) return { programmes: [] };
  const rows = await ctx.db
    .selectFrom('programmes')
    .select(['id', 'name', 'org_id', 'rules', 'template', 'archived_at'])
    .where('id', 'in', ids)
    .execute();
  return {
    programmes: rows
      .filter((p) => rulesOf(p).portfolioEnabled && !p.archived_at)
      .map((p) => ({ id: p.id, name: p.name, orgId: p.org_id })),
  };
}

/** Only the programme's managers see the overview. */
export function assertManager(
  actor: UserActor,
  programme: { id: string; org_id: string; archived_at: string | null },
) {
  if (!managesProgramme(actor, programme, 'read')) throw notFound('programme');
}
