import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import {
  coachingBody,
  coachingParams,
  createdView,
  endBody,
  okView,
  programmeCoaching as programmeCoachingView,
  programmeParams,
} from './schema.ts';
import { createCoaching, endCoaching, programmeCoaching } from './service.ts';

const tags = ['coaching'];
const user = { auth: 'user' as const };

/** Coaching of new tutors: a programme's view and pairing; ending a coaching early. */
export function coachingRoutes(api: Api, ctx: AppContext) {
  const base = '/api/programmes/:programmeId/coaching';
  api.get(
    base,
    { config: user, schema: { tags, params: programmeParams, response: { 200: programmeCoachingView } } },
    async (req) => programmeCoaching(ctx, requireUser(req), req.params.programmeId),
  );
  api.post(
    base,
    {
      config: user,
      schema: { tags, params: programmeParams, body: coachingBody, response: { 201: createdView } },
    },
    async (req, reply) =>
      reply.status(201).send(await createCoaching(ctx, requireUser(req), req.params.programmeId, req.body)),
  );
  api.post(
    '/api/coaching/:coachingId/end',
    { config: user, schema: { tags, params: coachingParams, body: endBody, response: { 200: okView } } },
    async (req) => {
      await endCoaching(ctx, requireUser(req), req.params.coachingId, req.body.note);
      return { ok: true as const };
    },
  );
}
