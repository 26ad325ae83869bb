import type { Generated } from 'kysely';
import type { Bool, Instant } from './types.ts';

// ── Case review in a team and feedback on one's tutoring (0028), modules/cases and
// modules/feedback; db/types.ts gathers them ──

/** A situation a tutor brings to their team; anonymised unless linked to one of their tutees. */
export interface TeamCaseTable {
  id: string;
  org_id: string;
  programme_id: string;
  team_id: string;
  author_id: string | null;
  title: string;
  situation: string;
  kind: string; // modules/cases/schema.ts caseKinds
  subject_id: string | null;
  meeting_id: string | null;
  state: string; // open | closed
  decision: string | null;
  decided_by: string | null;
  decided_at: Instant | null;
  shared_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface TeamCaseMessageTable {
  id: string;
  case_id: string;
  author_id: string | null;
  body: string;
  created_at: Instant;
}

/** A tutor's self-evaluation of an academic year (`year`: its first calendar year). */
export interface SelfEvaluationTable {
  id: string;
  org_id: string;
  user_id: string;
  year: number;
  ratings: string; // JSON { [item]: { level, note } }
  strengths: string;
  to_improve: string;
  saved_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A tutor's request for feedback from a teammate, and the teammate's answer. */
export interface PeerFeedbackTable {
  id: string;
  org_id: string;
  asker_id: string;
  peer_id: string;
  year: number;
  asked_at: Instant;
  ratings: string | null;
  comment: string | null;
  answered_at: Instant | null;
}

/** That a tutee was asked about their tutor at a moment of their pairing, and whether they answered. */
export interface TutorFeedbackAskTable {
  id: string;
  org_id: string;
  pairing_id: string;
  moment: string; // six-months | end
  tutee_id: string;
  tutor_id: string;
  asked_at: Instant;
  answered: Generated<Bool>;
}

/** An anonymous answer about a tutor: no person, the month only. */
export interface TutorFeedbackAnswerTable {
  id: string;
  org_id: string;
  tutor_id: string;
  month: string; // YYYY-MM
  answers: string; // JSON { [question]: 1-5 }
  comment: string | null;
}

export interface FeedbackTables {
  team_cases: TeamCaseTable;
  team_case_messages: TeamCaseMessageTable;
  self_evaluations: SelfEvaluationTable;
  peer_feedback: PeerFeedbackTable;
  tutor_feedback_asks: TutorFeedbackAskTable;
  tutor_feedback_answers: TutorFeedbackAnswerTable;
}
