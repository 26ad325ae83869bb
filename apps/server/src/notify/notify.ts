import { DateTime } from 'luxon';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { defineJob, enqueue, noPayload } from '../jobs/registry.ts';
import { newId } from '../lib/ids.ts';
import { type DeliveryRecord, deliverOnce } from './deliver.ts';
import {
  loadPreferences,
  type NotificationKind,
  notificationKinds,
  quietUntil,
  unsubscribeToken,
} from './preferences.ts';
import { smsNumber, smsProvider } from './sms.ts';
import { digestTexts, langOf, renderMail } from './templates.ts';

const localized = z.object({ title: z.string(), body: z.string() });
const notifyPayload = z.object({
  userId: z.string(),
  orgId: z.string().nullable(),
  kind: z.enum(notificationKinds),
  /** Names this message: the same key is delivered once per channel, however often it is sent. */
  key: z.string(),
  link: z.string().nullable(),
  content: z.object({ fr: localized, en: localized }),
  /** An address the e-mail's answers go to (Reply-To), e.g. an announcement's coordinator. */
  replyTo: z.string().email().optional(),
});
export type Notice = z.infer<typeof notifyPayload>;

/**
 * Sends a notice to one person through the channels they chose: in-app always, then e-mail and
 * SMS now, after their quiet hours, or in their weekly digest. Call it inside the transaction of the
 * change that causes it; it only enqueues a job (deduplicated by the notice's key).
 */
export async function notify(db: Db, notice: Notice, now: Date): Promise<void> {
  await enqueue(db, sendNotice, notice, { runAt: now, dedupeKey: `notify:${notice.key}`, now });
}

/** In-app always; then e-mail and SMS as the person chose: in the weekly digest, after quiet hours, or now. */
export const sendNotice = defineJob('notify.send', notifyPayload, async ({ ctx, now, payload: n }) => {
  const user = await ctx.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'phone', 'disabled_at'])
    .where('id', '=', n.userId)
    .executeTakeFirst();
  if (!user || user.disabled_at) return;
  const prefs = await loadPreferences(ctx.db, user.id);
  const d: Delivery = { ctx, now, n, user, lang: langOf(user.locale) };
  await deliverInApp(d);

  const wanted = new Set(prefs.channels[n.kind as NotificationKind] ?? []);
  const email = wanted.has('email') && !prefs.emailOff;
  const sms = wanted.has('sms') ? smsNumber(user.phone) : null;
  if (!email && !sms) return;
  if (prefs.digest === 'weekly' && n.kind !== 'reminder') {
    await deliverToDigest(d);
    return;
  }
  const until = quietUntil(prefs, now);
  if (until) {
    // Same notice, later: in-app is already delivered, so only e-mail and SMS remain to be sent.
    await enqueue(ctx.db, sendNotice, n, { runAt: until, dedupeKey: `notify:${n.key}:after-quiet`, now });
    return;
  }
  if (email) await deliverByEmail(d);
  if (sms) await deliverBySms(d, sms);
});

/** One notice on its way to one person, in their language. */
interface Delivery {
  ctx: AppContext;
  now: Date;
  n: Notice;
  user: { id: string; email: string; name: string };
  lang: 'fr' | 'en';
}

const ledgerEntry = ({ n, user }: Delivery, channel: DeliveryRecord['channel']): DeliveryRecord => ({
  orgId: n.orgId,
  userId: user.id,
  kind: n.kind,
  key: `${n.key}:${channel}`,
  channel,
});

async function deliverInApp(d: Delivery) {
  const { ctx, now, n, user } = d;
  const c = n.content[d.lang];
  await deliverOnce(ctx.db, now, ledgerEntry(d, 'inapp'), async () => {
    await ctx.db
      .insertInto('notifications')
      .values({
        id: newId(),
        user_id: user.id,
        org_id: n.orgId,
        kind: n.kind,
        title: c.title,
        body: c.body,
        link: n.link,
        created_at: now.toISOString(),
        read_at: null,
      })
      .execute();
    return 'sent';
  });
}

async function deliverToDigest(d: Delivery) {
  const { ctx, now, n, user } = d;
  const c = n.content[d.lang];
  await deliverOnce(ctx.db, now, ledgerEntry(d, 'digest'), async () => {
    await ctx.db
      .insertInto('digest_items')
      .values({
        id: newId(),
        user_id: user.id,
        kind: n.kind,
        title: c.title,
        body: c.body,
        link: n.link,
        created_at: now.toISOString(),
        sent_in: null,
      })
      .execute();
    return 'digested';
  });
}

async function deliverByEmail(d: Delivery) {
  const { ctx, now, n, user, lang } = d;
  const c = n.content[lang];
  await deliverOnce(ctx.db, now, ledgerEntry(d, 'email'), async () => {
    // A link of this e-mail's own, created only when it is really sent.
    const token = await unsubscribeToken(ctx.db, user.id, now);
    const mail = renderMail({
      to: user.email,
      name: user.name,
      lang,
      subject: c.title,
      paragraphs: [c.body],
      link: n.link,
      publicUrl: ctx.config.publicUrl,
      unsubscribeToken: token,
    });
    await ctx.mailer.send({
      ...mail,
      headers: {
        ...mail.headers,
        'Message-ID': messageIdFor(`${n.key}:email`),
        ...(n.replyTo ? { 'Reply-To': n.replyTo } : {}),
      },
    });
    return 'sent';
  });
}

async function deliverBySms(d: Delivery, to: string) {
  const { ctx, now, n } = d;
  const c = n.content[d.lang];
  await deliverOnce(ctx.db, now, ledgerEntry(d, 'sms'), async () => {
    const link = n.link ? ` ${ctx.config.publicUrl}${n.link}` : '';
    await smsProvider().send({
      to,
      text: `Compagnon : ${c.title}.${link}`.slice(0, 320),
      reference: n.key,
    });
    return 'sent';
  });
}

/** A stable Message-ID per delivery key: a message re-sent after a crash is recognisably the same. */
export const messageIdFor = (key: string) =>
  `<${Buffer.from(key).toString('base64url').slice(0, 120)}@compagnon.notify>`;

// ── Weekly digest: sweep → one job per person → one e-mail grouping their pending items ──

/** ISO week of `now` in the person's zone, e.g. 2026-W47. */
const isoWeek = (d: DateTime) => `${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`;

export const digestSweep = defineJob('notify.digest-sweep', noPayload, async ({ ctx, now }) => {
  const rows = await ctx.db
    .selectFrom('notification_prefs')
    .select(['user_id', 'time_zone', 'digest_day'])
    .where('digest', '=', 'weekly')
    .execute();
  for (const r of rows) {
    const local = DateTime.fromJSDate(now, { zone: r.time_zone });
    // On the chosen day, from 8 a.m. local time.
    if (local.weekday !== r.digest_day || local.hour < 8) continue;
    const week = isoWeek(local);
    await enqueue(
      ctx.db,
      sendDigest,
      { userId: r.user_id, week },
      { runAt: now, dedupeKey: `digest:${r.user_id}:${week}`, now },
    );
  }
});

export const sendDigest = defineJob(
  'notify.digest',
  z.object({ userId: z.string(), week: z.string() }),
  async ({ ctx, now, payload }) => {
    const key = `digest:${payload.userId}:${payload.week}`;
    const user = await ctx.db
      .selectFrom('users')
      .select(['id', 'email', 'name', 'locale', 'disabled_at'])
      .where('id', '=', payload.userId)
      .executeTakeFirst();
    if (!user || user.disabled_at) return;
    const prefs = await loadPreferences(ctx.db, user.id);
    const items = await ctx.db
      .selectFrom('digest_items')
      .selectAll()
      .where('user_id', '=', user.id)
      .where('sent_in', 'is', null)
      .where('created_at', '<=', now.toISOString())
      .orderBy('created_at')
      .execute();
    if (items.length === 0 || prefs.emailOff) return;
    const lang = langOf(user.locale);
    const t = digestTexts(lang);
    const result = await deliverOnce(
      ctx.db,
      now,
      { userId: user.id, key, channel: 'email', kind: 'digest' },
      async () => {
        const token = await unsubscribeToken(ctx.db, user.id, now);
        const kinds = [...new Set(items.map((i) => i.kind))];
        const mail = renderMail({
          to: user.email,
          name: user.name,
          lang,
          subject: t.digestSubject(items.length),
          paragraphs: [t.digestIntro],
          sections: kinds.map((k) => ({
            heading: t.kinds[k] ?? k,
            items: items
              .filter((i) => i.kind === k)
              .map((i) => ({ title: i.title, body: i.body, link: i.link })),
          })),
          link: '/notifications',
          publicUrl: ctx.config.publicUrl,
          unsubscribeToken: token,
        });
        await ctx.mailer.send({ ...mail, headers: { ...mail.headers, 'Message-ID': messageIdFor(key) } });
        return 'sent';
      },
    );
    // After a crash between sending and this update, the re-run marks only what the digest held.
    const cutoff =
      result === 'already'
        ? ((
            await ctx.db
              .selectFrom('deliveries')
              .select('created_at')
              .where('key', '=', key)
              .executeTakeFirst()
          )?.created_at ?? now.toISOString())
        : now.toISOString();
    await ctx.db
      .updateTable('digest_items')
      .set({ sent_in: key })
      .where('user_id', '=', user.id)
      .where('sent_in', 'is', null)
      .where('created_at', '<=', cutoff)
      .execute();
  },
);
