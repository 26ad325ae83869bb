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

/** How many messages of the thread, written by the other person, came after the reader last read it. */
export async function unreadCount(db: Db, pairingId: string, readerId: string): Promise<number> {
  const read = await db
    .selectFrom('pair_thread_reads')
    .select('read_at')
    .where('pairing_id', '=', pairingId)
    .where('user_id', '=', readerId)
    .executeTakeFirst();
  let q = db
    .selectFrom('pair_messages')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('pairing_id', '=', pairingId)
    .where((eb) => eb.or([eb('author_id', '!=', readerId), eb('author_id', 'is', null)]));
  if (read) q = q.where('created_at', '>', read.read_at);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
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
