import type { Db } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { orgZone } from './policy.ts';
import { meetingTexts, when } from './texts.ts';

/**
 * In-app notices of a meeting (Notifications page and the unread badge), written in the
 * transaction of the change. The e-mail of the same event is sent by its own job (polls.ts,
 * invitations.ts): these notices are in-app only, so nobody receives the message twice.
 */
export type MeetingNotice = 'poll' | 'new' | 'update' | 'cancel';

interface NoticeMeeting {
  id: string;
  org_id: string;
  title: string;
  starts_at: string | null;
}

/** A meeting notice's title and body, in French or (en) in English; a date only when there is one. */
export function meetingNoticeTexts(kind: MeetingNotice, title: string, at: string | null, en: boolean) {
  const t = meetingTexts(en ? 'en' : 'fr');
  return {
    title: t(`notice.${kind}.title`, { title }),
    body: kind === 'poll' || at ? t(`notice.${kind}.body`, { at }) : '',
  };
}

/** One in-app notice per person, in their language, dated in the organisation's time zone. */
export async function meetingNotices(
  trx: Db,
  now: Date,
  m: NoticeMeeting,
  userIds: string[],
  kind: MeetingNotice,
): Promise<void> {
  if (userIds.length === 0) return;
  const [people, zone] = await Promise.all([
    trx
      .selectFrom('users')
      .select(['id', 'locale'])
      .where('id', 'in', userIds)
      .where('disabled_at', 'is', null)
      .execute(),
    orgZone(trx, m.org_id),
  ]);
  for (const p of people) {
    const c = meetingNoticeTexts(
      kind,
      m.title,
      m.starts_at ? when(m.starts_at, zone, p.locale) : null,
      p.locale.startsWith('en'),
    );
    await trx
      .insertInto('notifications')
      .values({
        id: newId(),
        user_id: p.id,
        org_id: m.org_id,
        kind: 'meeting',
        title: c.title,
        body: c.body,
        link: `/rencontres/${m.id}`,
        created_at: now.toISOString(),
        read_at: null,
      })
      .execute();
  }
}
