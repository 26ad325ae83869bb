// The refusals of the modules that keep their texts in a file of their own, gathered once for
// error-texts.ts (one import and one spread per language there, however many modules).

import { agreementErrorTexts } from './error-texts-agreements.ts';
import { guideErrorTexts } from './error-texts-guides.ts';
import { requestErrorTexts } from './error-texts-requests.ts';
import { reviewErrorTexts } from './error-texts-reviews.ts';

export const moduleErrorTexts = {
  fr: {
    ...agreementErrorTexts.fr,
    ...requestErrorTexts.fr,
    ...guideErrorTexts.fr,
    ...reviewErrorTexts.fr,
  },
  en: {
    ...requestErrorTexts.en,
    ...guideErrorTexts.en,
    ...reviewErrorTexts.en,
    ...agreementErrorTexts.en,
  },
} as const;
