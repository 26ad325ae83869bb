import type { Generated } from 'kysely';
import type { Bool, Instant } from './types.ts';

// The tables of meetings, availability and matching; db/types.ts gathers every table into Database.

// ── Meetings (0003): availability, polls, meetings, reports, contact log, calendar feeds ──

/** A recurring or one-off constraint of a person, expanded in the organisation's zone. */
export interface AvailabilityRuleTable {
  id: string;
  org_id: string;
  user_id: string;
  category: string; // night-shift | course | internship | clinic | absence | preference
  kind: string; // busy | ifNeedBe
  pattern: string; // weekly | fortnightly | monthly | dates
  weekdays: string; // JSON number[] (1 = Monday … 7 = Sunday)
  nth: number | null; // monthly: 1–4, or -1 for the last one
  start_time: string; // HH:MM local; an end before the start runs past midnight
  end_time: string;
  from_date: string | null; // YYYY-MM-DD; fortnightly: its ISO week is the first week on
  to_date: string | null;
  rest_after: Bool; // the day after counts as if-need-be (repos de sécurité)
  created_at: Instant;
}

export interface CalendarSourceTable {
  id: string;
  org_id: string;
  user_id: string;
  kind: string; // upload | url
  label: string;
  url: string | null;
  busy: string; // JSON {start,end}[] — busy times only, never titles
  fetched_at: Instant | null;
  last_error: string | null;
  created_at: Instant;
}

export interface ProgrammeEventTable {
  id: string;
  org_id: string;
  programme_id: string;
  title: string;
  kind: string; // course-day | welcome-day | other
  starts_at: Instant;
  ends_at: Instant;
  busy: Bool;
  created_by: string;
  created_at: Instant;
}

export interface MeetingTable {
  id: string;
  org_id: string;
  programme_id: string;
  organiser_id: string;
  title: string;
  mode: string; // in-person | video | phone
  place: string | null;
  video_url: string | null;
  guide_id: string | null;
  duration_minutes: number;
  status: string; // polling | confirmed | cancelled
  /** meeting | tutored-interview (0021) */
  kind: string;
  starts_at: Instant | null;
  ends_at: Instant | null;
  ical_uid: string;
  sequence: number;
  poll_expires_at: Instant | null;
  reminded_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
  /** A meeting of a tutor team (0026), with the team's own report grid (modules/teams). */
  team_id?: string | null;
}

export interface MeetingParticipantTable {
  id: string;
  meeting_id: string;
  user_id: string;
  required: Bool;
  poll_token_hash: string | null;
  answered_at: Instant | null;
  poll_reminded_at: Instant | null;
  /** When the organiser last nudged them to answer (0014); one nudge per NUDGE_EVERY_MS. */
  poll_nudged_at: Generated<Instant | null>;
  attendance: string | null; // present | excused | absent
}

export interface MeetingOptionTable {
  id: string;
  meeting_id: string;
  starts_at: Instant;
  ends_at: Instant;
}

export interface PollAnswerTable {
  option_id: string;
  participant_id: string;
  answer: string; // yes | ifNeedBe | no
  answered_at: Instant;
}

export interface MeetingReportTable {
  meeting_id: string;
  author_id: string;
  status: string; // draft | filed
  duration_minutes: number | null;
  content: string; // JSON ReportContent
  updated_at: Instant;
  filed_at: Instant | null;
  /** Who besides its tutor reads the content (0/1), the programme's rule when it was filed. */
  visible_to_tutee: number;
  visible_to_coordinator: number;
  /** When the retention sweep erased the content (0012); the report itself stays for the figures. */
  content_purged_at: Generated<Instant | null>;
  /** JSON: the signatures of a tutored interview's report (0021). */
  signatures: Generated<string | null>;
}

export interface ContactLogTable {
  id: string;
  org_id: string;
  programme_id: string;
  author_id: string;
  tutee_id: string;
  channel: string; // call | sms | email | in-person | video
  happened_at: Instant;
  created_at: Instant;
  /** 0 for an attempt to reach the tutee that got no answer (0005). */
  answered: Generated<Bool>;
}

export interface CalendarFeedTable {
  user_id: string;
  token_hash: string;
  created_at: Instant;
}

// Matching (migration 0002).
export interface MatchingSettingsTable {
  programme_id: string;
  org_id: string;
  weights: string; // JSON Weights
  updated_at: Instant;
  updated_by: string | null;
}

export interface MatchingRunTable {
  id: string;
  org_id: string;
  programme_id: string;
  mode: string; // optimal | tutee-choice | tutor-choice | manual
  status: string; // draft | published | discarded
  weights: string;
  created_by: string;
  created_at: Instant;
  updated_at: Instant;
  published_at: Instant | null;
  published_by: string | null;
}

export interface PairingEventTable {
  id: string;
  org_id: string;
  programme_id: string;
  pairing_id: string;
  at: Instant;
  actor_id: string | null;
  kind: string;
  from_state: string | null;
  to_state: string | null;
  reason: string | null;
}

export interface MatchingConstraintTable {
  id: string;
  org_id: string;
  programme_id: string;
  tutor_user_id: string;
  tutee_user_id: string;
  kind: string; // conflict | knows
  reason: string | null;
  declared_by: string;
  created_at: Instant;
}

export interface MatchingRoundTable {
  id: string;
  org_id: string;
  programme_id: string;
  kind: string; // tutee-choice | tutor-choice
  deadline: Instant;
  status: string; // open | closed
  created_by: string;
  created_at: Instant;
  closed_at: Instant | null;
}

export interface MatchingChoiceTable {
  id: string;
  round_id: string;
  user_id: string;
  side: string; // tutee | tutor
  ranking: string; // JSON user ids, best first
  updated_at: Instant;
}
