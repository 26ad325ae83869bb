import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { updateMeeting } from './invitations.ts';
import {
  created,
  meetingBody,
  meetingParams,
  meetingPatch,
  meetingView,
  programmeMeetingsView,
  programmeParams,
  slotsBody,
  slotsView,
} from './schema.ts';
import { createMeeting, programmeMeetings, slotsFor } from './service.ts';
import { getMeeting } from './view.ts';

const tags = ['meetings'];

/** A programme's meetings: the list, the slot finder, a new meeting, one meeting read and changed. */
export function schedulingRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/programmes/:programmeId/meetings',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, response: { 200: programmeMeetingsView } },
    },
    async (req) => programmeMeetings(ctx, requireUser(req), req.params.programmeId),
  );
  api.post(
    '/api/programmes/:programmeId/slots',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: slotsBody, response: { 200: slotsView } },
    },
    async (req) => slotsFor(ctx, requireUser(req), req.params.programmeId, req.body),
  );
  api.post(
    '/api/programmes/:programmeId/meetings',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: meetingBody, response: { 201: created } },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send({ id: await createMeeting(ctx, requireUser(req), req.params.programmeId, req.body) }),
  );
  api.get(
    '/api/meetings/:meetingId',
    { config: { auth: 'user' }, schema: { tags, params: meetingParams, response: { 200: meetingView } } },
    async (req) => getMeeting(ctx, requireUser(req), req.params.meetingId),
  );
  api.patch(
    '/api/meetings/:meetingId',
    {
      config: { auth: 'user' },
      schema: { tags, params: meetingParams, body: meetingPatch, response: { 200: meetingView } },
    },
    async (req) => {
      const actor = requireUser(req);
      await updateMeeting(ctx, actor, req.params.meetingId, req.body);
      return getMeeting(ctx, actor, req.params.meetingId);
    },
  );
}
