import type { Db } from '../../db/index.ts';
import { nonEmpty } from '../../policy/scope.ts';
import { parties } from './schema.ts';

/**
 * Of the given pairs, how many had a charter signed by all three parties (mentor, mentee and the
 * organisation, on one version of the text) before `end`.
 */
export async function chartersSigned(db: Db, pairingIds: string[], end: string): Promise<number> {
  if (pairingIds.length === 0) return 0;
  const rows = await db
    .selectFrom('charter_signatures')
    .select(['pairing_id', 'version_id', 'party'])
    .where('pairing_id', 'in', nonEmpty(pairingIds))
    .where('signed_at', '<', end)
    .execute();
  const signers = new Map<string, Set<string>>();
  for (const r of rows) {
    const key = `${r.pairing_id} ${r.version_id}`;
    signers.set(key, (signers.get(key) ?? new Set()).add(r.party));
  }
  const signed = new Set<string>();
  for (const [key, who] of signers)
    if (parties.every((p) => who.has(p))) signed.add(key.split(' ')[0] as string);
  return signed.size;
}
