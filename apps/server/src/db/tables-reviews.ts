import type { Bool, Instant } from './types.ts';

// End-of-relationship reviews and anonymous questionnaires (0024); db/types.ts gathers them.

/** One party's review of a pair or group that ended (see the migration for the columns' rules). */
export interface EndReviewTable {
  id: string;
  org_id: string;
  programme_id: string;
  /** Its author; null once their data was erased (the scales stay, anonymous). */
  user_id: string | null;
  role: string; // tutor | tutee
  unit_key: string;
  pairing_id: string | null;
  question_set: string;
  pair_ended_at: Instant;
  invited_at: Instant;
  updated_at: Instant;
  submitted_at: Instant | null;
  texts: string; // JSON: question id → text
  scales: string; // JSON: question id → 1..5
  themes: string; // JSON: theme ids
  other_theme: string | null;
  shared: Bool;
  erased_at: Instant | null;
}

export interface QuestionnaireTable {
  id: string;
  org_id: string;
  programme_id: string;
  title: string;
  audience: string; // tutors | tutees | both
  questions: string; // JSON
  moment: string; // after-start | at-end | on-date
  months: number | null;
  send_on: string | null; // yyyy-mm-dd, in the organisation's zone
  active: Bool;
  created_by: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** That a person was asked, and whether they answered: never what, nor when. */
export interface QuestionnaireAskTable {
  id: string;
  questionnaire_id: string;
  user_id: string;
  asked_at: Instant;
  answered: Bool;
}

/** Anonymous answers: no person, no instant, a random id. */
export interface QuestionnaireAnswerTable {
  id: string;
  questionnaire_id: string;
  month: string; // yyyy-mm
  answers: string; // JSON
}

export interface ReviewTables {
  end_reviews: EndReviewTable;
  questionnaires: QuestionnaireTable;
  questionnaire_asks: QuestionnaireAskTable;
  questionnaire_answers: QuestionnaireAnswerTable;
}
