import { absenceErrorTexts } from './error-texts-absences.ts';
import { agreementErrorTexts } from './error-texts-agreements.ts';
import { coachingErrorTexts } from './error-texts-coaching.ts';
import { feedbackErrorTexts } from './error-texts-feedback.ts';
import { guideErrorTexts } from './error-texts-guides.ts';
import { networkErrorTexts } from './error-texts-networks.ts';
import { requestErrorTexts } from './error-texts-requests.ts';
import { reviewErrorTexts } from './error-texts-reviews.ts';
import { teamErrorTexts } from './error-texts-teams.ts';
import { trainingErrorTexts } from './error-texts-training.ts';

// The refusals of the modules that keep their texts in a file of their own (error-texts-<module>.ts),
// gathered once for error-texts.ts: a module adds its catalogue here, one line per language.

export const moduleErrorTexts = {
  fr: {
    ...agreementErrorTexts.fr,
    ...requestErrorTexts.fr,
    ...reviewErrorTexts.fr,
    ...feedbackErrorTexts.fr,
    ...teamErrorTexts.fr,
    ...guideErrorTexts.fr,
    ...trainingErrorTexts.fr,
    ...absenceErrorTexts.fr,
    ...coachingErrorTexts.fr,
    ...networkErrorTexts.fr,
  },
  en: {
    ...agreementErrorTexts.en,
    ...requestErrorTexts.en,
    ...reviewErrorTexts.en,
    ...feedbackErrorTexts.en,
    ...teamErrorTexts.en,
    ...guideErrorTexts.en,
    ...trainingErrorTexts.en,
    ...absenceErrorTexts.en,
    ...coachingErrorTexts.en,
    ...networkErrorTexts.en,
  },
} as const;
