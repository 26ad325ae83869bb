import type { Lang } from '../../notify/i18n.ts';
import type { MentoringFigures } from '../followup/review-mentoring.ts';
import { type EndReviewTheme, scaleLabel, themeLabels } from './questions.ts';
import { yearlyWords } from './texts.ts';
import type { Qualitative } from './yearly.ts';

/** The part of a yearly review these sections read; absent from reviews recorded before them. */
export interface WithQualitative {
  qualitative?: Qualitative;
  mentoring?: MentoringFigures;
  minAggregate: number;
}

type Value = string | number | null;
export type Line = { section: string; item: string; value: Value };

/**
 * The yearly review's qualitative and pairs' sections as lines (section, item, value) for the CSV and
 * the PDF: counts and means only — a mean under the minimum number of answers is replaced by the
 * review's withheld text, free answers are never written, nor the themes reviewers named themselves.
 */
export function qualitativeLines(r: WithQualitative, lang: Lang, withheld: string): Line[] {
  const say = yearlyWords(lang);
  const out: Line[] = [];
  const add = (section: string, item: string, value: Value) => out.push({ section, item, value });
  if (r.mentoring) {
    const m = r.mentoring;
    const s = say('mentoring');
    add(s, say('minimum'), m.meetingsMinimum);
    add(s, say('atMinimum'), m.pairsAtMinimum);
    add(s, say('belowMinimum'), m.pairsBelowMinimum);
    add(s, say('completed'), m.completed);
    add(s, say('endedEarly'), m.endedEarly);
    if (m.chartersSigned !== null && m.chartersSigned !== undefined)
      add(s, say('chartersSigned'), m.chartersSigned);
    const asked = m.requests;
    if (asked) {
      const q = say('requests');
      add(q, say('received'), asked.received);
      add(q, say('accepted'), asked.accepted);
      add(q, say('declined'), asked.declined);
      add(q, say('matched'), asked.matched);
      add(q, say('medianDaysToMatch'), asked.medianDaysToMatch);
    }
  }
  const q = r.qualitative;
  if (!q) return out;
  const e = say('endReviews');
  add(e, say('invited'), q.endReviews.invited);
  add(e, say('submitted'), q.endReviews.submitted);
  add(e, say('sharedCount'), q.endReviews.shared);
  for (const x of q.endReviews.scales)
    add(e, say('scale', { label: scaleLabel(x.id, lang) }), x.shown ? x.mean : withheld);
  const th = say('themes');
  for (const x of q.themes.themes) add(th, themeLabels[x.id as EndReviewTheme][lang], x.count);
  const qs = say('questionnaires');
  if (q.questionnaires.length === 0) add(qs, say('noQuestionnaire'), '');
  for (const x of q.questionnaires) {
    const s = `${qs} — ${x.title}`;
    add(s, say('answers'), x.answers);
    for (const question of x.questions) {
      if (question.kind === 'text') add(s, say('textNotInReview', { label: question.label }), '');
      else if (question.kind === 'yesno')
        add(
          s,
          say('yes', { label: question.label }),
          question.shown ? say('percent', { value: question.yesPercent }) : withheld,
        );
      else add(s, say('scale', { label: question.label }), question.shown ? question.mean : withheld);
    }
  }
  return out;
}

/** The themes' heading and the note the PDF writes under it. */
export const themesNote = (lang: Lang) => ({
  title: yearlyWords(lang)('themes'),
  text: yearlyWords(lang)('themesNote'),
});
