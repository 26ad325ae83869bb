// The refusal texts of the modules that keep their own catalogue, gathered for error-texts.ts (one
// line here per module, so the catalogue itself stays short).

import { absenceErrorTexts } from './error-texts-absences.ts';
import { agreementErrorTexts } from './error-texts-agreements.ts';
import { requestErrorTexts } from './error-texts-requests.ts';
import { reviewErrorTexts } from './error-texts-reviews.ts';

const catalogues = [agreementErrorTexts, requestErrorTexts, reviewErrorTexts, absenceErrorTexts] as const;

type Union<T> = (T extends unknown ? (x: T) => void : never) extends (x: infer I) => void ? I : never;
type Texts<L extends 'fr' | 'en'> = Union<(typeof catalogues)[number][L]>;

export const moduleErrorTexts = {
  fr: Object.assign({}, ...catalogues.map((c) => c.fr)) as Texts<'fr'>,
  en: Object.assign({}, ...catalogues.map((c) => c.en)) as Texts<'en'>,
};
