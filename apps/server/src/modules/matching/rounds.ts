import type { AppContext } from '../../context.ts';
import type { Programme } from '../../db/types.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { type Mode, runMatchingIn } from './draft.ts';
import { presentMine } from './present.ts';
import { closeRounds, openRoundOf, saveChoice } from './queries.ts';
import { announceRound } from './round-notices.ts';

// Choice rounds: the coordinator opens one with a deadline, members rank before it, and closing
// it runs the matching in the round's mode.

/**
 * Opens a choice round, telling each person who must rank (a reminder follows a day before the
 * deadline); a round still open is closed first (one open round per programme).
 */
export async function openRound(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  body: { kind: 'tutee-choice' | 'tutor-choice'; deadline: string },
) {
  const now = ctx.clock.now();
  if (new Date(body.deadline) <= now) {
    throw refuse(400, 'deadline_past');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await closeRounds(trx, p.id, now.toISOString());
    const round = { id: newId(), kind: body.kind, deadline: new Date(body.deadline).toISOString() };
    await trx
      .insertInto('matching_rounds')
      .values({
        ...round,
        org_id: p.org_id,
        programme_id: p.id,
        status: 'open',
        created_by: actor.id,
        created_at: now.toISOString(),
        closed_at: null,
      })
      .execute();
    await announceRound(trx, p, round, now);
  });
}

/** Saves the actor's ranking among the candidates the round offers them, before its deadline. */
export async function rank(ctx: AppContext, actor: UserActor, p: Programme, ranking: string[]) {
  const { round } = await presentMine(ctx, actor, p, false);
  if (!round) {
    throw refuse(409, 'no_round', { variant: 'for_you' });
  }
  if (!round.open) {
    throw refuse(409, 'round_closed');
  }
  const known = new Set(round.candidates.map((c) => c.userId));
  const unique = [...new Set(ranking)];
  if (unique.some((id) => !known.has(id))) throw notFound('person');
  const now = ctx.clock.now().toISOString();
  await saveChoice(ctx.db, { roundId: round.id, userId: actor.id, side: round.side, ranking: unique, now });
}

/**
 * Closes the open round and computes the draft from its rankings, in one transaction: a run that
 * fails leaves the round open, as it was, rather than closed with no draft.
 */
export async function closeRoundAndRun(ctx: AppContext, actor: UserActor, p: Programme) {
  await ctx.db.transaction().execute(async (trx) => {
    const round = await openRoundOf(trx, p.id);
    // The conditional close also keeps a second coordinator closing at the same time from running twice.
    if (!round || (await closeRounds(trx, p.id, ctx.clock.now().toISOString(), round.id)) === 0) {
      throw refuse(409, 'no_round');
    }
    await runMatchingIn(trx, ctx, actor, p, round.kind as Mode);
  });
}
