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
