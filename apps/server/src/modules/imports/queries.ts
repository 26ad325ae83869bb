import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/index.ts';
import type {
  ImportTable,
  MembershipTable,
  OrgMemberTable,
  PlacementTable,
  Programme,
  User,
} from '../../db/types.ts';
import { newId } from '../../lib/ids.ts';
import { nonEmpty, type Scope } from '../../policy/scope.ts';
import type { ColumnChoice } from './parse.ts';
import type { InsertTables, Update } from './plan.ts';

/** An import of a programme the actor can see; undefined otherwise (and the route answers 404). */
export function findImport(db: Db, scope: Scope, programmeId: string, importId: string) {
  return db
    .selectFrom('imports')
    .innerJoin('programmes', 'programmes.id', 'imports.programme_id')
    .selectAll('imports')
    .where('imports.id', '=', importId)
    .where('imports.programme_id', '=', programmeId)
    .where((eb) =>
      eb.or([
        eb('programmes.id', 'in', nonEmpty(scope.programmeIds)),
        eb('programmes.org_id', 'in', nonEmpty(scope.adminOrgIds)),
      ]),
    )
    .executeTakeFirst();
}

/** What the database already knows about the people of a file, read in a few batched queries. */
export interface Known {
  users: Map<string, User>; // by e-mail
  orgMembers: Map<string, Selectable<OrgMemberTable>>; // by user id, this organisation
  inOtherOrgs: Set<string>; // user ids also in another organisation
  memberships: Map<string, Selectable<MembershipTable>[]>; // by user id, live, this programme
  placements: Map<string, Selectable<PlacementTable>>; // by user id, this organisation and period
}

const CHUNK = 500;
const chunks = <T>(items: T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * Accounts are looked up by e-mail across the instance (an address is one account), which is why
 * this read takes no Scope: it runs only after the actor was authorised to import into the
 * programme, and nothing about people outside the organisation leaves the service.
 */
export async function loadKnown(
  db: Db,
  target: { orgId: string; programmeId: string; period: string },
  emails: string[],
): Promise<Known> {
  const known: Known = {
    users: new Map(),
    orgMembers: new Map(),
    inOtherOrgs: new Set(),
    memberships: new Map(),
    placements: new Map(),
  };
  for (const batch of chunks(emails)) {
    for (const u of await db.selectFrom('users').selectAll().where('email', 'in', batch).execute()) {
      known.users.set(u.email, u);
    }
  }
  const userIds = [...known.users.values()].map((u) => u.id);
  for (const batch of chunks(userIds)) {
    const [members, memberships, placements] = await Promise.all([
      db.selectFrom('org_members').selectAll().where('user_id', 'in', batch).execute(),
      db
        .selectFrom('memberships')
        .selectAll()
        .where('programme_id', '=', target.programmeId)
        .where('user_id', 'in', batch)
        .where('ended_at', 'is', null)
        .execute(),
      db
        .selectFrom('placements')
        .selectAll()
        .where('org_id', '=', target.orgId)
        .where('period', '=', target.period)
        .where('user_id', 'in', batch)
        .execute(),
    ]);
    for (const m of members) {
      if (m.org_id === target.orgId) known.orgMembers.set(m.user_id, m);
      else known.inOtherOrgs.add(m.user_id);
    }
    for (const m of memberships)
      known.memberships.set(m.user_id, [...(known.memberships.get(m.user_id) ?? []), m]);
    for (const p of placements) known.placements.set(p.user_id, p);
  }
  return known;
}

export function organisationOf(db: Db, p: Programme) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'time_zone', 'locale'])
    .where('id', '=', p.org_id)
    .executeTakeFirstOrThrow();
}

export async function insertImport(db: Db, row: Insertable<ImportTable>) {
  await db.insertInto('imports').values(row).execute();
}

/** Marks a preview committed; false when it no longer is one (a concurrent commit claimed it). */
export async function claimPreview(db: Db, importId: string, committedAt: string): Promise<boolean> {
  const claimed = await db
    .updateTable('imports')
    .set({ status: 'committed', committed_at: committedAt })
    .where('id', '=', importId)
    .where('status', '=', 'preview')
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

export async function saveSummary(db: Db, importId: string, summary: string) {
  await db.updateTable('imports').set({ summary }).where('id', '=', importId).execute();
}

const INSERT_CHUNK = 100;
export async function insertAll<T extends keyof InsertTables>(db: Db, table: T, rows: InsertTables[T][]) {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + INSERT_CHUNK) as never)
      .execute();
  }
}

/** One update of the plan; a site is the person's for the organisation and period. */
export async function applyUpdate(db: Db, u: Update, target: { orgId: string; period: string }) {
  if (u.table === 'users') await db.updateTable('users').set(u.set).where('id', '=', u.id).execute();
  else if (u.table === 'org_members') {
    await db.updateTable('org_members').set(u.set).where('id', '=', u.id).execute();
  } else if (u.table === 'memberships') {
    await db.updateTable('memberships').set(u.set).where('id', '=', u.id).execute();
  } else {
    await db
      .updateTable('placements')
      .set(u.set)
      .where('org_id', '=', target.orgId)
      .where('user_id', '=', u.userId)
      .where('period', '=', target.period)
      .execute();
  }
}

/** What the organisation chose its column titles to be in earlier imports, by normalised title. */
export async function loadColumnChoices(db: Db, orgId: string): Promise<Record<string, ColumnChoice>> {
  const rows = await db
    .selectFrom('import_column_choices')
    .select(['header_key', 'field'])
    .where('org_id', '=', orgId)
    .execute();
  return Object.fromEntries(rows.map((r) => [r.header_key, r.field as ColumnChoice]));
}

/** Remembers the columns chosen for a committed import; a later choice replaces an earlier one. */
export async function saveColumnChoices(
  db: Db,
  c: { orgId: string; actorId: string; now: string; choices: { key: string; field: ColumnChoice }[] },
) {
  for (const choice of c.choices) {
    await db
      .insertInto('import_column_choices')
      .values({
        id: newId(),
        org_id: c.orgId,
        header_key: choice.key,
        field: choice.field,
        chosen_by: c.actorId,
        chosen_at: c.now,
      })
      .onConflict((oc) =>
        oc
          .columns(['org_id', 'header_key'])
          .doUpdateSet({ field: choice.field, chosen_by: c.actorId, chosen_at: c.now }),
      )
      .execute();
  }
}

/**
 * The live memberships of this programme held by the given addresses whose person has not joined
 * yet (no password, never signed in, not disabled), with whether an invitation was sent.
 */
export async function awaitingInvitation(db: Db, programmeId: string, emails: string[]) {
  const out: {
    membershipId: string;
    userId: string;
    role: string;
    invitedAt: string | null;
  }[] = [];
  for (const batch of chunks(emails)) {
    const rows = await db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select([
        'memberships.id as membershipId',
        'memberships.user_id as userId',
        'memberships.role',
        'memberships.invited_at as invitedAt',
      ])
      .where('memberships.programme_id', '=', programmeId)
      .where('memberships.ended_at', 'is', null)
      .where('memberships.role', '!=', 'coordinator')
      .where('users.email', 'in', batch)
      .where('users.password_hash', 'is', null)
      .where('users.last_sign_in_at', 'is', null)
      .where('users.disabled_at', 'is', null)
      .orderBy('memberships.created_at')
      .execute();
    out.push(...rows);
  }
  return out;
}

export async function markInvited(db: Db, membershipIds: string[], now: string) {
  for (const batch of chunks(membershipIds)) {
    await db.updateTable('memberships').set({ invited_at: now }).where('id', 'in', batch).execute();
  }
}
