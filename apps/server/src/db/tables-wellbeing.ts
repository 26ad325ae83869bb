import type { Bool, Instant } from './types.ts';

// ── Well-being (0016): help directory, tutor's guide, check-ins and their consent ──

/** One entry of an organisation's help directory; `preset` names a national default left as seeded. */
export interface WellbeingResourceTable {
  id: string;
  org_id: string;
  preset: string | null;
  name: string;
  purpose: string;
  phone: string | null;
  hours: string | null;
  url: string | null;
  confidential: Bool;
  position: number;
  updated_at: Instant;
}

/** An organisation's guide for tutors (null: the default text) and whether its directory was seeded. */
export interface WellbeingSettingsTable {
  org_id: string;
  directory_seeded_at: Instant | null;
  guide_fr: string | null;
  guide_en: string | null;
  updated_at: Instant;
  updated_by: string | null;
}

/** The questions a programme adds to the WHO-5 (JSON, checked by its schema) and the board's news. */
export interface CheckinSettingsTable {
  programme_id: string;
  questions: string; // JSON
  news: string | null;
  updated_at: Instant;
  updated_by: string | null;
}

export interface CheckinConsentTable {
  id: string;
  programme_id: string;
  user_id: string;
  consent: Bool;
  decided_at: Instant;
}

export interface CheckinTable {
  id: string;
  org_id: string;
  programme_id: string;
  user_id: string;
  /** The tutee's tutor when the check-in was asked: the only person an alert may go to. */
  tutor_user_id: string | null;
  pairing_id: string | null;
  asked_at: Instant;
  expires_at: Instant;
  token_hash: string | null;
  answered_at: Instant | null;
  who5_raw: number | null;
  distress: Bool;
  /** The tutee's choice after a distress signal: null until they make it. */
  tell_tutor: Bool | null;
  tutor_told_at: Instant | null;
  tutor_seen_at: Instant | null;
}

export interface CheckinAnswerTable {
  id: string;
  checkin_id: string;
  /** `who5.1` … `who5.5`, or the id of a programme question. */
  question: string;
  value: string;
  hidden: Bool;
}
