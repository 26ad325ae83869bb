import { createHash } from 'node:crypto';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { isLivePairing } from '../../domain/pairings.ts';
import { sameName } from '../../domain/signature-name.ts';
import { forbidden, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { loadPairingFor } from '../matching/pairings.ts';
import { rulesOf } from '../programmes/templates.ts';
import { ensureVersions } from './charter.ts';
import { signingParty } from './policy.ts';
import { signaturesOf } from './queries.ts';
import { charterStatus } from './status.ts';
import { agreementNotice } from './texts.ts';

// Signing a pair's charter: the version the pair is asked to sign, with the full name typed (the
// person's own name, domain/signature-name.ts), the explicit consent, the instant and the SHA-256 of
// the exact text signed. The organisation signs as the third party, by a coordinator of the programme.

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export async function signCharter(
  ctx: AppContext,
  actor: UserActor,
  pairingId: string,
  body: { name: string; consent: boolean; versionId: string },
) {
  const { pairing, p, manage, read, side } = await loadPairingFor(ctx, actor, pairingId);
  if (!rulesOf(p).charterRequired) throw refuse(409, 'charter_off');
  const party = signingParty(actor, p, { side, manage, read });
  if (!party) throw forbidden();
  if (!isLivePairing(pairing.state) || p.archived_at) throw refuse(409, 'pair_not_live');
  const now = ctx.clock.now();
  const versions = await ensureVersions(ctx.db, p.id, now);
  const status = charterStatus(versions, await signaturesOf(ctx.db, [pairing.id]));
  if (status.target.id !== body.versionId) throw refuse(409, 'charter_changed');
  if (!status.waitingOn.includes(party)) throw refuse(409, 'charter_already_signed');
  if (!body.consent) throw refuse(400, 'signature_consent');
  if (!sameName(body.name, actor.name)) throw refuse(400, 'signature_name', { name: actor.name });
  await ctx.db.transaction().execute(async (trx) => {
    const r = await trx
      .insertInto('charter_signatures')
      .values({
        id: newId(),
        org_id: pairing.org_id,
        programme_id: p.id,
        pairing_id: pairing.id,
        version_id: status.target.id,
        party,
        user_id: actor.id,
        signed_name: body.name.trim(),
        signed_at: now.toISOString(),
        body_hash: status.target.body_hash,
      })
      .onConflict((oc) => oc.columns(['pairing_id', 'version_id', 'party']).doNothing())
      .executeTakeFirst();
    if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) throw refuse(409, 'charter_already_signed');
    await audit(trx, now, {
      orgId: pairing.org_id,
      actorId: actor.id,
      action: 'agreements.charter_signed',
      subjectType: 'pairing',
      subjectId: pairing.id,
      meta: { version: status.target.version, hash: status.target.body_hash, party },
    });
    if (status.waitingOn.length === 1) await tellSigned(trx, pairing, p.name, now);
  });
}

/** The last signature landed: both people are told their charter is signed. */
async function tellSigned(
  trx: Db,
  pairing: { id: string; org_id: string; tutor_user_id: string; tutee_user_id: string },
  programme: string,
  now: Date,
) {
  const names = await trx
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [pairing.tutor_user_id, pairing.tutee_user_id])
    .execute();
  const nameOf = (id: string) => names.find((u) => u.id === id)?.name ?? '';
  const content = agreementNotice('charterSigned', {
    programme,
    tutor: nameOf(pairing.tutor_user_id),
    tutee: nameOf(pairing.tutee_user_id),
  });
  for (const userId of [pairing.tutor_user_id, pairing.tutee_user_id])
    await notify(
      trx,
      {
        userId,
        orgId: pairing.org_id,
        kind: 'message',
        key: `agreements:signed:${pairing.id}:${now.toISOString()}:${userId}`,
        link: `/binomes/${pairing.id}/charte`,
        content,
      },
      now,
    );
}
