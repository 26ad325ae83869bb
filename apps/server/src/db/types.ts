import type { Generated, Insertable, Selectable, Updateable } from 'kysely';
import type * as Absences from './tables-absences.ts';
import type * as Agreements from './tables-agreements.ts';
import type * as Auth from './tables-auth.ts';
import type * as Coaching from './tables-coaching.ts';
import type * as Concerns from './tables-difficulties.ts';
import type * as Feedback from './tables-feedback.ts';
import type * as Guides from './tables-guides.ts';
import type * as Meetings from './tables-meetings-matching.ts';
import type * as Networks from './tables-networks.ts';
import type * as People from './tables-people.ts';
import type * as Portfolio from './tables-portfolio.ts';
import type * as Requests from './tables-requests.ts';
import type * as Reviews from './tables-reviews.ts';
import type * as Rights from './tables-rights.ts';
import type * as TeamWork from './tables-team-work.ts';
import type * as Teams from './tables-teams.ts';
import type * as Training from './tables-training.ts';
import type * as Wellbeing from './tables-wellbeing.ts';

export type * from './tables-meetings-matching.ts';
export type * from './tables-people.ts';
export type * from './tables-requests.ts';
export type * from './tables-rights.ts';
export type * from './tables-wellbeing.ts';

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
  /** When the person's data was erased: the row stays for counts, with no name, address or phone (0010). */
  erased_at: Generated<Instant | null>;
  /** When the password was last reset or changed: links asked for before then are not sent. */
  password_changed_at: Generated<Instant | null>;
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
  /** When an invitation to this programme was last sent; null while none was. */
  invited_at: Instant | null;
}

/** An existing account invited into a programme: nothing is enrolled until the person accepts. */
export interface ProgrammeInvitationTable {
  id: string;
  org_id: string;
  programme_id: string;
  user_id: string;
  /** The e-mail and name as the coordinator typed them. */
  email: string;
  name: string;
  role: string; // coordinator | tutor | tutee | expert
  capacity: number | null;
  invited_by: string;
  created_at: Instant;
  expires_at: Instant;
  answered_at: Instant | null;
  answer: string | null; // accepted | declined
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

/** A person whose records an audited read showed (0012): "who read my records" looks here. */
export interface AuditSubjectTable {
  audit_id: string;
  org_id: string | null;
  user_id: string;
  at: Instant;
}

/** An organisation's retention periods (0012); no row means the defaults. */
export interface RetentionSettingsTable {
  org_id: string;
  audit_days: number;
  sign_in_days: number;
  session_days: number;
  import_days: number;
  pairing_months: number;
  checkin_months: Generated<number>;
  difficulty_months: Generated<number | null>; // closed difficulties, consultations (0017); null: default
  join_request_months: Generated<number | null>; // declined and withdrawn join requests (0023); null: default
  updated_at: Instant;
  updated_by: string | null;
}

/** What an organisation chose a column title to be (a people field, or "ignore"). */
export interface ImportColumnChoiceTable {
  id: string;
  org_id: string;
  header_key: string; // normalised column title
  field: string;
  chosen_by: string | null;
  chosen_at: Instant;
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

export interface Database
  extends Absences.AbsenceTables,
    Agreements.AgreementTables,
    Auth.AuthTables,
    Concerns.DifficultyTables,
    Guides.GuideTables,
    People.ThreadTables,
    People.PeopleTables,
    Portfolio.PortfolioTables,
    Reviews.ReviewTables,
    Requests.RequestTables,
    Teams.TeamTables,
    TeamWork.TeamWorkTables,
    Feedback.FeedbackTables,
    Training.TrainingTables,
    Coaching.CoachingTables,
    Networks.NetworkTables {
  organisations: OrganisationTable;
  users: UserTable;
  org_members: OrgMemberTable;
  placements: PlacementTable;
  programmes: ProgrammeTable;
  cohorts: CohortTable;
  memberships: MembershipTable;
  programme_invitations: ProgrammeInvitationTable;
  pairings: PairingTable;
  audit_log: AuditTable;
  audit_subjects: AuditSubjectTable;
  retention_settings: RetentionSettingsTable;
  imports: ImportTable;
  import_column_choices: ImportColumnChoiceTable;
  matching_settings: Meetings.MatchingSettingsTable;
  matching_runs: Meetings.MatchingRunTable;
  pairing_events: Meetings.PairingEventTable;
  matching_constraints: Meetings.MatchingConstraintTable;
  matching_rounds: Meetings.MatchingRoundTable;
  matching_choices: Meetings.MatchingChoiceTable;
  availability_rules: Meetings.AvailabilityRuleTable;
  calendar_sources: Meetings.CalendarSourceTable;
  programme_events: Meetings.ProgrammeEventTable;
  meetings: Meetings.MeetingTable;
  meeting_participants: Meetings.MeetingParticipantTable;
  meeting_options: Meetings.MeetingOptionTable;
  poll_answers: Meetings.PollAnswerTable;
  meeting_reports: Meetings.MeetingReportTable;
  contact_logs: Meetings.ContactLogTable;
  calendar_feeds: Meetings.CalendarFeedTable;
  jobs: JobTable;
  deliveries: DeliveryTable;
  notifications: NotificationTable;
  notification_prefs: NotificationPrefsTable;
  digest_items: DigestItemTable;
  followup_alerts: FollowupAlertTable;
  erasure_requests: Rights.ErasureRequestTable;
  erasure_approvals: Rights.ErasureApprovalTable;
  wellbeing_resources: Wellbeing.WellbeingResourceTable;
  wellbeing_settings: Wellbeing.WellbeingSettingsTable;
  checkin_settings: Wellbeing.CheckinSettingsTable;
  checkin_consents: Wellbeing.CheckinConsentTable;
  checkins: Wellbeing.CheckinTable;
  checkin_answers: Wellbeing.CheckinAnswerTable;
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
