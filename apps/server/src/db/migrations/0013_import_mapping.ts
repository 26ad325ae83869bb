import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * What an organisation chose each column of its files to be, by normalised column title, so the
 * next import reads them the same way; and when each member was invited, so invitations not sent
 * at import time can be sent later. Memberships made before this migration were invited when they
 * were made.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('import_column_choices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('header_key', 'text', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('chosen_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('chosen_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('import_column_choices_org_header', ['org_id', 'header_key'])
    .execute();
  await db.schema.alterTable('memberships').addColumn('invited_at', 'text').execute();
  await db.updateTable('memberships').set({ invited_at: sql`created_at` }).execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('memberships').dropColumn('invited_at').execute();
  await db.schema.dropTable('import_column_choices').execute();
}
