import type { AppContext } from '../../context.ts';
import { notFound, refuse } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import type { Relation } from '../../policy/confidentiality.ts';
import { portfolioReadable } from '../../policy/confidentiality.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { relationToResident } from './policy.ts';
import {
  loadFramework,
  loadProgramme,
  loadResident,
  loadTrace,
  type PortfolioProgramme,
  type PortfolioResident,
  portfolioEnabled,
} from './queries.ts';

// Loading a portfolio's records for an actor: out of their sight is "not found", as for every
// record; the coordination reaches counts only, through the overview.

export interface ResidentContext {
  programme: PortfolioProgramme;
  resident: PortfolioResident;
  relation: Relation;
}

async function programmeWithPortfolio(ctx: AppContext, actor: UserActor | null, programmeId: string) {
  const programme = await loadProgramme(ctx.db, programmeId);
  if (!programme || (actor && !actor.orgIds.has(programme.org_id) && !actor.adminOf.has(programme.org_id)))
    throw notFound('programme');
  if (!portfolioEnabled(programme)) throw refuse(404, 'portfolio_off');
  return programme;
}

/** A programme with a portfolio the actor belongs to (any member reads its framework). */
export async function portfolioProgrammeFor(ctx: AppContext, actor: UserActor, programmeId: string) {
  const programme = await programmeWithPortfolio(ctx, actor, programmeId);
  const member =
    actor.adminOf.has(programme.org_id) || actor.memberships.some((m) => m.programmeId === programme.id);
  if (!member) throw notFound('programme');
  return { programme, framework: await loadFramework(ctx.db, programme.id) };
}

/** A resident's portfolio for someone who may read it: the resident or their tutor of the moment. */
export async function residentFor(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  residentId: string,
): Promise<ResidentContext> {
  const programme = await programmeWithPortfolio(ctx, actor, programmeId);
  const resident = await loadResident(ctx.db, programme, residentId);
  if (!resident) throw notFound('person');
  const relation = relationToResident(actor, { programme, residentId, tutorId: resident.tutor?.id ?? null });
  if (!portfolioReadable(relation)) throw notFound('person');
  return { programme, resident, relation };
}

/** A trace for someone who may read it, with its resident's context. */
export async function traceFor(ctx: AppContext, actor: UserActor, traceId: string) {
  const trace = await loadTrace(ctx.db, traceId);
  if (!trace) throw notFound('trace');
  try {
    const r = await residentFor(ctx, actor, trace.programme_id, trace.resident_id);
    return { ...r, trace };
  } catch {
    throw notFound('trace');
  }
}

/** A trace reached through its tutor's private link: the resident's context, and the reviewer as relation. */
export async function traceForReviewer(ctx: AppContext, traceId: string) {
  const trace = await loadTrace(ctx.db, traceId);
  if (!trace) throw notFound('trace');
  const programme = await programmeWithPortfolio(ctx, null, trace.programme_id);
  const resident = await loadResident(ctx.db, programme, trace.resident_id);
  if (!resident) throw notFound('trace');
  return { programme, resident, trace };
}

/** A programme with a portfolio that the actor manages (the coordination's counts and lists). */
export async function managedPortfolioProgramme(ctx: AppContext, actor: UserActor, programmeId: string) {
  const programme = await loadProgramme(ctx.db, programmeId);
  if (!programme || !managesProgramme(actor, programme, 'read') || !portfolioEnabled(programme))
    throw notFound('programme');
  return programme;
}
