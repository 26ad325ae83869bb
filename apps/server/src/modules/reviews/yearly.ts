import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { scaleAggregates } from './aggregates.ts';
import { resultsOf } from './questionnaires.ts';
import { endReviewThemes, questionSetOf } from './questions.ts';
import { storedQuestions } from './schema.ts';

/**
 * The qualitative side of a programme's yearly review, over its period: the end reviews' quantitative
 * answers (every submitted review counts), each mean withheld under MIN_AGGREGATE answers; the themes
 * of the reviews whose authors shared them, counted (their own suggested themes listed for the screen
 * only, never in the CSV or PDF); and each questionnaire's results over the answers of the period's
 * months, withheld under MIN_AGGREGATE, its free answers left out. No name, no free text of anyone.
 */
export async function qualitativeReview(
  db: Db,
  p: { id: string; template: string },
  period: { start: string; end: string; months: string[] },
) {
  const [reviews, invited, questionnaires] = await Promise.all([
    db
      .selectFrom('end_reviews')
      .select(['scales', 'themes', 'other_theme', 'shared'])
      .where('programme_id', '=', p.id)
      .where('submitted_at', '>=', period.start)
      .where('submitted_at', '<', period.end)
      .execute(),
    db
      .selectFrom('end_reviews')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('programme_id', '=', p.id)
      .where('invited_at', '>=', period.start)
      .where('invited_at', '<', period.end)
      .executeTakeFirst(),
    db
      .selectFrom('questionnaires')
      .select(['id', 'title', 'questions'])
      .where('programme_id', '=', p.id)
      .orderBy('created_at')
      .execute(),
  ]);
  const shared = reviews.filter((r) => r.shared === 1);
  const themeCounts = new Map<string, number>();
  for (const r of shared) {
    for (const t of readJson(z.array(z.string()), r.themes, 'end_reviews.themes'))
      themeCounts.set(t, (themeCounts.get(t) ?? 0) + 1);
  }
  const ids = questionSetOf(p.template).scales.map((q) => q.id);
  return {
    endReviews: {
      invited: Number(invited?.n ?? 0),
      submitted: reviews.length,
      shared: shared.length,
      scales: scaleAggregates(reviews, ids),
    },
    themes: {
      themes: endReviewThemes.map((id) => ({ id, count: themeCounts.get(id) ?? 0 })),
      /** For the screen only: the themes the sharing authors named themselves. */
      suggestions: shared.flatMap((r) => (r.other_theme ? [r.other_theme] : [])).sort(),
    },
    questionnaires: await questionnaireResults(db, questionnaires, period.months),
  };
}
export type Qualitative = Awaited<ReturnType<typeof qualitativeReview>>;

async function questionnaireResults(
  db: Db,
  questionnaires: { id: string; title: string; questions: string }[],
  months: string[],
) {
  const out = [];
  for (const q of questionnaires) {
    const answers = await db
      .selectFrom('questionnaire_answers')
      .select('answers')
      .where('questionnaire_id', '=', q.id)
      .where('month', 'in', months)
      .execute();
    if (answers.length === 0) continue;
    const questions = readJson(storedQuestions, q.questions, 'questionnaires.questions');
    out.push({
      id: q.id,
      title: q.title,
      answers: answers.length,
      questions: resultsOf(questions, answers).map(({ texts: _, ...r }) => r),
    });
  }
  return out;
}

/** The mean of the programme satisfaction question, the review's headline "end-of-year reviews" figure. */
export function programmeSatisfaction(q: Qualitative) {
  const s = q.endReviews.scales.find((x) => x.id === 'programme');
  return { answers: s?.answers ?? 0, mean: s?.mean ?? null, shown: s?.shown ?? false };
}
