import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Training sessions (modules/training): sessions a programme's coordination publishes for its
 * tutors, and each person's registration, waiting-list place and attendance.
 *
 * - `training_sessions`: title, kind, start and end, place or video link, capacity, deadline;
 *   `sequence` grows with each change, for the iCalendar invitations.
 * - `training_registrations`: one row per session and person (unique), registered or waiting
 *   (ordered by `queued_at`) or cancelled; the reminder's instant; the attendance.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('training_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
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
    .createIndex('training_sessions_programme')
    .on('training_sessions')
    .columns(['programme_id', 'starts_at'])
    .execute();
  await db.schema
    .createIndex('training_sessions_org')
    .on('training_sessions')
    .columns(['org_id', 'kind'])
    .execute();

  await db.schema
    .createTable('training_registrations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('training_sessions.id').onDelete('cascade'),
    )
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('registered_at', 'text')
    .addColumn('cancelled_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('attendance', 'text')
    .addColumn('attendance_at', 'text')
    .addUniqueConstraint('training_registrations_once', ['session_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('training_registrations_user')
    .on('training_registrations')
    .columns(['user_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('training_registrations').execute();
  await db.schema.dropTable('training_sessions').execute();
}
