import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Networks (modules/networks): teams of different organisations of the instance joined in a
 * regional or national network, with its own thread and sessions.
 *
 * - `networks`: name, scope, description, the organisation that created it; the join code kept
 *   only as its SHA-256 (`code_hash`), replaced by a new one; `archived_at` once archived.
 * - `network_teams`: a team's membership of a network, from `joined_at` until `left_at` (kept);
 *   one live row per network and team (a partial unique index).
 * - `network_messages`: the thread; its author's team and organisation at the time of writing;
 *   `erased_at` when the author deleted it (or erasure cleared it), `hidden_at` when the creating
 *   organisation's coordination hid it.
 * - `network_thread_reads`: when each person last read a network's thread.
 * - `network_sessions` and `network_registrations`: sessions a member team's coordination
 *   publishes for the network, in its organisation's zone, and each person's place, with the same
 *   columns as training's (`sessions/places.ts` serves both).
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('networks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('code_changed_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();

  await db.schema
    .createTable('network_teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('joined_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    .addColumn('left_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('left_at', 'text')
    .execute();
  await db.schema
    .createIndex('network_teams_live')
    .on('network_teams')
    .columns(['network_id', 'team_id'])
    .unique()
    .where(sql.ref('left_at'), 'is', null)
    .execute();
  await db.schema.createIndex('network_teams_team').on('network_teams').columns(['team_id']).execute();

  await db.schema
    .createTable('network_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .addColumn('hidden_at', 'text')
    .addColumn('hidden_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('network_messages_network')
    .on('network_messages')
    .columns(['network_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('network_messages_author')
    .on('network_messages')
    .columns(['author_id'])
    .execute();

  await db.schema
    .createTable('network_thread_reads')
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('network_thread_reads_pk', ['network_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('network_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('network_id', 'text', (c) => c.notNull().references('networks.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('place', 'text')
    .addColumn('video_url', 'text')
    .addColumn('capacity', 'integer', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('registration_deadline', 'text')
    .addColumn('ical_uid', 'text', (c) => c.notNull())
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema
    .createIndex('network_sessions_network')
    .on('network_sessions')
    .columns(['network_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('network_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('network_sessions.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('reminded_at', 'text')
    .addUniqueConstraint('network_registrations_once', ['session_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('network_registrations_user')
    .on('network_registrations')
    .columns(['user_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('network_registrations').execute();
  await db.schema.dropTable('network_sessions').execute();
  await db.schema.dropTable('network_thread_reads').execute();
  await db.schema.dropTable('network_messages').execute();
  await db.schema.dropTable('network_teams').execute();
  await db.schema.dropTable('networks').execute();
}
