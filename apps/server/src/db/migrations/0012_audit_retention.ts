import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Audit of sensitive reads and retention periods.
 *
 * - `audit_subjects`: the people whose records an audited read showed, one row per person and read,
 *   so "who read my records" is an indexed lookup; the read itself stays one `audit_log` row.
 * - `retention_settings`: an organisation's retention periods (no row: the defaults of
 *   modules/retention/settings.ts).
 * - `meeting_reports.content_purged_at`: when the retention sweep erased a report's content (the
 *   report keeps its existence, date and duration for the programme's figures).
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('audit_subjects')
    .addColumn('audit_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text')
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('audit_subjects_pk', ['audit_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('audit_subjects_user')
    .on('audit_subjects')
    .columns(['user_id', 'at'])
    .execute();
  await db.schema.createIndex('audit_subjects_org').on('audit_subjects').columns(['org_id', 'at']).execute();
  await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'at']).execute();

  await db.schema
    .createTable('retention_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id'))
    .addColumn('audit_days', 'integer', (c) => c.notNull())
    .addColumn('sign_in_days', 'integer', (c) => c.notNull())
    .addColumn('session_days', 'integer', (c) => c.notNull())
    .addColumn('import_days', 'integer', (c) => c.notNull())
    .addColumn('pairing_months', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema.alterTable('meeting_reports').addColumn('content_purged_at', 'text').execute();
  await db.schema.createIndex('sessions_expires').on('sessions').column('expires_at').execute();
  await db.schema.createIndex('tokens_expires').on('tokens').column('expires_at').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('tokens_expires').ifExists().execute();
  await db.schema.dropIndex('sessions_expires').ifExists().execute();
  await db.schema.alterTable('meeting_reports').dropColumn('content_purged_at').execute();
  await db.schema.dropTable('retention_settings').ifExists().execute();
  await db.schema.dropIndex('audit_log_actor').ifExists().execute();
  await db.schema.dropTable('audit_subjects').ifExists().execute();
}
