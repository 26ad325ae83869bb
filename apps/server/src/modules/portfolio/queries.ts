import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { rulesOf } from '../programmes/templates.ts';
import { desFramework, type Framework, frameworkSchema } from './framework.ts';

/** A programme with what the portfolio needs of it and of its organisation. */
export function loadProgramme(db: Db, programmeId: string) {
  return db
    .selectFrom('programmes as g')
    .innerJoin('organisations as o', 'o.id', 'g.org_id')
    .select(['g.id', 'g.org_id', 'g.name', 'g.template', 'g.rules', 'g.archived_at', 'o.time_zone'])
    .where('g.id', '=', programmeId)
    .executeTakeFirst();
}
export type PortfolioProgramme = NonNullable<Awaited<ReturnType<typeof loadProgramme>>>;

export const portfolioEnabled = (p: PortfolioProgramme) => rulesOf(p).portfolioEnabled;

/** The programme's framework as its coordinators set it, or the DES one until they do. */
export async function loadFramework(db: Db, programmeId: string): Promise<Framework> {
  const row = await db
    .selectFrom('portfolio_frameworks')
    .select('framework')
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return row ? readJson(frameworkSchema, row.framework, 'portfolio_frameworks.framework') : desFramework;
}

/** A resident of the programme (a tutee member), with their DES year and their tutor of the moment. */
export async function loadResident(db: Db, programme: PortfolioProgramme, residentId: string) {
  const resident = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('org_members as om', (j) =>
      j.onRef('om.user_id', '=', 'm.user_id').on('om.org_id', '=', programme.org_id),
    )
    .select(['u.id', 'u.name', 'u.email', 'u.locale', 'om.des_year'])
    .where('m.programme_id', '=', programme.id)
    .where('m.user_id', '=', residentId)
    .where('m.role', '=', 'tutee')
    .where('m.ended_at', 'is', null)
    .executeTakeFirst();
  if (!resident) return undefined;
  const tutor = await tutorOf(db, programme.id, residentId);
  return { ...resident, tutor: tutor ?? null };
}
export type PortfolioResident = NonNullable<Awaited<ReturnType<typeof loadResident>>>;

/** The resident's tutor in a live pair of the programme. */
export function tutorOf(db: Db, programmeId: string, residentId: string) {
  return db
    .selectFrom('pairings as p')
    .innerJoin('users as u', 'u.id', 'p.tutor_user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.locale'])
    .where('p.programme_id', '=', programmeId)
    .where('p.tutee_user_id', '=', residentId)
    .where('p.state', 'in', [...LIVE_PAIRING_STATES])
    .orderBy('p.created_at', 'desc')
    .executeTakeFirst();
}

/** The resident's internship site in a semester, if the organisation recorded it. */
export async function siteOf(db: Db, orgId: string, userId: string, period: string) {
  const row = await db
    .selectFrom('placements')
    .select('site')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row?.site ?? null;
}

/** A trace with its programme, for the routes that start from a trace. */
export function loadTrace(db: Db, traceId: string) {
  return db.selectFrom('portfolio_traces').selectAll().where('id', '=', traceId).executeTakeFirst();
}
export type TraceRow = NonNullable<Awaited<ReturnType<typeof loadTrace>>>;

export function tracesOf(db: Db, programmeId: string, residentId: string) {
  return db
    .selectFrom('portfolio_traces as t')
    .selectAll('t')
    .select((eb) =>
      eb
        .selectFrom('portfolio_versions as v')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('v.trace_id', '=', 't.id')
        .where('v.submitted_at', 'is not', null)
        .as('versions'),
    )
    .where('t.programme_id', '=', programmeId)
    .where('t.resident_id', '=', residentId)
    .orderBy('t.due_on')
    .orderBy('t.id')
    .execute();
}

export function versionsOf(db: Db, traceId: string) {
  return db
    .selectFrom('portfolio_versions')
    .selectAll()
    .where('trace_id', '=', traceId)
    .orderBy('number')
    .execute();
}

export function attachmentsOf(db: Db, versionIds: string[]) {
  if (versionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('portfolio_attachments')
    .select(['id', 'version_id', 'filename', 'mime', 'size', 'created_at'])
    .where('version_id', 'in', versionIds)
    .orderBy('created_at')
    .execute();
}

export function messagesOf(db: Db, traceId: string) {
  return db
    .selectFrom('portfolio_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select([
      'm.id',
      'm.author_id',
      'u.name as author_name',
      'm.kind',
      'm.version_number',
      'm.quote',
      'm.body',
      'm.created_at',
    ])
    .where('m.trace_id', '=', traceId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

export function ratingsOf(db: Db, programmeId: string, residentId: string) {
  return db
    .selectFrom('competency_ratings')
    .select(['competency_id', 'level', 'source', 'rated_at'])
    .where('programme_id', '=', programmeId)
    .where('resident_id', '=', residentId)
    .orderBy('rated_at')
    .orderBy('id')
    .execute();
}

/** How many reviews were asked of a tutor in each week from `fromWeek` on. */
export async function reviewsAsked(db: Db, reviewerId: string, fromWeek: string) {
  const rows = await db
    .selectFrom('portfolio_versions')
    .select(['review_week', (eb) => eb.fn.countAll<number>().as('n')])
    .where('reviewer_id', '=', reviewerId)
    .where('review_week', '>=', fromWeek)
    .groupBy('review_week')
    .execute();
  return new Map(rows.map((r) => [r.review_week as string, Number(r.n)]));
}

/** The programme's residents (tutee members) with their DES year; of one cohort when given. */
export function residentsOf(db: Db, programmeId: string, cohortId?: string) {
  return db
    .selectFrom('memberships as m')
    .leftJoin('org_members as om', (j) =>
      j.onRef('om.user_id', '=', 'm.user_id').onRef('om.org_id', '=', 'm.org_id'),
    )
    .select(['m.user_id', 'om.des_year'])
    .where('m.programme_id', '=', programmeId)
    .where('m.role', '=', 'tutee')
    .where('m.ended_at', 'is', null)
    .$if(cohortId !== undefined, (q) => q.where('m.cohort_id', '=', cohortId as string))
    .execute();
}
