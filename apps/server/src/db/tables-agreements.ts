import type { Bool, Instant } from './types.ts';

// Mentoring agreements (0022): the charter's versions and signatures, the pairs' terms.

export interface CharterVersionTable {
  id: string;
  org_id: string;
  programme_id: string;
  version: number;
  body: string; // Markdown
  body_hash: string; // SHA-256 of body, hex
  resign_required: Bool;
  /** Null for the default text the platform seeded. */
  author_id: string | null;
  created_at: Instant;
}

export interface CharterSignatureTable {
  id: string;
  org_id: string;
  programme_id: string;
  pairing_id: string;
  version_id: string;
  party: string; // mentor | mentee | organisation
  user_id: string | null;
  /** The name typed; replaced when its signer's data is erased. */
  signed_name: string;
  signed_at: Instant;
  body_hash: string;
}

export interface CharterCodeTable {
  code_hash: string;
  pairing_id: string;
  version_id: string;
  created_by: string | null;
  created_at: Instant;
}

/** A pair's term. Days are calendar days (YYYY-MM-DD) in the organisation's zone. */
export interface PairTermTable {
  pairing_id: string;
  org_id: string;
  programme_id: string;
  start_on: string;
  end_on: string;
  /** The pair stopped before its end day (by either party or the coordination). */
  ended_early: Bool;
  ended_on: string | null;
  end_reminded_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface AgreementTables {
  charter_versions: CharterVersionTable;
  charter_signatures: CharterSignatureTable;
  charter_codes: CharterCodeTable;
  pair_terms: PairTermTable;
}
