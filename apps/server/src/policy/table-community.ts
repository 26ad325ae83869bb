import type { Access, Relation } from './confidentiality.ts';

// The rows of the confidentiality table (confidentiality.ts `table`) for the tutor community: what
// each relation to the record's subject reads. Cells as in `Access`.

export const communityRows = {
  // A case a tutor brings to their team (modules/cases): its subject is its author. The members of
  // their live team read and discuss it, the tutee it may name by first name only; the coordination
  // reads it only once its author shared it (each read audited); nobody else learns it exists.
  teamCase: {
    self: 'full',
    tutor: 'none',
    ownTutor: 'none',
    otherTutor: 'team',
    coordinator: 'consent',
    expert: 'none',
    peer: 'none',
    backup: 'none',
    none: 'none',
  },
  // A tutor's yearly self-evaluation (modules/feedback): its author's only.
  selfEvaluation: {
    self: 'full',
    tutor: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'none',
    expert: 'none',
    peer: 'none',
    backup: 'none',
    none: 'none',
  },
  // Feedback a tutor (the subject) asked of teammates: read by the asking tutor only, each answer
  // named; the teammate asked reads the request made to them and what they answered, nothing else.
  peerFeedback: {
    self: 'full',
    tutor: 'none',
    ownTutor: 'none',
    otherTutor: 'own',
    coordinator: 'none',
    expert: 'none',
    peer: 'none',
    backup: 'none',
    none: 'none',
  },
  // Tutees' anonymous feedback on their tutor (the subject): the tutor reads means and comments
  // over at least MIN_AGGREGATE answers, never one answer; nobody reads a tutor's, not the coordination.
  tutorFeedback: {
    self: 'aggregate',
    tutor: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'none',
    expert: 'none',
    peer: 'none',
    backup: 'none',
    none: 'none',
  },
  // A recipient's answer to an announcement (modules/announcements): its author (the subject) and
  // the programme's coordination read it — never the other recipients, whoever they are.
  announcementReply: {
    self: 'full',
    tutor: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'full',
    expert: 'none',
    peer: 'none',
    backup: 'none',
    none: 'none',
  },
  // Why a tutor is away (modules/absences), which they may write when declaring leave: its author
  // (the subject) and the programme's coordination read it; the backup, the tutees and the teammates
  // learn the days only.
  absenceReason: {
    self: 'full',
    tutor: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'full',
    expert: 'none',
    peer: 'none',
    backup: 'none',
    none: 'none',
  },
} satisfies Record<string, Record<Relation, Access>>;
