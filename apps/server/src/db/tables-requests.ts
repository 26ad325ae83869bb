import type { Bool, Instant } from './types.ts';

// ── Requests to join a programme (0023), modules/requests ──

/** Whether a programme takes requests from its public page; no row reads as closed. */
export interface JoinRequestPageTable {
  programme_id: string;
  open: Bool;
  updated_at: Instant;
  updated_by: string | null;
}

/** A request to join a programme, from its public page. */
export interface JoinRequestTable {
  id: string;
  org_id: string;
  programme_id: string;
  name: string;
  email: string;
  phone: string | null;
  locale: string; // fr | en: the language the person wrote in, for their e-mails
  role: string; // tutee | tutor
  profession: string;
  /** Where the person is installing or installed (a tutee). */
  place: string | null;
  /** The day of installation, planned or actual (YYYY-MM-DD, a tutee). */
  installed_on: string | null;
  /** The year the person started practising (a tutor). */
  practising_since: number | null;
  needs: string;
  availability: string;
  preferences: string;
  /** Whether the programme's eligibility rules were met when the request was sent. */
  eligible: Bool;
  eligibility: string; // JSON: the facts of each rule checked (requests/eligibility.ts)
  state: string; // unconfirmed | pending | accepted | declined | withdrawn
  token_hash: string | null;
  created_at: Instant;
  confirmed_at: Instant | null;
  decided_at: Instant | null;
  decision: string | null; // accepted | declined
  decided_by: string | null;
  /** Why an ineligible request was accepted all the same (required then, audited). */
  override_reason: string | null;
  decline_message: string | null;
  withdrawn_at: Instant | null;
  /** The account the person joined with, once accepted. */
  user_id: string | null;
  membership_id: string | null;
}

export interface RequestTables {
  join_request_pages: JoinRequestPageTable;
  join_requests: JoinRequestTable;
}

export type JoinRequest = import('kysely').Selectable<JoinRequestTable>;
