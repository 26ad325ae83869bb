import type { Db } from '../../db/index.ts';
import { hashSecret } from '../../lib/ids.ts';
import { nonEmpty } from '../../policy/scope.ts';

// The SQL of requests to join. The public reads find a programme only while it takes requests and
// a request only by its link's hash; the coordination's reads take a programme already loaded
// through the actor's Scope (service.ts).

/** A live programme that takes requests, with its organisation; undefined otherwise. */
export function openProgramme(db: Db, programmeId: string) {
  return db
    .selectFrom('programmes as p')
    .innerJoin('join_request_pages as j', 'j.programme_id', 'p.id')
    .innerJoin('organisations as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select(['o.name as org_name', 'o.time_zone'])
    .where('p.id', '=', programmeId)
    .where('j.open', '=', 1)
    .where('p.archived_at', 'is', null)
    .where('o.archived_at', 'is', null)
    .executeTakeFirst();
}

export async function isOpen(db: Db, programmeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('join_request_pages')
    .select('open')
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return row?.open === 1;
}

/** The request a private link opens, with its programme and organisation. */
export function requestByToken(db: Db, token: string) {
  return db
    .selectFrom('join_requests as r')
    .innerJoin('programmes as p', 'p.id', 'r.programme_id')
    .innerJoin('organisations as o', 'o.id', 'r.org_id')
    .selectAll('r')
    .select(['p.name as programme_name', 'p.template', 'p.org_id', 'o.name as org_name'])
    .where('r.token_hash', '=', hashSecret(token))
    .executeTakeFirst();
}
export type LinkedRequest = NonNullable<Awaited<ReturnType<typeof requestByToken>>>;

/** A request as its confirmation e-mail needs it. */
export function requestForMail(db: Db, id: string) {
  return db
    .selectFrom('join_requests as r')
    .innerJoin('programmes as p', 'p.id', 'r.programme_id')
    .innerJoin('organisations as o', 'o.id', 'r.org_id')
    .selectAll('r')
    .select(['p.name as programme_name', 'p.template', 'o.name as org_name'])
    .where('r.id', '=', id)
    .executeTakeFirst();
}

/** The requests that reached the coordination (confirmed), newest first. */
export function queueOf(db: Db, programmeId: string) {
  return db
    .selectFrom('join_requests as r')
    .leftJoin('users as d', 'd.id', 'r.decided_by')
    .selectAll('r')
    .select('d.name as decided_by_name')
    .where('r.programme_id', '=', programmeId)
    .where('r.confirmed_at', 'is not', null)
    .orderBy('r.confirmed_at', 'desc')
    .orderBy('r.id', 'desc')
    .execute();
}
export type QueueRow = Awaited<ReturnType<typeof queueOf>>[number];

/** One request of the programme that reached the coordination. */
export function queuedRequest(db: Db, programmeId: string, id: string) {
  return db
    .selectFrom('join_requests')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('id', '=', id)
    .where('confirmed_at', 'is not', null)
    .executeTakeFirst();
}

/**
 * For accepted requests: since when each person is a member in the role asked, and when they were
 * first matched in it (their first pair published, whatever became of it).
 */
export async function memberFacts(db: Db, programmeId: string, people: { userId: string; role: string }[]) {
  const ids = [...new Set(people.map((x) => x.userId))];
  if (!ids.length) return { since: new Map<string, string>(), matched: new Map<string, string>() };
  const [members, pairs] = await Promise.all([
    db
      .selectFrom('memberships')
      .select(['user_id', 'role', 'created_at'])
      .where('programme_id', '=', programmeId)
      .where('user_id', 'in', nonEmpty(ids))
      .orderBy('created_at')
      .execute(),
    // The moment a pair went live is its event into 'active' (a published draft); a pair made
    // live some other way counts from its creation.
    db
      .selectFrom('pairings as p')
      .leftJoin('pairing_events as e', (j) =>
        j.onRef('e.pairing_id', '=', 'p.id').on('e.to_state', '=', 'active'),
      )
      .select(['p.tutor_user_id', 'p.tutee_user_id', 'p.created_at', 'e.at as live_at'])
      .where('p.programme_id', '=', programmeId)
      .where('p.state', '!=', 'proposed')
      .where((eb) =>
        eb.or([eb('p.tutor_user_id', 'in', nonEmpty(ids)), eb('p.tutee_user_id', 'in', nonEmpty(ids))]),
      )
      .execute(),
  ]);
  const since = new Map<string, string>();
  for (const m of members)
    if (!since.has(`${m.user_id}:${m.role}`)) since.set(`${m.user_id}:${m.role}`, m.created_at);
  const matched = new Map<string, string>();
  for (const p of pairs) {
    const at = p.live_at ?? p.created_at;
    for (const key of [`${p.tutor_user_id}:tutor`, `${p.tutee_user_id}:tutee`]) {
      const known = matched.get(key);
      if (!known || at < known) matched.set(key, at);
    }
  }
  return { since, matched };
}
