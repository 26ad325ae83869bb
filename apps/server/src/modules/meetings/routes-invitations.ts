import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { cancelMeeting, confirmMeeting, feedByToken, icsForViewer } from './invitations.ts';
import { meetingParams, meetingView, tokenParams } from './schema.ts';
import { getMeeting } from './view.ts';

const tags = ['meetings'];

/** Confirmation and cancellation, the invitation file and the personal calendar feed (its address is made with the availability). */
export function invitationRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/feeds/:token',
    { config: { auth: 'public' }, schema: { tags, params: tokenParams } },
    async (req, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .send(await feedByToken(ctx, req.params.token)),
  );
  api.post(
    '/api/meetings/:meetingId/confirm',
    {
      config: { auth: 'user' },
      schema: {
        tags,
        params: meetingParams,
        body: z.object({ optionId: z.string() }),
        response: { 200: meetingView },
      },
    },
    async (req) => {
      const actor = requireUser(req);
      await confirmMeeting(ctx, actor, req.params.meetingId, req.body);
      return getMeeting(ctx, actor, req.params.meetingId);
    },
  );
  api.post(
    '/api/meetings/:meetingId/cancel',
    { config: { auth: 'user' }, schema: { tags, params: meetingParams, response: { 200: meetingView } } },
    async (req) => {
      const actor = requireUser(req);
      await cancelMeeting(ctx, actor, req.params.meetingId);
      return getMeeting(ctx, actor, req.params.meetingId);
    },
  );
  api.get(
    '/api/meetings/:meetingId/invitation',
    { config: { auth: 'user' }, schema: { tags, params: meetingParams } },
    async (req, reply) =>
      reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="invitation.ics"')
        .send(await icsForViewer(ctx, requireUser(req), req.params.meetingId)),
  );
}
