/**
 * The WHO-5 well-being index (World Health Organization, Regional Office for Europe, 1998), free to
 * use, in its published English and French wordings (the French feminine endings written with a
 * middle dot, as every text of the app, instead of the published parentheses): five statements about the last two weeks,
 * each answered on a six-point scale from 5 ("all of the time") to 0 ("at no time"). The raw score
 * is their sum (0–25); multiplied by 4 it reads as a percentage. A raw score of 7 or less (28 % or
 * less) is the instrument's threshold for poor well-being that calls for further help: it is the
 * distress signal here. The score is shown to the person who answered and to nobody else.
 */
export const WHO5_ITEMS = ['who5.1', 'who5.2', 'who5.3', 'who5.4', 'who5.5'] as const;
export type Who5Item = (typeof WHO5_ITEMS)[number];

/** Raw scores at or below this signal distress (WHO-5 ≤ 28 %). */
export const WHO5_DISTRESS_MAX = 7;

const wording = {
  fr: {
    lead: 'Au cours des deux dernières semaines :',
    items: [
      'Je me suis senti·e bien et de bonne humeur',
      'Je me suis senti·e calme et tranquille',
      'Je me suis senti·e plein·e d’énergie et vigoureux·se',
      'Je me suis réveillé·e frais·fraîche et dispos',
      'Ma vie quotidienne a été remplie de choses intéressantes',
    ],
    scale: [
      'Jamais',
      'De temps en temps',
      'Moins de la moitié du temps',
      'Plus de la moitié du temps',
      'La plupart du temps',
      'Tout le temps',
    ],
  },
  en: {
    lead: 'Over the last two weeks:',
    items: [
      'I have felt cheerful and in good spirits',
      'I have felt calm and relaxed',
      'I have felt active and vigorous',
      'I woke up feeling fresh and rested',
      'My daily life has been filled with things that interest me',
    ],
    scale: [
      'At no time',
      'Some of the time',
      'Less than half of the time',
      'More than half of the time',
      'Most of the time',
      'All of the time',
    ],
  },
} as const;

export type Lang = 'fr' | 'en';

/** The five statements and their scale (index = points) in the reader's language. */
export function who5Wording(lang: Lang) {
  const w = wording[lang];
  return {
    lead: w.lead,
    items: WHO5_ITEMS.map((id, i) => ({ id, text: w.items[i] as string })),
    scale: w.scale.map((label, points) => ({ value: points, label })),
  };
}

/** The raw score (0–25) of five answers, each 0–5. */
export function who5Raw(answers: Record<Who5Item, number>): number {
  return WHO5_ITEMS.reduce((sum, id) => sum + answers[id], 0);
}

export const who5Distress = (raw: number) => raw <= WHO5_DISTRESS_MAX;
