import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Data rights: a person's request to be erased, and the decision of each organisation they belong
 * to (one row per organisation, confirmed or declined by one of its admins). An erased account keeps
 * its id (so counts stay right) and is marked `erased_at`.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('erasure_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    // pending (waiting for the organisations) | scheduled (due at due_at) | declined | cancelled | done
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('due_at', 'text')
    .addColumn('closed_at', 'text')
    // Where to say it is done: the account's address is gone by then. Cleared once the e-mail is sent.
    .addColumn('notify_email', 'text')
    .addColumn('notify_locale', 'text')
    .execute();
  await db.schema
    .createIndex('erasure_requests_user')
    .on('erasure_requests')
    .columns(['user_id', 'status'])
    .execute();

  await db.schema
    .createTable('erasure_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('request_id', 'text', (c) => c.notNull().references('erasure_requests.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('status', 'text', (c) => c.notNull()) // pending | confirmed | declined
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('erasure_approvals_org')
    .on('erasure_approvals')
    .columns(['org_id', 'status'])
    .execute();

  await db.schema.alterTable('users').addColumn('erased_at', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('users').dropColumn('erased_at').execute();
  await db.schema.dropTable('erasure_approvals').execute();
  await db.schema.dropTable('erasure_requests').execute();
}
