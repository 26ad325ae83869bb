import type { Db } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';

/**
 * The sensitive records whose reads are audited, and the audit action each one is logged under.
 * A capability that shows another kind of sensitive record adds it here with the code that shows it.
 */
export const readKinds = {
  contact: 'person.contact_read',
  report: 'meeting.report_read',
  pairingHistory: 'pairing.history_read',
  checkin: 'wellbeing.checkin_read',
  difficulty: 'difficulty.read',
  consultation: 'consultation.read',
  portfolio: 'portfolio.read',
  endReview: 'end_review.read',
  teamCase: 'team_case.read',
} as const;
export type ReadKind = keyof typeof readKinds;
export const readActions: readonly string[] = Object.values(readKinds);

/** How the reader stood towards the records when they read them, kept with the entry. */
export type ReaderRole = 'coordinator' | 'admin' | 'tutor' | 'tutee' | 'expert' | 'member';

export function readerRole(actor: UserActor, orgId: string, programmeId?: string): ReaderRole {
  const roles = programmeId ? rolesIn(actor, programmeId) : new Set<string>();
  if (roles.has('coordinator')) return 'coordinator';
  if (actor.adminOf.has(orgId)) return 'admin';
  if (roles.has('tutor')) return 'tutor';
  if (roles.has('tutee')) return 'tutee';
  if (roles.has('expert')) return 'expert';
  return 'member';
}

export interface SensitiveRead {
  orgId: string;
  actor: UserActor;
  /** The people whose records the answer showed; the reader is left out (reading one's own data is not audited). */
  subjectPersonIds: Iterable<string>;
  kind: ReadKind;
  /** The record read: a person, a meeting, a pairing, a difficulty, a consultation, or a programme or organisation for a list. */
  recordType:
    | 'person'
    | 'meeting'
    | 'pairing'
    | 'programme'
    | 'organisation'
    | 'difficulty'
    | 'consultation'
    | 'trace'
    | 'synthesis'
    | 'end_review'
    | 'team'
    | 'team_case';
  recordId: string;
  /** The programme the read happened in, to record the reader's role there. */
  programmeId?: string;
  ip?: string | null;
  /**
   * The record's person must not be named (an anonymised difficulty or case): the read is still
   * logged, with no people, so nobody reading the log learns who it was about.
   */
  unnamed?: boolean;
}

const CHUNK = 500;

/**
 * Records one read of sensitive records: one `audit_log` row per request, however many fields or
 * people it showed, and one `audit_subjects` row per person shown, for "who read my records". A
 * read that showed only the reader's own data writes nothing. Call it once the answer is decided
 * (after every access check), with the request's database or transaction.
 */
export async function auditRead(db: Db, at: Date, r: SensitiveRead): Promise<void> {
  const subjects = r.unnamed ? [] : [...new Set(r.subjectPersonIds)].filter((id) => id && id !== r.actor.id);
  if (subjects.length === 0 && !r.unnamed) return;
  const id = newId();
  const when = at.toISOString();
  await db
    .insertInto('audit_log')
    .values({
      id,
      org_id: r.orgId,
      actor_id: r.actor.id,
      action: readKinds[r.kind],
      subject_type: r.recordType,
      subject_id: r.recordId,
      ip: r.ip ?? null,
      at: when,
      meta: JSON.stringify({ role: readerRole(r.actor, r.orgId, r.programmeId), people: subjects.length }),
    })
    .execute();
  for (let i = 0; i < subjects.length; i += CHUNK) {
    await db
      .insertInto('audit_subjects')
      .values(
        subjects.slice(i, i + CHUNK).map((user_id) => ({ audit_id: id, org_id: r.orgId, user_id, at: when })),
      )
      .execute();
  }
}
