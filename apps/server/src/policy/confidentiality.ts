import { isDeepStrictEqual } from 'node:util';
import { communityRows } from './table-community.ts';

/**
 * The confidentiality table of PRODUCT.md as data, for the records the product keeps today: every
 * module asks this file (`access`, `contactFor`, `reportContentReadable`, `escalationAccess`,
 * `consultationAccess`, `pairThreadReadable`, `portfolioReadable`, `endReviewReadable`,
 * `access('joinRequest', …)`, `agreementReadable`, `access('announcementReply', …)` and those of
 * `confidentiality-teams.ts`) instead of deciding on its own, and `confidentiality.test.ts` checks each
 * row through HTTP requests. Rows of the brief for records not built yet (private notes) join the
 * table with the code that enforces them.
 *
 * Relations are from the viewer to the record's subject (the tutee or member it is about):
 * `tutor` is the subject's own tutor; `ownTutor` is a tutee looking at their own tutor (they must be
 * able to reach them, nothing more); `backup` is a teammate standing in for the subject's absent tutor,
 * from the absence's first day to its last (modules/absences): their profile and contact details as
 * their tutor sees them, none of the tutor's records (reports, check-ins, portfolio, thread);
 * `peer` is another member of the same programme who is not a tutor; `coordinator` covers the programme's coordinators and the organisation's admins.
 */
export const relations = [
  'self',
  'tutor',
  'backup',
  'ownTutor',
  'otherTutor',
  'coordinator',
  'expert',
  'peer',
  'none',
] as const;
export type Relation = (typeof relations)[number];

export const recordKinds = [
  'profile',
  'meetingMeta',
  'reportContent',
  'checkIn',
  'escalation',
  'consultation',
  'pairThread',
  'portfolio',
  'endReview',
  'joinRequest',
  'agreement',
  'teamCase',
  'selfEvaluation',
  'peerFeedback',
  'tutorFeedback',
  'announcementReply',
  'absenceReason',
] as const;
export type RecordKind = (typeof recordKinds)[number];

/**
 * full: everything; nameOnly: the person's name; setting: full if the programme says so, else none;
 * unlessHidden: every answer its subject did not hide, and nothing computed from them (no score);
 * aggregate: counts over at least MIN_AGGREGATE people, never a person's record;
 * own: only the records the viewer wrote, or (an expert) was asked about — none of the subject's
 * others; anonymised: the content, and who wrote it unless they asked not to be named; notice: told
 * that the record exists (by whom, when), never its content; status: where each record stands
 * (due, submitted, validated, late) and counts, never a title or a text; consent: in full once its
 * author chose to share it, otherwise only in aggregates over at least MIN_AGGREGATE answers; team:
 * in full for the members of the subject's live tutor team, a tutee it names by first name only.
 */
export type Access =
  | 'full'
  | 'nameOnly'
  | 'setting'
  | 'unlessHidden'
  | 'aggregate'
  | 'own'
  | 'anonymised'
  | 'notice'
  | 'status'
  | 'consent'
  | 'team'
  | 'none';

/** Aggregates shown to a coordinator (the yearly review) never cover fewer people than this. */
export const MIN_AGGREGATE = 5;

export const table: Record<RecordKind, Record<Relation, Access>> = {
  profile: {
    self: 'full',
    tutor: 'full',
    backup: 'full',
    ownTutor: 'full',
    otherTutor: 'nameOnly',
    coordinator: 'full',
    expert: 'none',
    peer: 'nameOnly',
    none: 'none',
  },
  meetingMeta: {
    self: 'full',
    tutor: 'full',
    backup: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'full',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
  reportContent: {
    self: 'setting',
    tutor: 'full',
    backup: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'setting',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
  // Well-being check-in answers (modules/wellbeing): the tutor is the tutee's tutor of the moment
  // and reads the check-ins asked while they were; an expert reads only what is shared with them.
  checkIn: {
    self: 'full',
    tutor: 'unlessHidden',
    backup: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'aggregate',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
  // A difficulty raised to the coordination ("escalations"): its subject is its author. A tutor
  // reads the ones they raised (relation self), never their tutee's.
  escalation: {
    self: 'full',
    tutor: 'own',
    backup: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'anonymised',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
  // A question to an expert about a tutee (the subject): the asker and the expert asked read it,
  // the expert only the question and what the asker attached; the tutee is told, unless anonymised.
  consultation: {
    self: 'notice',
    tutor: 'own',
    backup: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'own',
    expert: 'own',
    peer: 'none',
    none: 'none',
  },
  // The thread of a pair (modules/threads): what the tutee (its subject) and the pair's tutor write
  // to each other, read by the two of them only — the pair's tutor also after the pair ended.
  pairThread: {
    self: 'full',
    tutor: 'full',
    backup: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'none',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
  // Portfolio traces, their versions, thread and reviews, competency ratings and syntheses
  // (modules/portfolio): the resident (subject) and their tutor of the moment read them; the
  // coordination sees status and counts only. An internship supervisor is no member: they read,
  // through their private link, only the traces the resident shared with them.
  portfolio: {
    self: 'full',
    tutor: 'full',
    backup: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'status',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
  // A party's confidential review at the end of a pair or group (modules/reviews): its author (the
  // subject) reads and writes it; the coordination reads it only once submitted with its author's
  // consent, else only its quantitative answers in aggregates (never below MIN_AGGREGATE); the other
  // party of the pair never reads it.
  endReview: {
    self: 'full',
    tutor: 'none',
    backup: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'consent',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
  // A request to join a programme (modules/requests): its subject is the person who asked, not yet
  // a member, who reads it through their private link; the coordination reads it whole to decide;
  // no member of the programme learns who asked to join it.
  joinRequest: {
    self: 'full',
    tutor: 'none',
    backup: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'full',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
  // A pair's agreement (modules/agreements): the charter's signatures, its signed PDF and the pair's
  // term, for the pair's two people and the programme's coordination (the organisation's third
  // party); nobody else. Its public verification shows only the programme, the version, the text's
  // hash and the signers' names and days, to whoever holds the signed copy's code.
  agreement: {
    self: 'full',
    tutor: 'full',
    backup: 'none',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'full',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
  // The tutor community's rows (team cases, feedback on one's tutoring, announcement replies).
  ...communityRows,
};

/** Whether the viewer reads a pair's agreement: its signatures, signed PDF and term. */
export const agreementReadable = (relation: Relation) => table.agreement[relation] === 'full';

/** Whether the viewer reads a resident's portfolio content (texts, thread, ratings). */
export const portfolioReadable = (relation: Relation) => table.portfolio[relation] === 'full';

/** Whether the viewer sees the portfolio's status and counts (no title, no text). */
export const portfolioStatusVisible = (relation: Relation) => table.portfolio[relation] !== 'none';

/** Whether the viewer reads an end review: its author always, the coordination with the author's consent. */
export function endReviewReadable(relation: Relation, shared: boolean): boolean {
  const a = access('endReview', relation);
  return a === 'full' || (a === 'consent' && shared);
}

export function access(kind: RecordKind, relation: Relation): Access {
  return table[kind][relation];
}

/** Contact details of a person as the viewer may see them. */
export interface Contact {
  email: string | null;
  phone: string | null;
}

/**
 * A person's e-mail and phone for this viewer: both need full access to the profile, and the phone
 * its owner's consent too (`sharePhone`: their choice in the programme, else its rule, from
 * modules/people/phone-sharing.ts), unless the viewer is the person or coordinates them.
 */
export function contactFor(
  relation: Relation,
  subject: { email: string | null; phone: string | null; sharePhone: boolean },
): Contact {
  if (access('profile', relation) !== 'full') return { email: null, phone: null };
  const consent = relation === 'self' || relation === 'coordinator' || subject.sharePhone;
  return { email: subject.email, phone: consent ? subject.phone : null };
}

/**
 * Who besides its tutor reads a meeting report's content. The programme's `reportVisibility` rule
 * decides it when the report is filed, and the report keeps it: a later change of the rule applies
 * to reports filed afterwards, never to those already written.
 */
export interface ReportVisibility {
  tutee: boolean;
  coordinator: boolean;
}

/**
 * Whether the viewer may read a meeting report's content: in full for the tutor who wrote it; for
 * the tutee it is about and for the coordinator, as the report's visibility says.
 */
export function reportContentReadable(relation: Relation, visibility: ReportVisibility): boolean {
  const a = access('reportContent', relation);
  if (a !== 'setting') return a === 'full';
  return relation === 'coordinator' ? visibility.coordinator : visibility.tutee;
}

/**
 * The programme rules that decide who sees what (the 'setting' cells of the table). A change of
 * one is announced to the programme's members and audited with its before and after; what was
 * recorded under the old rule stays as it was recorded.
 */
export const confidentialityRules = ['reportVisibility'] as const;
export type ConfidentialityRule = (typeof confidentialityRules)[number];
type ConfidentialitySettings = { [K in ConfidentialityRule]: unknown };

/** The confidentiality rules that differ between two versions of a programme's rules, or null. */
export function confidentialityChange<R extends ConfidentialitySettings>(
  before: R,
  after: R,
): { before: Partial<Pick<R, ConfidentialityRule>>; after: Partial<Pick<R, ConfidentialityRule>> } | null {
  const changed = confidentialityRules.filter((k) => !isDeepStrictEqual(before[k], after[k]));
  if (changed.length === 0) return null;
  const pick = (r: R) =>
    Object.fromEntries(changed.map((k) => [k, r[k]])) as Partial<Pick<R, ConfidentialityRule>>;
  return { before: pick(before), after: pick(after) };
}

/**
 * What a viewer reads of a difficulty raised to the coordination, by their relation to its author
 * (`self` for the author, `coordinator` for the programme's coordinators and the organisation's
 * admins): null when nothing (the record answers 404), else whether its author is named.
 */
export function escalationAccess(relation: Relation, anonymised: boolean): { authorNamed: boolean } | null {
  const a = access('escalation', relation);
  if (a === 'full') return { authorNamed: true };
  if (a === 'anonymised') return { authorNamed: !anonymised };
  // 'own' is the self relation: a tutor reads the difficulties they raised, not their tutee's.
  return null;
}

/** How a viewer stands towards a consultation: who asked it, the expert asked, the tutee it is about. */
export type ConsultationStanding = 'asker' | 'expert' | 'subject' | null;

/**
 * What a viewer reads of a consultation: the asker everything they wrote (and whom it is about);
 * the expert asked the question and the attachments only, never the subject's name or records; the
 * subject a notice that their case was discussed; anyone else nothing.
 */
export function consultationAccess(
  relation: Relation,
  standing: ConsultationStanding,
): 'full' | 'questionOnly' | 'notice' | 'none' {
  const a = access('consultation', relation);
  if (a === 'own' && standing === 'asker') return 'full';
  if (a === 'own' && standing === 'expert' && relation === 'expert') return 'questionOnly';
  if (a === 'notice' && standing === 'subject') return 'notice';
  return 'none';
}

/** Whether a viewer reads (and, while the pair lasts, writes in) a pair's thread: its two people only. */
export const pairThreadReadable = (relation: Relation): boolean => access('pairThread', relation) === 'full';
