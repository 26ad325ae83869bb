import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * An account that already exists elsewhere is not enrolled in an organisation by a coordinator's
 * say-so: it is invited, and joins the programme (and the organisation) only when the person
 * accepts. `name` is the name the coordinator typed, never read back from the account.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('programme_invitations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('capacity', 'integer')
    .addColumn('invited_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .addColumn('answer', 'text')
    .execute();
  await db.schema
    .createIndex('programme_invitations_user')
    .on('programme_invitations')
    .columns(['user_id', 'answered_at'])
    .execute();
  await db.schema
    .createIndex('programme_invitations_programme')
    .on('programme_invitations')
    .column('programme_id')
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('programme_invitations').ifExists().execute();
}
