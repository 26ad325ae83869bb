import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';
import { ENDED_PAIRING_STATES } from '../../domain/pairings.ts';

// Pair threads in the person's data rights and in retention: what they wrote and received goes in
// their export; erasure empties what they wrote (the other's answers stay, with their place in the
// thread); the threads of pairs ended longer ago than the organisation keeps pairs' records go.

/** Every message of the threads the person is one of the two of, for their export. */
export async function threadData(db: Db, userId: string) {
  const rows = await db
    .selectFrom('pair_messages as m')
    .innerJoin('pairings as p', 'p.id', 'm.pairing_id')
    .innerJoin('programmes as g', 'g.id', 'p.programme_id')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select(['g.name as programme', 'u.name as author', 'm.body', 'm.erased_at', 'm.created_at'])
    .where((eb) => eb.or([eb('p.tutor_user_id', '=', userId), eb('p.tutee_user_id', '=', userId)]))
    .orderBy('m.created_at')
    .execute();
  return {
    pairMessages: rows.map((m) => ({
      programme: m.programme,
      from: m.author ?? '',
      body: m.erased_at ? '' : m.body,
      at: m.created_at,
    })),
  };
}

/** Empties the text of every message the person wrote, inside erasePerson's transaction. */
export async function eraseThreadMessages(trx: Db, userId: string, at: string): Promise<number> {
  const emptied = await trx
    .updateTable('pair_messages')
    .set({ body: '', erased_at: at })
    .where('author_id', '=', userId)
    .where('erased_at', 'is', null)
    .execute();
  const reads = await trx.deleteFrom('pair_thread_reads').where('user_id', '=', userId).execute();
  return rowsTouched([...emptied, ...reads]);
}

/** Removes the threads of the organisation's pairs that ended before `cut`. */
export async function purgeEndedThreads(db: Db, orgId: string, cut: string): Promise<number> {
  const ended = db
    .selectFrom('pairings')
    .select('id')
    .where('org_id', '=', orgId)
    .where('state', 'in', ENDED_PAIRING_STATES)
    .where('ended_at', '<', cut);
  const removed = await db.deleteFrom('pair_messages').where('pairing_id', 'in', ended).execute();
  await db.deleteFrom('pair_thread_reads').where('pairing_id', 'in', ended).execute();
  return rowsTouched(removed);
}
