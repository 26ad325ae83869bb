/**
 * The confidentiality table of PRODUCT.md as data. Every module asks `access(record, relation)`
 * instead of deciding on its own, and policy tests walk the whole table.
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

export const recordKinds = [
  'profile',
  'meetingMeta',
  'reportContent',
  'portfolio',
  'checkIn',
  'escalation',
  'privateNote',
] as const;
export type RecordKind = (typeof recordKinds)[number];

/**
 * full: everything; nameOnly: the person's name; statusOnly: status and counts; aggregate: only
 * aggregates over at least MIN_AGGREGATE people; setting: full if the programme says so, else none;
 * unlessHidden: full except answers the subject hid; anonymisedIfAsked: full, anonymised on request;
 * ownCase: only the case the expert is consulted on; authorOnly: only the record's author.
 */
export type Access =
  | 'full'
  | 'nameOnly'
  | 'statusOnly'
  | 'aggregate'
  | 'setting'
  | 'unlessHidden'
  | 'anonymisedIfAsked'
  | 'ownCase'
  | 'authorOnly'
  | 'none';

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
  portfolio: {
    self: 'full',
    tutor: 'full',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'statusOnly',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
  checkIn: {
    self: 'full',
    tutor: 'unlessHidden',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'aggregate',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
  escalation: {
    self: 'full',
    tutor: 'authorOnly',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'anonymisedIfAsked',
    expert: 'ownCase',
    peer: 'none',
    none: 'none',
  },
  privateNote: {
    self: 'authorOnly',
    tutor: 'authorOnly',
    ownTutor: 'none',
    otherTutor: 'none',
    coordinator: 'none',
    expert: 'none',
    peer: 'none',
    none: 'none',
  },
};

export function access(kind: RecordKind, relation: Relation): Access {
  return table[kind][relation];
}
