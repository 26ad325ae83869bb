import { DateTime } from 'luxon';
import type { Db } from '../../db/index.ts';
import { enqueue } from '../../jobs/registry.ts';
import { type Notice, sendNotice } from '../../notify/notify.ts';

/** The hour, in the organisation's zone, when the coordination hears of anonymous members' doings. */
export const ANONYMOUS_NOTICE_HOUR = 8;

/**
 * When the coordination is told of something an anonymous member did: the next morning, so that the
 * moment a notice or an e-mail arrives cannot be matched with anyone's activity (their sign-in, a
 * message they sent elsewhere). Everything an anonymous member does in one day comes in one notice.
 */
export function anonymousNoticeTime(now: Date, zone: string): { runAt: Date; day: string } {
  const local = DateTime.fromJSDate(now, { zone });
  const morning = local
    .plus({ days: 1 })
    .set({ hour: ANONYMOUS_NOTICE_HOUR, minute: 0, second: 0, millisecond: 0 });
  return { runAt: morning.toJSDate(), day: local.toISODate() as string };
}

/**
 * One notice per person (in-app, then e-mail as each prefers), enqueued in the caller's transaction
 * as notify() does; `runAt` defers it, and the key names it so it is sent once whatever happens.
 */
export async function tellEach(
  db: Db,
  now: Date,
  userIds: string[],
  n: Omit<Notice, 'userId' | 'key'> & { key: string },
  runAt: Date = now,
): Promise<void> {
  for (const userId of new Set(userIds)) {
    const notice: Notice = { ...n, userId, key: `${n.key}:${userId}` };
    await enqueue(db, sendNotice, notice, { runAt, dedupeKey: `notify:${notice.key}`, now });
  }
}
