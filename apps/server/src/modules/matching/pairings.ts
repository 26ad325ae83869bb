import type { AppContext } from '../../context.ts';
import { isLivePairing } from '../../domain/pairings.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { auditRead } from '../audit/reads.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { type ProgrammeRules, rulesOf } from '../programmes/templates.ts';
import { undoEnd } from './ending.ts';
import {
  mayAskForRepair,
  mayReadEventReason,
  type PairingSide,
  pairingAccess,
  pairingChange,
} from './policy.ts';
import { findPairing, meetingsAttended, pairingHistory } from './queries.ts';
import { event, requestRepair, transition } from './service.ts';

// One pairing's lifecycle as its tutor, its tutee or its coordinators see it.

/**
 * A pairing the actor may see: its tutor, its tutee, or a manager of its programme. Anyone else,
 * inside the organisation or not, is told it does not exist.
 */
export async function loadPairingFor(ctx: AppContext, actor: UserActor, id: string) {
  const pairing = await findPairing(ctx.db, id);
  if (!pairing || pairing.state === 'proposed') throw notFound('pairing');
  const p = await loadProgrammeFor(ctx, actor, pairing.programme_id);
  const { visible, manage, read, side } = pairingAccess(actor, p, pairing);
  if (!visible) throw notFound('pairing');
  return { pairing, p, manage, read, side };
}

/**
 * Pauses, resumes, completes or ends a pairing. The coordinator may do any of it; a tutee may only
 * leave an optional programme (an opt-out, recorded as such); everyone else is refused.
 */
export async function changePairing(
  ctx: AppContext,
  actor: UserActor,
  pairingId: string,
  body: { to: string; reason?: string | null },
) {
  const { pairing, p, manage, side } = await loadPairingFor(ctx, actor, pairingId);
  const rules = rulesOf(p);
  const attended = side === 'tutee' ? await meetingsAttended(ctx.db, p.id, actor.id) : 0;
  const change = pairingChange({ manage, side }, body.to, rules, attended);
  if (!change) throw cannotChange(rules, side, attended);
  await transition(ctx, actor, pairing, body.to, change === 'optOut' ? 'opt-out' : (body.reason ?? null));
}

/** Why the member may not change their pairing, in the words of the programme's participation rule. */
function cannotChange(rules: ProgrammeRules, side: PairingSide, attended: number) {
  const { mode, firstN } = rules.participation;
  if (side === 'tutee' && mode === 'first-n') {
    const n = firstN ?? 0;
    return refuse(403, 'forbidden', { variant: 'first_meetings', n, count: attended });
  }
  if (side === 'tutee' && mode === 'compulsory') {
    return refuse(403, 'forbidden', { variant: 'compulsory' });
  }
  return refuse(403, 'forbidden', { variant: 'coordinator_only' });
}

/** The coordinator takes back the end of a pairing, while it may still be undone. */
export async function undoPairingEnd(ctx: AppContext, actor: UserActor, pairingId: string) {
  const { pairing, manage } = await loadPairingFor(ctx, actor, pairingId);
  if (!manage) throw forbidden();
  await undoEnd(ctx, actor, pairing, (trx, at, from, to) =>
    event(trx, at, pairing, { actorId: actor.id, kind: 'end-undone', from, to }),
  );
}

/** Either side (or the coordinator) asks for another pairing while this one is live. */
export async function askForRepair(ctx: AppContext, actor: UserActor, pairingId: string, reason: string) {
  const { pairing, manage, side } = await loadPairingFor(ctx, actor, pairingId);
  if (!mayAskForRepair({ manage, side })) throw forbidden();
  if (!isLivePairing(pairing.state)) {
    throw refuse(409, 'invalid_transition');
  }
  await requestRepair(ctx, actor, pairing, reason);
}

/** What happened to the pairing, oldest first, with who did it. */
export async function historyOf(ctx: AppContext, actor: UserActor, pairingId: string) {
  const { pairing, read } = await loadPairingFor(ctx, actor, pairingId);
  const rows = await pairingHistory(ctx.db, pairing.id);
  // The tutor and the tutee read their own pairing's history; anyone else reads both people's records.
  await auditRead(ctx.db, ctx.clock.now(), {
    orgId: pairing.org_id,
    actor,
    subjectPersonIds:
      actor.id === pairing.tutor_user_id || actor.id === pairing.tutee_user_id
        ? []
        : [pairing.tutor_user_id, pairing.tutee_user_id],
    kind: 'pairingHistory',
    recordType: 'pairing',
    recordId: pairing.id,
    programmeId: pairing.programme_id,
  });
  return rows.map((r) => ({
    at: r.at,
    kind: r.kind,
    from: r.from_state,
    to: r.to_state,
    reason: mayReadEventReason({ read }, actor.id, r) ? r.reason : null,
    actorName: r.name,
  }));
}
