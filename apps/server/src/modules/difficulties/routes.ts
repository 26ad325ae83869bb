import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { forward } from './forward.ts';
import {
  createdView,
  difficultyParams,
  difficultyView,
  forwardBody,
  inboxQuery,
  inboxView,
  messageBody,
  mineView,
  orgParams,
  programmeParams,
  raiseBody,
  stateBody,
  stateView,
} from './schema.ts';
import { inbox, moveState, myDifficulties, raise, readDifficulty, reply } from './service.ts';

const tags = ['difficulties'];

/** Difficulties raised to the coordination: by any member, followed by them and by the coordination. */
export function difficultyRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/api/programmes/:programmeId/difficulties',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: raiseBody, response: { 201: createdView } },
    },
    async (req, reply) =>
      reply.status(201).send(await raise(ctx, requireUser(req), req.params.programmeId, req.body)),
  );

  api.get(
    '/api/orgs/:orgId/difficulties/mine',
    { config: { auth: 'user' }, schema: { tags, params: orgParams, response: { 200: mineView } } },
    async (req) => myDifficulties(ctx, requireUser(req), req.params.orgId),
  );

  api.get(
    '/api/orgs/:orgId/difficulties/inbox',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, querystring: inboxQuery, response: { 200: inboxView } },
    },
    async (req) => inbox(ctx, requireUser(req), req.params.orgId, req.query.state),
  );

  api.get(
    '/api/difficulties/:difficultyId',
    {
      config: { auth: 'user' },
      schema: { tags, params: difficultyParams, response: { 200: difficultyView } },
    },
    async (req) => readDifficulty(ctx, requireUser(req), req.params.difficultyId, req.ip),
  );

  api.post(
    '/api/difficulties/:difficultyId/messages',
    {
      config: { auth: 'user' },
      schema: { tags, params: difficultyParams, body: messageBody, response: { 201: createdView } },
    },
    async (req, res) =>
      res.status(201).send(await reply(ctx, requireUser(req), req.params.difficultyId, req.body.body)),
  );

  api.post(
    '/api/difficulties/:difficultyId/state',
    {
      config: { auth: 'user' },
      schema: { tags, params: difficultyParams, body: stateBody, response: { 200: stateView } },
    },
    async (req) => moveState(ctx, requireUser(req), req.params.difficultyId, req.body.to, req.body.note),
  );

  api.post(
    '/api/difficulties/:difficultyId/forward',
    {
      config: { auth: 'user' },
      schema: { tags, params: difficultyParams, body: forwardBody, response: { 201: createdView } },
    },
    async (req, res) =>
      res.status(201).send(await forward(ctx, requireUser(req), req.params.difficultyId, req.body)),
  );
}
