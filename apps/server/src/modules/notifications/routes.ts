import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { nextFor } from './next.ts';
import { confirmationPage, unknownLinkPage, unsubscribedPage } from './pages.ts';
import {
  markReadBody,
  nextView,
  notificationsView,
  preferencesSchema,
  preferencesView,
  tokenQuery,
} from './schema.ts';
import {
  markRead,
  notificationsOf,
  preferencesOf,
  setPreferences,
  unsubscribe,
  unsubscribeHolder,
} from './service.ts';

const tags = ['notifications'];

/** The signed-in person's notifications and preferences, and the unsubscribe links of e-mails. */
export function notificationRoutes(api: Api, ctx: AppContext) {
  inboxRoutes(api, ctx);
  preferenceRoutes(api, ctx);
  unsubscribeRoutes(api, ctx);
}

/** The notifications, the home page's "to do / coming up" list, marking notifications read. */
function inboxRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/notifications',
    { config: { auth: 'user' }, schema: { tags, response: { 200: notificationsView } } },
    async (req) => notificationsOf(ctx, requireUser(req)),
  );

  api.get(
    '/api/me/next',
    { config: { auth: 'user' }, schema: { tags, response: { 200: nextView } } },
    async (req) => nextFor(ctx, requireUser(req)),
  );

  api.post(
    '/api/notifications/read',
    {
      config: { auth: 'user' },
      schema: { tags, body: markReadBody },
    },
    async (req) => {
      await markRead(ctx, requireUser(req), req.body.ids);
      return { ok: true };
    },
  );
}

function preferenceRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/me/notification-preferences',
    { config: { auth: 'user' }, schema: { tags, response: { 200: preferencesView } } },
    async (req) => preferencesOf(ctx, requireUser(req).id),
  );

  api.put(
    '/api/me/notification-preferences',
    {
      config: { auth: 'user' },
      schema: { tags, body: preferencesSchema, response: { 200: preferencesView } },
    },
    async (req) => setPreferences(ctx, requireUser(req), req.body),
  );
}

/**
 * List-Unsubscribe: the link opens a confirmation page (GET changes nothing, so link scanners do
 * not unsubscribe people); the button and mail clients' one-click POST switch e-mails off.
 */
function unsubscribeRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/notifications/unsubscribe',
    { config: { auth: 'public' }, schema: { tags, querystring: tokenQuery } },
    async (req, reply) => {
      const row = await unsubscribeHolder(ctx, req.query.token);
      const lang = row?.locale?.startsWith('en') ? 'en' : 'fr';
      return reply
        .status(row ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(confirmationPage(lang, !!row));
    },
  );

  api.post(
    '/api/notifications/unsubscribe',
    { config: { auth: 'public' }, schema: { tags, querystring: tokenQuery } },
    async (req, reply) => {
      const row = await unsubscribe(ctx, req.query.token);
      if (!row) return reply.status(404).type('text/html; charset=utf-8').send(unknownLinkPage());
      const lang = row.locale?.startsWith('en') ? 'en' : 'fr';
      return reply.type('text/html; charset=utf-8').send(unsubscribedPage(lang));
    },
  );
}
