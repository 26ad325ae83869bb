import type { Db } from '../../db/index.ts';
import { nonEmpty, type Scope } from '../../policy/scope.ts';

// Every read takes the actor's Scope: a programme is visible to its members and to the admins of
// its organisation, nobody else.

export function visibleProgrammes(db: Db, scope: Scope) {
  return db
    .selectFrom('programmes')
    .where((eb) =>
      eb.or([
        eb('programmes.id', 'in', nonEmpty(scope.programmeIds)),
        eb('programmes.org_id', 'in', nonEmpty(scope.adminOrgIds)),
      ]),
    );
}

export function findProgramme(db: Db, scope: Scope, id: string) {
  return visibleProgrammes(db, scope)
    .selectAll('programmes')
    .where('programmes.id', '=', id)
    .executeTakeFirst();
}

export function listProgrammes(db: Db, scope: Scope, orgId: string) {
  return visibleProgrammes(db, scope)
    .selectAll('programmes')
    .where('programmes.org_id', '=', orgId)
    .orderBy('programmes.archived_at', 'desc')
    .orderBy('programmes.name')
    .execute();
}

export function findOrganisation(db: Db, scope: Scope, id: string) {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', id)
    .where('id', 'in', nonEmpty([...scope.orgIds, ...scope.adminOrgIds]))
    .executeTakeFirst();
}

export function listOrganisations(db: Db, scope: Scope) {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where('id', 'in', nonEmpty([...scope.orgIds, ...scope.adminOrgIds]))
    .orderBy('name')
    .execute();
}

export async function roleCounts(db: Db, programmeIds: string[]) {
  const rows = await db
    .selectFrom('memberships')
    .select(['programme_id', 'role', (eb) => eb.fn.countAll().as('n')])
    .where('programme_id', 'in', nonEmpty(programmeIds))
    .where('ended_at', 'is', null)
    .groupBy(['programme_id', 'role'])
    .execute();
  const out = new Map<string, { coordinators: number; tutors: number; tutees: number; experts: number }>();
  for (const id of programmeIds) out.set(id, { coordinators: 0, tutors: 0, tutees: 0, experts: 0 });
  for (const r of rows) {
    const c = out.get(r.programme_id);
    const key = `${r.role}s` as 'coordinators' | 'tutors' | 'tutees' | 'experts';
    if (c && key in c) c[key] = Number(r.n);
  }
  return out;
}

export function cohortsOf(db: Db, programmeId: string) {
  return db
    .selectFrom('cohorts')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('starts_on', 'desc')
    .execute();
}

/** The people currently in the programme, whatever their role, each once. */
export async function currentMembers(db: Db, programmeId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .distinct()
    .where('programme_id', '=', programmeId)
    .where('ended_at', 'is', null)
    .execute();
  return rows.map((r) => r.user_id);
}

/** The programme's coordinators (the role, not the organisation's administrators). */
export async function coordinatorsOf(db: Db, programmeId: string) {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('programme_id', '=', programmeId)
    .where('role', '=', 'coordinator')
    .where('ended_at', 'is', null)
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}
