import type { Instant } from './types.ts';

// ── Coaching of new tutors (0031), modules/coaching; db/types.ts gathers them ──

/** A new tutor paired with an experienced tutor of the programme for their first twelve months. */
export interface TutorCoachingTable {
  id: string;
  org_id: string;
  programme_id: string;
  coach_id: string;
  new_tutor_id: string;
  started_at: Instant;
  /** Twelve months after the start: the hourly sweep ends it then. */
  ends_at: Instant;
  created_by: string | null;
  ended_at: Instant | null;
  /** completed (its twelve months) | ended (early, by the coordination or one of the two) | erased */
  end_reason: string | null;
  ended_by: string | null;
  end_note: string | null;
}

export interface CoachingTables {
  tutor_coachings: TutorCoachingTable;
}
