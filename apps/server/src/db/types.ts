import type { Generated, Insertable, Selectable, Updateable } from 'kysely';

// Instants are ISO-8601 UTC strings (sortable as text) and booleans are 0/1 integers on both
// databases, so one set of queries and presenters serves SQLite and PostgreSQL alike.
export type Instant = string;
export type Bool = number;

export interface OrganisationTable {
  id: string;
  name: string;
  slug: string;
  kind: string;
  time_zone: string;
  locale: string;
  is_demo: Bool;
  created_at: Instant;
  archived_at: Instant | null;
}

export interface UserTable {
  id: string;
  email: string;
  name: string;
  password_hash: string | null;
  locale: string;
  phone: string | null;
  is_demo: Bool;
  created_at: Instant;
  last_sign_in_at: Instant | null;
  disabled_at: Instant | null;
  /** 1 while the account still has the temporary password `admin create` gave it. */
  password_change_required: Generated<Bool>;
}

/** A person inside an organisation: their organisation-level profile and admin flag. */
export interface OrgMemberTable {
  id: string;
  org_id: string;
  user_id: string;
  is_admin: Bool;
  home_commune: string | null;
  professional_project: string | null;
  themes: string; // JSON string[]
  languages: string; // JSON string[]
  faculty: string | null;
  des_year: number | null;
  share_phone: Bool;
  presentation: string | null;
  created_at: Instant;
}

export interface PlacementTable {
  id: string;
  org_id: string;
  user_id: string;
  period: string; // e.g. "2026-2027 S1"
  site: string;
  city: string | null;
  kind: string; // internship | practice
  created_at: Instant;
}

export interface ProgrammeTable {
  id: string;
  org_id: string;
  name: string;
  template: string;
  rules: string; // JSON ProgrammeRules
  created_at: Instant;
  archived_at: Instant | null;
}

export interface CohortTable {
  id: string;
  org_id: string;
  programme_id: string;
  name: string;
  kind: string; // academic-year | semester
  starts_on: string; // YYYY-MM-DD
  ends_on: string;
  created_at: Instant;
  archived_at: Instant | null;
}

export interface MembershipTable {
  id: string;
  org_id: string;
  programme_id: string;
  cohort_id: string | null;
  user_id: string;
  role: string; // coordinator | tutor | tutee | expert
  capacity: number | null;
  created_at: Instant;
  ended_at: Instant | null;
}

export interface PairingTable {
  id: string;
  org_id: string;
  programme_id: string;
  cohort_id: string | null;
  tutor_user_id: string;
  tutee_user_id: string;
  group_key: string | null;
  state: string; // proposed | active | paused | completed | ended
  created_at: Instant;
  ended_at: Instant | null;
  end_reason: string | null;
  // Matching (0002): a locked pair survives re-runs; run_id ties a proposed pair to its draft.
  locked: Generated<Bool>;
  run_id: Generated<string | null>;
  explanation: Generated<string | null>; // JSON
  repair_requested_at: Generated<Instant | null>;
  repair_requested_by: Generated<string | null>;
}

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
  kind: string; // magic | reset | invite
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

export interface AuditTable {
  id: string;
  org_id: string | null;
  actor_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  ip: string | null;
  at: Instant;
  meta: string | null;
}

export interface ImportTable {
  id: string;
  org_id: string;
  programme_id: string;
  created_by: string;
  filename: string;
  status: string; // preview | committed
  rows: string; // JSON
  summary: string; // JSON
  created_at: Instant;
  committed_at: Instant | null;
}

export interface Database {
  organisations: OrganisationTable;
  users: UserTable;
  org_members: OrgMemberTable;
  placements: PlacementTable;
  programmes: ProgrammeTable;
  cohorts: CohortTable;
  memberships: MembershipTable;
  pairings: PairingTable;
  sessions: SessionTable;
  tokens: TokenTable;
  sign_in_attempts: SignInAttemptTable;
  audit_log: AuditTable;
  imports: ImportTable;
  matching_settings: MatchingSettingsTable;
  matching_runs: MatchingRunTable;
  pairing_events: PairingEventTable;
  matching_constraints: MatchingConstraintTable;
  matching_rounds: MatchingRoundTable;
  matching_choices: MatchingChoiceTable;
  availability_rules: AvailabilityRuleTable;
  calendar_sources: CalendarSourceTable;
  programme_events: ProgrammeEventTable;
  meetings: MeetingTable;
  meeting_participants: MeetingParticipantTable;
  meeting_options: MeetingOptionTable;
  poll_answers: PollAnswerTable;
  meeting_reports: MeetingReportTable;
  contact_logs: ContactLogTable;
  calendar_feeds: CalendarFeedTable;
  jobs: JobTable;
  deliveries: DeliveryTable;
  notifications: NotificationTable;
  notification_prefs: NotificationPrefsTable;
  digest_items: DigestItemTable;
  followup_alerts: FollowupAlertTable;
}

export type User = Selectable<UserTable>;
export type Organisation = Selectable<OrganisationTable>;
export type Programme = Selectable<ProgrammeTable>;
export type Membership = Selectable<MembershipTable>;
export type NewUser = Insertable<UserTable>;
export type UserUpdate = Updateable<UserTable>;
export type { Generated };

// ── Follow-up (0004): jobs, deliveries, notifications, preferences, alerts ──

export interface JobTable {
  id: string;
  name: string;
  payload: string; // JSON
  status: string; // pending | running | done | failed
  run_at: Instant;
  attempts: number;
  max_attempts: number;
  dedupe_key: string | null;
  locked_by: string | null;
  locked_until: Instant | null;
  last_error: string | null;
  created_at: Instant;
  finished_at: Instant | null;
}

export interface DeliveryTable {
  id: string;
  key: string;
  org_id: string | null;
  user_id: string | null;
  channel: string; // email | sms | inapp | digest
  kind: string;
  status: string; // sent | skipped | digested
  created_at: Instant;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  org_id: string | null;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Instant;
  read_at: Instant | null;
}

export interface NotificationPrefsTable {
  user_id: string;
  channels: string; // JSON
  quiet_start: string | null;
  quiet_end: string | null;
  time_zone: string;
  digest: string; // off | weekly
  digest_day: number;
  email_off: Bool;
  unsubscribe_token: string;
  updated_at: Instant;
}

export interface DigestItemTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: Instant;
  sent_in: string | null;
}

export interface FollowupAlertTable {
  id: string;
  org_id: string;
  programme_id: string;
  pairing_id: string;
  rule: string;
  state: string; // open | snoozed | closed | resolved
  level: string; // tutor | coordinator
  live_key: string | null;
  opened_at: Instant;
  escalated_at: Instant | null;
  snoozed_until: Instant | null;
  closed_at: Instant | null;
  closed_by: string | null;
  close_note: string | null;
  resolved_at: Instant | null;
  detail: string; // JSON
}

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
  starts_at: Instant | null;
  ends_at: Instant | null;
  ical_uid: string;
  sequence: number;
  poll_expires_at: Instant | null;
  reminded_at: Instant | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface MeetingParticipantTable {
  id: string;
  meeting_id: string;
  user_id: string;
  required: Bool;
  poll_token_hash: string | null;
  answered_at: Instant | null;
  poll_reminded_at: Instant | null;
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
