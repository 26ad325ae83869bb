import type { AppContext } from '../../context.ts';
import type { Programme } from '../../db/types.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { audit } from '../audit/service.ts';
import { organisationActions, type ProgrammeAction, programmeActions } from './policy.ts';
import { cohortsOf, findOrganisation, findProgramme, roleCounts } from './queries.ts';
import { type ProgrammeRules, type TemplateId, templates } from './templates.ts';

/** Loads a programme scoped to the actor (404 when out of scope), then checks the action (403). */
export async function loadProgrammeFor(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  action?: ProgrammeAction,
) {
  const p = await findProgramme(ctx.db, scopeFor(actor), id);
  if (!p) throw notFound('programme');
  if (action && !programmeActions(actor, p)[action]) throw forbidden();
  return p;
}

export async function loadOrganisationFor(
  ctx: AppContext,
  actor: UserActor,
  id: string,
  action?: keyof ReturnType<typeof organisationActions>,
) {
  const org = await findOrganisation(ctx.db, scopeFor(actor), id);
  if (!org) throw notFound('organisation');
  if (action && !organisationActions(actor, org)[action]) throw forbidden();
  return org;
}

export async function presentProgrammes(ctx: AppContext, actor: UserActor, programmes: Programme[]) {
  const counts = await roleCounts(
    ctx.db,
    programmes.map((p) => p.id),
  );
  return programmes.map((p) => ({
    id: p.id,
    orgId: p.org_id,
    name: p.name,
    template: p.template as TemplateId,
    archived: !!p.archived_at,
    counts: counts.get(p.id) ?? { coordinators: 0, tutors: 0, tutees: 0, experts: 0 },
    myRoles: [...rolesIn(actor, p.id)],
  }));
}

export async function presentProgramme(ctx: AppContext, actor: UserActor, p: Programme) {
  const [[summary], cohorts] = await Promise.all([
    presentProgrammes(ctx, actor, [p]),
    cohortsOf(ctx.db, p.id),
  ]);
  return {
    ...(summary as NonNullable<typeof summary>),
    rules: JSON.parse(p.rules) as ProgrammeRules,
    createdAt: p.created_at,
    cohorts: cohorts.map((c) => ({
      id: c.id,
      name: c.name,
      kind: c.kind as 'academic-year' | 'semester',
      startsOn: c.starts_on,
      endsOn: c.ends_on,
      archived: !!c.archived_at,
    })),
    actions: programmeActions(actor, p),
  };
}

export async function createProgramme(
  ctx: AppContext,
  actor: UserActor,
  orgId: string,
  body: {
    name: string;
    template: TemplateId;
    cohort?: { name: string; kind: string; startsOn: string; endsOn: string };
  },
) {
  await loadOrganisationFor(ctx, actor, orgId, 'createProgramme');
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('programmes')
      .values({
        id,
        org_id: orgId,
        name: body.name,
        template: body.template,
        rules: JSON.stringify(templates[body.template].rules),
        created_at: now,
        archived_at: null,
      })
      .execute();
    // The creator coordinates the programme they create.
    await trx
      .insertInto('memberships')
      .values({
        id: newId(),
        org_id: orgId,
        programme_id: id,
        cohort_id: null,
        user_id: actor.id,
        role: 'coordinator',
        capacity: null,
        created_at: now,
        ended_at: null,
      })
      .execute();
    if (body.cohort) {
      await trx
        .insertInto('cohorts')
        .values({
          id: newId(),
          org_id: orgId,
          programme_id: id,
          name: body.cohort.name,
          kind: body.cohort.kind,
          starts_on: body.cohort.startsOn,
          ends_on: body.cohort.endsOn,
          created_at: now,
          archived_at: null,
        })
        .execute();
    }
    await audit(trx, ctx.clock.now(), {
      orgId,
      actorId: actor.id,
      action: 'programme.created',
      subjectType: 'programme',
      subjectId: id,
      meta: { template: body.template },
    });
  });
  return id;
}
