import type { Lang } from '../../notify/i18n.ts';
import { type TemplateId, templateIds } from '../programmes/templates.ts';

/**
 * The end-of-relationship review's questions, per programme template, in French and English: four
 * free answers (what was achieved against the goals, the relationship, the programme, suggestions)
 * whose wording fits the programme, and the quantitative questions (1 to 5) that always count in
 * the programme's aggregates. The ids of the free answers and of the first three scales are the
 * same in every set, so the yearly review adds them up across programmes of a kind.
 */
type Words = { fr: string; en: string };
export interface Question {
  id: string;
  label: Words;
  hint?: Words;
}
export interface QuestionSet {
  title: Words;
  texts: Question[];
  scales: Question[];
}

export const textIds = ['achieved', 'relationship', 'programme', 'suggestions'] as const;
export const MAX_TEXT = 4000;

const relationshipScale: Question = {
  id: 'relationship',
  label: { fr: 'Satisfaction quant à la relation', en: 'Satisfaction with the relationship' },
};
const programmeScale: Question = {
  id: 'programme',
  label: { fr: 'Satisfaction quant au programme', en: 'Satisfaction with the programme' },
};
const goalsScale: Question = {
  id: 'goals',
  label: { fr: 'Objectifs atteints', en: 'Goals met' },
};

/** The four free answers, with the words of each programme. */
function texts(achieved: Words, relationship: Words, programme: Words): Question[] {
  return [
    { id: 'achieved', label: achieved },
    { id: 'relationship', label: relationship },
    { id: 'programme', label: programme },
    {
      id: 'suggestions',
      label: { fr: 'Vos suggestions', en: 'Your suggestions' },
      hint: {
        fr: 'Ce qui aiderait les prochains binômes ou groupes.',
        en: 'What would help the next pairs or groups.',
      },
    },
  ];
}

export const questionSets: Record<TemplateId, QuestionSet> = {
  'installation-mentoring': {
    title: { fr: 'Bilan de fin de mentorat', en: 'End-of-mentoring review' },
    texts: texts(
      {
        fr: 'Qu’avez-vous accompli par rapport aux objectifs fixés au début du mentorat ?',
        en: 'What did you achieve against the goals set at the start of the mentoring?',
      },
      { fr: 'Comment s’est passée la relation de mentorat ?', en: 'How did the mentoring relationship go?' },
      {
        fr: 'Qu’avez-vous pensé du programme (mise en relation, charte, suivi par la coordination) ?',
        en: 'What did you think of the programme (matching, charter, follow-up by the coordination)?',
      },
    ),
    scales: [
      relationshipScale,
      programmeScale,
      goalsScale,
      {
        id: 'installation',
        label: { fr: 'Aide apportée à l’installation', en: 'Help with setting up in practice' },
      },
    ],
  },
  'peer-tutoring': {
    title: { fr: 'Bilan de fin d’année du tutorat', en: 'End-of-year tutoring review' },
    texts: texts(
      {
        fr: 'Qu’est-ce que cette année de tutorat vous a apporté par rapport à vos attentes ?',
        en: 'What did this year of tutoring bring you against your expectations?',
      },
      { fr: 'Comment a fonctionné le groupe ?', en: 'How did the group work?' },
      {
        fr: 'Qu’avez-vous pensé de l’organisation du tutorat (rencontres, comptes rendus) ?',
        en: 'What did you think of how the tutoring was organised (meetings, reports)?',
      },
    ),
    scales: [
      relationshipScale,
      programmeScale,
      goalsScale,
      { id: 'meetings', label: { fr: 'Rythme des rencontres', en: 'Pace of the meetings' } },
    ],
  },
  'des-tutoring': {
    title: { fr: 'Bilan de fin de DES', en: 'End-of-DES review' },
    texts: texts(
      {
        fr: 'Qu’avez-vous accompli pendant le DES par rapport à vos objectifs ?',
        en: 'What did you achieve during the DES against your goals?',
      },
      { fr: 'Comment s’est passée la relation tutorale ?', en: 'How did the tutoring relationship go?' },
      {
        fr: 'Qu’avez-vous pensé du tutorat du DES (entretiens, portfolio, suivi) ?',
        en: 'What did you think of the DES tutoring (interviews, portfolio, follow-up)?',
      },
    ),
    scales: [
      relationshipScale,
      programmeScale,
      goalsScale,
      { id: 'portfolio', label: { fr: 'Utilité du portfolio', en: 'Usefulness of the portfolio' } },
    ],
  },
  'member-tutoring': {
    title: { fr: 'Bilan de l’accompagnement', en: 'Review of the support' },
    texts: texts(
      {
        fr: 'Qu’est-ce que cet accompagnement vous a apporté par rapport à vos attentes ?',
        en: 'What did this support bring you against your expectations?',
      },
      { fr: 'Comment se sont passés vos échanges ?', en: 'How did your exchanges go?' },
      {
        fr: 'Qu’avez-vous pensé de l’accompagnement proposé par l’association ?',
        en: 'What did you think of the support the association offers?',
      },
    ),
    scales: [
      relationshipScale,
      programmeScale,
      goalsScale,
      { id: 'listened', label: { fr: 'Sentiment d’être écouté·e', en: 'Feeling listened to' } },
    ],
  },
  'tutor-peer-support': {
    title: { fr: 'Bilan de l’équipe de tuteurs', en: 'Review of the tutor team' },
    texts: texts(
      {
        fr: 'Qu’est-ce que l’équipe vous a apporté dans votre rôle de tuteur·rice ?',
        en: 'What did the team bring you in your role as a tutor?',
      },
      { fr: 'Comment a fonctionné l’équipe ?', en: 'How did the team work?' },
      {
        fr: 'Qu’avez-vous pensé de l’organisation du soutien entre tuteurs ?',
        en: 'What did you think of how the peer support was organised?',
      },
    ),
    scales: [
      relationshipScale,
      programmeScale,
      goalsScale,
      {
        id: 'lessAlone',
        label: { fr: 'Moins seul·e face aux situations', en: 'Less alone with hard cases' },
      },
    ],
  },
};

/** The set of a programme's template; an unknown template (an older programme) reads the mentoring one. */
export const questionSetOf = (template: string): QuestionSet =>
  (templateIds as readonly string[]).includes(template)
    ? questionSets[template as TemplateId]
    : questionSets['installation-mentoring'];

/** Every scale id of every set, for the aggregates. */
export const allScaleIds = [
  ...new Set(Object.values(questionSets).flatMap((s) => s.scales.map((q) => q.id))),
];

/** A scale's label in a language, whatever set it comes from. */
export function scaleLabel(id: string, lang: Lang): string {
  for (const s of Object.values(questionSets)) {
    const q = s.scales.find((x) => x.id === id);
    if (q) return q.label[lang];
  }
  return id;
}

/**
 * The themes a reviewer may tag their review with; counted in the yearly review over the reviews
 * whose authors agreed to share them.
 */
export const endReviewThemes = [
  'installation',
  'administrative',
  'premises',
  'patients',
  'balance',
  'network',
  'finances',
  'training',
  'wellbeing',
] as const;
export type EndReviewTheme = (typeof endReviewThemes)[number];

export const themeLabels: Record<EndReviewTheme, Words> = {
  installation: { fr: 'Étapes de l’installation', en: 'Steps of setting up in practice' },
  administrative: { fr: 'Formalités administratives', en: 'Administrative formalities' },
  premises: { fr: 'Trouver un local', en: 'Finding premises' },
  patients: { fr: 'Patientèle', en: 'Patients and clientele' },
  balance: { fr: 'Équilibre vie professionnelle et personnelle', en: 'Work-life balance' },
  network: { fr: 'Réseau professionnel', en: 'Professional network' },
  finances: { fr: 'Finances', en: 'Finances' },
  training: { fr: 'Formation et stages', en: 'Training and internships' },
  wellbeing: { fr: 'Bien-être et santé', en: 'Well-being and health' },
};
