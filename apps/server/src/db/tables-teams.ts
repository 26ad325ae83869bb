import type { Instant } from './types.ts';

// ── Tutor teams (0025), modules/teams; db/types.ts gathers them ──

/** A small team of co-responsible tutors of a programme. */
export interface TeamTable {
  id: string;
  org_id: string;
  programme_id: string;
  name: string;
  created_by: string | null;
  created_at: Instant;
  archived_at: Instant | null;
}

/** A person's membership of a team; one live team per person and organisation. */
export interface TeamMemberTable {
  id: string;
  team_id: string;
  org_id: string;
  user_id: string;
  joined_at: Instant;
  left_at: Instant | null;
}

export interface TeamTables {
  teams: TeamTable;
  team_members: TeamMemberTable;
}
