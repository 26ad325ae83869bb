import { InputError } from '../errors.ts';

/** Parses the command's stdin as one JSON document; the error names the position when it is not JSON. */
export function parseJsonInput(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new InputError('', `input is not valid JSON (${(err as Error).message})`);
  }
}

/** Escapes one JSON pointer reference token (RFC 6901). */
export function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}
