import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { badRequest } from '../../http/errors.ts';
import { requireUser } from '../../http/session.ts';
import type { Api } from '../../http/types.ts';
import '../../notify/notify.ts';
import { loadPreferences, savePreferences } from '../../notify/preferences.ts';
import { smsNumber } from '../../notify/sms.ts';
import { audit } from '../audit/service.ts';
import { notificationsView, preferencesSchema, preferencesView } from '../followup/schema.ts';

const tags = ['notifications'];
const tokenQuery = z.object({ token: z.string().min(10).max(200) });

async function preferencesOf(ctx: AppContext, userId: string) {
  const [p, user] = await Promise.all([
    loadPreferences(ctx.db, userId),
    ctx.db.selectFrom('users').select('phone').where('id', '=', userId).executeTakeFirstOrThrow(),
  ]);
  const { unsubscribeToken: _, ...prefs } = p;
  return { ...prefs, phoneForSms: smsNumber(user.phone) !== null };
}

const page = (lang: 'fr' | 'en', body: string) =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Compagnon</title></head><body style="font-family:system-ui,sans-serif;max-width:520px;margin:48px auto;padding:0 16px;color:#1f2d2a;line-height:1.5">${body}</body></html>`;

export function notificationRoutes(api: Api, ctx: AppContext) {
  api.get(
    '/api/notifications',
    { config: { auth: 'user' }, schema: { tags, response: { 200: notificationsView } } },
    async (req) => {
      const actor = requireUser(req);
      const [items, unread] = await Promise.all([
        ctx.db
          .selectFrom('notifications')
          .selectAll()
          .where('user_id', '=', actor.id)
          .orderBy('created_at', 'desc')
          .limit(100)
          .execute(),
        ctx.db
          .selectFrom('notifications')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('user_id', '=', actor.id)
          .where('read_at', 'is', null)
          .executeTakeFirst(),
      ]);
      return {
        unread: Number(unread?.n ?? 0),
        items: items.map((n) => ({
          id: n.id,
          kind: n.kind,
          title: n.title,
          body: n.body,
          link: n.link,
          orgId: n.org_id,
          createdAt: n.created_at,
          readAt: n.read_at,
        })),
      };
    },
  );

  api.post(
    '/api/notifications/read',
    {
      config: { auth: 'user' },
      schema: { tags, body: z.object({ ids: z.array(z.string()).max(200).optional() }) },
    },
    async (req) => {
      const actor = requireUser(req);
      const ids = req.body.ids;
      await ctx.db
        .updateTable('notifications')
        .set({ read_at: ctx.clock.now().toISOString() })
        .where('user_id', '=', actor.id)
        .where('read_at', 'is', null)
        .$if(ids !== undefined, (q) => q.where('id', 'in', ids && ids.length > 0 ? ids : ['-']))
        .execute();
      return { ok: true };
    },
  );

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
    async (req) => {
      const actor = requireUser(req);
      const current = await preferencesOf(ctx, actor.id);
      const wantsSms = Object.values(req.body.channels).some((c) => c.includes('sms'));
      if (wantsSms && !current.phoneForSms) {
        throw badRequest(
          'phone_required_for_sms',
          'Add a valid mobile number to your profile to receive SMS.',
        );
      }
      await savePreferences(ctx.db, actor.id, req.body, ctx.clock.now());
      return preferencesOf(ctx, actor.id);
    },
  );

  // List-Unsubscribe: the link opens a confirmation page (GET changes nothing, so link scanners
  // do not unsubscribe people); the button and mail clients' one-click POST switch e-mails off.
  api.get(
    '/api/notifications/unsubscribe',
    { config: { auth: 'public' }, schema: { tags, querystring: tokenQuery } },
    async (req, reply) => {
      const row = await ctx.db
        .selectFrom('notification_prefs')
        .innerJoin('users', 'users.id', 'notification_prefs.user_id')
        .select(['users.locale'])
        .where('unsubscribe_token', '=', req.query.token)
        .executeTakeFirst();
      const lang = row?.locale?.startsWith('en') ? 'en' : 'fr';
      const body = !row
        ? lang === 'fr'
          ? '<h1>Lien inconnu</h1><p>Ce lien de désinscription n’est pas valable.</p>'
          : '<h1>Unknown link</h1><p>This unsubscribe link is not valid.</p>'
        : `<h1>${lang === 'fr' ? 'Ne plus recevoir d’e-mails de Compagnon' : 'Stop e-mails from Compagnon'}</h1><p>${
            lang === 'fr'
              ? 'Vous continuerez à voir vos notifications dans Compagnon.'
              : 'You will still see your notifications in Compagnon.'
          }</p><form method="post"><button type="submit" style="padding:10px 16px">${
            lang === 'fr' ? 'Confirmer' : 'Confirm'
          }</button></form>`;
      return reply
        .status(row ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(page(lang, body));
    },
  );

  api.post(
    '/api/notifications/unsubscribe',
    { config: { auth: 'public' }, schema: { tags, querystring: tokenQuery } },
    async (req, reply) => {
      const row = await ctx.db
        .selectFrom('notification_prefs')
        .innerJoin('users', 'users.id', 'notification_prefs.user_id')
        .select(['users.id', 'users.locale'])
        .where('unsubscribe_token', '=', req.query.token)
        .executeTakeFirst();
      if (!row)
        return reply.status(404).type('text/html; charset=utf-8').send(page('fr', '<h1>Lien inconnu</h1>'));
      const now = ctx.clock.now();
      await ctx.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('notification_prefs')
          .set({ email_off: 1, updated_at: now.toISOString() })
          .where('user_id', '=', row.id)
          .execute();
        await audit(trx, now, { actorId: row.id, action: 'notifications.unsubscribed' });
      });
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
