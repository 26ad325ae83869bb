import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';

// Agreements in a person's data rights: the charters they signed (or that their pair signed with
// them) and their pairs' terms go in their export; erasure replaces the name they typed under
// each signature (the signature itself, its instant and hash, stay: the other parties' copy
// remains verifiable, naming an erased person). The rows go with their pairing.

/** The signatures of the person's pairs, and the terms of those pairs, for their export. */
export async function agreementData(db: Db, userId: string) {
  const signatures = await db
    .selectFrom('charter_signatures as s')
    .innerJoin('pairings as p', 'p.id', 's.pairing_id')
    .innerJoin('charter_versions as v', 'v.id', 's.version_id')
    .innerJoin('programmes as g', 'g.id', 's.programme_id')
    .select(['g.name as programme', 'v.version', 's.party', 's.signed_name', 's.signed_at', 's.body_hash'])
    .where((eb) =>
      eb.or([
        eb('p.tutor_user_id', '=', userId),
        eb('p.tutee_user_id', '=', userId),
        eb('s.user_id', '=', userId),
      ]),
    )
    .orderBy('s.signed_at')
    .execute();
  const terms = await db
    .selectFrom('pair_terms as t')
    .innerJoin('pairings as p', 'p.id', 't.pairing_id')
    .innerJoin('programmes as g', 'g.id', 't.programme_id')
    .select(['g.name as programme', 't.start_on', 't.end_on', 't.ended_early', 't.ended_on'])
    .where((eb) => eb.or([eb('p.tutor_user_id', '=', userId), eb('p.tutee_user_id', '=', userId)]))
    .orderBy('t.start_on')
    .execute();
  return {
    agreements: {
      charterSignatures: signatures.map((s) => ({
        programme: s.programme,
        version: s.version,
        party: s.party,
        signedName: s.signed_name,
        signedAt: s.signed_at,
        hash: s.body_hash,
      })),
      pairTerms: terms.map((t) => ({
        programme: t.programme,
        startOn: t.start_on,
        endOn: t.end_on,
        endedEarly: t.ended_early === 1,
        endedOn: t.ended_on,
      })),
    },
  };
}

/** Replaces the names the person typed to sign, inside erasePerson's transaction. */
export async function eraseSignatureNames(trx: Db, userId: string, erasedName: string): Promise<number> {
  return rowsTouched(
    await trx
      .updateTable('charter_signatures')
      .set({ signed_name: erasedName })
      .where('user_id', '=', userId)
      .execute(),
  );
}
