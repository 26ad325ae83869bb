import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { notFound } from '../../http/errors.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { newId } from '../../lib/ids.ts';
import { loadActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { audit } from '../audit/service.ts';
import { organisationActions } from './policy.ts';
import { listOrganisations, listProgrammes } from './queries.ts';
import {
  createCohortBody,
  createProgrammeBody,
  organisationView,
  programmeSummaryView,
  programmeView,
  templateView,
  updateOrganisationBody,
  updateProgrammeBody,
} from './schema.ts';
import {
  createProgramme,
  loadOrganisationFor,
  loadProgrammeFor,
  presentProgramme,
  presentProgrammes,
} from './service.ts';
import { templateIds, templates } from './templates.ts';

const tags = ['programmes'];
const orgParams = z.object({ orgId: z.string() });
const programmeParams = z.object({ programmeId: z.string() });

export function programmeRoutes(api: Api, ctx: AppContext) {
  const presentOrg = (
    actor: ReturnType<typeof requireUser>,
    o: Awaited<ReturnType<typeof loadOrganisationFor>>,
  ) => ({
    id: o.id,
    name: o.name,
    kind: o.kind,
    timeZone: o.time_zone,
    locale: o.locale,
    isDemo: o.is_demo === 1,
    archived: !!o.archived_at,
    actions: organisationActions(actor, o),
  });

  api.get(
    '/api/templates',
    { config: { auth: 'user' }, schema: { tags, response: { 200: z.array(templateView) } } },
    async () => templateIds.map((id) => templates[id]),
  );

  api.get(
    '/api/orgs',
    { config: { auth: 'user' }, schema: { tags, response: { 200: z.array(organisationView) } } },
    async (req) => {
      const actor = requireUser(req);
      return (await listOrganisations(ctx.db, scopeFor(actor))).map((o) => presentOrg(actor, o));
    },
  );

  api.get(
    '/api/orgs/:orgId',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        params: orgParams,
        response: { 200: organisationView.extend({ programmes: z.array(programmeSummaryView) }) },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      const org = await loadOrganisationFor(ctx, actor, req.params.orgId);
      const programmes = await listProgrammes(ctx.db, scopeFor(actor), org.id);
      return { ...presentOrg(actor, org), programmes: await presentProgrammes(ctx, actor, programmes) };
    },
  );

  api.patch(
    '/api/orgs/:orgId',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, body: updateOrganisationBody, response: { 200: organisationView } },
    },
    async (req) => {
      const actor = requireUser(req);
      const org = await loadOrganisationFor(ctx, actor, req.params.orgId, 'update');
      const b = req.body;
      await ctx.db
        .updateTable('organisations')
        .set({
          ...(b.name ? { name: b.name } : {}),
          ...(b.timeZone ? { time_zone: b.timeZone } : {}),
          ...(b.locale ? { locale: b.locale } : {}),
        })
        .where('id', '=', org.id)
        .execute();
      return presentOrg(actor, await loadOrganisationFor(ctx, actor, org.id));
    },
  );

  api.post(
    '/api/orgs/:orgId/programmes',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, body: createProgrammeBody, response: { 201: programmeView } },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const id = await createProgramme(ctx, actor, req.params.orgId, req.body);
      const fresh = await loadActor(ctx.db, actor, actor.sessionId);
      const p = await loadProgrammeFor(ctx, fresh, id);
      return reply.status(201).send(await presentProgramme(ctx, fresh, p));
    },
  );

  api.get(
    '/api/programmes/:programmeId',
    { config: { auth: 'user' }, schema: { tags, params: programmeParams, response: { 200: programmeView } } },
    async (req) => {
      const actor = requireUser(req);
      return presentProgramme(ctx, actor, await loadProgrammeFor(ctx, actor, req.params.programmeId));
    },
  );

  api.patch(
    '/api/programmes/:programmeId',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: updateProgrammeBody, response: { 200: programmeView } },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'update');
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('programmes')
          .set({
            ...(req.body.name ? { name: req.body.name } : {}),
            ...(req.body.rules ? { rules: JSON.stringify(req.body.rules) } : {}),
          })
          .where('id', '=', p.id)
          .execute();
        await audit(trx, ctx.clock.now(), {
          orgId: p.org_id,
          actorId: actor.id,
          action: 'programme.updated',
          subjectType: 'programme',
          subjectId: p.id,
          meta: { fields: Object.keys(req.body) },
        });
      });
      return presentProgramme(ctx, actor, await loadProgrammeFor(ctx, actor, p.id));
    },
  );

  for (const [path, archived] of [
    ['archive', true],
    ['unarchive', false],
  ] as const) {
    api.post(
      `/api/programmes/:programmeId/${path}`,
      {
        config: { auth: 'user' },
        schema: { tags, params: programmeParams, response: { 200: programmeView } },
      },
      async (req) => {
        const actor = requireUser(req);
        const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'archive');
        await ctx.db
          .updateTable('programmes')
          .set({ archived_at: archived ? ctx.clock.now().toISOString() : null })
          .where('id', '=', p.id)
          .execute();
        return presentProgramme(ctx, actor, await loadProgrammeFor(ctx, actor, p.id));
      },
    );
  }

  api.post(
    '/api/programmes/:programmeId/cohorts',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: createCohortBody, response: { 201: programmeView } },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'update');
      await ctx.db
        .insertInto('cohorts')
        .values({
          id: newId(),
          org_id: p.org_id,
          programme_id: p.id,
          name: req.body.name,
          kind: req.body.kind,
          starts_on: req.body.startsOn,
          ends_on: req.body.endsOn,
          created_at: ctx.clock.now().toISOString(),
          archived_at: null,
        })
        .execute();
      return reply.status(201).send(await presentProgramme(ctx, actor, p));
    },
  );

  api.post(
    '/api/programmes/:programmeId/cohorts/:cohortId/archive',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        params: programmeParams.extend({ cohortId: z.string() }),
        response: { 200: programmeView },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'update');
      const res = await ctx.db
        .updateTable('cohorts')
        .set({ archived_at: ctx.clock.now().toISOString() })
        .where('id', '=', req.params.cohortId)
        .where('programme_id', '=', p.id)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw notFound('cohort');
      return presentProgramme(ctx, actor, p);
    },
  );
}
