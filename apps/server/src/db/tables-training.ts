import type { Instant } from './types.ts';

// ── Training sessions (0030), modules/training; db/types.ts gathers them ──

/** A session a programme's coordination publishes for its tutors. */
export interface TrainingSessionTable {
  id: string;
  org_id: string;
  programme_id: string;
  title: string;
  /** initial (for new tutors) | refresher | exchange (an exchange evening). */
  kind: string;
  starts_at: Instant;
  ends_at: Instant;
  /** in-person | video */
  mode: string;
  place: string | null;
  video_url: string | null;
  capacity: number;
  description: string;
  registration_deadline: Instant | null;
  /** The iCalendar UID and SEQUENCE of the invitations. */
  ical_uid: string;
  sequence: number;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  cancelled_at: Instant | null;
}

/** A person's place in a session: registered or on its waiting list, until they cancel. */
export interface TrainingRegistrationTable {
  id: string;
  session_id: string;
  org_id: string;
  user_id: string;
  /** registered | waiting | cancelled */
  status: string;
  /** When the person took their place in the queue: the waiting list's order. */
  queued_at: Instant;
  registered_at: Instant | null;
  cancelled_at: Instant | null;
  /** The day-before reminder's instant, which claims it (sent once). */
  reminded_at: Instant | null;
  /** present | absent, recorded by the coordination after the start. */
  attendance: string | null;
  attendance_at: Instant | null;
}

export interface TrainingTables {
  training_sessions: TrainingSessionTable;
  training_registrations: TrainingRegistrationTable;
}
