import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { messageBody, myThreadsView, pairingParams, postedView, threadView } from './schema.ts';
import { myThreads, postMessage, readThread } from './service.ts';

const tags = ['threads'];

/** A pair's thread: the tutee and their tutor write to each other, at any time. */
export function threadRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/me/threads',
    { config: { auth: 'user' }, schema: { tags, response: { 200: myThreadsView } } },
    async (req) => myThreads(ctx, requireUser(req)),
  );

  api.get(
    '/api/pairings/:pairingId/messages',
    { config: { auth: 'user' }, schema: { tags, params: pairingParams, response: { 200: threadView } } },
    async (req) => readThread(ctx, requireUser(req), req.params.pairingId),
  );

  api.post(
    '/api/pairings/:pairingId/messages',
    {
      config: { auth: 'user' },
      schema: { tags, params: pairingParams, body: messageBody, response: { 201: postedView } },
    },
    async (req, reply) =>
      reply.status(201).send(await postMessage(ctx, requireUser(req), req.params.pairingId, req.body.body)),
  );
}
