import type { Db } from '../../db/index.ts';
import { nonEmpty } from '../../policy/scope.ts';
import type { MemberTeam } from './policy.ts';

// The SQL of networks. A network is read by id and then decided by the actor's standing in it
// (service.ts), never through an organisation's scope: it belongs to several.

export function networkById(db: Db, id: string) {
  return db.selectFrom('networks').selectAll().where('id', '=', id).executeTakeFirst();
}
export type NetworkRow = NonNullable<Awaited<ReturnType<typeof networkById>>>;

/** The live member teams of networks, with their organisation and programme. */
export async function memberTeamsOf(db: Db, networkIds: string[]) {
  const rows = await db
    .selectFrom('network_teams as nt')
    .innerJoin('teams as t', 't.id', 'nt.team_id')
    .innerJoin('organisations as o', 'o.id', 't.org_id')
    .innerJoin('programmes as p', 'p.id', 't.programme_id')
    .select([
      'nt.network_id',
      'nt.joined_at',
      't.id as team_id',
      't.name as team_name',
      't.org_id',
      'o.name as org_name',
      'p.id as programme_id',
      'p.archived_at as programme_archived_at',
    ])
    .where('nt.network_id', 'in', nonEmpty(networkIds))
    .where('nt.left_at', 'is', null)
    .where('t.archived_at', 'is', null)
    .orderBy('nt.joined_at')
    .orderBy('nt.id')
    .execute();
  const out = new Map<string, MemberTeam[]>();
  for (const id of networkIds) out.set(id, []);
  for (const r of rows)
    out.get(r.network_id)?.push({
      teamId: r.team_id,
      teamName: r.team_name,
      orgId: r.org_id,
      orgName: r.org_name,
      programmeId: r.programme_id,
      programmeArchivedAt: r.programme_archived_at,
      joinedAt: r.joined_at,
    });
  return out;
}

/** The live teams a person is a member of. */
export async function liveTeamIdsOf(db: Db, userId: string) {
  const rows = await db
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select('t.id')
    .where('m.user_id', '=', userId)
    .where('m.left_at', 'is', null)
    .where('t.archived_at', 'is', null)
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** The networks that have one of these teams as a live member, or were created by one of these organisations. */
export function networksOf(db: Db, teamIds: string[], orgIds: string[]) {
  return db
    .selectFrom('networks as n')
    .selectAll('n')
    .where((eb) =>
      eb.or([
        eb(
          'n.id',
          'in',
          eb
            .selectFrom('network_teams')
            .select('network_id')
            .where('team_id', 'in', nonEmpty(teamIds))
            .where('left_at', 'is', null),
        ),
        eb('n.org_id', 'in', nonEmpty(orgIds)),
      ]),
    )
    .orderBy('n.archived_at', 'desc')
    .orderBy('n.name')
    .execute();
}

/** The live teams of programmes with teams in the actor's organisations (for creating and joining). */
export function teamsInProgrammes(db: Db, programmeIds: string[]) {
  return db
    .selectFrom('teams as t')
    .innerJoin('programmes as p', 'p.id', 't.programme_id')
    .select(['t.id', 't.name', 't.org_id', 'p.id as programme_id', 'p.name as programme_name'])
    .where('t.programme_id', 'in', nonEmpty(programmeIds))
    .where('t.archived_at', 'is', null)
    .where('p.archived_at', 'is', null)
    .orderBy('p.name')
    .orderBy('t.name')
    .execute();
}

/** A team's live membership of a network, if any. */
export function liveMembership(db: Db, networkId: string, teamId: string) {
  return db
    .selectFrom('network_teams')
    .selectAll()
    .where('network_id', '=', networkId)
    .where('team_id', '=', teamId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
}

/** The time zones of organisations. */
export async function zonesOf(db: Db, orgIds: string[]) {
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'time_zone', 'name'])
    .where('id', 'in', nonEmpty(orgIds))
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
