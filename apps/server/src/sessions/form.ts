import { DateTime } from 'luxon';

/**
 * A session's columns from its form (training's or a network's): start, end and deadline typed as
 * local date-times of the publishing organisation's zone, stored as instants; the place for a
 * session in person, the link for one by video.
 */
export function sessionColumns(
  b: {
    title: string;
    start: string;
    end: string;
    mode: 'in-person' | 'video';
    place: string | null;
    videoUrl: string | null;
    capacity: number;
    description: string;
    registrationDeadline: string | null;
  },
  zone: string,
) {
  const instant = (local: string) => DateTime.fromISO(local, { zone }).toUTC().toISO() as string;
  return {
    title: b.title,
    starts_at: instant(b.start),
    ends_at: instant(b.end),
    mode: b.mode,
    place: b.mode === 'in-person' ? b.place : null,
    video_url: b.mode === 'video' ? b.videoUrl : null,
    capacity: b.capacity,
    description: b.description,
    registration_deadline: b.registrationDeadline ? instant(b.registrationDeadline) : null,
  };
}

/** The bookkeeping of a session just published: its invitations' UID, their first SEQUENCE, who and when. */
export const publishedColumns = (uid: string, actorId: string, now: Date) => ({
  ical_uid: uid,
  sequence: 0,
  created_by: actorId,
  created_at: now.toISOString(),
  updated_at: now.toISOString(),
  cancelled_at: null,
});

/** A session's fields as its views show them (training's and a network's): instants with the session's zone. */
export const sessionFieldsView = (s: {
  id: string;
  title: string;
  starts_at: string;
  ends_at: string;
  time_zone: string;
  mode: string;
  place: string | null;
  video_url: string | null;
  capacity: number;
  description: string;
  registration_deadline: string | null;
  cancelled_at: string | null;
}) => ({
  id: s.id,
  title: s.title,
  start: s.starts_at,
  end: s.ends_at,
  timeZone: s.time_zone,
  mode: s.mode as 'in-person' | 'video',
  place: s.place,
  videoUrl: s.video_url,
  capacity: s.capacity,
  description: s.description,
  registrationDeadline: s.registration_deadline,
  cancelled: Boolean(s.cancelled_at),
});
