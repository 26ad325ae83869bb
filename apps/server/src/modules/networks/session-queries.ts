import type { Db } from '../../db/index.ts';
import type { PlaceTables } from '../../sessions/places.ts';

// The SQL of network sessions; their places are `sessions/places.ts`, on these tables.

export const SESSION_TABLES: PlaceTables = { sessions: 'network_sessions', places: 'network_registrations' };

const withNetwork = (db: Db) =>
  db
    .selectFrom('network_sessions as s')
    .innerJoin('networks as n', 'n.id', 's.network_id')
    .innerJoin('organisations as o', 'o.id', 's.org_id')
    .selectAll('s')
    .select(['n.name as network', 'o.name as organisation', 'o.time_zone']);

/** A session with its network's name and its publishing organisation's name and zone. */
export const networkSessionById = (db: Db, id: string) =>
  withNetwork(db).where('s.id', '=', id).executeTakeFirst();
export type NetworkSessionRow = NonNullable<Awaited<ReturnType<typeof networkSessionById>>>;

/** A network's sessions ending after `since`, soonest first. */
export const sessionsOfNetwork = (db: Db, networkId: string, since: string) =>
  withNetwork(db)
    .where('s.network_id', '=', networkId)
    .where('s.ends_at', '>=', since)
    .orderBy('s.starts_at')
    .orderBy('s.id')
    .execute();

/** The registered and waiting people of a session. */
export const peopleOfSession = (db: Db, sessionId: string) =>
  db
    .selectFrom('network_registrations')
    .select(['user_id', 'status'])
    .where('session_id', '=', sessionId)
    .where('status', 'in', ['registered', 'waiting'])
    .execute();
