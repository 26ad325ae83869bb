import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { acceptMove, approveMove, closeMove, proposeMove } from './moves.ts';
import { closeOverload, raiseOverload } from './overload.ts';
import { getTeamReport, saveTeamReport } from './reports.ts';
import {
  closeBody,
  created,
  meetingParams,
  messageBody,
  moveBody,
  moveParams,
  ok,
  overloadBody,
  overloadParams,
  postedView,
  reportView,
  teamParams,
  teamReportContent,
  threadView,
} from './schema.ts';
import { postTeamMessage, readTeamThread } from './thread.ts';

const tags = ['teams'];
const user = { auth: 'user' as const };

/** The members' work: thread, team meeting reports, overload requests, tutee moves. */
export function teamWorkRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/teams/:teamId/messages',
    { config: user, schema: { tags, params: teamParams, response: { 200: threadView } } },
    async (req) => readTeamThread(ctx, requireUser(req), req.params.teamId),
  );
  api.post(
    '/api/teams/:teamId/messages',
    { config: user, schema: { tags, params: teamParams, body: messageBody, response: { 201: postedView } } },
    async (req, reply) =>
      reply.status(201).send(await postTeamMessage(ctx, requireUser(req), req.params.teamId, req.body.body)),
  );
  api.get(
    '/api/teams/:teamId/meetings/:teamMeetingId/report',
    { config: user, schema: { tags, params: meetingParams, response: { 200: reportView } } },
    async (req) => getTeamReport(ctx, requireUser(req), req.params.teamId, req.params.teamMeetingId),
  );
  api.put(
    '/api/teams/:teamId/meetings/:teamMeetingId/report',
    {
      config: user,
      schema: { tags, params: meetingParams, body: teamReportContent, response: { 200: reportView } },
    },
    async (req) =>
      saveTeamReport(ctx, requireUser(req), req.params.teamId, req.params.teamMeetingId, req.body),
  );
  api.post(
    '/api/teams/:teamId/overloads',
    { config: user, schema: { tags, params: teamParams, body: overloadBody, response: { 201: created } } },
    async (req, reply) =>
      reply.status(201).send(await raiseOverload(ctx, requireUser(req), req.params.teamId, req.body.message)),
  );
  api.post(
    '/api/teams/:teamId/overloads/:overloadId/close',
    { config: user, schema: { tags, params: overloadParams, body: closeBody, response: { 200: ok } } },
    async (req) => {
      await closeOverload(ctx, requireUser(req), req.params.teamId, req.params.overloadId, req.body.note);
      return { ok: true as const };
    },
  );
  api.post(
    '/api/teams/:teamId/moves',
    { config: user, schema: { tags, params: teamParams, body: moveBody, response: { 201: created } } },
    async (req, reply) =>
      reply.status(201).send(await proposeMove(ctx, requireUser(req), req.params.teamId, req.body)),
  );
  for (const step of ['accept', 'approve', 'decline', 'cancel'] as const) {
    api.post(
      `/api/teams/:teamId/moves/:moveId/${step}`,
      { config: user, schema: { tags, params: moveParams, response: { 200: ok } } },
      async (req) => {
        const actor = requireUser(req);
        const { teamId, moveId } = req.params;
        if (step === 'accept') await acceptMove(ctx, actor, teamId, moveId);
        else if (step === 'approve') await approveMove(ctx, actor, teamId, moveId);
        else await closeMove(ctx, actor, teamId, moveId, step);
        return { ok: true as const };
      },
    );
  }
}
