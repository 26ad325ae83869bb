import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';

const json = (text: string | null, column: string) => readJson(z.unknown(), text, column);

/** The person's notifications, digest items, the messages sent to them and their preferences. */
export async function notificationData(db: Db, userId: string) {
  const notifications = await db
    .selectFrom('notifications')
    .select(['kind', 'title', 'body', 'link', 'created_at', 'read_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const digestItems = await db
    .selectFrom('digest_items')
    .select(['kind', 'title', 'body', 'created_at', 'sent_in'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const deliveries = await db
    .selectFrom('deliveries')
    .select(['channel', 'kind', 'status', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const prefs = await db
    .selectFrom('notification_prefs')
    .select(['channels', 'quiet_start', 'quiet_end', 'time_zone', 'digest', 'digest_day', 'email_off'])
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return {
    notifications,
    digestItems,
    messagesSent: deliveries,
    preferences: prefs
      ? {
          channels: json(prefs.channels, 'notification_prefs.channels'),
          quietHours: prefs.quiet_start ? { start: prefs.quiet_start, end: prefs.quiet_end } : null,
          timeZone: prefs.time_zone,
          digest: prefs.digest,
          digestDay: prefs.digest_day,
          emailOff: prefs.email_off === 1,
        }
      : null,
  };
}

/** The person's sessions, sign-in attempts (by their address), links sent and own actions. */
export async function signInData(db: Db, userId: string, email: string) {
  const sessions = await db
    .selectFrom('sessions')
    .select(['created_at', 'last_seen_at', 'expires_at', 'ip', 'user_agent'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const attempts = await db
    .selectFrom('sign_in_attempts')
    .select(['at', 'ip', 'success'])
    .where('email', '=', email)
    .orderBy('at')
    .execute();
  const links = await db
    .selectFrom('tokens')
    .select(['kind', 'created_at', 'expires_at', 'used_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
  const activity = await db
    .selectFrom('audit_log')
    .select(['at', 'action', 'ip'])
    .where('actor_id', '=', userId)
    .orderBy('at')
    .execute();
  return {
    sessions,
    attempts: attempts.map((a) => ({ at: a.at, ip: a.ip, success: a.success === 1 })),
    linksSent: links,
    activity,
  };
}
