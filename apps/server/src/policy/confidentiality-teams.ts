import { access, type Relation } from './confidentiality.ts';

// The rows of the confidentiality table (confidentiality.ts) for tutor teams and feedback on one's
// tutoring, as the modules ask them: team cases (modules/cases), self-evaluations, peer feedback and
// tutees' anonymous feedback (modules/feedback).

/**
 * What a viewer reads of a team case, by their relation to its author: its author and their
 * teammates the case (the teammates a tutee it names by first name only), the coordination the case
 * once shared; null when nothing (a 404).
 */
export function teamCaseAccess(
  relation: Relation,
  o: { teammate: boolean; shared: boolean },
): { subject: 'full' | 'firstName' | 'none' } | null {
  const a = access('teamCase', relation);
  if (a === 'full') return { subject: 'full' };
  if (a === 'team' && o.teammate) return { subject: 'firstName' };
  if (a === 'consent' && o.shared) return { subject: 'firstName' };
  return null;
}

/** Whether a viewer reads a self-evaluation: its author only. */
export const selfEvaluationReadable = (relation: Relation) => access('selfEvaluation', relation) === 'full';

/** What a viewer reads of a request for peer feedback: the asker all, the teammate asked theirs. */
export function peerFeedbackAccess(relation: Relation, asked: boolean): 'asker' | 'peer' | null {
  const a = access('peerFeedback', relation);
  if (a === 'full') return 'asker';
  if (a === 'own' && asked) return 'peer';
  return null;
}

/** Whether a viewer reads tutees' feedback on a tutor: the tutor, in aggregates only. */
export const tutorFeedbackAggregates = (relation: Relation) =>
  access('tutorFeedback', relation) === 'aggregate';

/**
 * Tutor teams (modules/teams). Relations of a viewer to a team's records: `teammate` a live member
 * of the same team, `coordinator` the programme's coordination and the organisation's admins,
 * `otherTutor` a tutor of the programme outside the team (or of another team), `tutee` a tutee of
 * the programme, `none` anyone else. `teamContact` is a member's e-mail and phone (the phone as
 * its owner shares it); `teamThread` the team's thread; `teamReport` a team meeting's report grid;
 * `teamCaseload` the members' load and the requests of the team (overloaded, tutee moves).
 */
export const teamRelations = ['teammate', 'coordinator', 'otherTutor', 'tutee', 'none'] as const;
export type TeamRelation = (typeof teamRelations)[number];
export const teamRecordKinds = ['teamContact', 'teamThread', 'teamReport', 'teamCaseload'] as const;
export type TeamRecordKind = (typeof teamRecordKinds)[number];

export const teamTable: Record<TeamRecordKind, Record<TeamRelation, 'full' | 'none'>> = {
  teamContact: { teammate: 'full', coordinator: 'full', otherTutor: 'none', tutee: 'none', none: 'none' },
  teamThread: { teammate: 'full', coordinator: 'none', otherTutor: 'none', tutee: 'none', none: 'none' },
  teamReport: { teammate: 'full', coordinator: 'none', otherTutor: 'none', tutee: 'none', none: 'none' },
  teamCaseload: { teammate: 'full', coordinator: 'full', otherTutor: 'none', tutee: 'none', none: 'none' },
};

/** Whether the viewer reads a team's record of this kind. */
export const teamReadable = (kind: TeamRecordKind, relation: TeamRelation) =>
  teamTable[kind][relation] === 'full';

/**
 * Coaching of new tutors (modules/coaching). Relations of a viewer to a coaching: `coach` and
 * `newTutor` its two tutors, `coordinator` the programme's coordination and the organisation's
 * admins, `otherTutor` any other tutor of the programme, `none` anyone else. `coaching` is the
 * pairing itself (who, since when, until when, how it ended); `coachingContact` the e-mail and the
 * phone (as its owner shares it) each of the two reads of the other while the coaching runs.
 */
export const coachingRelations = ['coach', 'newTutor', 'coordinator', 'otherTutor', 'none'] as const;
export type CoachingRelation = (typeof coachingRelations)[number];
export const coachingRecordKinds = ['coaching', 'coachingContact'] as const;
export type CoachingRecordKind = (typeof coachingRecordKinds)[number];

export const coachingTable: Record<CoachingRecordKind, Record<CoachingRelation, 'full' | 'none'>> = {
  coaching: { coach: 'full', newTutor: 'full', coordinator: 'full', otherTutor: 'none', none: 'none' },
  coachingContact: { coach: 'full', newTutor: 'full', coordinator: 'none', otherTutor: 'none', none: 'none' },
};

/** Whether the viewer reads a coaching's record of this kind. */
export const coachingReadable = (kind: CoachingRecordKind, relation: CoachingRelation) =>
  coachingTable[kind][relation] === 'full';
