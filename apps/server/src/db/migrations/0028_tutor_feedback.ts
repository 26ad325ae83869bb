import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Case review in a tutor team (modules/cases) and feedback on one's tutoring (modules/feedback).
 *
 * - `team_cases`: a situation a tutor brings to their team, anonymised unless linked to one of their
 *   tutees (`subject_id`); the decision a member records closes it; `shared_at` once its author
 *   shares it with the programme's coordination.
 * - `team_case_messages`: the case's thread, read by the team's members.
 * - `consultations.case_id`: the expert consultation asked about a case.
 * - `self_evaluations`: a tutor's yearly grid (one per academic year), private to them.
 * - `peer_feedback`: a tutor's request for feedback from a teammate, and the teammate's answer,
 *   read by the asking tutor only.
 * - `tutor_feedback_asks`: that a tutee was asked about their tutor at a moment of a pairing, and
 *   whether they answered; `tutor_feedback_answers`: the answers, with no person, only the month
 *   and the tutor they are about.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('team_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('team_id', 'text', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('situation', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('meeting_id', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decision', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('shared_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('team_cases_team').on('team_cases').columns(['team_id', 'state']).execute();

  await db.schema
    .createTable('team_case_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('team_cases.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('team_case_messages_case')
    .on('team_case_messages')
    .columns(['case_id'])
    .execute();

  await db.schema
    .alterTable('consultations')
    .addColumn('case_id', 'text', (c) => c.references('team_cases.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('self_evaluations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('ratings', 'text', (c) => c.notNull())
    .addColumn('strengths', 'text', (c) => c.notNull())
    .addColumn('to_improve', 'text', (c) => c.notNull())
    .addColumn('saved_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('self_evaluations_one_a_year', ['org_id', 'user_id', 'year'])
    .execute();

  await db.schema
    .createTable('peer_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('asker_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('peer_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('ratings', 'text')
    .addColumn('comment', 'text')
    .addColumn('answered_at', 'text')
    .addUniqueConstraint('peer_feedback_once_a_year', ['asker_id', 'peer_id', 'year'])
    .execute();
  await db.schema.createIndex('peer_feedback_peer').on('peer_feedback').columns(['peer_id']).execute();

  await db.schema
    .createTable('tutor_feedback_asks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('pairings.id').onDelete('cascade'))
    .addColumn('moment', 'text', (c) => c.notNull())
    .addColumn('tutee_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('tutor_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('tutor_feedback_asks_once', ['pairing_id', 'moment'])
    .execute();
  await db.schema
    .createIndex('tutor_feedback_asks_tutee')
    .on('tutor_feedback_asks')
    .columns(['tutee_id'])
    .execute();

  await db.schema
    .createTable('tutor_feedback_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('tutor_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .execute();
  await db.schema
    .createIndex('tutor_feedback_answers_tutor')
    .on('tutor_feedback_answers')
    .columns(['tutor_id'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('tutor_feedback_answers').execute();
  await db.schema.dropTable('tutor_feedback_asks').execute();
  await db.schema.dropTable('peer_feedback').execute();
  await db.schema.dropTable('self_evaluations').execute();
  await db.schema.alterTable('consultations').dropColumn('case_id').execute();
  await db.schema.dropTable('team_case_messages').execute();
  await db.schema.dropTable('team_cases').execute();
}
