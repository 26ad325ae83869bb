import type { AppContext } from '../../context.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import { nextFor } from './next.ts';
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

const page = (lang: 'fr' | 'en', body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Compagnon</title></head><body style="font-family:system-ui,sans-serif;max-width:520px;margin:48px auto;padding:0 16px;color:#1f2d2a;line-height:1.5">${body}</body></html>`;

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
        .send(page(lang, confirmationBody(lang, !!row)));
    },
  );

  api.post(
    '/api/notifications/unsubscribe',
    { config: { auth: 'public' }, schema: { tags, querystring: tokenQuery } },
    async (req, reply) => {
      const row = await unsubscribe(ctx, req.query.token);
      if (!row)
        return reply.status(404).type('text/html; charset=utf-8').send(page('fr', '<h1>Lien inconnu</h1>'));
      const lang = row.locale?.startsWith('en') ? 'en' : 'fr';
      return reply
        .type('text/html; charset=utf-8')
        .send(
          page(
            lang,
            lang === 'fr'
              ? '<h1>C’est fait</h1><p>Vous ne recevrez plus d’e-mails de Compagnon. Vous pouvez changer d’avis dans vos préférences de notification.</p>'
              : '<h1>Done</h1><p>You will not receive e-mails from Compagnon any more. You can change your mind in your notification preferences.</p>',
          ),
        );
    },
  );
}

/** The confirmation page's content: a button to confirm, or why the link does not work. */
function confirmationBody(lang: 'fr' | 'en', known: boolean): string {
  if (!known)
    return lang === 'fr'
      ? '<h1>Lien inconnu</h1><p>Ce lien de désinscription n’est pas valable.</p>'
      : '<h1>Unknown link</h1><p>This unsubscribe link is not valid.</p>';
  return `<h1>${lang === 'fr' ? 'Ne plus recevoir d’e-mails de Compagnon' : 'Stop e-mails from Compagnon'}</h1><p>${
    lang === 'fr'
      ? 'Vous continuerez à voir vos notifications dans Compagnon.'
      : 'You will still see your notifications in Compagnon.'
  }</p><form method="post"><button type="submit" style="padding:10px 16px">${
    lang === 'fr' ? 'Confirmer' : 'Confirm'
  }</button></form>`;
}
