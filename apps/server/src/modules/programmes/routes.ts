import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
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
  addCohort,
  archiveCohort,
  createProgramme,
  loadOrganisationFor,
  loadProgrammeFor,
  organisationsOf,
  presentCreated,
  presentOrganisation,
  presentProgramme,
  presentProgrammes,
  programmesOf,
  setArchived,
  updateOrganisation,
  updateProgramme,
} from './service.ts';
import { templateIds, templates } from './templates.ts';

const tags = ['programmes'];
const orgParams = z.object({ orgId: z.string() });
const programmeParams = z.object({ programmeId: z.string() });

/** Organisations, their programmes and the programmes' cohorts. */
export function programmeRoutes(api: Api, ctx: AppContext) {
  organisationRoutes(api, ctx);
  oneProgrammeRoutes(api, ctx);
  cohortRoutes(api, ctx);
}

/** The templates, the actor's organisations, one organisation (with its programmes), a new programme. */
function organisationRoutes(api: Api, ctx: AppContext) {
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
      return (await organisationsOf(ctx, actor)).map((o) => presentOrganisation(actor, o));
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
      const programmes = await programmesOf(ctx, actor, org.id);
      return {
        ...presentOrganisation(actor, org),
        programmes: await presentProgrammes(ctx, actor, programmes),
      };
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
      await updateOrganisation(ctx, org, req.body);
      return presentOrganisation(actor, await loadOrganisationFor(ctx, actor, org.id));
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
      return reply.status(201).send(await presentCreated(ctx, actor, id));
    },
  );
}

/** One programme: read, changed, archived or brought back. */
function oneProgrammeRoutes(api: Api, ctx: AppContext) {
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
      await updateProgramme(ctx, actor, p, req.body);
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
        await setArchived(ctx, p, archived);
        return presentProgramme(ctx, actor, await loadProgrammeFor(ctx, actor, p.id));
      },
    );
  }
}

/** A programme's cohorts: added, archived. */
function cohortRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/api/programmes/:programmeId/cohorts',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: createCohortBody, response: { 201: programmeView } },
    },
    async (req, reply) => {
      const actor = requireUser(req);
      const p = await loadProgrammeFor(ctx, actor, req.params.programmeId, 'update');
      await addCohort(ctx, p, req.body);
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
      await archiveCohort(ctx, p, req.params.cohortId);
      return presentProgramme(ctx, actor, p);
    },
  );
}
