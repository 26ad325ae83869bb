import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { programmeContinuity, teamContinuity, teamLeave } from './continuity.ts';
import { accept, assign, changeProposal, decline } from './covers.ts';
import {
  absenceParams,
  backupBody,
  continuityView,
  coordinationView,
  coverParams,
  declareBody,
  editBody,
  memberView,
  programmeParams,
  shortenBody,
  teamLeaveView,
  teamParams,
} from './schema.ts';
import { cancel, declare, edit, send, shorten } from './service.ts';
import * as views from './views.ts';

const tags = ['absences'];
const user = { auth: 'user' as const };
const ok = z.object({ ok: z.literal(true) });
const created = z.object({ id: z.string() });
const done = { ok: true as const };

/** Leave and replacement: a tutor's absences, the backups' answers, the coordination's view, continuity. */
export function absenceRoutes(api: Api, ctx: AppContext) {
  absenceOwnerRoutes(api, ctx);
  coverRoutes(api, ctx);
  overviewRoutes(api, ctx);
}

function absenceOwnerRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/programmes/:programmeId/absences',
    { config: user, schema: { tags, params: programmeParams, response: { 200: memberView } } },
    async (req) => views.memberView(ctx, requireUser(req), req.params.programmeId),
  );
  api.post(
    '/api/programmes/:programmeId/absences',
    {
      config: user,
      schema: { tags, params: programmeParams, body: declareBody, response: { 201: created } },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await declare(ctx, requireUser(req), req.params.programmeId, req.body) }),
  );
  api.put(
    '/api/absences/:absenceId',
    { config: user, schema: { tags, params: absenceParams, body: editBody, response: { 200: ok } } },
    async (req) => {
      await edit(ctx, requireUser(req), req.params.absenceId, req.body);
      return done;
    },
  );
  api.post(
    '/api/absences/:absenceId/shorten',
    { config: user, schema: { tags, params: absenceParams, body: shortenBody, response: { 200: ok } } },
    async (req) => {
      await shorten(ctx, requireUser(req), req.params.absenceId, req.body.endOn);
      return done;
    },
  );
  api.post(
    '/api/absences/:absenceId/cancel',
    { config: user, schema: { tags, params: absenceParams, response: { 200: ok } } },
    async (req) => {
      await cancel(ctx, requireUser(req), req.params.absenceId);
      return done;
    },
  );
  api.post(
    '/api/absences/:absenceId/send',
    { config: user, schema: { tags, params: absenceParams, response: { 200: ok } } },
    async (req) => {
      await send(ctx, requireUser(req), req.params.absenceId);
      return done;
    },
  );
}

function coverRoutes(api: Api, ctx: AppContext) {
  api.put(
    '/api/absence-covers/:coverId/proposal',
    { config: user, schema: { tags, params: coverParams, body: backupBody, response: { 200: ok } } },
    async (req) => {
      await changeProposal(ctx, requireUser(req), req.params.coverId, req.body.backupId);
      return done;
    },
  );
  api.post(
    '/api/absence-covers/:coverId/accept',
    { config: user, schema: { tags, params: coverParams, response: { 200: ok } } },
    async (req) => {
      await accept(ctx, requireUser(req), req.params.coverId);
      return done;
    },
  );
  api.post(
    '/api/absence-covers/:coverId/decline',
    { config: user, schema: { tags, params: coverParams, response: { 200: ok } } },
    async (req) => {
      await decline(ctx, requireUser(req), req.params.coverId);
      return done;
    },
  );
  api.put(
    '/api/absence-covers/:coverId/backup',
    { config: user, schema: { tags, params: coverParams, body: backupBody, response: { 200: ok } } },
    async (req) => {
      await assign(ctx, requireUser(req), req.params.coverId, req.body.backupId);
      return done;
    },
  );
}

function overviewRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/programmes/:programmeId/absences/coordination',
    { config: user, schema: { tags, params: programmeParams, response: { 200: coordinationView } } },
    async (req) => views.coordinationView(ctx, requireUser(req), req.params.programmeId),
  );
  api.get(
    '/api/programmes/:programmeId/continuity',
    { config: user, schema: { tags, params: programmeParams, response: { 200: continuityView } } },
    async (req) => programmeContinuity(ctx, requireUser(req), req.params.programmeId),
  );
  api.get(
    '/api/teams/:teamId/continuity',
    { config: user, schema: { tags, params: teamParams, response: { 200: continuityView } } },
    async (req) => teamContinuity(ctx, requireUser(req), req.params.teamId),
  );
  api.get(
    '/api/teams/:teamId/leave',
    { config: user, schema: { tags, params: teamParams, response: { 200: teamLeaveView } } },
    async (req) => teamLeave(ctx, requireUser(req), req.params.teamId),
  );
}
