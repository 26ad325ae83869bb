import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { createEvent, deleteEvent, listEvents, updateEvent } from './events.ts';
import { eventBody, eventParams, eventPatch, eventView, programmeParams } from './schema.ts';

const tags = ['meetings'];

/** Programme events: the sessions a programme holds for all its members. */
export function eventRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/programmes/:programmeId/events',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, response: { 200: z.array(eventView) } },
    },
    async (req) => listEvents(ctx, requireUser(req), req.params.programmeId),
  );
  api.post(
    '/api/programmes/:programmeId/events',
    {
      config: { auth: 'user' },
      schema: { tags, params: programmeParams, body: eventBody, response: { 201: eventView } },
    },
    async (req, reply) =>
      reply.status(201).send(await createEvent(ctx, requireUser(req), req.params.programmeId, req.body)),
  );
  api.patch(
    '/api/programmes/:programmeId/events/:eventId',
    {
      config: { auth: 'user' },
      schema: { tags, params: eventParams, body: eventPatch, response: { 200: eventView } },
    },
    async (req) => updateEvent(ctx, requireUser(req), req.params.programmeId, req.params.eventId, req.body),
  );
  api.delete(
    '/api/programmes/:programmeId/events/:eventId',
    { config: { auth: 'user' }, schema: { tags, params: eventParams } },
    async (req) => {
      await deleteEvent(ctx, requireUser(req), req.params.programmeId, req.params.eventId);
      return { ok: true };
    },
  );
}
