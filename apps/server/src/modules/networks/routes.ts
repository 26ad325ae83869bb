import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import {
  codeView,
  createBody,
  createdView,
  idView,
  joinBody,
  joinedView,
  messageBody,
  messageParams,
  myNetworksView,
  networkParams,
  networkSessionBody,
  networkView,
  okView,
  postedView,
  registeredView,
  sessionParams,
  teamParams,
  threadQuery,
  threadView,
} from './schema.ts';
import { archiveNetwork, createNetwork, joinNetwork, myNetworks, newCode, removeTeam } from './service.ts';
import {
  cancelNetworkSession,
  cancelSessionRegistration,
  publishSession,
  registerForSession,
} from './sessions.ts';
import { deleteNetworkMessage, hideNetworkMessage, postNetworkMessage, readNetworkThread } from './thread.ts';
import { networkPage } from './views.ts';

const tags = ['networks'];
const user = { auth: 'user' as const };
const ok = { ok: true as const };

/** Networks of teams of several organisations: joining, the thread, the sessions. */
export function networkRoutes(api: Api, ctx: AppContext) {
  membershipRoutes(api, ctx);
  threadRoutes(api, ctx);
  sessionRoutes(api, ctx);
}

function membershipRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/me/networks',
    { config: user, schema: { tags, response: { 200: myNetworksView } } },
    async (req) => myNetworks(ctx, requireUser(req)),
  );
  api.post(
    '/api/networks',
    { config: user, schema: { tags, body: createBody, response: { 201: createdView } } },
    async (req, reply) => reply.status(201).send(await createNetwork(ctx, requireUser(req), req.body)),
  );
  api.post(
    '/api/networks/join',
    { config: user, schema: { tags, body: joinBody, response: { 200: joinedView } } },
    async (req) => joinNetwork(ctx, requireUser(req), req.body),
  );
  const one = '/api/networks/:networkId';
  api.get(
    one,
    { config: user, schema: { tags, params: networkParams, response: { 200: networkView } } },
    async (req) => networkPage(ctx, requireUser(req), req.params.networkId),
  );
  api.post(
    `${one}/code`,
    { config: user, schema: { tags, params: networkParams, response: { 200: codeView } } },
    async (req) => newCode(ctx, requireUser(req), req.params.networkId),
  );
  api.post(
    `${one}/archive`,
    { config: user, schema: { tags, params: networkParams, response: { 200: okView } } },
    async (req) => {
      await archiveNetwork(ctx, requireUser(req), req.params.networkId);
      return ok;
    },
  );
  api.delete(
    `${one}/teams/:teamId`,
    { config: user, schema: { tags, params: teamParams, response: { 200: okView } } },
    async (req) => {
      await removeTeam(ctx, requireUser(req), req.params.networkId, req.params.teamId);
      return ok;
    },
  );
}

function threadRoutes(api: Api, ctx: AppContext) {
  const thread = '/api/networks/:networkId/messages';
  api.get(
    thread,
    {
      config: user,
      schema: { tags, params: networkParams, querystring: threadQuery, response: { 200: threadView } },
    },
    async (req) => readNetworkThread(ctx, requireUser(req), req.params.networkId, req.query.before),
  );
  api.post(
    thread,
    {
      config: user,
      schema: { tags, params: networkParams, body: messageBody, response: { 201: postedView } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await postNetworkMessage(ctx, requireUser(req), req.params.networkId, req.body.body)),
  );
  api.delete(
    `${thread}/:networkMessageId`,
    { config: user, schema: { tags, params: messageParams, response: { 200: okView } } },
    async (req) => {
      await deleteNetworkMessage(ctx, requireUser(req), req.params.networkId, req.params.networkMessageId);
      return ok;
    },
  );
  api.post(
    `${thread}/:networkMessageId/hide`,
    { config: user, schema: { tags, params: messageParams, response: { 200: okView } } },
    async (req) => {
      await hideNetworkMessage(ctx, requireUser(req), req.params.networkId, req.params.networkMessageId);
      return ok;
    },
  );
}

function sessionRoutes(api: Api, ctx: AppContext) {
  api.post(
    '/api/networks/:networkId/sessions',
    {
      config: user,
      schema: { tags, params: networkParams, body: networkSessionBody, response: { 201: idView } },
    },
    async (req, reply) =>
      reply.status(201).send(await publishSession(ctx, requireUser(req), req.params.networkId, req.body)),
  );
  const one = '/api/network-sessions/:networkSessionId';
  api.post(
    `${one}/cancel`,
    { config: user, schema: { tags, params: sessionParams, response: { 200: okView } } },
    async (req) => {
      await cancelNetworkSession(ctx, requireUser(req), req.params.networkSessionId);
      return ok;
    },
  );
  api.post(
    `${one}/registration`,
    { config: user, schema: { tags, params: sessionParams, response: { 200: registeredView } } },
    async (req) => registerForSession(ctx, requireUser(req), req.params.networkSessionId),
  );
  api.delete(
    `${one}/registration`,
    { config: user, schema: { tags, params: sessionParams, response: { 200: okView } } },
    async (req) => {
      await cancelSessionRegistration(ctx, requireUser(req), req.params.networkSessionId);
      return ok;
    },
  );
}
