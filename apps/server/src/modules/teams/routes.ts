import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { teamWorkRoutes } from './routes-work.ts';
import {
  addMemberBody,
  createBody,
  created,
  memberParams,
  myTeamsView,
  ok,
  programmeParams,
  renameBody,
  teamPage as teamPageView,
  teamParams,
  teamsView,
} from './schema.ts';
import { addMember, createTeam, dissolveTeam, removeMember, renameTeam, teamsFromGroups } from './service.ts';
import { listTeams, myTeams, teamPage } from './views.ts';

const tags = ['teams'];
const user = { auth: 'user' as const };

/** Tutor teams: formed by the programme's coordination, worked in by their members. */
export function teamRoutes(api: Api, ctx: AppContext) {
  formingRoutes(api, ctx);
  teamWorkRoutes(api, ctx);
}

function formingRoutes(api: Api, ctx: AppContext) {
  api.get('/api/me/teams', { config: user, schema: { tags, response: { 200: myTeamsView } } }, async (req) =>
    myTeams(ctx, requireUser(req)),
  );
  api.get(
    '/api/programmes/:programmeId/teams',
    { config: user, schema: { tags, params: programmeParams, response: { 200: teamsView } } },
    async (req) => listTeams(ctx, requireUser(req), req.params.programmeId),
  );
  api.post(
    '/api/programmes/:programmeId/teams',
    { config: user, schema: { tags, params: programmeParams, body: createBody, response: { 201: created } } },
    async (req, reply) =>
      reply.status(201).send(await createTeam(ctx, requireUser(req), req.params.programmeId, req.body)),
  );
  api.post(
    '/api/programmes/:programmeId/teams/from-groups',
    {
      config: user,
      schema: { tags, params: programmeParams, response: { 200: z.object({ created: z.number() }) } },
    },
    async (req) => teamsFromGroups(ctx, requireUser(req), req.params.programmeId),
  );
  api.get(
    '/api/teams/:teamId',
    { config: user, schema: { tags, params: teamParams, response: { 200: teamPageView } } },
    async (req) => teamPage(ctx, requireUser(req), req.params.teamId),
  );
  api.patch(
    '/api/teams/:teamId',
    { config: user, schema: { tags, params: teamParams, body: renameBody, response: { 200: ok } } },
    async (req) => {
      await renameTeam(ctx, requireUser(req), req.params.teamId, req.body.name);
      return { ok: true as const };
    },
  );
  api.post(
    '/api/teams/:teamId/dissolve',
    { config: user, schema: { tags, params: teamParams, response: { 200: ok } } },
    async (req) => {
      await dissolveTeam(ctx, requireUser(req), req.params.teamId);
      return { ok: true as const };
    },
  );
  api.post(
    '/api/teams/:teamId/members',
    { config: user, schema: { tags, params: teamParams, body: addMemberBody, response: { 200: ok } } },
    async (req) => {
      await addMember(ctx, requireUser(req), req.params.teamId, req.body.userId);
      return { ok: true as const };
    },
  );
  api.delete(
    '/api/teams/:teamId/members/:memberId',
    { config: user, schema: { tags, params: memberParams, response: { 200: ok } } },
    async (req) => {
      await removeMember(ctx, requireUser(req), req.params.teamId, req.params.memberId);
      return { ok: true as const };
    },
  );
}
