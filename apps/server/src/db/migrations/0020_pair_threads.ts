import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * The thread of a pair: what a tutee and their tutor write to each other in Compagnon.
 *
 * - `pair_messages`: one message of the thread; `erased_at` when its writer's data was erased (the
 *   text is emptied, the place in the thread stays so the other side's answers keep their sense).
 * - `pair_thread_reads`: when each of the two last read the thread, for the unread counts and so that
 *   a run of messages brings one notice, not one per message.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('pair_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('pairings.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute();
  await db.schema
    .createIndex('pair_messages_pairing')
    .on('pair_messages')
    .columns(['pairing_id', 'created_at'])
    .execute();
  await db.schema.createIndex('pair_messages_author').on('pair_messages').column('author_id').execute();

  await db.schema
    .createTable('pair_thread_reads')
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('pairings.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('pair_thread_reads_pk', ['pairing_id', 'user_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('pair_thread_reads').execute();
  await db.schema.dropTable('pair_messages').execute();
}
