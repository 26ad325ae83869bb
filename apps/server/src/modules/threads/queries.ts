import type { Db } from '../../db/index.ts';
import type { PairingRef } from './policy.ts';

/** Pairings with what their thread needs: their two people, their programme and its state. */
function pairingsWithPeople(db: Db) {
  return db
    .selectFrom('pairings as p')
    .innerJoin('programmes as g', 'g.id', 'p.programme_id')
    .innerJoin('users as tutor', 'tutor.id', 'p.tutor_user_id')
    .innerJoin('users as tutee', 'tutee.id', 'p.tutee_user_id')
    .select([
      'p.id',
      'p.org_id',
      'p.programme_id',
      'p.state',
      'p.tutor_user_id',
      'p.tutee_user_id',
      'g.name as programme_name',
      'g.archived_at',
      'tutor.name as tutor_name',
      'tutee.name as tutee_name',
    ]);
}

/** One pairing, for its thread. */
export function loadPairing(db: Db, pairingId: string) {
  return pairingsWithPeople(db).where('p.id', '=', pairingId).executeTakeFirst() satisfies Promise<
    (PairingRef & Record<string, unknown>) | undefined
  >;
}
export type ThreadPairing = NonNullable<Awaited<ReturnType<typeof loadPairing>>>;

export function threadMessages(db: Db, pairingId: string) {
  return db
    .selectFrom('pair_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.author_id', 'u.name as author_name', 'm.body', 'm.erased_at', 'm.created_at'])
    .where('m.pairing_id', '=', pairingId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

/** Records that the person read the thread up to `at`. */
export async function markRead(db: Db, pairingId: string, userId: string, at: string): Promise<void> {
  await db
    .insertInto('pair_thread_reads')
    .values({ pairing_id: pairingId, user_id: userId, read_at: at })
    .onConflict((oc) => oc.columns(['pairing_id', 'user_id']).doUpdateSet({ read_at: at }))
    .execute();
}

/**
 * For each of the given threads, how many messages written by the other person came after the
 * reader last read it: one query, whatever the number of threads.
 */
export async function unreadCounts(
  db: Db,
  pairingIds: string[],
  readerId: string,
): Promise<Map<string, number>> {
  if (pairingIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('pair_messages as m')
    .leftJoin('pair_thread_reads as r', (j) =>
      j.onRef('r.pairing_id', '=', 'm.pairing_id').on('r.user_id', '=', readerId),
    )
    .select(['m.pairing_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('m.pairing_id', 'in', pairingIds)
    .where((eb) => eb.or([eb('m.author_id', '!=', readerId), eb('m.author_id', 'is', null)]))
    .where((eb) => eb.or([eb('r.read_at', 'is', null), eb('m.created_at', '>', eb.ref('r.read_at'))]))
    .groupBy('m.pairing_id')
    .execute();
  return new Map(rows.map((r) => [r.pairing_id, Number(r.n)]));
}

/** How many messages of one thread the reader has not read (unreadCounts for one thread). */
export async function unreadCount(db: Db, pairingId: string, readerId: string): Promise<number> {
  return (await unreadCounts(db, [pairingId], readerId)).get(pairingId) ?? 0;
}

/**
 * The pairs a person belongs to, tutor or tutee, that have a thread to show: the live ones, and the
 * ended ones where something was written.
 */
export function pairingsOf(db: Db, userId: string) {
  return pairingsWithPeople(db)
    .select((eb) =>
      eb
        .selectFrom('pair_messages as m')
        .select((x) => x.fn.max('m.created_at').as('last'))
        .whereRef('m.pairing_id', '=', 'p.id')
        .as('last_at'),
    )
    .where((eb) => eb.or([eb('p.tutor_user_id', '=', userId), eb('p.tutee_user_id', '=', userId)]))
    .where('p.state', '!=', 'proposed')
    .orderBy('p.created_at', 'desc')
    .execute();
}
