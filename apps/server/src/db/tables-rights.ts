import type { Instant } from './types.ts';

// ── Data rights (0010): erasure requests and each organisation's decision ──

export interface ErasureRequestTable {
  id: string;
  user_id: string;
  status: string; // pending | scheduled | declined | cancelled | done
  requested_at: Instant;
  due_at: Instant | null;
  closed_at: Instant | null;
  notify_email: string | null;
  notify_locale: string | null;
}

export interface ErasureApprovalTable {
  id: string;
  request_id: string;
  org_id: string;
  status: string; // pending | confirmed | declined
  decided_by: string | null;
  decided_at: Instant | null;
  reason: string | null;
}
