import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { residentParams } from './schema.ts';
import { submitFeedback, supervisorView } from './supervisor-link.ts';
import {
  feedbackBody,
  inviteBody,
  requestParams,
  sharesBody,
  supervisorPage,
  supervisorRequestView,
  supervisorsView,
  supervisorTokenParams,
} from './supervisor-schema.ts';
import { inviteSupervisor, listSupervisors, shareTraces } from './supervisors.ts';

const tags = ['portfolio'];
const user = { auth: 'user' as const };
const open = { auth: 'public' as const };

/** The internship supervisor: invited by the resident or their tutor, answering from a private link. */
export function supervisorRoutes(api: Api, ctx: AppContext) {
  const base = '/api/programmes/:programmeId/portfolio/residents/:residentId/supervisors';
  api.get(
    base,
    { config: user, schema: { tags, params: residentParams, response: { 200: supervisorsView } } },
    async (req) => listSupervisors(ctx, requireUser(req), req.params.programmeId, req.params.residentId),
  );
  api.post(
    base,
    {
      config: user,
      schema: { tags, params: residentParams, body: inviteBody, response: { 201: supervisorRequestView } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await inviteSupervisor(
            ctx,
            requireUser(req),
            req.params.programmeId,
            req.params.residentId,
            req.body,
          ),
        ),
  );
  api.put(
    '/api/portfolio/supervisors/:requestId/shares',
    {
      config: user,
      schema: { tags, params: requestParams, body: sharesBody, response: { 200: supervisorRequestView } },
    },
    async (req) => shareTraces(ctx, requireUser(req), req.params.requestId, req.body.traceIds),
  );
  api.get(
    '/api/portfolio/supervisor/:token',
    { config: open, schema: { tags, params: supervisorTokenParams, response: { 200: supervisorPage } } },
    async (req) => supervisorView(ctx, req.params.token),
  );
  api.post(
    '/api/portfolio/supervisor/:token/feedback',
    {
      config: open,
      schema: { tags, params: supervisorTokenParams, body: feedbackBody, response: { 200: supervisorPage } },
    },
    async (req) => submitFeedback(ctx, req.params.token, req.body),
  );
}
