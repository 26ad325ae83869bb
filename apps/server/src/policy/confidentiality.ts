/**
 * The confidentiality table of PRODUCT.md as data, for the records the product keeps today: every
 * module asks this file (`access`, `contactFor`, `reportContentReadable`) instead of deciding on
 * its own, and `confidentiality.test.ts` checks each row through HTTP requests. Rows of the brief
 * for records not built yet (portfolio, check-ins, escalations, private notes) join the table with
 * the code that enforces them.
 *
 * Relations are from the viewer to the record's subject (the tutee or member it is about):
 * `tutor` is the subject's own tutor; `ownTutor` is a tutee looking at their own tutor (they must be
 * able to reach them, nothing more); `peer` is another member of the same programme who is not a
 * tutor; `coordinator` covers the programme's coordinators and the organisation's admins.
 */
export const relations = [
  'self',
  'tutor',
  'ownTutor',
  'otherTutor',
  'coordinator',
  'expert',
  'peer',
  'none',
] as const;
export type Relation = (typeof relations)[number];

export const recordKinds = ['profile', 'meetingMeta', 'reportContent'] as const;
export type RecordKind = (typeof recordKinds)[number];

/**
 * full: everything; nameOnly: the person's name; setting: full if the programme says so, else none.
 */
export type Access = 'full' | 'nameOnly' | 'setting' | 'none';

/** Aggregates shown to a coordinator (the yearly review) never cover fewer people than this. */
export const MIN_AGGREGATE = 5;

export const table: Record<RecordKind, Record<Relation, Access>> = {
  profile: {
    self: 'full',
    tutor: 'full',
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
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'setting',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
};

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
 * its owner's consent too (`sharePhone`), unless the viewer is the person or coordinates them.
 */
export function contactFor(
  relation: Relation,
  subject: { email: string | null; phone: string | null; sharePhone: boolean },
): Contact {
  if (access('profile', relation) !== 'full') return { email: null, phone: null };
  const consent = relation === 'self' || relation === 'coordinator' || subject.sharePhone;
  return { email: subject.email, phone: consent ? subject.phone : null };
}

/** The programme rule that decides report content where the table says 'setting'. */
export interface ReportVisibility {
  reportVisibility?: { tutee: boolean; coordinator: boolean };
}

/**
 * Whether the viewer may read a meeting report's content: in full for the tutor who wrote it; for
 * the tutee it is about and for the coordinator, as the programme's `reportVisibility` says.
 */
export function reportContentReadable(relation: Relation, rules: ReportVisibility): boolean {
  const a = access('reportContent', relation);
  if (a !== 'setting') return a === 'full';
  const v = rules.reportVisibility ?? { tutee: false, coordinator: false };
  return relation === 'coordinator' ? v.coordinator : v.tutee;
}
