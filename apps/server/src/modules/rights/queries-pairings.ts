import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';

/**
 * The person's pairings (not the proposals of a draft) with their history; a reason someone else
 * gave (a re-pairing request, an early end) stays with those who may read it.
 */
export async function pairingData(db: Db, userId: string) {
  const pairingRows = await db
    .selectFrom('pairings')
    .innerJoin('programmes', 'programmes.id', 'pairings.programme_id')
    .innerJoin('users as tutor', 'tutor.id', 'pairings.tutor_user_id')
    .innerJoin('users as tutee', 'tutee.id', 'pairings.tutee_user_id')
    .select([
      'pairings.id',
      'programmes.name as programme',
      'pairings.tutor_user_id',
      'tutor.name as tutor',
      'tutee.name as tutee',
      'pairings.state',
      'pairings.created_at',
      'pairings.ended_at',
      'pairings.repair_requested_at',
      'pairings.repair_requested_by',
    ])
    .where((eb) => eb.or([eb('tutor_user_id', '=', userId), eb('tutee_user_id', '=', userId)]))
    .where('pairings.state', '!=', 'proposed')
    .orderBy('pairings.created_at')
    .execute();
  const pairingIds = pairingRows.map((p) => p.id);
  const events = pairingIds.length
    ? await db
        .selectFrom('pairing_events')
        .select(['pairing_id', 'at', 'kind', 'from_state', 'to_state', 'reason', 'actor_id'])
        .where('pairing_id', 'in', pairingIds)
        .orderBy('at')
        .execute()
    : [];
  return pairingRows.map((p) => ({
    programme: p.programme,
    role: p.tutor_user_id === userId ? 'tutor' : 'tutee',
    tutor: p.tutor,
    tutee: p.tutee,
    state: p.state,
    createdAt: p.created_at,
    endedAt: p.ended_at,
    repairRequestedAt: p.repair_requested_by === userId ? p.repair_requested_at : null,
    history: events
      .filter((e) => e.pairing_id === p.id)
      .map((e) => ({
        at: e.at,
        kind: e.kind,
        from: e.from_state,
        to: e.to_state,
        reason: e.actor_id === userId ? e.reason : null,
        byYou: e.actor_id === userId,
      })),
  }));
}

/** The matching constraints the person declared and their choice-round rankings. */
export async function matchingData(db: Db, userId: string) {
  const constraints = await db
    .selectFrom('matching_constraints')
    .innerJoin('users as tutor', 'tutor.id', 'matching_constraints.tutor_user_id')
    .innerJoin('users as tutee', 'tutee.id', 'matching_constraints.tutee_user_id')
    .select([
      'tutor.name as tutor',
      'tutee.name as tutee',
      'kind',
      'reason',
      'matching_constraints.created_at',
    ])
    .where('declared_by', '=', userId)
    .execute();
  const choices = await db
    .selectFrom('matching_choices')
    .select(['side', 'ranking', 'updated_at'])
    .where('user_id', '=', userId)
    .execute();
  // A ranking is stored as ids: the export names the people ranked (names the person saw when ranking).
  const rankings = choices.map((c) => ({
    side: c.side,
    updatedAt: c.updated_at,
    ids: readJson(z.array(z.string()), c.ranking, 'matching_choices.ranking'),
  }));
  const rankedIds = [...new Set(rankings.flatMap((r) => r.ids))];
  const ranked = rankedIds.length
    ? await db.selectFrom('users').select(['id', 'name']).where('id', 'in', rankedIds).execute()
    : [];
  return {
    constraintsYouDeclared: constraints,
    rankings: rankings.map((r) => ({
      side: r.side,
      updatedAt: r.updatedAt,
      ranking: r.ids.map((id) => ranked.find((u) => u.id === id)?.name ?? null),
    })),
  };
}
