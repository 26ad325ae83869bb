import type { Instant } from './types.ts';

// ── The work of tutor teams (0026), modules/teams; db/types.ts gathers them ──

export interface TeamMessageTable {
  id: string;
  team_id: string;
  author_id: string | null;
  body: string;
  created_at: Instant;
  erased_at: Instant | null;
}

export interface TeamThreadReadTable {
  team_id: string;
  user_id: string;
  read_at: Instant;
}

/** JSON content: { cases: [{ name, note }], decisions, followUps: [{ who, what, by }] }. */
export interface TeamMeetingReportTable {
  meeting_id: string;
  team_id: string;
  author_id: string | null;
  content: string;
  updated_at: Instant;
}

export interface TeamOverloadTable {
  id: string;
  team_id: string;
  org_id: string;
  programme_id: string;
  author_id: string | null;
  message: string | null;
  created_at: Instant;
  closed_at: Instant | null;
  closed_by: string | null;
  close_note: string | null;
}

/** proposed → accepted (waiting for the coordination) → done; or declined / cancelled. */
export interface TeamMoveTable {
  id: string;
  team_id: string;
  org_id: string;
  programme_id: string;
  pairing_id: string;
  from_user_id: string | null;
  to_user_id: string | null;
  proposed_by: string | null;
  message: string | null;
  state: string;
  needs_coordinator: number;
  created_at: Instant;
  accepted_at: Instant | null;
  approved_by: string | null;
  decided_at: Instant | null;
  new_pairing_id: string | null;
}

export interface TeamWorkTables {
  team_messages: TeamMessageTable;
  team_thread_reads: TeamThreadReadTable;
  team_meeting_reports: TeamMeetingReportTable;
  team_overloads: TeamOverloadTable;
  team_moves: TeamMoveTable;
}
