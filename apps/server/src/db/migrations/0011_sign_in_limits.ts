import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Sign-in link and password reset e-mails are counted per address in a window, in the database so
 * the count holds across restarts and several app servers: one row per address, updated in a
 * single statement. A reset or a password change cancels the person's outstanding links, found
 * by person, and the links asked for earlier but not yet sent (the time of the change is kept).
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('auth_mail_quota')
    .addColumn('email', 'text', (c) => c.primaryKey())
    .addColumn('window_start', 'text', (c) => c.notNull())
    .addColumn('requests', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('users').addColumn('password_changed_at', 'text').execute();
  await db.schema.createIndex('tokens_user_kind').on('tokens').columns(['user_id', 'kind']).execute();
  await db.schema
    .createIndex('sign_in_attempts_email_ip')
    .on('sign_in_attempts')
    .columns(['email', 'ip', 'at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropIndex('sign_in_attempts_email_ip').execute();
  await db.schema.dropIndex('tokens_user_kind').execute();
  await db.schema.dropTable('auth_mail_quota').execute();
  await db.schema.alterTable('users').dropColumn('password_changed_at').execute();
}
