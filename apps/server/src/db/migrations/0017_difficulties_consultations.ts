import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Difficulties raised to a programme's coordination and experts consulted on a case.
 *
 * - `difficulties`: one raised by a member (`author_id`, kept even when anonymised so the author
 *   follows it; never shown to the coordination then), or a forwarded copy in another organisation
 *   (`source_id`, `source_org_id`; no author, no programme). `description_erased_at`: the author's
 *   text was erased with their data.
 * - `difficulty_messages`: the thread; the author's side stores no author id (the difficulty has it).
 * - `difficulty_events`: raised, each change of state (the closing note is on the difficulty), forwards.
 * - `consultations` and `consultation_messages`: a question to an expert, its pasted excerpts
 *   (`attachments`, JSON), the subject only when the asker did not anonymise it, and the thread.
 * - `retention_settings.difficulty_months`: how long closed difficulties and consultations stay
 *   (null: the default of modules/retention/schema.ts).
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('difficulties')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.references('programmes.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('anonymised', 'integer', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('description_erased_at', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .addColumn('closing_note', 'text')
    .addColumn('source_id', 'text', (c) => c.references('difficulties.id').onDelete('set null'))
    .addColumn('source_org_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('difficulties_org_state')
    .on('difficulties')
    .columns(['org_id', 'state'])
    .execute();
  await db.schema.createIndex('difficulties_author').on('difficulties').column('author_id').execute();
  await db.schema
    .createIndex('difficulties_programme')
    .on('difficulties')
    .columns(['programme_id', 'created_at'])
    .execute();
  await db.schema.createIndex('difficulties_source').on('difficulties').column('source_id').execute();

  await db.schema
    .createTable('difficulty_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('difficulty_id', 'text', (c) => c.notNull().references('difficulties.id').onDelete('cascade'))
    .addColumn('side', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute();
  await db.schema
    .createIndex('difficulty_messages_thread')
    .on('difficulty_messages')
    .columns(['difficulty_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('difficulty_messages_author')
    .on('difficulty_messages')
    .column('author_id')
    .execute();

  await db.schema
    .createTable('difficulty_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('difficulty_id', 'text', (c) => c.notNull().references('difficulties.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('target_org_id', 'text', (c) => c.references('organisations.id').onDelete('set null'))
    .execute();
  await db.schema
    .createIndex('difficulty_events_difficulty')
    .on('difficulty_events')
    .columns(['difficulty_id', 'at'])
    .execute();

  await db.schema
    .createTable('consultations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('asker_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expert_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('anonymised', 'integer', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('attachments', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('consultations_asker')
    .on('consultations')
    .columns(['asker_id', 'org_id'])
    .execute();
  await db.schema
    .createIndex('consultations_expert')
    .on('consultations')
    .columns(['expert_id', 'org_id'])
    .execute();
  await db.schema.createIndex('consultations_subject').on('consultations').column('subject_id').execute();

  await db.schema
    .createTable('consultation_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('consultation_id', 'text', (c) =>
      c.notNull().references('consultations.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute();
  await db.schema
    .createIndex('consultation_messages_thread')
    .on('consultation_messages')
    .columns(['consultation_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('consultation_messages_author')
    .on('consultation_messages')
    .column('author_id')
    .execute();

  await db.schema.alterTable('retention_settings').addColumn('difficulty_months', 'integer').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('retention_settings').dropColumn('difficulty_months').execute();
  await db.schema.dropTable('consultation_messages').ifExists().execute();
  await db.schema.dropTable('consultations').ifExists().execute();
  await db.schema.dropTable('difficulty_events').ifExists().execute();
  await db.schema.dropTable('difficulty_messages').ifExists().execute();
  await db.schema.dropTable('difficulties').ifExists().execute();
}
