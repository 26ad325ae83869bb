import type { Generated } from 'kysely';
import type { Instant } from './types.ts';

// ── Portfolio (0021): framework, traces and their versions, thread, competencies, syntheses,
// internship supervisors ──

/** A programme's portfolio framework (JSON, checked by `portfolio/framework.ts`). */
export interface PortfolioFrameworkTable {
  programme_id: string;
  org_id: string;
  framework: string;
  updated_at: Instant;
  updated_by: string | null;
}

export type TraceState = 'planned' | 'draft' | 'submitted' | 'revision' | 'validated';

/** One trace a resident owes or wrote; dates (`due_on`, `review_week`) are days in the org's zone. */
export interface PortfolioTraceTable {
  id: string;
  org_id: string;
  programme_id: string;
  resident_id: string;
  type_id: string;
  phase_id: string;
  /** The semester it counts for ("2026-2027 S1"). */
  period: string;
  /** Its rank among the traces of its type in the semester (1, 2, …). */
  seq: number;
  family: string | null;
  title: string;
  state: TraceState;
  due_on: string;
  revision_due_on: string | null;
  reviewer_id: string | null;
  /** Monday of the week the reviewer is asked to read it. */
  review_week: string | null;
  review_token_hash: string | null;
  review_token_expires_at: Instant | null;
  /** JSON [{ id, level }]: the competencies the tutor linked. */
  competencies: Generated<string>;
  nudged_at: Instant | null;
  created_at: Instant;
  submitted_at: Instant | null;
  validated_at: Instant | null;
}

export interface PortfolioVersionTable {
  id: string;
  trace_id: string;
  number: number;
  body: string;
  created_at: Instant;
  updated_at: Instant;
  submitted_at: Instant | null;
  reviewer_id: string | null;
  /** Monday of the week its reviewer is asked to read it. */
  review_week: string | null;
}

export interface PortfolioAttachmentTable {
  id: string;
  version_id: string;
  filename: string;
  mime: string;
  size: number;
  data: Buffer;
  created_at: Instant;
}

export type TraceMessageKind = 'comment' | 'revision' | 'validation' | 'submission';

export interface PortfolioMessageTable {
  id: string;
  trace_id: string;
  version_number: number;
  author_id: string | null;
  kind: TraceMessageKind;
  /** The passage an inline comment is about. */
  quote: string | null;
  body: string;
  created_at: Instant;
}

export interface CompetencyRatingTable {
  id: string;
  org_id: string;
  programme_id: string;
  resident_id: string;
  competency_id: string;
  level: string; // novice | intermediate | competent
  source: string; // trace | interview | supervisor | synthesis
  source_id: string | null;
  rated_by: string | null;
  rated_at: Instant;
}

export interface PortfolioSynthesisTable {
  id: string;
  org_id: string;
  programme_id: string;
  resident_id: string;
  phase_id: string;
  version: number;
  body: string;
  body_hash: string;
  tutor_id: string | null;
  tutor_signed_name: string | null;
  tutor_signed_at: Instant | null;
  tutor_signed_version: number | null;
  resident_signed_name: string | null;
  resident_signed_at: Instant | null;
  resident_signed_version: number | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface SupervisorRequestTable {
  id: string;
  org_id: string;
  programme_id: string;
  resident_id: string;
  invited_by: string | null;
  period: string;
  site: string | null;
  name: string;
  email: string;
  token_hash: string | null;
  expires_at: Instant;
  /** JSON { competencies: [{ id, level, comment }], strengths, improvements }. */
  feedback: string | null;
  submitted_at: Instant | null;
  created_at: Instant;
}

export interface SupervisorShareTable {
  request_id: string;
  trace_id: string;
  shared_at: Instant;
}

export interface PortfolioTables {
  portfolio_frameworks: PortfolioFrameworkTable;
  portfolio_traces: PortfolioTraceTable;
  portfolio_versions: PortfolioVersionTable;
  portfolio_attachments: PortfolioAttachmentTable;
  portfolio_messages: PortfolioMessageTable;
  competency_ratings: CompetencyRatingTable;
  portfolio_syntheses: PortfolioSynthesisTable;
  supervisor_requests: SupervisorRequestTable;
  supervisor_shares: SupervisorShareTable;
}
