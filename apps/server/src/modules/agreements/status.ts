import type { SignatureRow, VersionRow } from './queries.ts';
import { type Party, parties } from './schema.ts';

// Where a pair stands with the charter, from the programme's versions and the pair's signatures.
// A signature belongs to the version it signed, with that text's hash: a new version changes no
// signature. A pair signs the version it started signing, unless a later version asks for new
// signatures; a pair that signed nothing yet signs the newest.

export interface CharterStatus {
  target: VersionRow;
  signatures: SignatureRow[];
  waitingOn: Party[];
  complete: boolean;
  /** The newest version the three signed, if any. */
  lastComplete: VersionRow | null;
}

const completeOn = (v: VersionRow, sigs: SignatureRow[]) =>
  parties.every((party) => sigs.some((s) => s.version_id === v.id && s.party === party));

export function charterStatus(versions: VersionRow[], sigs: SignatureRow[]): CharterStatus {
  const latest = versions.at(-1);
  if (!latest) throw new Error('A charter status needs a version');
  const signedNumbers = versions.filter((v) => sigs.some((s) => s.version_id === v.id)).map((v) => v.version);
  const started = signedNumbers.length > 0 ? Math.max(...signedNumbers) : null;
  const resignAfter = (n: number) => versions.some((v) => v.version > n && v.resign_required === 1);
  const target =
    started !== null && !resignAfter(started)
      ? (versions.find((v) => v.version === started) as VersionRow)
      : latest;
  const on = sigs.filter((s) => s.version_id === target.id);
  const waitingOn = parties.filter((party) => !on.some((s) => s.party === party));
  const completed = versions.filter((v) => completeOn(v, sigs));
  return {
    target,
    signatures: on,
    waitingOn,
    complete: waitingOn.length === 0,
    lastComplete: completed.at(-1) ?? null,
  };
}
