import { calendarText } from '../modules/meetings/ics.ts';

/**
 * The calendar file of a session for one person, built as the meetings' invitations are: a
 * request, or its cancellation; its UID and SEQUENCE are the session's, so a change replaces the
 * event in the person's calendar. Training sessions and network sessions send it.
 */
export function sessionInvitation(
  s: {
    ical_uid: string;
    sequence: number;
    title: string;
    starts_at: string;
    ends_at: string;
    place: string | null;
    video_url: string | null;
    time_zone: string;
  },
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

/** The organiser an invitation names: the person who published the session, or the instance. */
export const organiserOr = (creator: { name: string; email: string } | undefined) =>
  creator ?? { name: 'Compagnon', email: 'no-reply@compagnon.local' };
