import type { AppContext } from '../context.ts';
import { calendarText } from '../modules/meetings/ics.ts';
import { deliverOnce } from '../notify/deliver.ts';
import { messageIdFor } from '../notify/notify.ts';

/** What an invitation needs of a session (training's or a network's). */
export interface InvitedSession {
  ical_uid: string;
  sequence: number;
  title: string;
  starts_at: string;
  ends_at: string;
  place: string | null;
  video_url: string | null;
  time_zone: string;
  org_id: string;
  created_by: string | null;
}

/**
 * The calendar file of a session for one person, built as the meetings' invitations are: a
 * request, or its cancellation; its UID and SEQUENCE are the session's, so a change replaces the
 * event in the person's calendar. Training sessions and network sessions send it.
 */
export function sessionInvitation(
  s: InvitedSession,
  o: {
    description: string;
    organiser: { name: string; email: string };
    person: { name: string; email: string };
    now: Date;
    cancel: boolean;
  },
) {
  const method = o.cancel ? 'CANCEL' : 'REQUEST';
  const content = calendarText({ method, zone: s.time_zone, name: s.title, now: o.now }, [
    {
      uid: s.ical_uid,
      sequence: s.sequence,
      title: s.title,
      description: o.description,
      start: s.starts_at,
      end: s.ends_at,
      place: s.place,
      videoUrl: s.video_url,
      cancelled: o.cancel,
      organiser: o.organiser,
      attendees: [o.person],
    },
  ]);
  return { method, content, filename: 'invitation.ics' };
}

/**
 * Sends one e-mail about a session to one person, once (the deliveries ledger, under `key`), with
 * the calendar invitation; its organiser is the person who published the session, or the instance.
 */
export async function mailSessionOnce(
  ctx: AppContext,
  now: Date,
  o: {
    key: string;
    kind: string;
    session: InvitedSession;
    person: { id: string; name: string; email: string };
    mail: { subject: string; text: string };
    description: string;
    cancel: boolean;
  },
) {
  const s = o.session;
  const record = {
    key: o.key,
    orgId: s.org_id,
    userId: o.person.id,
    channel: 'email' as const,
    kind: o.kind,
  };
  await deliverOnce(ctx.db, now, record, async () => {
    const creator = s.created_by
      ? await ctx.db
          .selectFrom('users')
          .select(['name', 'email'])
          .where('id', '=', s.created_by)
          .executeTakeFirst()
      : undefined;
    await ctx.mailer.send({
      to: o.person.email,
      ...o.mail,
      icalEvent: sessionInvitation(s, {
        description: o.description,
        organiser: creator ?? { name: 'Compagnon', email: 'no-reply@compagnon.local' },
        person: { name: o.person.name, email: o.person.email },
        now,
        cancel: o.cancel,
      }),
      headers: { 'Message-ID': messageIdFor(o.key) },
    });
    return 'sent';
  });
}
