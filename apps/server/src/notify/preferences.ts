import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Db } from '../db/index.ts';
import { readJson } from '../db/json.ts';
import { hashSecret, newId, newSecret } from '../lib/ids.ts';

export const notificationKinds = ['alert', 'reminder', 'message'] as const;
export type NotificationKind = (typeof notificationKinds)[number];
export const channels = ['inapp', 'email', 'sms'] as const;
export type Channel = (typeof channels)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

export const preferencesSchema = z.object({
  /** For each kind of message, the channels it goes to (in-app is always kept: it is the record). */
  channels: z.object({
    alert: z.array(z.enum(channels)),
    reminder: z.array(z.enum(channels)),
    message: z.array(z.enum(channels)),
  }),
  quietHours: z.object({ start: hhmm, end: hhmm }).nullable(),
  timeZone: z.string().refine((z) => DateTime.local().setZone(z).isValid, 'unknown time zone'),
  /** weekly: alerts and messages wait for one summary e-mail; reminders stay individual. */
  digest: z.enum(['off', 'weekly']),
  digestDay: z.number().int().min(1).max(7),
  emailOff: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const defaultPreferences = (): Preferences => ({
  channels: { alert: ['inapp', 'email'], reminder: ['inapp', 'email'], message: ['inapp', 'email'] },
  quietHours: { start: '21:00', end: '07:30' },
  timeZone: 'Europe/Paris',
  digest: 'off',
  digestDay: 1,
  emailOff: false,
});

export async function loadPreferences(
  db: Db,
  userId: string,
): Promise<Preferences & { unsubscribeToken: string | null }> {
  const row = await db
    .selectFrom('notification_prefs')
    .selectAll()
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!row) return { ...defaultPreferences(), unsubscribeToken: null };
  const channels = readJson(
    preferencesSchema.shape.channels.partial(),
    row.channels,
    'notification_prefs.channels',
  );
  return {
    channels: { ...defaultPreferences().channels, ...channels },
    quietHours: row.quiet_start && row.quiet_end ? { start: row.quiet_start, end: row.quiet_end } : null,
    timeZone: row.time_zone,
    digest: row.digest as Preferences['digest'],
    digestDay: row.digest_day,
    emailOff: row.email_off === 1,
    unsubscribeToken: row.unsubscribe_token,
  };
}

export async function savePreferences(db: Db, userId: string, p: Preferences, now: Date): Promise<void> {
  const withInapp = Object.fromEntries(
    Object.entries(p.channels).map(([k, v]) => [k, [...new Set<Channel>(['inapp', ...v])]]),
  );
  const values = {
    channels: JSON.stringify(withInapp),
    quiet_start: p.quietHours?.start ?? null,
    quiet_end: p.quietHours?.end ?? null,
    time_zone: p.timeZone,
    digest: p.digest,
    digest_day: p.digestDay,
    email_off: p.emailOff ? 1 : 0,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('notification_prefs')
    .values({ user_id: userId, unsubscribe_token: hashSecret(newSecret()), ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

const UNSUBSCRIBE_DAYS = 365;

/**
 * A fresh unsubscribe link's secret for one e-mail to the person: only its SHA-256 hash is kept (in
 * `tokens`, valid a year, usable more than once — mail clients post it again). Their preferences
 * row (with defaults) is created if needed.
 */
export async function unsubscribeToken(db: Db, userId: string, now: Date): Promise<string> {
  const current = await loadPreferences(db, userId);
  if (!current.unsubscribeToken) {
    await db
      .insertInto('notification_prefs')
      .values({
        user_id: userId,
        channels: JSON.stringify(defaultPreferences().channels),
        quiet_start: current.quietHours?.start ?? null,
        quiet_end: current.quietHours?.end ?? null,
        time_zone: current.timeZone,
        digest: current.digest,
        digest_day: current.digestDay,
        email_off: 0,
        unsubscribe_token: hashSecret(newSecret()),
        updated_at: now.toISOString(),
      })
      .onConflict((oc) => oc.column('user_id').doNothing())
      .execute();
  }
  const user = await db
    .selectFrom('users')
    .select('email')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const secret = newSecret();
  await db
    .insertInto('tokens')
    .values({
      id: newId(),
      kind: 'unsubscribe',
      token_hash: hashSecret(secret),
      email: user.email,
      user_id: userId,
      org_id: null,
      programme_id: null,
      role: null,
      created_by: null,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + UNSUBSCRIBE_DAYS * 86_400_000).toISOString(),
      used_at: null,
    })
    .execute();
  return secret;
}

/** When quiet hours hold at `now`, the instant they end; otherwise null. */
export function quietUntil(p: Preferences, now: Date): Date | null {
  if (!p.quietHours) return null;
  const local = DateTime.fromJSDate(now, { zone: p.timeZone });
  const at = (hm: string, base: DateTime) => {
    const [h, m] = hm.split(':').map(Number) as [number, number];
    return base.set({ hour: h, minute: m, second: 0, millisecond: 0 });
  };
  const start = at(p.quietHours.start, local);
  const end = at(p.quietHours.end, local);
  const minutes = local.hour * 60 + local.minute;
  const s = start.hour * 60 + start.minute;
  const e = end.hour * 60 + end.minute;
  if (s === e) return null;
  if (s < e) return minutes >= s && minutes < e ? end.toJSDate() : null;
  // Over midnight (21:00 → 07:30).
  if (minutes >= s) return end.plus({ days: 1 }).toJSDate();
  if (minutes < e) return end.toJSDate();
  return null;
}
