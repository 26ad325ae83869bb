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
