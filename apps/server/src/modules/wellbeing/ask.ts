import type { AppContext } from '../../context.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import { deliverOnce } from '../../notify/deliver.ts';
import { messageIdFor } from '../../notify/notify.ts';
import { loadPreferences, unsubscribeToken } from '../../notify/preferences.ts';
import { smsNumber, smsProvider } from '../../notify/sms.ts';
import { langOf, renderMail } from '../../notify/templates.ts';
import { askTexts } from './texts.ts';

const DAY = 86_400_000;
export const checkinPage = (id: string) => `/point/${id}`;

/** The check-in with what asking it needs: its person, their contact details and the programme. */
function checkinToAsk(ctx: AppContext, checkinId: string) {
  return ctx.db
    .selectFrom('checkins')
    .innerJoin('users as u', 'u.id', 'checkins.user_id')
    .innerJoin('programmes as p', 'p.id', 'checkins.programme_id')
    .select([
      'checkins.id',
      'checkins.org_id',
      'checkins.user_id',
      'checkins.answered_at',
      'checkins.expires_at',
      'u.email',
      'u.name',
      'u.locale',
      'u.phone',
      'u.disabled_at',
      'p.name as programme',
      'p.template',
    ])
    .where('checkins.id', '=', checkinId)
    .executeTakeFirst();
}

/**
 * Asks one check-in: an in-app notice (to the signed-in page), and by the channels the tutee
 * chose for reminders an e-mail or SMS carrying a private link that needs no sign-in. The link's
 * secret is made when the first of them is really sent; nothing is sent for a check-in answered
 * or closed meanwhile.
 */
export async function askCheckin(ctx: AppContext, now: Date, checkinId: string): Promise<void> {
  const c = await checkinToAsk(ctx, checkinId);
  if (!c || c.answered_at || c.disabled_at || c.expires_at <= now.toISOString()) return;
  const lang = langOf(c.locale);
  const days = Math.max(1, Math.round((Date.parse(c.expires_at) - now.getTime()) / DAY));
  const t = askTexts(lang, { programme: c.programme, template: c.template, days });
  const base = { orgId: c.org_id, userId: c.user_id, kind: 'wellbeing.checkin' };
  const key = `wellbeing.ask:${c.id}`;

  await deliverOnce(ctx.db, now, { ...base, key: `${key}:inapp`, channel: 'inapp' }, async () => {
    await ctx.db
      .insertInto('notifications')
      .values({
        id: newId(),
        user_id: c.user_id,
        org_id: c.org_id,
        kind: 'reminder',
        title: t.title,
        body: t.body,
        link: checkinPage(c.id),
        created_at: now.toISOString(),
        read_at: null,
      })
      .execute();
    return 'sent';
  });

  const prefs = await loadPreferences(ctx.db, c.user_id);
  const wanted = new Set(prefs.channels.reminder);
  const email = wanted.has('email') && !prefs.emailOff;
  const sms = wanted.has('sms') ? smsNumber(c.phone) : null;
  let link: string | null = null;
  const privateLink = async () => {
    if (link) return link;
    const token = newSecret();
    await ctx.db
      .updateTable('checkins')
      .set({ token_hash: hashSecret(token) })
      .where('id', '=', c.id)
      .execute();
    link = `${ctx.config.publicUrl}/point?token=${token}`;
    return link;
  };

  if (email) {
    await deliverOnce(ctx.db, now, { ...base, key: `${key}:email`, channel: 'email' }, async () => {
      const mail = renderMail({
        to: c.email,
        name: c.name,
        lang,
        subject: t.title,
        paragraphs: [t.body],
        link: await privateLink(),
        publicUrl: ctx.config.publicUrl,
        unsubscribeToken: await unsubscribeToken(ctx.db, c.user_id, now),
      });
      await ctx.mailer.send({
        ...mail,
        headers: { ...mail.headers, 'Message-ID': messageIdFor(`${key}:email`) },
      });
      return 'sent';
    });
  }
  if (sms) {
    await deliverOnce(ctx.db, now, { ...base, key: `${key}:sms`, channel: 'sms' }, async () => {
      await smsProvider().send({ to: sms, text: `${t.sms} ${await privateLink()}`, reference: key });
      return 'sent';
    });
  }
}
