import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import { loadActor, rolesIn, type UserActor } from '../../policy/actor.ts';
import { confidentialityChange } from '../../policy/confidentiality.ts';
import { scopeFor } from '../../policy/scope.ts';
import { audit } from '../audit/service.ts';
import { keepChoicesBeforeRuleChange } from '../people/phone-sharing.ts';
import { organisationActions, type ProgrammeAction, programmeActions } from './policy.ts';
import {
  cohortsOf,
  currentMembers,
  findOrganisation,
  findProgramme,
  listOrganisations,
  listProgrammes,
  roleCounts,
} from './queries.ts';
import { type ProgrammeRules, rulesOf, type TemplateId, templates } from './templates.ts';
import { confidentialityNotice } from './texts.ts';

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

/** An organisation as the actor sees it, with what they may do with it. */
export function presentOrganisation(actor: UserActor, o: Awaited<ReturnType<typeof loadOrganisationFor>>) {
  return {
    id: o.id,
    name: o.name,
    kind: o.kind,
    timeZone: o.time_zone,
    locale: o.locale,
    isDemo: o.is_demo === 1,
    archived: !!o.archived_at,
    actions: organisationActions(actor, o),
  };
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
    rules: rulesOf(p),
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

/** The organisations the actor can see. */
export function organisationsOf(ctx: AppContext, actor: UserActor) {
  return listOrganisations(ctx.db, scopeFor(actor));
}

/** The programmes of an organisation the actor can see. */
export function programmesOf(ctx: AppContext, actor: UserActor, orgId: string) {
  return listProgrammes(ctx.db, scopeFor(actor), orgId);
}

/**
 * The programme just created, as its creator now sees it: their coordinator role is new, so the
 * actor is read again from the database first.
 */
export async function presentCreated(ctx: AppContext, actor: UserActor, id: string) {
  const fresh = await loadActor(ctx.db, actor, actor.sessionId);
  return presentProgramme(ctx, fresh, await loadProgrammeFor(ctx, fresh, id));
}

export async function updateOrganisation(
  ctx: AppContext,
  org: { id: string },
  b: { name?: string; timeZone?: string; locale?: string },
) {
  await ctx.db
    .updateTable('organisations')
    .set({
      ...(b.name ? { name: b.name } : {}),
      ...(b.timeZone ? { time_zone: b.timeZone } : {}),
      ...(b.locale ? { locale: b.locale } : {}),
    })
    .where('id', '=', org.id)
    .execute();
}

export async function updateProgramme(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  body: { name?: string; rules?: ProgrammeRules },
) {
  const now = ctx.clock.now();
  const change = body.rules ? confidentialityChange(rulesOf(p), body.rules) : null;
  if (body.name === undefined && body.rules === undefined) throw refuse(400, 'nothing_to_update');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('programmes')
      .set({
        ...(body.name ? { name: body.name } : {}),
        ...(body.rules ? { rules: JSON.stringify(body.rules) } : {}),
      })
      .where('id', '=', p.id)
      .execute();
    if (body.rules) await keepChoicesBeforeRuleChange(trx, p, rulesOf(p), body.rules, now.toISOString());
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'programme.updated',
      subjectType: 'programme',
      subjectId: p.id,
      meta: { fields: Object.keys(body) },
    });
    if (change && body.rules) {
      await audit(trx, now, {
        orgId: p.org_id,
        actorId: actor.id,
        action: 'programme.confidentiality_changed',
        subjectType: 'programme',
        subjectId: p.id,
        meta: change,
      });
      await announceConfidentialityChange(trx, actor, { ...p, name: body.name ?? p.name }, body.rules, now);
    }
  });
}

/**
 * Tells every current member of the programme (but the person who made it) that a rule of who
 * sees what changed, one notice each through notify(), in the transaction of the change.
 */
async function announceConfidentialityChange(
  trx: Db,
  actor: UserActor,
  p: Programme,
  rules: ProgrammeRules,
  now: Date,
) {
  const members = await currentMembers(trx, p.id);
  const content = confidentialityNotice({
    programme: p.name,
    template: p.template,
    by: actor.name,
    reports: rules.reportVisibility,
  });
  for (const userId of members) {
    if (userId === actor.id) continue;
    await notify(
      trx,
      {
        userId,
        orgId: p.org_id,
        kind: 'message',
        key: `programme.confidentiality:${p.id}:${now.toISOString()}:${userId}`,
        link: `/programmes/${p.id}`,
        content,
      },
      now,
    );
  }
}

/** Archives the programme (its people keep reading it, nobody changes it) or restores it. */
export async function setArchived(ctx: AppContext, p: Programme, archived: boolean) {
  await ctx.db
    .updateTable('programmes')
    .set({ archived_at: archived ? ctx.clock.now().toISOString() : null })
    .where('id', '=', p.id)
    .execute();
}

export async function addCohort(
  ctx: AppContext,
  p: Programme,
  body: { name: string; kind: string; startsOn: string; endsOn: string },
) {
  await ctx.db
    .insertInto('cohorts')
    .values({
      id: newId(),
      org_id: p.org_id,
      programme_id: p.id,
      name: body.name,
      kind: body.kind,
      starts_on: body.startsOn,
      ends_on: body.endsOn,
      created_at: ctx.clock.now().toISOString(),
      archived_at: null,
    })
    .execute();
}

export async function archiveCohort(ctx: AppContext, p: Programme, cohortId: string) {
  const res = await ctx.db
    .updateTable('cohorts')
    .set({ archived_at: ctx.clock.now().toISOString() })
    .where('id', '=', cohortId)
    .where('programme_id', '=', p.id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw notFound('cohort');
}
