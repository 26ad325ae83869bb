import { capital, programmeWords } from '../programmes/words.ts';
import type { AlertRule } from './rules.ts';

const rules: Record<AlertRule, { fr: string; en: string }> = {
  'no-contact': { fr: 'Pas de contact depuis trop longtemps', en: 'No contact for too long' },
  'below-target': { fr: 'Rencontres sous l’objectif', en: 'Meetings below target' },
  unreachable: { fr: 'Personne accompagnée injoignable', en: 'Person accompanied unreachable' },
  stuck: { fr: 'Binôme à l’arrêt', en: 'Pair stuck' },
  'report-missing': { fr: 'Compte rendu manquant', en: 'Meeting report missing' },
  'first-meeting': { fr: 'Première rencontre non tenue', en: 'First meeting not held' },
};
export const describeRule = (r: AlertRule, lang: 'fr' | 'en') => rules[r][lang];

const channelNames: Record<string, { fr: string; en: string }> = {
  'in-person': { fr: 'En personne', en: 'In person' },
  video: { fr: 'Visioconférence', en: 'Video' },
  phone: { fr: 'Téléphone', en: 'Phone' },
  call: { fr: 'Appel', en: 'Call' },
  sms: { fr: 'SMS', en: 'SMS' },
  email: { fr: 'E-mail', en: 'E-mail' },
  inapp: { fr: 'Dans Compagnon', en: 'In Compagnon' },
  digest: { fr: 'Résumé hebdomadaire', en: 'Weekly digest' },
};

/** The review's words; the roles as the programme names them (its template's words). */
export function reviewTexts(lang: 'fr' | 'en', template?: string) {
  const fr = lang === 'fr';
  const words = programmeWords(template, lang);
  const numbers = new Intl.NumberFormat(fr ? 'fr-FR' : 'en-GB', {
    maximumFractionDigits: 1,
    useGrouping: false,
  });
  return {
    /** A figure as the reader writes it: 1,9 in French, 1.9 in English; no thousands separator. */
    num: (v: number) => numbers.format(v),
    /** French spreadsheets read ';' between cells, the comma being the decimal separator. */
    csvDelimiter: (fr ? ';' : ',') as ';' | ',',
    title: fr ? 'Bilan annuel du programme' : 'Yearly programme review',
    section: fr ? 'Rubrique' : 'Section',
    item: fr ? 'Indicateur' : 'Figure',
    value: fr ? 'Valeur' : 'Value',
    programme: fr ? 'Programme' : 'Programme',
    name: fr ? 'Nom' : 'Name',
    period: fr ? 'Période' : 'Period',
    participation: fr ? 'Participation' : 'Participation',
    meetings: fr ? 'Rencontres' : 'Meetings',
    distribution: fr ? 'Rencontres par binôme' : 'Meetings per pair',
    byMonth: fr ? 'Rencontres par mois' : 'Meetings per month',
    channels: fr ? 'Modes de rencontre et de contact' : 'Meeting and contact channels',
    messages: fr ? 'Messages envoyés par Compagnon' : 'Messages sent by Compagnon',
    alerts: fr ? 'Alertes de suivi et leur traitement' : 'Follow-up alerts and how they were handled',
    reviews: fr ? 'Bilans de fin d’année (agrégés)' : 'End-of-year reviews (aggregated)',
    // n: a number of meetings or a range ("3+"): singular for 0 and 1 in French, 1 in English.
    pairsWith: (n: string) =>
      fr
        ? `Binômes avec ${n} ${n === '0' || n === '1' ? 'rencontre' : 'rencontres'}`
        : `Pairs with ${n} ${n === '1' ? 'meeting' : 'meetings'}`,
    channel: (k: string) => channelNames[k]?.[lang] ?? k,
    hidden: (min: number) =>
      fr
        ? `Non communiqué : moins de ${min} réponses (confidentialité).`
        : `Not shown: fewer than ${min} answers (confidentiality).`,
    confidentiality: (min: number) =>
      fr
        ? `Ce bilan ne contient que des nombres et des taux : aucun nom, aucun contenu de compte rendu, de portfolio ou de bilan individuel. Les réponses aux questionnaires ne sont agrégées qu’à partir de ${min} réponses.`
        : `This review holds counts and rates only: no names, no content of reports, portfolios or individual reviews. Questionnaire answers are aggregated only over ${min} answers or more.`,
    labels: {
      tutors: capital(words.tutors),
      tutees: capital(words.tutees),
      pairs: fr ? 'Binômes suivis dans l’année' : 'Pairs followed during the year',
      pairsWithMeeting: fr ? 'Binômes avec au moins une rencontre' : 'Pairs with at least one meeting',
      pairsEndedEarly: fr ? 'Binômes arrêtés avant terme' : 'Pairs ended early',
      pairsCompleted: fr ? 'Binômes arrivés à terme' : 'Pairs completed',
      total: fr ? 'Total' : 'Total',
      reports: fr ? 'Comptes rendus déposés' : 'Reports filed',
      perPairMean: fr ? 'Rencontres par binôme (moyenne)' : 'Meetings per pair (mean)',
      perPairMedian: fr ? 'Rencontres par binôme (médiane)' : 'Meetings per pair (median)',
      escalated: fr ? 'Remontées à la coordination' : 'Escalated to coordination',
      medianDaysToHandle: fr ? 'Délai médian de traitement (jours)' : 'Median days to handle',
      opened: fr ? 'ouvertes' : 'opened',
      resolved: fr ? 'résolues' : 'resolved',
      closed: fr ? 'closes par la coordination' : 'closed by coordination',
      open: fr ? 'en cours' : 'open',
      unansweredAttempts: fr ? 'Tentatives de contact sans réponse' : 'Contact attempts without an answer',
      answers: fr ? 'Réponses' : 'Answers',
      mean: fr ? 'Satisfaction moyenne' : 'Mean satisfaction',
    } as Record<string, string>,
  };
}
