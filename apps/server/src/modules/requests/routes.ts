import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requestLanguage } from '../../http/errors.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { confirm, joinPage, linkPage, submit, withdraw } from './public.ts';
import {
  acceptBody,
  declineBody,
  joinBody,
  joinPageView,
  joinRequestParams,
  linkView,
  programmeParams,
  queueView,
  settingsBody,
  submittedView,
  tokenParams,
} from './schema.ts';
import { accept, decline, queue, setOpen } from './service.ts';

const tags = ['requests'];
// The public routes are limited per address as the sign-in routes are.
const open = { auth: 'public' as const, rateLimit: { max: 20, timeWindow: '1 minute' } };
const user = { auth: 'user' as const };
const ok = z.object({ ok: z.literal(true) });

const lang = (req: FastifyRequest) =>
  requestLanguage(req.headers['accept-language'], req.actor?.kind === 'user' ? req.actor.locale : undefined);

/** Requests to join a programme: its public page and the person's link; the coordination's queue. */
export function requestRoutes(api: Api, ctx: AppContext) {
  publicRoutes(api, ctx);
  queueRoutes(api, ctx);
}

function publicRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/join/:programmeId',
    { config: open, schema: { tags, params: programmeParams, response: { 200: joinPageView } } },
    async (req) => joinPage(ctx, req.params.programmeId, lang(req)),
  );
  api.post(
    '/api/join/:programmeId',
    {
      config: open,
      schema: { tags, params: programmeParams, body: joinBody, response: { 201: submittedView } },
    },
    async (req, reply) =>
      reply.status(201).send(await submit(ctx, req.params.programmeId, req.body, lang(req))),
  );
  api.get(
    '/api/join-link/:token',
    { config: open, schema: { tags, params: tokenParams, response: { 200: linkView } } },
    async (req) => linkPage(ctx, req.params.token, lang(req)),
  );
  api.post(
    '/api/join-link/:token/confirm',
    { config: open, schema: { tags, params: tokenParams, response: { 200: linkView } } },
    async (req) => confirm(ctx, req.params.token, lang(req)),
  );
  api.post(
    '/api/join-link/:token/withdraw',
    { config: open, schema: { tags, params: tokenParams, response: { 200: linkView } } },
    async (req) => withdraw(ctx, req.params.token, lang(req)),
  );
}

function queueRoutes(api: Api, ctx: AppContext) {
  const base = '/api/programmes/:programmeId/join-requests';
  api.get(
    base,
    { config: user, schema: { tags, params: programmeParams, response: { 200: queueView } } },
    async (req) => queue(ctx, requireUser(req), req.params.programmeId, lang(req)),
  );
  api.put(
    `${base}/settings`,
    {
      config: user,
      schema: { tags, params: programmeParams, body: settingsBody, response: { 200: queueView } },
    },
    async (req) => {
      const actor = requireUser(req);
      await setOpen(ctx, actor, req.params.programmeId, req.body.open);
      return queue(ctx, actor, req.params.programmeId, lang(req));
    },
  );
  api.post(
    `${base}/:joinRequestId/accept`,
    { config: user, schema: { tags, params: joinRequestParams, body: acceptBody, response: { 200: ok } } },
    async (req) => {
      const { programmeId, joinRequestId } = req.params;
      await accept(ctx, requireUser(req), programmeId, joinRequestId, req.body.overrideReason);
      return { ok: true as const };
    },
  );
  api.post(
    `${base}/:joinRequestId/decline`,
    { config: user, schema: { tags, params: joinRequestParams, body: declineBody, response: { 200: ok } } },
    async (req) => {
      const { programmeId, joinRequestId } = req.params;
      await decline(ctx, requireUser(req), programmeId, joinRequestId, req.body.message);
      return { ok: true as const };
    },
  );
}
