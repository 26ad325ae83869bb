import type { Bool, Instant } from './types.ts';

// The tables of what passes between the people of a programme: phone sharing (0018) and pair
// threads (0020); db/types.ts gathers every table into Database.

/** One message a tutee or their tutor wrote to the other. */
export interface PairMessageTable {
  id: string;
  pairing_id: string;
  /** Null once the writer's account is gone; the message stays, emptied, in the other's thread. */
  author_id: string | null;
  body: string;
  created_at: Instant;
  /** When its writer's data was erased: the text is then empty. */
  erased_at: Instant | null;
}

/** When one of the pair last read their thread. */
export interface PairThreadReadTable {
  pairing_id: string;
  user_id: string;
  read_at: Instant;
}

export interface ThreadTables {
  pair_messages: PairMessageTable;
  pair_thread_reads: PairThreadReadTable;
}

/** A person's phone sharing in one programme (0018); no row: the programme's rule. */
export interface PhoneChoiceTable {
  id: string;
  org_id: string;
  programme_id: string;
  user_id: string;
  shared: Bool;
  decided_by: 'person' | 'rule';
  decided_at: Instant;
}

export interface PeopleTables {
  phone_choices: PhoneChoiceTable;
}
