import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import {
  archiveBody,
  declineBody,
  guideBody,
  guideParams,
  guideView,
  libraryView,
  orgParams,
  suggestionBody,
  suggestionList,
  suggestionParams,
  suggestionView,
} from './schema.ts';
import { archiveGuide, createGuide, readGuide, readLibrary, updateGuide } from './service.ts';
import { acceptSuggestion, declineSuggestion, listSuggestions, suggest } from './suggestions.ts';

const tags = ['guides'];
const user = { auth: 'user' as const };

/** The organisation's guides library and the tutors' suggestions. */
export function guideRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/orgs/:orgId/guides',
    { config: user, schema: { tags, params: orgParams, response: { 200: libraryView } } },
    async (req) => readLibrary(ctx, requireUser(req), req.params.orgId),
  );
  api.post(
    '/api/orgs/:orgId/guides',
    { config: user, schema: { tags, params: orgParams, body: guideBody, response: { 201: guideView } } },
    async (req, reply) =>
      reply.status(201).send(await createGuide(ctx, requireUser(req), req.params.orgId, req.body)),
  );
  const one = { tags, params: guideParams, response: { 200: guideView } };
  api.get('/api/guides/:guideId', { config: user, schema: one }, async (req) =>
    readGuide(ctx, requireUser(req), req.params.guideId),
  );
  api.put('/api/guides/:guideId', { config: user, schema: { ...one, body: guideBody } }, async (req) =>
    updateGuide(ctx, requireUser(req), req.params.guideId, req.body),
  );
  api.post(
    '/api/guides/:guideId/archive',
    { config: user, schema: { ...one, body: archiveBody } },
    async (req) => archiveGuide(ctx, requireUser(req), req.params.guideId, req.body.archived),
  );

  api.get(
    '/api/orgs/:orgId/guide-suggestions',
    { config: user, schema: { tags, params: orgParams, response: { 200: suggestionList } } },
    async (req) => listSuggestions(ctx, requireUser(req), req.params.orgId),
  );
  api.post(
    '/api/orgs/:orgId/guide-suggestions',
    {
      config: user,
      schema: { tags, params: orgParams, body: suggestionBody, response: { 201: suggestionView } },
    },
    async (req, reply) =>
      reply.status(201).send(await suggest(ctx, requireUser(req), req.params.orgId, req.body)),
  );
  const decision = { tags, params: suggestionParams, response: { 200: suggestionView } };
  api.post('/api/guide-suggestions/:suggestionId/accept', { config: user, schema: decision }, async (req) =>
    acceptSuggestion(ctx, requireUser(req), req.params.suggestionId),
  );
  api.post(
    '/api/guide-suggestions/:suggestionId/decline',
    { config: user, schema: { ...decision, body: declineBody } },
    async (req) => declineSuggestion(ctx, requireUser(req), req.params.suggestionId, req.body.note),
  );
}
