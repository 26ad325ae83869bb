import { z } from 'zod';
import { errorTexts } from '../http/error-texts.ts';

/**
 * Characters no name may hold: NUL and every other control character (\p{Cc}: C0, DEL, C1; line breaks,
 * tabs, escapes) and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069), which make a name read differently from what it is ("Trojan Source"). The
 * left-to-right and right-to-left marks stay allowed: names written in Arabic or Hebrew need them.
 */
const FORBIDDEN_IN_NAMES = /[\p{Cc}\u202A-\u202E\u2066-\u2069]/u;

/** Whether a name is free of control and bidirectional override characters. */
export const isCleanName = (s: string) => !FORBIDDEN_IN_NAMES.test(s);

/**
 * A refusal that names an error code of http/error-texts.ts: the server words it in the language
 * of the request, the web app in its interface language; the message is the French fallback.
 */
const coded = (code: 'invalid_characters' | 'invalid_web_url') => ({
  message: errorTexts.fr[code],
  params: { code },
});

/**
 * Every free-text name of the product (people, organisations, programmes, cohorts, meetings and
 * their places, events, calendars): trimmed, between `min` and `max` characters, without control or
 * bidirectional override characters.
 */
export const nameText = (min: number, max: number, minMessage?: string) =>
  z.string().trim().min(min, minMessage).max(max).refine(isCleanName, coded('invalid_characters'));

/**
 * Whether a link is a secure web address (https) with a host: never http (a video call's room
 * would travel in the clear), javascript:, data:, file:…
 */
export function isWebUrl(s: string): boolean {
  let u: URL;
  try {
    u = new URL(s);
  } catch {
    return false;
  }
  return u.protocol === 'https:' && u.hostname !== '';
}

/** A link people open from an invitation (a video call): https only. */
export const webUrl = (max = 1000) => z.string().trim().max(max).refine(isWebUrl, coded('invalid_web_url'));
