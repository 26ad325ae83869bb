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
