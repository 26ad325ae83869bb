import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { cancelRegistration, register } from './register.ts';
import {
  attendanceBody,
  createdView,
  okView,
  programmeParams,
  programmeTraining as programmeTrainingView,
  sessionBody,
  sessionDetail as sessionDetailView,
  sessionParams,
  sessionPatch,
} from './schema.ts';
import {
  cancelSession,
  createSession,
  programmeTraining,
  recordAttendance,
  sessionDetail,
  updateSession,
} from './service.ts';

const tags = ['training'];
const user = { auth: 'user' as const };
const ok = { ok: true as const };

/** Training sessions: a programme's list and publishing; a session, its registrations and attendance. */
export function trainingRoutes(api: Api, ctx: AppContext) {
  const base = '/api/programmes/:programmeId/training';
  api.get(
    base,
    { config: user, schema: { tags, params: programmeParams, response: { 200: programmeTrainingView } } },
    async (req) => programmeTraining(ctx, requireUser(req), req.params.programmeId),
  );
  api.post(
    base,
    {
      config: user,
      schema: { tags, params: programmeParams, body: sessionBody, response: { 201: createdView } },
    },
    async (req, reply) =>
      reply.status(201).send(await createSession(ctx, requireUser(req), req.params.programmeId, req.body)),
  );
  sessionRoutes(api, ctx);
}

function sessionRoutes(api: Api, ctx: AppContext) {
  const one = '/api/training/:sessionId';
  api.get(
    one,
    { config: user, schema: { tags, params: sessionParams, response: { 200: sessionDetailView } } },
    async (req) => sessionDetail(ctx, requireUser(req), req.params.sessionId),
  );
  api.put(
    one,
    { config: user, schema: { tags, params: sessionParams, body: sessionPatch, response: { 200: okView } } },
    async (req) => {
      await updateSession(ctx, requireUser(req), req.params.sessionId, req.body);
      return ok;
    },
  );
  api.post(
    `${one}/cancel`,
    { config: user, schema: { tags, params: sessionParams, response: { 200: okView } } },
    async (req) => {
      await cancelSession(ctx, requireUser(req), req.params.sessionId);
      return ok;
    },
  );
  api.put(
    `${one}/attendance`,
    {
      config: user,
      schema: { tags, params: sessionParams, body: attendanceBody, response: { 200: okView } },
    },
    async (req) => {
      await recordAttendance(ctx, requireUser(req), req.params.sessionId, req.body.attendance);
      return ok;
    },
  );
  api.post(
    `${one}/registration`,
    { config: user, schema: { tags, params: sessionParams, response: { 200: okView } } },
    async (req) => {
      await register(ctx, requireUser(req), req.params.sessionId);
      return ok;
    },
  );
  api.delete(
    `${one}/registration`,
    { config: user, schema: { tags, params: sessionParams, response: { 200: okView } } },
    async (req) => {
      await cancelRegistration(ctx, requireUser(req), req.params.sessionId);
      return ok;
    },
  );
}
