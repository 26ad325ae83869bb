import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * The work of tutor teams (modules/teams), beside the teams of 0025.
 *
 * - `team_messages`, `team_thread_reads`: the team's thread, read by its live members (new members
 *   read its history); `erased_at` once its writer's data was erased.
 * - `meetings.team_id`: a meeting a member scheduled for their team, with its own report grid.
 * - `team_meeting_reports`: that grid (cases by first name or anonymised, decisions, follow-ups),
 *   read and written by the team's members only.
 * - `team_overloads`: "I'm overloaded", raised by a member, seen by the team and the coordination,
 *   closed by its author or the coordination with a note.
 * - `team_moves`: a tutee handed to (or taken by) a teammate: proposed, accepted by the other
 *   tutor, approved by the coordination where the programme asks, then done through the matching.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('team_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute();
  await db.schema
    .createIndex('team_messages_team')
    .on('team_messages')
    .columns(['team_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('team_thread_reads')
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('team_thread_reads_pk', ['team_id', 'user_id'])
    .execute();

  await db.schema
    .alterTable('meetings')
    .addColumn('team_id', 'text', (c) => c.references('teams.id').onDelete('set null'))
    .execute();
  await db.schema
    .createTable('team_meeting_reports')
    .addColumn('meeting_id', 'text', (c) => c.primaryKey().references('meetings.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('team_overloads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('message', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('close_note', 'text')
    .execute();
  await db.schema.createIndex('team_overloads_team').on('team_overloads').column('team_id').execute();

  await db.schema
    .createTable('team_moves')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('pairings.id').onDelete('cascade'))
    .addColumn('from_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('to_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('proposed_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('message', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('needs_coordinator', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('approved_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('new_pairing_id', 'text', (c) => c.references('pairings.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('team_moves_team').on('team_moves').column('team_id').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('team_moves').execute();
  await db.schema.dropTable('team_overloads').execute();
  await db.schema.dropTable('team_meeting_reports').execute();
  await db.schema.alterTable('meetings').dropColumn('team_id').execute();
  await db.schema.dropTable('team_thread_reads').execute();
  await db.schema.dropTable('team_messages').execute();
}
