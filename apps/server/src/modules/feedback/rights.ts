import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';

/**
 * Team cases and feedback on one's tutoring in a person's data rights and in retention.
 *
 * Export: the cases one brought (title, situation, decision) and one's messages on cases; one's
 * self-evaluations; the peer feedback one asked (the answers, named) and gave; that one was asked
 * about one's tutor and answered — not the answer, which is anonymous and tied to nobody.
 * Erasure: one's cases, messages, self-evaluations and peer feedback asked or given are deleted; a
 * case that named one as its tutee forgets it; one's asks are deleted; as a tutor, the anonymous
 * answers about one are deleted too (they are about a person). Retention: asks older than the
 * organisation keeps ended pairs' records go, as the reviews module's questionnaire asks do — the
 * sweep never reaches that far back, so nobody is asked again; the anonymous answers stay.
 */
export async function feedbackData(db: Db, userId: string) {
  const [cases, caseMessages, selfEvaluations, peerAsked, peerGiven, asks] = await Promise.all([
    db
      .selectFrom('team_cases')
      .select(['title', 'situation', 'kind', 'state', 'decision', 'decided_at', 'shared_at', 'created_at'])
      .where('author_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('team_case_messages')
      .select(['body', 'created_at'])
      .where('author_id', '=', userId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('self_evaluations')
      .select(['year', 'ratings', 'strengths', 'to_improve', 'saved_at', 'updated_at'])
      .where('user_id', '=', userId)
      .orderBy('year')
      .execute(),
    db
      .selectFrom('peer_feedback as f')
      .innerJoin('users as u', 'u.id', 'f.peer_id')
      .select(['u.name as peer', 'f.asked_at', 'f.answered_at', 'f.ratings', 'f.comment'])
      .where('f.asker_id', '=', userId)
      .orderBy('f.asked_at')
      .execute(),
    db
      .selectFrom('peer_feedback as f')
      .innerJoin('users as u', 'u.id', 'f.asker_id')
      .select(['u.name as asker', 'f.asked_at', 'f.answered_at', 'f.ratings', 'f.comment'])
      .where('f.peer_id', '=', userId)
      .orderBy('f.asked_at')
      .execute(),
    db
      .selectFrom('tutor_feedback_asks')
      .select(['moment', 'asked_at', 'answered'])
      .where('tutee_id', '=', userId)
      .orderBy('asked_at')
      .execute(),
  ]);
  return {
    teamCases: [...cases, ...caseMessages],
    selfEvaluations,
    peerFeedback: [...peerAsked, ...peerGiven],
    // The answers are stored with no link to anyone: only that one was asked and answered.
    tutorFeedbackAsks: asks.map((a) => ({
      moment: a.moment,
      askedAt: a.asked_at,
      answered: a.answered === 1,
    })),
  };
}

export async function eraseFeedback(trx: Db, userId: string): Promise<number> {
  return rowsTouched([
    ...(await trx.deleteFrom('team_case_messages').where('author_id', '=', userId).execute()),
    ...(await trx.deleteFrom('team_cases').where('author_id', '=', userId).execute()),
    ...(await trx
      .updateTable('team_cases')
      .set({ subject_id: null })
      .where('subject_id', '=', userId)
      .execute()),
    ...(await trx
      .updateTable('team_cases')
      .set({ decided_by: null })
      .where('decided_by', '=', userId)
      .execute()),
    ...(await trx.deleteFrom('self_evaluations').where('user_id', '=', userId).execute()),
    ...(await trx
      .deleteFrom('peer_feedback')
      .where((eb) => eb.or([eb('asker_id', '=', userId), eb('peer_id', '=', userId)]))
      .execute()),
    ...(await trx.deleteFrom('tutor_feedback_asks').where('tutee_id', '=', userId).execute()),
    ...(await trx.deleteFrom('tutor_feedback_answers').where('tutor_id', '=', userId).execute()),
  ]);
}

/** An organisation's asks of tutees older than `cut` go (the answers, anonymous, stay). */
export async function purgeTutorFeedbackAsks(db: Db, orgId: string, cut: string): Promise<number> {
  const r = await db
    .deleteFrom('tutor_feedback_asks')
    .where('org_id', '=', orgId)
    .where('asked_at', '<', cut)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
