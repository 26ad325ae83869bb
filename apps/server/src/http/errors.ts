import { translator } from '../notify/i18n.ts';
import { type ErrorCode, errorTexts } from './error-texts.ts';

/**
 * Domain errors carry an HTTP status, a stable code and a readable message. The message a caller
 * receives is the code's text (http/error-texts.ts) in the request's language, filled from
 * `params`; the message given here is the French fallback for a code without a text of its own.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
  }
}

/** Refuses a request with a code whose French and English texts are in http/error-texts.ts. */
export function refuse(
  status: number,
  code: ErrorCode,
  params?: Record<string, string | number>,
  details?: unknown,
): AppError {
  return new AppError(status, code, translator('fr')(`errors.${code}`, params ?? {}), details, params ?? {});
}

/**
 * Refuses with the call site's own sentence in both languages, for a refusal that names people,
 * counts or states (its code still has its catalogue text, used where the sentence is not given).
 */
export const refuseSaying = (status: number, code: ErrorCode, fr: string, en: string): AppError =>
  new AppError(status, code, fr, { messageEn: en });

// Generic codes also carry specific messages written at the call site: those are kept.
const GENERIC: ReadonlySet<string> = new Set(['forbidden', 'not_found', 'error', 'rate_limited']);

/**
 * The message of an error in a language: the code's text when it has one (and its parameters when
 * it needs some), else the call site's own message in that language (`details.messageEn` for
 * English), else the message given.
 */
export function errorMessage(err: AppError, language: 'fr' | 'en'): string {
  const t = translator(language);
  const key = `errors.${err.code}`;
  const fromCatalogue = err.params !== undefined;
  const en = (err.details as { messageEn?: unknown } | undefined)?.messageEn;
  // A call site that words its refusal in both languages (with counts, names, lines) is more precise.
  if (!fromCatalogue && typeof en === 'string') return language === 'en' ? en : err.message;
  const text = t(key, { ...err.params, defaultValue: '' });
  const needsParams = /\{\{/.test(t(key, { defaultValue: '' }));
  if (text && (fromCatalogue || (!GENERIC.has(err.code) && !needsParams))) return text;
  if (language === 'en' && text && !needsParams) return text;
  return err.message;
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

/** A record outside the actor's scope is reported as missing, never as forbidden. */
export const notFound = (what = 'record') => new AppError(404, 'not_found', `This ${what} does not exist.`);
export const forbidden = (message = 'You are not allowed to do this.') =>
  new AppError(403, 'forbidden', message);
export const unauthenticated = () => refuse(401, 'unauthenticated');
export const badRequest = (code: string, message: string, details?: unknown) =>
  new AppError(400, code, message, details);
export const conflict = (code: string, message: string) => new AppError(409, code, message);
export const tooMany = (message: string) => new AppError(429, 'rate_limited', message);

/**
 * The message of one invalid field: a schema check that names an error code of the catalogue
 * (`params.code`, as the shared checks of domain/text.ts do) is worded in the request's language;
 * any other keeps the schema's own message.
 */
export function fieldMessage(
  v: { message?: string; params?: Record<string, unknown> },
  language: 'fr' | 'en',
): string | undefined {
  const code = (v.params?.params as { code?: unknown } | undefined)?.code;
  if (typeof code === 'string' && code in errorTexts[language])
    return errorTexts[language][code as ErrorCode];
  return v.message;
}
