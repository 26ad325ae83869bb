import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Leave and replacement (modules/absences).
 *
 * - `absences`: a tutor's leave in a programme, first and last day as calendar days of the
 *   organisation's zone; the reason is for the coordination only; `cancelled_at` once withdrawn
 *   before it started.
 * - `absence_covers`: for each live tutee of the absent tutor, the backup asked (or null while
 *   nobody could be proposed), its state — draft (the tutor may change it), asked, accepted,
 *   uncovered — the teammates who declined, and when the tutee and backup were told of the start
 *   and of the tutor's return (each once).
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('absences')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema
    .createIndex('absences_programme')
    .on('absences')
    .columns(['programme_id', 'end_on'])
    .execute();
  await db.schema.createIndex('absences_user').on('absences').columns(['user_id']).execute();

  await db.schema
    .createTable('absence_covers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('absence_id', 'text', (c) => c.notNull().references('absences.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('tutee_user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('backup_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('declined_by', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('named_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('answered_at', 'text')
    .addColumn('start_told_at', 'text')
    .addColumn('end_told_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('absence_covers_absence')
    .on('absence_covers')
    .columns(['absence_id'])
    .execute();
  await db.schema
    .createIndex('absence_covers_backup')
    .on('absence_covers')
    .columns(['backup_user_id', 'state'])
    .execute();
  await db.schema
    .createIndex('absence_covers_tutee')
    .on('absence_covers')
    .columns(['tutee_user_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('absence_covers').execute();
  await db.schema.dropTable('absences').execute();
}
