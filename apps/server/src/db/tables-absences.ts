import type { Generated } from 'kysely';
import type { Instant } from './types.ts';

// ── Leave and replacement (0027), modules/absences; db/types.ts gathers them ──

/** A tutor's leave in a programme: calendar days of the organisation's zone, both included. */
export interface AbsenceTable {
  id: string;
  org_id: string;
  programme_id: string;
  user_id: string;
  start_on: string;
  end_on: string;
  /** Seen by the coordination only. */
  reason: string | null;
  created_at: Instant;
  updated_at: Instant;
  /** When the backup proposals were sent to the teammates; null while the tutor may still change them. */
  sent_at: Instant | null;
  cancelled_at: Instant | null;
}

/** The backup of one tutee during an absence. */
export interface AbsenceCoverTable {
  id: string;
  absence_id: string;
  org_id: string;
  programme_id: string;
  tutee_user_id: string;
  backup_user_id: string | null;
  state: string; // draft | asked | accepted | uncovered
  declined_by: Generated<string>; // JSON string[]
  named_by: string | null;
  answered_at: Instant | null;
  start_told_at: Instant | null;
  end_told_at: Instant | null;
  created_at: Instant;
}

export interface AbsenceTables {
  absences: AbsenceTable;
  absence_covers: AbsenceCoverTable;
}
