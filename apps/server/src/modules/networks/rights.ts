import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';

/**
 * Networks in a person's data rights.
 *
 * - Export: the messages they wrote in networks' threads (network, text, when; a deleted or hidden
 *   one with its text as it is kept) and their places in network sessions (network, session,
 *   start, status, when they queued, registered or cancelled).
 * - Erasure: the texts of their messages are cleared (the thread keeps their place, with no
 *   author's name once the account is anonymised), their reads forgotten and their places in
 *   sessions deleted — a place an erased person held goes to nobody, as in training.
 */

export async function networkData(db: Db, userId: string) {
  const [messages, places] = await Promise.all([
    db
      .selectFrom('network_messages as m')
      .innerJoin('networks as n', 'n.id', 'm.network_id')
      .select(['n.name as network', 'm.body', 'm.created_at', 'm.erased_at', 'm.hidden_at'])
      .where('m.author_id', '=', userId)
      .orderBy('m.created_at')
      .execute(),
    db
      .selectFrom('network_registrations as r')
      .innerJoin('network_sessions as s', 's.id', 'r.session_id')
      .innerJoin('networks as n', 'n.id', 's.network_id')
      .select([
        'n.name as network',
        's.title',
        's.starts_at',
        'r.status',
        'r.queued_at',
        'r.registered_at',
        'r.cancelled_at',
      ])
      .where('r.user_id', '=', userId)
      .orderBy('s.starts_at')
      .execute(),
  ]);
  return {
    networkMessages: messages.map((m) => ({
      network: m.network,
      body: m.erased_at ? '' : m.body,
      at: m.created_at,
      hiddenAt: m.hidden_at,
    })),
    networkRegistrations: places.map((r) => ({
      network: r.network,
      title: r.title,
      startsAt: r.starts_at,
      status: r.status,
      queuedAt: r.queued_at,
      registeredAt: r.registered_at,
      cancelledAt: r.cancelled_at,
    })),
  };
}

/** Clears the person's message texts and deletes their places and reads, inside erasePerson's transaction. */
export async function eraseNetworkData(trx: Db, userId: string, at: string): Promise<number> {
  const emptied = await trx
    .updateTable('network_messages')
    .set({ body: '', erased_at: at })
    .where('author_id', '=', userId)
    .where((eb) => eb.or([eb('erased_at', 'is', null), eb('body', '!=', '')]))
    .execute();
  const reads = await trx.deleteFrom('network_thread_reads').where('user_id', '=', userId).execute();
  const places = await trx.deleteFrom('network_registrations').where('user_id', '=', userId).execute();
  return rowsTouched([...emptied, ...reads, ...places]);
}
