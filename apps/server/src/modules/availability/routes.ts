import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { addCalendar } from './calendars.ts';
import { availabilityView, calendarBody, phraseBody, phraseSaved, phraseView, ruleBody } from './schema.ts';
import { addPhrase, addRule, myAvailability, previewPhrase, removeOwn, rotateFeed } from './service.ts';

// Listed with the meetings in the API description, as they always were.
const tags = ['meetings'];
const orgParams = z.object({ orgId: z.string() });
const created = z.object({ id: z.string() });

/** Each person's own availability, inside an organisation, and their calendar feed address. */
export function availabilityRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/orgs/:orgId/availability',
    { config: { auth: 'user' }, schema: { tags, params: orgParams, response: { 200: availabilityView } } },
    async (req) => myAvailability(ctx, requireUser(req), req.params.orgId),
  );
  api.post(
    '/api/orgs/:orgId/availability/rules',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, body: ruleBody, response: { 201: created } },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await addRule(ctx, requireUser(req), req.params.orgId, req.body) }),
  );
  api.post(
    '/api/orgs/:orgId/availability/phrases/preview',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, body: phraseBody, response: { 200: phraseView } },
    },
    async (req) => previewPhrase(ctx, requireUser(req), req.params.orgId, req.body.text),
  );
  api.post(
    '/api/orgs/:orgId/availability/phrases',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, body: phraseBody, response: { 201: phraseSaved } },
    },
    async (req, reply) =>
      reply.status(201).send(await addPhrase(ctx, requireUser(req), req.params.orgId, req.body.text)),
  );
  api.delete(
    '/api/orgs/:orgId/availability/rules/:ruleId',
    { config: { auth: 'user' }, schema: { tags, params: orgParams.extend({ ruleId: z.string() }) } },
    async (req) => {
      await removeOwn(ctx, requireUser(req), req.params.orgId, 'availability_rules', req.params.ruleId);
      return { ok: true };
    },
  );
  api.post(
    '/api/orgs/:orgId/availability/calendars',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, body: calendarBody, response: { 201: created } },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await addCalendar(ctx, requireUser(req), req.params.orgId, req.body) }),
  );
  api.delete(
    '/api/orgs/:orgId/availability/calendars/:calendarId',
    { config: { auth: 'user' }, schema: { tags, params: orgParams.extend({ calendarId: z.string() }) } },
    async (req) => {
      await removeOwn(ctx, requireUser(req), req.params.orgId, 'calendar_sources', req.params.calendarId);
      return { ok: true };
    },
  );
  api.post(
    '/api/me/calendar-feed',
    { config: { auth: 'user' }, schema: { tags, response: { 200: z.object({ url: z.string() }) } } },
    async (req) => rotateFeed(ctx, requireUser(req)),
  );
}
