import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Requests to join a programme, made from its public page (modules/requests).
 *
 * - `join_request_pages`: whether a programme takes requests from its public page (no row: closed).
 * - `join_requests`: what the person typed, the eligibility checked when they sent it (`eligible`
 *   0/1 and the facts of each rule in `eligibility`, JSON), the hash of their private link, and the
 *   steps: created → e-mail confirmed (`confirmed_at`, the request then reaches the coordination) →
 *   accepted or declined (`decided_at`, `decision`, `override_reason` when an ineligible request was
 *   accepted) or withdrawn by the person (`withdrawn_at`); `user_id` and `membership_id` once accepted.
 * - `retention_settings.join_request_months`: how long declined and withdrawn requests stay (null:
 *   the default of modules/retention/schema.ts).
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('join_request_pages')
    .addColumn('programme_id', 'text', (c) => c.primaryKey().references('programmes.id').onDelete('cascade'))
    .addColumn('open', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('join_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('profession', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('installed_on', 'text')
    .addColumn('practising_since', 'integer')
    .addColumn('needs', 'text', (c) => c.notNull())
    .addColumn('availability', 'text', (c) => c.notNull())
    .addColumn('preferences', 'text', (c) => c.notNull())
    .addColumn('eligible', 'integer', (c) => c.notNull())
    .addColumn('eligibility', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('confirmed_at', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('override_reason', 'text')
    .addColumn('decline_message', 'text')
    .addColumn('withdrawn_at', 'text')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('membership_id', 'text', (c) => c.references('memberships.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('join_requests_programme')
    .on('join_requests')
    .columns(['programme_id', 'state', 'created_at'])
    .execute();
  await db.schema.createIndex('join_requests_token').on('join_requests').column('token_hash').execute();
  await db.schema.createIndex('join_requests_email').on('join_requests').column('email').execute();
  await db.schema.createIndex('join_requests_user').on('join_requests').column('user_id').execute();

  await db.schema.alterTable('retention_settings').addColumn('join_request_months', 'integer').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('retention_settings').dropColumn('join_request_months').execute();
  await db.schema.dropTable('join_requests').ifExists().execute();
  await db.schema.dropTable('join_request_pages').ifExists().execute();
}
