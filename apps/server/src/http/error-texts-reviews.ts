// The refusals of end reviews and questionnaires (modules/reviews), part of the catalogue of
// error-texts.ts.

export const reviewErrorTexts = {
  fr: {
    review_submitted: 'Ce bilan est déjà envoyé : il ne se modifie plus.',
    review_incomplete: 'Répondez à chaque question notée de 1 à 5 avant d’envoyer : le brouillon est gardé.',
    questionnaire_answered: 'Vous avez déjà répondu à ce questionnaire.',
    questionnaire_locked: 'Ce questionnaire a des réponses : ses questions ne changent plus.',
  },
  en: {
    review_submitted: 'This review was sent already: it can no longer be changed.',
    review_incomplete: 'Answer every question rated 1 to 5 before sending your review: your draft is kept.',
    questionnaire_answered: 'You already answered this questionnaire.',
    questionnaire_locked: 'This questionnaire has answers: its questions no longer change.',
  },
} as const;
