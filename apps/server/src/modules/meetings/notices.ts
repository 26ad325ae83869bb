import type { Db } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { orgZone } from './policy.ts';
import { when } from './texts.ts';

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

/** A meeting notice's title and body, in French or (en) in English. */
export function meetingNoticeTexts(kind: MeetingNotice, title: string, at: string | null, en: boolean) {
  if (en) {
    return {
      poll: { title: `Poll: ${title}`, body: 'Say which times suit you.' },
      new: { title: `Meeting confirmed: ${title}`, body: at ? `On ${at}.` : '' },
      update: { title: `Meeting changed: ${title}`, body: at ? `Now on ${at}.` : '' },
      cancel: { title: `Meeting cancelled: ${title}`, body: at ? `It was planned on ${at}.` : '' },
    }[kind];
  }
  return {
    poll: { title: `Sondage : ${title}`, body: 'Indiquez les créneaux qui vous conviennent.' },
    new: { title: `Rencontre fixée : ${title}`, body: at ? `Le ${at}.` : '' },
    update: { title: `Rencontre modifiée : ${title}`, body: at ? `Désormais le ${at}.` : '' },
    cancel: { title: `Rencontre annulée : ${title}`, body: at ? `Elle était prévue le ${at}.` : '' },
  }[kind];
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
