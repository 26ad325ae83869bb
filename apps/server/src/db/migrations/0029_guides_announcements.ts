import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * The guides library (modules/guides) and announcements (modules/announcements).
 *
 * - `guide_libraries`: that an organisation's library was copied from the shipped defaults, and in
 *   which language (once; archiving every guide does not bring the defaults back).
 * - `guides`: an organisation's guides: theme, title, when to use it, Markdown body; `default_key`
 *   names the shipped default it was copied from (the meetings' former static guide ids resolve
 *   through it); `archived_at` once withdrawn.
 * - `guide_suggestions`: a tutor's suggestion of a new guide or of a change to one, with a message;
 *   accepted or declined by the coordination (with a note).
 * - `announcements`: one message of a programme's coordinator to its tutors, tutees or both.
 * - `announcement_recipients`: who it was sent to when it was sent, and when each read it.
 * - `announcement_replies`: a recipient's private answer to the coordination; emptied on erasure.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('guide_libraries')
    .addColumn('org_id', 'text', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('guides')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('default_key', 'text')
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('when_to_use', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('guides_org').on('guides').columns(['org_id', 'position']).execute();

  await db.schema
    .createTable('guide_suggestions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('guide_id', 'text', (c) => c.references('guides.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('when_to_use', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('decided_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decided_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('guide_suggestions_org')
    .on('guide_suggestions')
    .columns(['org_id', 'state'])
    .execute();

  await db.schema
    .createTable('announcements')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('link', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('announcements_programme')
    .on('announcements')
    .columns(['programme_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('announcements_author')
    .on('announcements')
    .columns(['author_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('announcement_recipients')
    .addColumn('announcement_id', 'text', (c) =>
      c.notNull().references('announcements.id').onDelete('cascade'),
    )
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('read_at', 'text')
    .addPrimaryKeyConstraint('announcement_recipients_pk', ['announcement_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('announcement_recipients_user')
    .on('announcement_recipients')
    .columns(['user_id'])
    .execute();

  await db.schema
    .createTable('announcement_replies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('announcement_id', 'text', (c) =>
      c.notNull().references('announcements.id').onDelete('cascade'),
    )
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('erased_at', 'text')
    .execute();
  await db.schema
    .createIndex('announcement_replies_announcement')
    .on('announcement_replies')
    .columns(['announcement_id', 'created_at'])
    .execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.dropTable('announcement_replies').execute();
  await db.schema.dropTable('announcement_recipients').execute();
  await db.schema.dropTable('announcements').execute();
  await db.schema.dropTable('guide_suggestions').execute();
  await db.schema.dropTable('guides').execute();
  await db.schema.dropTable('guide_libraries').execute();
}
