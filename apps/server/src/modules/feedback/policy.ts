import type { UserActor } from '../../policy/actor.ts';
import type { Relation } from '../../policy/confidentiality.ts';
import {
  peerFeedbackAccess,
  selfEvaluationReadable,
  tutorFeedbackAggregates,
} from '../../policy/confidentiality-teams.ts';

// Who evaluates their tutoring and who reads what of it. The confidentiality table's
// "selfEvaluation", "peerFeedback" and "tutorFeedback" rows decide (policy/confidentiality-teams.ts).

/** A tutor of one of the organisation's programmes (a tutor's own grid, feedback and aggregates). */
export const isTutorIn = (actor: UserActor, orgId: string) =>
  actor.memberships.some((m) => m.orgId === orgId && m.role === 'tutor');

/** A self-evaluation is read and written by its author only. */
export const maySeeSelfEvaluation = (actor: UserActor, authorId: string) =>
  selfEvaluationReadable(authorId === actor.id ? 'self' : 'none');

/** How the actor stands towards a request for peer feedback: the asker, the teammate asked, or nobody. */
export function peerStanding(
  actor: UserActor,
  r: { asker_id: string; peer_id: string; answered_at: string | null },
) {
  const relation: Relation =
    r.asker_id === actor.id ? 'self' : r.peer_id === actor.id ? 'otherTutor' : 'none';
  const standing = peerFeedbackAccess(relation, r.peer_id === actor.id);
  if (!standing) return null;
  return { standing, actions: { answer: standing === 'peer' && !r.answered_at } };
}

/** The tutee asked answers, once; nobody else learns the ask exists. */
export const mayAnswerTuteeAsk = (actor: UserActor, ask: { tutee_id: string }) => ask.tutee_id === actor.id;

/** Tutees' feedback on a tutor: the tutor's own aggregates only. */
export const maySeeTutorAggregates = (actor: UserActor, tutorId: string) =>
  tutorFeedbackAggregates(tutorId === actor.id ? 'self' : 'none');
