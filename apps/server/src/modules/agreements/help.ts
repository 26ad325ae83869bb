import type { AppContext } from '../../context.ts';
import { isLivePairing } from '../../domain/pairings.ts';
import { refuse } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { loadPairingFor } from '../matching/pairings.ts';

// Support from the organisation: either party asks the coordination for help about their pair. It
// is a difficulty (modules/difficulties) of the category `pair`, linked to the pairing: private to
// its author and the programme's coordination, followed on its thread and through its states, and
// always named — the coordination must know which pair it is about.

/** The pairing a `pair` request is about, checked; null for any other category. */
export async function pairHelpTarget(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: { category: string; pairingId?: string; anonymised: boolean },
): Promise<string | null> {
  if (body.category !== 'pair') {
    if (body.pairingId) throw refuse(400, 'invalid_request');
    return null;
  }
  if (!body.pairingId) throw refuse(400, 'pair_help_not_yours');
  if (body.anonymised) throw refuse(400, 'pair_help_named');
  const { pairing, side } = await loadPairingFor(ctx, actor, body.pairingId);
  if (!side || pairing.programme_id !== programmeId || !isLivePairing(pairing.state))
    throw refuse(403, 'pair_help_not_yours');
  return pairing.id;
}
