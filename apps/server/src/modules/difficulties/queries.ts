import type { Db } from '../../db/index.ts';
import { nonEmpty, type Scope } from '../../policy/scope.ts';
import { coordinatorsOf } from '../programmes/queries.ts';

// All SQL of difficulties. A difficulty is read through the actor's Scope (the organisations they
// belong to or administer); the policy then decides whether it is theirs to see.

const base = (db: Db) =>
  db
    .selectFrom('difficulties as d')
    .innerJoin('organisations as org', 'org.id', 'd.org_id')
    .leftJoin('programmes as p', 'p.id', 'd.programme_id')
    .leftJoin('users as author', 'author.id', 'd.author_id')
    .leftJoin('organisations as src', 'src.id', 'd.source_org_id')
    .select((eb) => [
      'd.id',
      'd.org_id',
      'd.programme_id',
      'd.author_id',
      'd.anonymised',
      'd.category',
      'd.scope',
      'd.state',
      'd.description',
      'd.description_erased_at',
      'd.closing_note',
      'd.closed_at',
      'd.created_at',
      'd.updated_at',
      'd.source_id',
      'd.source_org_id',
      'd.pairing_id',
      'org.time_zone',
      'p.name as programme_name',
      'p.archived_at as programme_archived_at',
      'author.name as author_name',
      'src.name as source_org_name',
      eb
        .selectFrom('difficulty_messages as m')
        .select((c) => c.fn.countAll<number>().as('n'))
        .whereRef('m.difficulty_id', '=', 'd.id')
        .as('messages'),
    ]);
export type DifficultyRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

/** The programme of a difficulty as the policy needs it (null for a forwarded copy). */
export const programmeOf = (d: DifficultyRow) =>
  d.programme_id
    ? { id: d.programme_id, org_id: d.org_id, archived_at: d.programme_archived_at ?? null }
    : null;

export function findDifficulty(db: Db, scope: Scope, id: string) {
  return base(db)
    .where('d.id', '=', id)
    .where('d.org_id', 'in', nonEmpty([...scope.orgIds, ...scope.adminOrgIds]))
    .executeTakeFirst();
}

/** The difficulties the actor raised in an organisation (anonymised ones included: they are theirs). */
export function listRaisedBy(db: Db, scope: Scope, orgId: string) {
  return base(db)
    .where('d.org_id', '=', orgId)
    .where('d.author_id', '=', scope.actorId)
    .orderBy('d.updated_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute();
}

/**
 * The coordination's inbox in an organisation: the difficulties of the programmes it handles, and
 * the copies other organisations forwarded when it handles the organisation's.
 */
export function listInbox(
  db: Db,
  scope: Scope,
  orgId: string,
  o: { programmeIds: string[]; copies: boolean; state?: string },
) {
  let q = base(db)
    .where('d.org_id', '=', orgId)
    .where('d.org_id', 'in', nonEmpty([...scope.orgIds, ...scope.adminOrgIds]))
    .where((eb) =>
      eb.or([
        eb('d.programme_id', 'in', nonEmpty(o.programmeIds)),
        ...(o.copies ? [eb('d.programme_id', 'is', null)] : []),
      ]),
    );
  if (o.state) q = q.where('d.state', '=', o.state);
  return q.orderBy('d.updated_at', 'desc').orderBy('d.id', 'desc').execute();
}

/**
 * The programmes of an organisation the actor manages, archived ones included: all of them for an
 * admin, else those they coordinate. The same rule as managesProgramme(actor, p, 'read')
 * (programmes/policy.ts), written as a query so the list is read at once.
 */
export function managedProgrammes(db: Db, scope: Scope, orgId: string) {
  const admin = scope.adminOrgIds.includes(orgId);
  let q = db.selectFrom('programmes').select(['id', 'name']).where('org_id', '=', orgId);
  if (!admin) q = q.where('id', 'in', nonEmpty(scope.coordinatedProgrammeIds));
  return q.orderBy('name').execute();
}

/** The live programmes of an organisation the actor is a member of: where they may raise a difficulty. */
export function memberProgrammes(db: Db, scope: Scope, orgId: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'name'])
    .where('org_id', '=', orgId)
    .where('id', 'in', nonEmpty(scope.programmeIds))
    .where('archived_at', 'is', null)
    .orderBy('name')
    .execute();
}

export function threadOf(db: Db, difficultyId: string) {
  return db
    .selectFrom('difficulty_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.side', 'm.author_id', 'u.name as author_name', 'm.body', 'm.created_at'])
    .where('m.difficulty_id', '=', difficultyId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

export function eventsOf(db: Db, difficultyId: string) {
  return db
    .selectFrom('difficulty_events as e')
    .leftJoin('users as u', 'u.id', 'e.actor_id')
    .leftJoin('organisations as o', 'o.id', 'e.target_org_id')
    .select(['e.kind', 'e.from_state', 'e.to_state', 'e.at', 'u.name as actor_name', 'o.name as org_name'])
    .where('e.difficulty_id', '=', difficultyId)
    .orderBy('e.at')
    .orderBy('e.id')
    .execute();
}

/** The copies of a difficulty in other organisations, with their own state. */
export function copiesOf(db: Db, difficultyId: string) {
  return db
    .selectFrom('difficulties as c')
    .innerJoin('organisations as o', 'o.id', 'c.org_id')
    .select(['c.org_id', 'o.name', 'c.state', 'c.created_at'])
    .where('c.source_id', '=', difficultyId)
    .orderBy('c.created_at')
    .execute();
}

/**
 * The organisations of the instance a difficulty may be forwarded to: the others, live, demo with
 * demo only, and not one it already went to.
 */
export async function forwardTargets(db: Db, d: { id: string; org_id: string }) {
  const own = await db
    .selectFrom('organisations')
    .select('is_demo')
    .where('id', '=', d.org_id)
    .executeTakeFirstOrThrow();
  return db
    .selectFrom('organisations')
    .select(['id', 'name'])
    .where('id', '!=', d.org_id)
    .where('archived_at', 'is', null)
    .where('is_demo', '=', own.is_demo)
    .where('id', 'not in', (eb) =>
      eb.selectFrom('difficulties').select('org_id').where('source_id', '=', d.id),
    )
    .orderBy('name')
    .execute();
}

/** Who is told of a programme's difficulties: its coordinators, else the organisation's admins. */
export async function coordinationOf(db: Db, programmeId: string, orgId: string): Promise<string[]> {
  const coordinators = await coordinatorsOf(db, programmeId);
  return coordinators.length ? coordinators : organisationAdmins(db, orgId);
}

async function organisationAdmins(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_members')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('is_admin', '=', 1)
    .execute();
  return rows.map((r) => r.user_id);
}

/** Who handles an organisation's received copies: its admins and the coordinators of its live programmes. */
export async function organisationCoordination(db: Db, orgId: string): Promise<string[]> {
  const coordinators = await db
    .selectFrom('memberships')
    .innerJoin('programmes', 'programmes.id', 'memberships.programme_id')
    .select('memberships.user_id')
    .where('memberships.org_id', '=', orgId)
    .where('memberships.role', '=', 'coordinator')
    .where('memberships.ended_at', 'is', null)
    .where('programmes.archived_at', 'is', null)
    .execute();
  return [...new Set([...coordinators.map((c) => c.user_id), ...(await organisationAdmins(db, orgId))])];
}
