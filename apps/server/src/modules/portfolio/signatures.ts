import { createHash } from 'node:crypto';
import type { SynthesisRow } from './queries-synthesis.ts';

// Signatures of a synthesis: bound to a version and the SHA-256 of its text, made with the full
// name typed, compared loosely (no case, no accents, no title).

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export type Side = 'tutor' | 'resident';

/** A side's signature, when it signed the current version. */
export function signatureOf(row: SynthesisRow, side: Side) {
  const name = row[`${side}_signed_name`];
  const at = row[`${side}_signed_at`];
  const version = row[`${side}_signed_version`];
  return name && at && version === row.version ? { name, at, version } : null;
}

export const signedByBoth = (row: SynthesisRow) =>
  signatureOf(row, 'tutor') !== null && signatureOf(row, 'resident') !== null;

/** A name as compared for a signature: no accents, no case, no punctuation, no "Dr" or "Pr". */
function nameKey(name: string) {
  const words = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const titles = new Set(['dr', 'pr', 'docteur', 'professeur', 'doctor', 'professor']);
  while (words.length > 1 && titles.has(words[0] as string)) words.shift();
  return words.join(' ');
}

/** Whether a typed name is the person's, loosely: "francoise d'aubigne" signs for "Françoise d’Aubigné". */
export const sameName = (typed: string, name: string) =>
  nameKey(typed) !== '' && nameKey(typed) === nameKey(name);
