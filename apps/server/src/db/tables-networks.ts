import type { TrainingRegistrationTable, TrainingSessionTable } from './tables-training.ts';
import type { Instant } from './types.ts';

// ── Networks (0032), modules/networks; db/types.ts gathers them ──

/** A regional or national network of teams of several organisations. */
export interface NetworkTable {
  id: string;
  /** The organisation that created it: its coordination archives it, removes teams, hides messages. */
  org_id: string;
  name: string;
  /** regional | national */
  scope: string;
  description: string;
  /** The SHA-256 of the join code; the code itself is shown once, when made. */
  code_hash: string;
  code_changed_at: Instant;
  created_by: string | null;
  created_at: Instant;
  archived_at: Instant | null;
}

/** A team's membership of a network; kept when it leaves. */
export interface NetworkTeamTable {
  id: string;
  network_id: string;
  team_id: string;
  /** The team's organisation. */
  org_id: string;
  joined_by: string | null;
  joined_at: Instant;
  left_by: string | null;
  left_at: Instant | null;
}

/** A message of a network's thread, with its author's team and organisation when written. */
export interface NetworkMessageTable {
  id: string;
  network_id: string;
  author_id: string | null;
  team_id: string | null;
  org_id: string;
  body: string;
  created_at: Instant;
  erased_at: Instant | null;
  hidden_at: Instant | null;
  hidden_by: string | null;
}

export interface NetworkThreadReadTable {
  network_id: string;
  user_id: string;
  read_at: Instant;
}

/**
 * A session published for a network: a training session's columns (0030) but for its network and
 * kind, its times read in the publishing organisation's zone (`org_id`).
 */
export interface NetworkSessionTable extends Omit<TrainingSessionTable, 'programme_id' | 'kind'> {
  network_id: string;
}

/** A person's place in a network session (`org_id` their team's organisation); no attendance is kept. */
export type NetworkRegistrationTable = Omit<TrainingRegistrationTable, 'attendance' | 'attendance_at'>;

export interface NetworkTables {
  networks: NetworkTable;
  network_teams: NetworkTeamTable;
  network_messages: NetworkMessageTable;
  network_thread_reads: NetworkThreadReadTable;
  network_sessions: NetworkSessionTable;
  network_registrations: NetworkRegistrationTable;
}
