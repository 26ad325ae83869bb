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

/** A session published for a network, its times read in the publishing organisation's zone. */
export interface NetworkSessionTable {
  id: string;
  network_id: string;
  /** The publishing organisation. */
  org_id: string;
  title: string;
  starts_at: Instant;
  ends_at: Instant;
  /** in-person | video */
  mode: string;
  place: string | null;
  video_url: string | null;
  capacity: number;
  description: string;
  registration_deadline: Instant | null;
  ical_uid: string;
  sequence: number;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
  cancelled_at: Instant | null;
}

/** A person's place in a network session: registered or waiting, until they cancel. */
export interface NetworkRegistrationTable {
  id: string;
  session_id: string;
  /** The person's organisation (their team's). */
  org_id: string;
  user_id: string;
  /** registered | waiting | cancelled */
  status: string;
  queued_at: Instant;
  registered_at: Instant | null;
  cancelled_at: Instant | null;
  reminded_at: Instant | null;
}

export interface NetworkTables {
  networks: NetworkTable;
  network_teams: NetworkTeamTable;
  network_messages: NetworkMessageTable;
  network_thread_reads: NetworkThreadReadTable;
  network_sessions: NetworkSessionTable;
  network_registrations: NetworkRegistrationTable;
}
