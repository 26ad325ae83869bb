import { bothNotice, type Lang, moduleTexts } from '../../notify/i18n.ts';

// The server's words for end reviews and questionnaires: the notices that ask for them, and the
// yearly review's qualitative section (its CSV and PDF). A notice never carries an answer.

export const reviewsTexts = moduleTexts('reviews', {
  fr: {
    endReviewInvite: {
      title: 'Votre bilan de fin de binôme',
      body: 'Votre accompagnement dans « {{programme}} » est terminé. Prenez quelques minutes pour en faire le bilan : il reste confidentiel, et vous choisissez ce que vous partagez avec la coordination.',
    },
    questionnaireAsk: {
      title: 'Un questionnaire anonyme : {{title}}',
      body: 'La coordination de « {{programme}} » vous pose quelques questions. Vos réponses sont anonymes : elles ne sont lues qu’en résultats d’ensemble, à partir de {{min}} réponses.',
    },
    yearly: {
      endReviews: 'Bilans de fin d’accompagnement',
      invited: 'Bilans demandés',
      submitted: 'Bilans remplis',
      sharedCount: 'Bilans partagés avec la coordination',
      scale: '{{label}} (moyenne sur 5)',
      themes: 'Thèmes des bilans partagés',
      themesNote: 'Nombre de bilans partagés par leur auteur avec la coordination qui abordent chaque thème.',
      questionnaires: 'Questionnaires de satisfaction et d’attentes',
      answers: 'Réponses',
      noQuestionnaire: 'Aucun questionnaire cette année.',
      yes: '{{label}} (part de oui)',
      percent: '{{value}} %',
      textNotInReview: '{{label}} : réponses libres lues dans Compagnon, jamais dans ce document',
      mentoring: 'Suivi des binômes',
      minimum: 'Minimum de rencontres fixé par le programme',
      atMinimum: 'Binômes ayant atteint le minimum',
      belowMinimum: 'Binômes sous le minimum',
      completed: 'Binômes arrivés à terme',
      endedEarly: 'Binômes arrêtés avant terme',
      chartersSigned: 'Binômes dont la charte est signée par les trois parties',
      requests: 'Demandes pour rejoindre le programme',
      received: 'Demandes reçues (adresse confirmée)',
      accepted: 'Demandes acceptées',
      declined: 'Demandes déclinées',
      matched: 'Personnes accueillies puis mises en binôme',
      medianDaysToMatch: 'Jours entre la demande et le binôme (médiane)',
    },
  },
  en: {
    endReviewInvite: {
      title: 'Your end-of-pair review',
      body: 'Your pairing in “{{programme}}” has ended. Take a few minutes to review it: it stays confidential, and you choose what you share with the coordination.',
    },
    questionnaireAsk: {
      title: 'An anonymous questionnaire: {{title}}',
      body: 'The coordination of “{{programme}}” asks you a few questions. Your answers are anonymous: they are read only as overall results, over {{min}} answers or more.',
    },
    yearly: {
      endReviews: 'End-of-relationship reviews',
      invited: 'Reviews asked',
      submitted: 'Reviews filled in',
      sharedCount: 'Reviews shared with the coordination',
      scale: '{{label}} (mean out of 5)',
      themes: 'Themes of the shared reviews',
      themesNote: 'Number of reviews shared by their author with the coordination that raise each theme.',
      questionnaires: 'Satisfaction and expectation questionnaires',
      answers: 'Answers',
      noQuestionnaire: 'No questionnaire this year.',
      yes: '{{label}} (share of yes)',
      percent: '{{value}} %',
      textNotInReview: '{{label}}: free answers read in Compagnon, never in this document',
      mentoring: 'Follow-up of the pairs',
      minimum: 'Minimum number of meetings set by the programme',
      atMinimum: 'Pairs that reached the minimum',
      belowMinimum: 'Pairs below the minimum',
      completed: 'Pairs completed',
      endedEarly: 'Pairs ended early',
      chartersSigned: 'Pairs whose charter the three parties signed',
      requests: 'Requests to join the programme',
      received: 'Requests received (address confirmed)',
      accepted: 'Requests accepted',
      declined: 'Requests declined',
      matched: 'People accepted then paired',
      medianDaysToMatch: 'Days from request to pair (median)',
    },
  },
});

/** To each party of a pair or group that ended: their review waits for them. */
export const endReviewNotice = (o: { programme: string }) => bothNotice(reviewsTexts, 'endReviewInvite', o);

/** To each person a questionnaire is sent to. */
export const questionnaireNotice = (o: { programme: string; title: string; min: number }) =>
  bothNotice(reviewsTexts, 'questionnaireAsk', o);

/** The yearly review's qualitative words in one language. */
export const yearlyWords = (lang: Lang) => {
  const t = reviewsTexts(lang);
  return (key: string, values?: Record<string, unknown>) => t(`yearly.${key}`, values ?? {}) as string;
};
