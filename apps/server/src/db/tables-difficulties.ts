import type { Generated } from 'kysely';
import type { Bool, Instant } from './types.ts';

// The tables of difficulties raised to the coordination and of expert consultations (0017);
// db/types.ts gathers every table into Database.

/** A difficulty raised to a programme's coordination, or a copy forwarded to another organisation. */
export interface DifficultyTable {
  id: string;
  org_id: string;
  /** Null for a copy forwarded from another organisation. */
  programme_id: string | null;
  /** Who raised it: kept when anonymised (they follow it), never shown to the coordination then. */
  author_id: string | null;
  anonymised: Bool;
  category: string; // harassment | internship | nights | workload | other
  scope: string; // individual | systemic
  description: string;
  /** When its author's text was erased with their data. */
  description_erased_at: Instant | null;
  state: string; // new | acknowledged | in_progress | closed
  created_at: Instant;
  updated_at: Instant;
  closed_at: Instant | null;
  closing_note: string | null;
  /** A forwarded copy: the difficulty it copies, and the organisation it came from. */
  source_id: string | null;
  source_org_id: string | null;
  /** A request for help about the author's own pair (category `pair`, 0022). */
  pairing_id: Generated<string | null>;
}

export interface DifficultyMessageTable {
  id: string;
  difficulty_id: string;
  side: string; // author | coordination
  /** The coordination's writer; null on the author's side (the difficulty names its author). */
  author_id: string | null;
  body: string | null;
  created_at: Instant;
  erased_at: Instant | null;
}

export interface DifficultyEventTable {
  id: string;
  difficulty_id: string;
  at: Instant;
  /** Who changed it: a coordinator; null when an anonymised author raised it. */
  actor_id: string | null;
  kind: string; // raised | state | forwarded
  from_state: string | null;
  to_state: string | null;
  target_org_id: string | null;
}

/** A question a coordinator or tutor asks an expert about a case. */
export interface ConsultationTable {
  id: string;
  org_id: string;
  programme_id: string;
  asker_id: string;
  expert_id: string;
  /** The tutee it is about; never stored when the asker anonymised the case. */
  subject_id: string | null;
  /** The team case it was asked about (modules/cases, 0028). */
  case_id: Generated<string | null>;
  anonymised: Bool;
  question: string;
  attachments: string; // JSON {title, text}[]
  state: string; // open | closed
  created_at: Instant;
  updated_at: Instant;
  closed_at: Instant | null;
}

export interface ConsultationMessageTable {
  id: string;
  consultation_id: string;
  author_id: string | null;
  body: string | null;
  created_at: Instant;
  erased_at: Instant | null;
}

/** The tables above, as db/types.ts's Database holds them. */
export interface DifficultyTables {
  difficulties: DifficultyTable;
  difficulty_messages: DifficultyMessageTable;
  difficulty_events: DifficultyEventTable;
  consultations: ConsultationTable;
  consultation_messages: ConsultationMessageTable;
}
