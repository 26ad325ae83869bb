import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Tutor teams (modules/teams): small teams of co-responsible tutors inside a programme.
 *
 * - `teams`: a team of a programme, named by its coordination; `archived_at` once dissolved.
 * - `team_members`: who is in a team since when, until `left_at`; a person is in one live team of
 *   an organisation at a time (checked by the service, in the transaction that adds them).
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('teams_programme').on('teams').columns(['programme_id']).execute();

  await db.schema
    .createTable('team_members')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .execute();
  await db.schema.createIndex('team_members_team').on('team_members').columns(['team_id']).execute();
  await db.schema
    .createIndex('team_members_user')
    .on('team_members')
    .columns(['user_id', 'org_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('team_members').execute();
  await db.schema.dropTable('teams').execute();
}
