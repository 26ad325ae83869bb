import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import {
  caseBody,
  caseListView,
  caseParams,
  caseView,
  createdView,
  decisionBody,
  messageBody,
  orgParams,
  shareBody,
  sharedView,
  stateView,
} from './schema.ts';
import {
  bringCase,
  listCases,
  readCase,
  recordDecision,
  reopenCase,
  replyOnCase,
  shareCase,
} from './service.ts';

const tags = ['cases'];
const user = { auth: 'user' as const };

/** Case review in a tutor team: a case brought, discussed by the team, decided, reopened, shared. */
export function caseRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/orgs/:orgId/team-cases',
    { config: user, schema: { tags, params: orgParams, response: { 200: caseListView } } },
    async (req) => listCases(ctx, requireUser(req), req.params.orgId),
  );
  api.post(
    '/api/orgs/:orgId/team-cases',
    { config: user, schema: { tags, params: orgParams, body: caseBody, response: { 201: createdView } } },
    async (req, reply) =>
      reply.status(201).send(await bringCase(ctx, requireUser(req), req.params.orgId, req.body)),
  );
  api.get(
    '/api/team-cases/:caseId',
    { config: user, schema: { tags, params: caseParams, response: { 200: caseView } } },
    async (req) => readCase(ctx, requireUser(req), req.params.caseId, req.ip),
  );
  api.post(
    '/api/team-cases/:caseId/messages',
    { config: user, schema: { tags, params: caseParams, body: messageBody, response: { 201: createdView } } },
    async (req, reply) =>
      reply.status(201).send(await replyOnCase(ctx, requireUser(req), req.params.caseId, req.body.body)),
  );
  api.post(
    '/api/team-cases/:caseId/decision',
    { config: user, schema: { tags, params: caseParams, body: decisionBody, response: { 200: stateView } } },
    async (req) => recordDecision(ctx, requireUser(req), req.params.caseId, req.body.decision),
  );
  api.post(
    '/api/team-cases/:caseId/reopen',
    { config: user, schema: { tags, params: caseParams, response: { 200: stateView } } },
    async (req) => reopenCase(ctx, requireUser(req), req.params.caseId),
  );
  api.put(
    '/api/team-cases/:caseId/share',
    { config: user, schema: { tags, params: caseParams, body: shareBody, response: { 200: sharedView } } },
    async (req) => shareCase(ctx, requireUser(req), req.params.caseId, req.body.shared),
  );
}
