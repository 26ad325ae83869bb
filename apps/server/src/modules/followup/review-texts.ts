import { type Lang, moduleTexts } from '../../notify/i18n.ts';
import { capital, programmeWords } from '../programmes/words.ts';
import type { AlertRule } from './rules.ts';

// The yearly review's words (its CSV and PDF), French first, and how each language writes figures.
export const reviewWords = moduleTexts('followup-review', {
  fr: {
    // French spreadsheets read ';' between cells, the comma being the decimal separator.
    format: { numbers: 'fr-FR', csvDelimiter: ';' },
    rule: {
      'no-contact': 'Pas de contact depuis trop longtemps',
      'below-target': 'Rencontres sous l’objectif',
      unreachable: 'Personne accompagnée injoignable',
      stuck: 'Binôme à l’arrêt',
      'report-missing': 'Compte rendu manquant',
      'first-meeting': 'Première rencontre non tenue',
    },
    channel: {
      'in-person': 'En personne',
      video: 'Visioconférence',
      phone: 'Téléphone',
      call: 'Appel',
      sms: 'SMS',
      email: 'E-mail',
      inapp: 'Dans Compagnon',
      digest: 'Résumé hebdomadaire',
    },
    words: {
      title: 'Bilan annuel du programme',
      section: 'Rubrique',
      item: 'Indicateur',
      value: 'Valeur',
      programme: 'Programme',
      name: 'Nom',
      period: 'Période',
      participation: 'Participation',
      meetings: 'Rencontres',
      distribution: 'Rencontres par binôme',
      byMonth: 'Rencontres par mois',
      channels: 'Modes de rencontre et de contact',
      messages: 'Messages envoyés par Compagnon',
      alerts: 'Alertes de suivi et leur traitement',
      reviews: 'Bilans de fin d’année (agrégés)',
    },
    labels: {
      pairs: 'Binômes suivis dans l’année',
      pairsWithMeeting: 'Binômes avec au moins une rencontre',
      pairsEndedEarly: 'Binômes arrêtés avant terme',
      pairsCompleted: 'Binômes arrivés à terme',
      total: 'Total',
      reports: 'Comptes rendus déposés',
      perPairMean: 'Rencontres par binôme (moyenne)',
      perPairMedian: 'Rencontres par binôme (médiane)',
      escalated: 'Remontées à la coordination',
      medianDaysToHandle: 'Délai médian de traitement (jours)',
      opened: 'ouvertes',
      resolved: 'résolues',
      closed: 'closes par la coordination',
      open: 'en cours',
      unansweredAttempts: 'Tentatives de contact sans réponse',
      answers: 'Réponses',
      mean: 'Satisfaction moyenne',
    },
    pairsWith_one: 'Binômes avec {{n}} rencontre',
    pairsWith_other: 'Binômes avec {{n}} rencontres',
    hidden: 'Non communiqué : moins de {{min}} réponses (confidentialité).',
    confidentiality:
      'Ce bilan ne contient que des nombres et des taux : aucun nom, aucun contenu de compte rendu, de portfolio ou de bilan individuel. Les réponses aux questionnaires ne sont agrégées qu’à partir de {{min}} réponses.',
  },
  en: {
    format: { numbers: 'en-GB', csvDelimiter: ',' },
    rule: {
      'no-contact': 'No contact for too long',
      'below-target': 'Meetings below target',
      unreachable: 'Person accompanied unreachable',
      stuck: 'Pair stuck',
      'report-missing': 'Meeting report missing',
      'first-meeting': 'First meeting not held',
    },
    channel: {
      'in-person': 'In person',
      video: 'Video',
      phone: 'Phone',
      call: 'Call',
      sms: 'SMS',
      email: 'E-mail',
      inapp: 'In Compagnon',
      digest: 'Weekly digest',
    },
    words: {
      title: 'Yearly programme review',
      section: 'Section',
      item: 'Figure',
      value: 'Value',
      programme: 'Programme',
      name: 'Name',
      period: 'Period',
      participation: 'Participation',
      meetings: 'Meetings',
      distribution: 'Meetings per pair',
      byMonth: 'Meetings per month',
      channels: 'Meeting and contact channels',
      messages: 'Messages sent by Compagnon',
      alerts: 'Follow-up alerts and how they were handled',
      reviews: 'End-of-year reviews (aggregated)',
    },
    labels: {
      pairs: 'Pairs followed during the year',
      pairsWithMeeting: 'Pairs with at least one meeting',
      pairsEndedEarly: 'Pairs ended early',
      pairsCompleted: 'Pairs completed',
      total: 'Total',
      reports: 'Reports filed',
      perPairMean: 'Meetings per pair (mean)',
      perPairMedian: 'Meetings per pair (median)',
      escalated: 'Escalated to coordination',
      medianDaysToHandle: 'Median days to handle',
      opened: 'opened',
      resolved: 'resolved',
      closed: 'closed by coordination',
      open: 'open',
      unansweredAttempts: 'Contact attempts without an answer',
      answers: 'Answers',
      mean: 'Mean satisfaction',
    },
    pairsWith_one: 'Pairs with {{n}} meeting',
    pairsWith_other: 'Pairs with {{n}} meetings',
    hidden: 'Not shown: fewer than {{min}} answers (confidentiality).',
    confidentiality:
      'This review holds counts and rates only: no names, no content of reports, portfolios or individual reviews. Questionnaire answers are aggregated only over {{min}} answers or more.',
  },
});

export const describeRule = (r: AlertRule, lang: Lang) => reviewWords(lang)(`rule.${r}`);

type Heading =
  | 'title'
  | 'section'
  | 'item'
  | 'value'
  | 'programme'
  | 'name'
  | 'period'
  | 'participation'
  | 'meetings'
  | 'distribution'
  | 'byMonth'
  | 'channels'
  | 'messages'
  | 'alerts'
  | 'reviews';

/** A group of texts as an object: the review's headings, its labels. */
const words = <T>(t: ReturnType<typeof reviewWords>, key: string) =>
  t(key, { returnObjects: true }) as unknown as T;

/** The review's words; the roles as the programme names them (its template's words). */
export function reviewTexts(lang: Lang, template?: string) {
  const t = reviewWords(lang);
  const roles = programmeWords(template, lang);
  const numbers = new Intl.NumberFormat(t('format.numbers'), {
    maximumFractionDigits: 1,
    useGrouping: false,
  });
  return {
    /** A figure as the reader writes it: 1,9 in French, 1.9 in English; no thousands separator. */
    num: (v: number) => numbers.format(v),
    csvDelimiter: t('format.csvDelimiter') as ';' | ',',
    ...words<Record<Heading, string>>(t, 'words'),
    // n: a number of meetings or a range ("5+", read as many): singular for 0 and 1 in French, 1 in English.
    pairsWith: (n: string) => t('pairsWith', { n, count: /^\d+$/.test(n) ? Number(n) : 99 }),
    channel: (k: string) => t(`channel.${k}`, { defaultValue: k }),
    hidden: (min: number) => t('hidden', { min }),
    confidentiality: (min: number) => t('confidentiality', { min }),
    labels: {
      tutors: capital(roles.tutors),
      tutees: capital(roles.tutees),
      ...words<Record<string, string>>(t, 'labels'),
    } as Record<string, string>,
  };
}
