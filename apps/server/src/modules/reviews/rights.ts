import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { rowsTouched } from '../../db/rows.ts';

/**
 * End reviews and questionnaires in a person's data rights and in retention. An end review is its
 * author's: in their export whole; their erasure deletes a draft, and of a submitted review empties
 * the free answers, the themes and the consent and unlinks it from them and from the pair, keeping its
 * quantitative answers for the programme's aggregates, anonymous. The same happens to reviews of
 * pairs ended longer ago than the organisation keeps ended pairs' records. That a person was asked a
 * questionnaire is theirs (export, erasure); the answers are anonymous, nobody's personal data.
 */
const anyJson = z.unknown();

export async function reviewsData(db: Db, userId: string) {
  const [reviews, asks] = await Promise.all([
    db
      .selectFrom('end_reviews as r')
      .innerJoin('programmes as p', 'p.id', 'r.programme_id')
      .select([
        'p.name as programme',
        'r.role',
        'r.pair_ended_at',
        'r.invited_at',
        'r.submitted_at',
        'r.texts',
        'r.scales',
        'r.themes',
        'r.other_theme',
        'r.shared',
      ])
      .where('r.user_id', '=', userId)
      .orderBy('r.invited_at')
      .execute(),
    db
      .selectFrom('questionnaire_asks as a')
      .innerJoin('questionnaires as q', 'q.id', 'a.questionnaire_id')
      .innerJoin('programmes as p', 'p.id', 'q.programme_id')
      .select(['p.name as programme', 'q.title', 'a.asked_at', 'a.answered'])
      .where('a.user_id', '=', userId)
      .orderBy('a.asked_at')
      .execute(),
  ]);
  return {
    endReviews: reviews.map((r) => ({
      programme: r.programme,
      role: r.role,
      endedAt: r.pair_ended_at,
      createdAt: r.invited_at,
      submittedAt: r.submitted_at,
      content: readJson(anyJson, r.texts, 'end_reviews.texts'),
      answers: readJson(anyJson, r.scales, 'end_reviews.scales'),
      themes: readJson(anyJson, r.themes, 'end_reviews.themes'),
      themesText: r.other_theme,
      sharedWithCoordination: r.shared === 1,
    })),
    // The answers themselves are stored with no link to anyone: they cannot be part of this export.
    questionnaires: asks.map((a) => ({
      programme: a.programme,
      title: a.title,
      at: a.asked_at,
      answered: a.answered === 1,
    })),
  };
}

const keepScalesOnly = (at: string) => ({
  user_id: null,
  pairing_id: null,
  texts: '{}',
  themes: '[]',
  other_theme: null,
  shared: 0,
  erased_at: at,
});

/** The person's drafts deleted, their submitted reviews kept as anonymous scales; their asks deleted. */
export async function eraseReviews(trx: Db, userId: string, at: string): Promise<number> {
  return rowsTouched([
    ...(await trx
      .deleteFrom('end_reviews')
      .where('user_id', '=', userId)
      .where('submitted_at', 'is', null)
      .execute()),
    ...(await trx.updateTable('end_reviews').set(keepScalesOnly(at)).where('user_id', '=', userId).execute()),
    ...(await trx.deleteFrom('questionnaire_asks').where('user_id', '=', userId).execute()),
  ]);
}

/**
 * An organisation's end reviews of pairs ended before `cut` lose their words and their author (drafts
 * go), and asks older than `cut` go: the sweeps never reach that far back (sweep.ts, invite.ts), so
 * nobody is asked again.
 */
export async function purgeReviews(db: Db, orgId: string, cut: string, now: Date): Promise<number> {
  const drafts = await db
    .deleteFrom('end_reviews')
    .where('org_id', '=', orgId)
    .where('pair_ended_at', '<', cut)
    .where('submitted_at', 'is', null)
    .executeTakeFirst();
  const words = await db
    .updateTable('end_reviews')
    .set(keepScalesOnly(now.toISOString()))
    .where('org_id', '=', orgId)
    .where('pair_ended_at', '<', cut)
    .where('erased_at', 'is', null)
    .executeTakeFirst();
  const asks = await db
    .deleteFrom('questionnaire_asks')
    .where('asked_at', '<', cut)
    .where('questionnaire_id', 'in', db.selectFrom('questionnaires').select('id').where('org_id', '=', orgId))
    .executeTakeFirst();
  return Number(drafts.numDeletedRows) + Number(words.numUpdatedRows) + Number(asks.numDeletedRows);
}
