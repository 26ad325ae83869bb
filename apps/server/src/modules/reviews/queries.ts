import type { Db } from '../../db/index.ts';
import { nonEmpty, type Scope } from '../../policy/scope.ts';

// The SQL of end reviews and questionnaires that reads records for one actor: each takes a Scope.

/**
 * An end review the actor may reach: their own, or one of a programme they belong to or whose
 * organisation they administer (the policy then decides); anything else is not found.
 */
export function findReview(db: Db, scope: Scope, id: string) {
  return db
    .selectFrom('end_reviews as r')
    .innerJoin('programmes as p', 'p.id', 'r.programme_id')
    .leftJoin('pairings as x', 'x.id', 'r.pairing_id')
    .leftJoin('users as u', 'u.id', 'r.user_id')
    .selectAll('r')
    .select([
      'p.name as programme_name',
      'p.template',
      'p.archived_at',
      'x.tutor_user_id',
      'x.tutee_user_id',
      'x.group_key',
      'u.name as author_name',
    ])
    .where('r.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('r.user_id', '=', scope.actorId),
        eb('r.programme_id', 'in', nonEmpty(scope.programmeIds)),
        eb('p.org_id', 'in', nonEmpty(scope.adminOrgIds)),
      ]),
    )
    .executeTakeFirst();
}
export type FoundReview = NonNullable<Awaited<ReturnType<typeof findReview>>>;

/** The actor's own reviews, newest first. */
export function myReviews(db: Db, scope: Scope) {
  return db
    .selectFrom('end_reviews as r')
    .innerJoin('programmes as p', 'p.id', 'r.programme_id')
    .leftJoin('pairings as x', 'x.id', 'r.pairing_id')
    .select([
      'r.id',
      'r.org_id',
      'r.programme_id',
      'r.role',
      'r.question_set',
      'r.pair_ended_at',
      'r.submitted_at',
      'p.name as programme_name',
      'x.tutor_user_id',
      'x.tutee_user_id',
      'x.group_key',
    ])
    .where('r.user_id', '=', scope.actorId)
    .orderBy('r.invited_at', 'desc')
    .execute();
}

/**
 * The names of the people a review is about, as its author knew them: their tutor, their tutee, or
 * the other people of their group.
 */
export async function counterparts(
  db: Db,
  r: {
    programme_id: string;
    role: string;
    tutor_user_id: string | null;
    tutee_user_id: string | null;
    group_key: string | null;
  },
): Promise<string[]> {
  if (r.group_key) {
    const rows = await db
      .selectFrom('pairings as x')
      .innerJoin('users as t', 't.id', 'x.tutor_user_id')
      .innerJoin('users as e', 'e.id', 'x.tutee_user_id')
      .select(['t.id as tutor_id', 't.name as tutor', 'e.id as tutee_id', 'e.name as tutee'])
      .where('x.programme_id', '=', r.programme_id)
      .where('x.group_key', '=', r.group_key)
      .execute();
    const me = r.role === 'tutor' ? r.tutor_user_id : r.tutee_user_id;
    const names = new Map<string, string>();
    for (const x of rows) {
      if (x.tutor_id !== me) names.set(x.tutor_id, x.tutor);
      if (x.tutee_id !== me) names.set(x.tutee_id, x.tutee);
    }
    return [...names.values()].sort((a, b) => a.localeCompare(b, 'fr'));
  }
  const other = r.role === 'tutor' ? r.tutee_user_id : r.tutor_user_id;
  if (!other) return [];
  const u = await db.selectFrom('users').select('name').where('id', '=', other).executeTakeFirst();
  return u ? [u.name] : [];
}

/** A questionnaire of a programme the actor reaches (the policy then decides). */
export function findQuestionnaire(db: Db, scope: Scope, id: string) {
  return db
    .selectFrom('questionnaires as q')
    .innerJoin('programmes as p', 'p.id', 'q.programme_id')
    .selectAll('q')
    .where('q.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('q.programme_id', 'in', nonEmpty(scope.programmeIds)),
        eb('p.org_id', 'in', nonEmpty(scope.adminOrgIds)),
      ]),
    )
    .executeTakeFirst();
}

/** A questionnaire the actor was asked: only theirs. */
export function findAsk(db: Db, scope: Scope, id: string) {
  return db
    .selectFrom('questionnaire_asks as a')
    .innerJoin('questionnaires as q', 'q.id', 'a.questionnaire_id')
    .innerJoin('programmes as p', 'p.id', 'q.programme_id')
    .select([
      'a.id',
      'a.answered',
      'q.id as questionnaire_id',
      'q.title',
      'q.questions',
      'p.id as programme_id',
      'p.name as programme_name',
      'p.org_id',
    ])
    .where('a.id', '=', id)
    .where('a.user_id', '=', scope.actorId)
    .executeTakeFirst();
}

/** The questionnaires the actor was asked and has not answered yet. */
export function myAsks(db: Db, scope: Scope) {
  return db
    .selectFrom('questionnaire_asks as a')
    .innerJoin('questionnaires as q', 'q.id', 'a.questionnaire_id')
    .innerJoin('programmes as p', 'p.id', 'q.programme_id')
    .select(['a.id', 'a.asked_at', 'q.title', 'p.id as programme_id', 'p.name as programme_name'])
    .where('a.user_id', '=', scope.actorId)
    .where('a.answered', '=', 0)
    .where('q.active', '=', 1)
    .where('p.archived_at', 'is', null)
    .orderBy('a.asked_at', 'desc')
    .execute();
}
