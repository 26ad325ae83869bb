// The refusals of the modules that keep their own catalogue file (error-texts-<module>.ts), gathered
// once for error-texts.ts: a module adds its file here, one line per language.

import { agreementErrorTexts } from './error-texts-agreements.ts';
import { requestErrorTexts } from './error-texts-requests.ts';
import { reviewErrorTexts } from './error-texts-reviews.ts';
import { trainingErrorTexts } from './error-texts-training.ts';

export const moduleErrorTexts = {
  fr: {
    ...agreementErrorTexts.fr,
    ...requestErrorTexts.fr,
    ...reviewErrorTexts.fr,
    ...trainingErrorTexts.fr,
  },
  en: {
    ...requestErrorTexts.en,
    ...reviewErrorTexts.en,
    ...trainingErrorTexts.en,
    ...agreementErrorTexts.en,
  },
} as const;
