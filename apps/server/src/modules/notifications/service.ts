import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { refuse } from '../../http/errors.ts';
import { hashSecret } from '../../lib/ids.ts';
import { loadPreferences, savePreferences } from '../../notify/preferences.ts';
import { smsNumber } from '../../notify/sms.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import type { preferencesSchema } from '../followup/schema.ts';

/** The actor's last hundred notifications, newest first, and how many are unread. */
export async function notificationsOf(ctx: AppContext, actor: UserActor) {
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
}

/** Marks the given notifications of the actor as read, or all of them without ids. */
export async function markRead(ctx: AppContext, actor: UserActor, ids: string[] | undefined) {
  await ctx.db
    .updateTable('notifications')
    .set({ read_at: ctx.clock.now().toISOString() })
    .where('user_id', '=', actor.id)
    .where('read_at', 'is', null)
    .$if(ids !== undefined, (q) => q.where('id', 'in', ids && ids.length > 0 ? ids : ['-']))
    .execute();
}

export async function preferencesOf(ctx: AppContext, userId: string) {
  const [p, user] = await Promise.all([
    loadPreferences(ctx.db, userId),
    ctx.db.selectFrom('users').select('phone').where('id', '=', userId).executeTakeFirstOrThrow(),
  ]);
  const { unsubscribeToken: _, ...prefs } = p;
  return { ...prefs, phoneForSms: smsNumber(user.phone) !== null };
}

/** Saves the actor's preferences; SMS needs a mobile number the providers can reach. */
export async function setPreferences(
  ctx: AppContext,
  actor: UserActor,
  body: z.infer<typeof preferencesSchema>,
) {
  const current = await preferencesOf(ctx, actor.id);
  const wantsSms = Object.values(body.channels).some((c) => c.includes('sms'));
  if (wantsSms && !current.phoneForSms) {
    throw refuse(400, 'phone_required_for_sms');
  }
  await savePreferences(ctx.db, actor.id, body, ctx.clock.now());
  return preferencesOf(ctx, actor.id);
}

/**
 * Who an unsubscribe link belongs to (their id and locale), if anyone: a link of one e-mail (kept
 * hashed in `tokens`, within its year), or a per-person link of the e-mails sent before links
 * were per e-mail (kept hashed in the preferences).
 */
export async function unsubscribeHolder(ctx: AppContext, token: string) {
  const hash = hashSecret(token);
  const fromMail = await ctx.db
    .selectFrom('tokens')
    .innerJoin('users', 'users.id', 'tokens.user_id')
    .select(['users.id', 'users.locale'])
    .where('tokens.kind', '=', 'unsubscribe')
    .where('tokens.token_hash', '=', hash)
    .where('tokens.expires_at', '>', ctx.clock.now().toISOString())
    .executeTakeFirst();
  if (fromMail) return fromMail;
  return ctx.db
    .selectFrom('notification_prefs')
    .innerJoin('users', 'users.id', 'notification_prefs.user_id')
    .select(['users.id', 'users.locale'])
    .where('unsubscribe_token', '=', hash)
    .executeTakeFirst();
}

/** Switches e-mails off for the link's holder; returns their locale, or null for an unknown link. */
export async function unsubscribe(ctx: AppContext, token: string) {
  const row = await unsubscribeHolder(ctx, token);
  if (!row) return null;
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('notification_prefs')
      .set({ email_off: 1, updated_at: now.toISOString() })
      .where('user_id', '=', row.id)
      .execute();
    await audit(trx, now, { actorId: row.id, action: 'notifications.unsubscribed' });
  });
  return { locale: row.locale };
}
