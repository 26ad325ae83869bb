import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Well-being: each organisation's directory of help and its guide for tutors; each tutee's consent
 * to check-ins per programme; the check-ins asked, their answers (each one hideable from the
 * tutor) and the tutor's alert when the tutee chose to tell them; the questions a programme adds
 * to the WHO-5 and the board's news shown with them; how long an organisation keeps answers.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('wellbeing_resources')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('preset', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('hours', 'text')
    .addColumn('url', 'text')
    .addColumn('confidential', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('wellbeing_resources_org').on('wellbeing_resources').column('org_id').execute();
  await db.schema
    .createTable('wellbeing_settings')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('directory_seeded_at', 'text')
    .addColumn('guide_fr', 'text')
    .addColumn('guide_en', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createTable('checkin_settings')
    .addColumn('programme_id', 'text', (c) => c.primaryKey().references('programmes.id').onDelete('cascade'))
    .addColumn('questions', 'text', (c) => c.notNull())
    .addColumn('news', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema
    .createTable('checkin_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('consent', 'integer', (c) => c.notNull())
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('checkin_consents_person', ['programme_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('checkins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('tutor_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('pairing_id', 'text', (c) => c.references('pairings.id').onDelete('set null'))
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text')
    .addColumn('answered_at', 'text')
    .addColumn('who5_raw', 'integer')
    .addColumn('distress', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('tell_tutor', 'integer')
    .addColumn('tutor_told_at', 'text')
    .addColumn('tutor_seen_at', 'text')
    .execute();
  await db.schema
    .createIndex('checkins_person')
    .on('checkins')
    .columns(['programme_id', 'user_id'])
    .execute();
  await db.schema.createIndex('checkins_token').on('checkins').column('token_hash').execute();
  await db.schema.createIndex('checkins_tutor').on('checkins').column('tutor_user_id').execute();
  await db.schema
    .createTable('checkin_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('checkin_id', 'text', (c) => c.notNull().references('checkins.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('checkin_answers_checkin').on('checkin_answers').column('checkin_id').execute();
  await db.schema
    .alterTable('retention_settings')
    .addColumn('checkin_months', 'integer', (c) => c.notNull().defaultTo(24))
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('retention_settings').dropColumn('checkin_months').execute();
  for (const t of [
    'checkin_answers',
    'checkins',
    'checkin_consents',
    'checkin_settings',
    'wellbeing_settings',
    'wellbeing_resources',
  ])
    await db.schema.dropTable(t).execute();
}
