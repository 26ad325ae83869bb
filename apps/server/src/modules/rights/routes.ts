import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { exportPdf } from './document.ts';
import {
  declineBody,
  erasureBody,
  idParams,
  myErasureView,
  okView,
  orgParams,
  pendingErasureView,
} from './schema.ts';
import {
  cancelErasure,
  decideErasure,
  documentZone,
  exportData,
  myErasure,
  pendingErasures,
  requestErasure,
} from './service.ts';

const tags = ['data rights'];

/** The person's own data (export, erasure request) and the admins' decisions on erasures. */
export function rightsRoutes(api: Api, ctx: AppContext) {
  exportRoutes(api, ctx);
  ownErasureRoutes(api, ctx);
  erasureDecisionRoutes(api, ctx);
}

/** The person's data, as a JSON file or a PDF. */
function exportRoutes(api: Api, ctx: AppContext) {
  api.get('/api/me/data/export.json', { config: { auth: 'user' }, schema: { tags } }, async (req, reply) => {
    const actor = requireUser(req);
    const data = await exportData(ctx, actor, 'json', req.ip);
    const day = ctx.clock.now().toISOString().slice(0, 10);
    return reply
      .type('application/json; charset=utf-8')
      .header('content-disposition', `attachment; filename="compagnon-mes-donnees-${day}.json"`)
      .send(JSON.stringify({ exportedAt: ctx.clock.now().toISOString(), ...data }, null, 2));
  });

  api.get('/api/me/data/export.pdf', { config: { auth: 'user' }, schema: { tags } }, async (req, reply) => {
    const actor = requireUser(req);
    const data = await exportData(ctx, actor, 'pdf', req.ip);
    const day = ctx.clock.now().toISOString().slice(0, 10);
    const name = actor.locale.startsWith('en') ? 'my-data' : 'mes-donnees';
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="compagnon-${name}-${day}.pdf"`)
      .send(await exportPdf(data, actor.locale, documentZone(data), ctx.clock.now()));
  });
}

/** The person's own erasure request: read, ask, cancel. */
function ownErasureRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/me/data/erasure',
    { config: { auth: 'user' }, schema: { tags, response: { 200: myErasureView } } },
    async (req) => myErasure(ctx, requireUser(req)),
  );

  api.post(
    '/api/me/data/erasure',
    { config: { auth: 'user' }, schema: { tags, body: erasureBody, response: { 201: myErasureView } } },
    async (req, reply) =>
      reply.status(201).send(await requestErasure(ctx, requireUser(req), req.body, req.ip)),
  );

  api.delete(
    '/api/me/data/erasure',
    { config: { auth: 'user' }, schema: { tags, response: { 200: myErasureView } } },
    async (req) => cancelErasure(ctx, requireUser(req)),
  );
}

/** An organisation's admins read the requests waiting for them, and confirm or decline each. */
function erasureDecisionRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/orgs/:orgId/erasure-requests',
    {
      config: { auth: 'user' },
      schema: { tags, params: orgParams, response: { 200: z.array(pendingErasureView) } },
    },
    async (req) => pendingErasures(ctx, requireUser(req), req.params.orgId),
  );

  api.post(
    '/api/orgs/:orgId/erasure-requests/:requestId/confirm',
    { config: { auth: 'user' }, schema: { tags, params: idParams, response: { 200: okView } } },
    async (req) => {
      await decideErasure(
        ctx,
        requireUser(req),
        req.params.orgId,
        req.params.requestId,
        { confirm: true },
        req.ip,
      );
      return { ok: true as const };
    },
  );

  api.post(
    '/api/orgs/:orgId/erasure-requests/:requestId/decline',
    {
      config: { auth: 'user' },
      schema: { tags, params: idParams, body: declineBody, response: { 200: okView } },
    },
    async (req) => {
      await decideErasure(
        ctx,
        requireUser(req),
        req.params.orgId,
        req.params.requestId,
        { confirm: false, reason: req.body.reason },
        req.ip,
      );
      return { ok: true as const };
    },
  );
}
