import type { Programme } from '../../db/types.ts';
import type { UserActor } from '../../policy/actor.ts';
import { endReviewReadable, type Relation } from '../../policy/confidentiality.ts';
import { managesProgramme } from '../programmes/policy.ts';

// Who reads and writes an end review (the confidentiality table's `endReview` row) and a programme's
// questionnaires. The review's subject is its author.

export interface ReviewRef {
  user_id: string | null;
  submitted_at: string | null;
  shared: number;
  /** The pair's people when the review was asked, to name a viewer's relation to its author. */
  tutor_user_id: string | null;
  tutee_user_id: string | null;
}

/** The viewer's relation to the review's author. */
export function relationToReview(
  actor: UserActor,
  r: ReviewRef,
  p: Pick<Programme, 'id' | 'org_id' | 'archived_at'>,
): Relation {
  if (r.user_id !== null && r.user_id === actor.id) return 'self';
  if (managesProgramme(actor, p, 'read')) return 'coordinator';
  if (actor.id === r.tutor_user_id) return 'tutor';
  if (actor.id === r.tutee_user_id) return 'ownTutor';
  return 'none';
}

/** Whether the viewer reads the review: a draft is its author's alone, a submitted one as the table says. */
export function mayReadReview(
  actor: UserActor,
  r: ReviewRef,
  p: Pick<Programme, 'id' | 'org_id' | 'archived_at'>,
) {
  const relation = relationToReview(actor, r, p);
  if (relation === 'self') return true;
  return r.submitted_at !== null && endReviewReadable(relation, r.shared === 1);
}

/** Its author writes it until it is submitted, once. */
export const mayEditReview = (actor: UserActor, r: ReviewRef) =>
  r.user_id === actor.id && r.submitted_at === null;

/** The programme's counts, aggregates and shared reviews: its managers. */
export const mayReadProgrammeReviews = (actor: UserActor, p: Programme) => managesProgramme(actor, p, 'read');

/** Questionnaires: the programme's managers read the results, and write them while it is not archived. */
export const mayReadQuestionnaires = (actor: UserActor, p: Programme) => managesProgramme(actor, p, 'read');
export const mayEditQuestionnaires = (actor: UserActor, p: Programme) => managesProgramme(actor, p, 'write');
