import type { Bool, Instant } from './types.ts';

// ── Sign-in: sessions, e-mailed links, attempts and the e-mail quota ──

export interface SessionTable {
  id: string; // sha-256 of the cookie token
  user_id: string;
  created_at: Instant;
  expires_at: Instant;
  last_seen_at: Instant;
  ip: string | null;
  user_agent: string | null;
}

export interface TokenTable {
  id: string;
  kind: string; // magic | reset | invite | unsubscribe
  token_hash: string;
  email: string;
  user_id: string | null;
  org_id: string | null;
  programme_id: string | null;
  role: string | null;
  created_by: string | null;
  created_at: Instant;
  expires_at: Instant;
  used_at: Instant | null;
}

export interface SignInAttemptTable {
  id: string;
  email: string;
  ip: string;
  at: Instant;
  success: Bool;
}

/** Sign-in link and reset e-mails asked for one address since `window_start` (sent up to a limit). */
export interface AuthMailQuotaTable {
  email: string;
  window_start: Instant;
  requests: number;
}

export interface AuthTables {
  sessions: SessionTable;
  tokens: TokenTable;
  sign_in_attempts: SignInAttemptTable;
  auth_mail_quota: AuthMailQuotaTable;
}
