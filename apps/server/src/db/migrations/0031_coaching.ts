import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Coaching of new tutors (modules/coaching): a programme's coordination pairs a tutor in their first
 * year with an experienced tutor of the programme for twelve months.
 *
 * - `tutor_coachings`: the coach, the new tutor, when it started and when its twelve months end;
 *   `ended_at` and `end_reason` (completed at the term, ended early, or one of them erased) once
 *   over; `ended_by` who ended it early and their note.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('tutor_coachings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('coach_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('new_tutor_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('ended_at', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('ended_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('end_note', 'text')
    .execute();
  await db.schema
    .createIndex('tutor_coachings_programme')
    .on('tutor_coachings')
    .columns(['programme_id', 'ended_at'])
    .execute();
  await db.schema.createIndex('tutor_coachings_coach').on('tutor_coachings').columns(['coach_id']).execute();
  await db.schema
    .createIndex('tutor_coachings_new_tutor')
    .on('tutor_coachings')
    .columns(['new_tutor_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('tutor_coachings').execute();
}
