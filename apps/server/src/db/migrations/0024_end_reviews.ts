import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * End-of-relationship reviews and the programme's anonymous questionnaires.
 *
 * - `end_reviews`: one party's confidential review of a pair or group that ended, one per person and
 *   unit (`unit_key`: the pairing's id, or `group:<group_key>` for a group), created when they are
 *   invited. `texts` (free answers) and `themes` are theirs; `scales` (the programme's quantitative
 *   questions) always count in aggregates. `shared` is their consent to let the coordination read
 *   the review. Erasure empties the texts and unlinks the author (`user_id` null), keeping the scales.
 * - `questionnaires`: a programme's satisfaction or expectation questionnaire, its audience and the
 *   moment it is sent.
 * - `questionnaire_asks`: that a person was asked a questionnaire and whether they answered — never
 *   what, nor when they answered — so nobody is asked twice.
 * - `questionnaire_answers`: the answers, with no person, no instant (only the month) and a random id
 *   (not a time-ordered one): nothing joins an answer to whoever gave it.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('end_reviews')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('unit_key', 'text', (c) => c.notNull())
    .addColumn('pairing_id', 'text', (c) => c.references('pairings.id').onDelete('set null'))
    .addColumn('question_set', 'text', (c) => c.notNull())
    .addColumn('pair_ended_at', 'text', (c) => c.notNull())
    .addColumn('invited_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('texts', 'text', (c) => c.notNull())
    .addColumn('scales', 'text', (c) => c.notNull())
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('other_theme', 'text')
    .addColumn('shared', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('erased_at', 'text')
    .addUniqueConstraint('end_reviews_unit_person', ['unit_key', 'user_id'])
    .execute();
  await db.schema.createIndex('end_reviews_user').on('end_reviews').column('user_id').execute();
  await db.schema
    .createIndex('end_reviews_programme')
    .on('end_reviews')
    .columns(['programme_id', 'submitted_at'])
    .execute();

  await db.schema
    .createTable('questionnaires')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('moment', 'text', (c) => c.notNull())
    .addColumn('months', 'integer')
    .addColumn('send_on', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('questionnaires_programme')
    .on('questionnaires')
    .column('programme_id')
    .execute();

  await db.schema
    .createTable('questionnaire_asks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('questionnaire_id', 'text', (c) =>
      c.notNull().references('questionnaires.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('answered', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('questionnaire_asks_once', ['questionnaire_id', 'user_id'])
    .execute();
  await db.schema.createIndex('questionnaire_asks_user').on('questionnaire_asks').column('user_id').execute();

  await db.schema
    .createTable('questionnaire_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('questionnaire_id', 'text', (c) =>
      c.notNull().references('questionnaires.id').onDelete('cascade'),
    )
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('questionnaire_answers_questionnaire')
    .on('questionnaire_answers')
    .column('questionnaire_id')
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('questionnaire_answers').execute();
  await db.schema.dropTable('questionnaire_asks').execute();
  await db.schema.dropTable('questionnaires').execute();
  await db.schema.dropTable('end_reviews').execute();
}
