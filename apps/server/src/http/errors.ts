import { inBoth, translator } from '../notify/i18n.ts';
import { type ErrorCode, type ErrorLanguage, errorTexts } from './error-texts.ts';
import type { RecordName, WordingKey } from './error-wordings.ts';

/** The text of a refusal: its code's own, or another wording of that code (http/error-wordings.ts). */
type TextKey = ErrorCode | WordingKey;

/** A value in a refusal's text: the same in both languages, or worded in each. */
export type ErrorParam = string | number | Readonly<Record<ErrorLanguage, string>>;
export type ErrorParams = Readonly<Record<string, ErrorParam>>;

/**
 * Domain errors carry an HTTP status, a stable code and the values their text needs. The message a
 * caller receives is the code's text (http/error-texts.ts) in the request's language, filled from
 * `params`; `message` is its French text, for logs and command-line tools. Built by `refuse` only.
 */
export class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly textKey: TextKey;
  readonly params: ErrorParams;
  readonly details?: unknown;
  constructor(status: number, code: string, textKey: TextKey, params: ErrorParams, details?: unknown) {
    super('');
    this.status = status;
    this.code = code;
    this.textKey = textKey;
    this.params = params;
    this.details = details;
    this.message = errorMessage(this, 'fr');
  }
}

/** The other wordings a code has: `forbidden` + `archived` is the text `forbidden__archived`. */
export type ErrorVariant<C extends ErrorCode> = WordingKey extends infer K
  ? K extends `${C}__${infer V}`
    ? V
    : never
  : never;

/**
 * Refuses a request with a code whose French and English texts are in http/error-texts.ts, filled
 * from `params`; `params.variant` picks another wording of the same code. A module that words a
 * refusal from its own texts (an import's file issues) passes both sentences as `params.said`.
 */
export function refuse<C extends ErrorCode>(
  status: number,
  code: C,
  params: ErrorParams & { variant?: ErrorVariant<C> } = {},
  details?: unknown,
): AppError {
  const { variant, ...values } = params;
  const key = (variant ? `${code}__${variant}` : code) as TextKey;
  return new AppError(status, code, key, values, details);
}

/** A record outside the actor's scope is reported as missing, never as forbidden. */
export const notFound = (what: RecordName = 'record') =>
  refuse(404, 'not_found', { variant: 'record', what: inBoth(translator, (t) => t(`records.${what}`)) });
export const forbidden = () => refuse(403, 'forbidden');
export const unauthenticated = () => refuse(401, 'unauthenticated');

/** The message of an error in a language: its text there, filled from its parameters. */
export function errorMessage(err: AppError, language: ErrorLanguage): string {
  const values: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(err.params))
    values[name] = typeof value === 'object' ? value[language] : value;
  if (typeof values.said === 'string') return values.said;
  return translator(language)(`errors.${err.textKey}`, values);
}

/**
 * The language of a request's messages: the first of French or English in Accept-Language (the web
 * app sends its interface language), else the signed-in person's, else French.
 */
export function requestLanguage(acceptLanguage: string | undefined, accountLocale?: string): 'fr' | 'en' {
  if (acceptLanguage) {
    const tags = acceptLanguage
      .split(',')
      .map((part) => {
        const [tag = '', ...rest] = part.trim().split(';');
        const q = Number(
          rest
            .find((r) => r.trim().startsWith('q='))
            ?.trim()
            .slice(2) ?? 1,
        );
        return { tag: tag.toLowerCase(), q: Number.isFinite(q) ? q : 0 };
      })
      .filter((x) => x.q > 0)
      .sort((a, b) => b.q - a.q);
    const found = tags.find((x) => x.tag.startsWith('fr') || x.tag.startsWith('en'));
    if (found) return found.tag.startsWith('en') ? 'en' : 'fr';
  }
  return accountLocale?.startsWith('en') ? 'en' : 'fr';
}

/**
 * The message of one invalid field: a schema check that names an error code of the catalogue
 * (`params.code`, as the shared checks of domain/text.ts do) is worded in the request's language;
 * any other keeps the schema's own message.
 */
export function fieldMessage(
  v: { message?: string; params?: Record<string, unknown> },
  language: ErrorLanguage,
): string | undefined {
  const code = (v.params?.params as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code in errorTexts[language])
    return errorTexts[language][code as ErrorCode];
  return fieldText(v.message, language);
}

/** A field message that is a code of error-texts.ts, in the language; any other message as it is. */
export function fieldText(message: string | undefined, language: ErrorLanguage): string | undefined {
  if (message && Object.hasOwn(errorTexts[language], message))
    return errorTexts[language][message as ErrorCode];
  return message;
}
