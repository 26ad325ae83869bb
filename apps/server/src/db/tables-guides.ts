import type { Instant } from './types.ts';

// ── Guides library and announcements (0029), modules/guides and modules/announcements ──

/** That an organisation's library was copied from the shipped defaults, in its language. */
export interface GuideLibraryTable {
  org_id: string;
  lang: string;
  created_at: Instant;
}

/** One guide of an organisation's library. */
export interface GuideTable {
  id: string;
  org_id: string;
  /** The shipped default it was copied from (the meetings' former static guide ids), or null. */
  default_key: string | null;
  theme: string;
  title: string;
  when_to_use: string;
  /** Markdown: questions to ask, steps, pitfalls. */
  body: string;
  position: number;
  created_by: string | null;
  created_at: Instant;
  updated_by: string | null;
  updated_at: Instant;
  archived_at: Instant | null;
}

/** A tutor's suggestion: a new guide (guide_id null) or a change to one. */
export interface GuideSuggestionTable {
  id: string;
  org_id: string;
  guide_id: string | null;
  author_id: string | null;
  theme: string;
  title: string;
  when_to_use: string;
  body: string;
  message: string;
  state: string; // pending | accepted | declined
  note: string | null;
  decided_by: string | null;
  decided_at: Instant | null;
  created_at: Instant;
}

/** A coordinator's message to a programme's tutors, tutees or both. */
export interface AnnouncementTable {
  id: string;
  org_id: string;
  programme_id: string;
  author_id: string | null;
  audience: string; // tutors | tutees | both
  title: string;
  body: string;
  link: string | null;
  created_at: Instant;
}

/** Who an announcement was sent to, and when they read it. */
export interface AnnouncementRecipientTable {
  announcement_id: string;
  user_id: string;
  read_at: Instant | null;
}

/** A recipient's private answer to the coordination. */
export interface AnnouncementReplyTable {
  id: string;
  announcement_id: string;
  author_id: string | null;
  body: string;
  created_at: Instant;
  erased_at: Instant | null;
}

export interface GuideTables {
  guide_libraries: GuideLibraryTable;
  guides: GuideTable;
  guide_suggestions: GuideSuggestionTable;
  announcements: AnnouncementTable;
  announcement_recipients: AnnouncementRecipientTable;
  announcement_replies: AnnouncementReplyTable;
}
