import { parsePhoneNumberFromString } from 'libphonenumber-js';

/** Normalises a French-style or international number to E.164; null when it is not a valid number. */
export function normalisePhone(input: string, defaultCountry: 'FR' = 'FR'): string | null {
  const parsed = parsePhoneNumberFromString(input.trim(), defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}
