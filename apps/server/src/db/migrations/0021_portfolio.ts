import { type Kysely, PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * The portfolio of the DES (and of any programme whose rules switch it on).
 *
 * - `portfolio_frameworks`: a programme's phases, trace types and quotas, competencies and the pace
 *   of reviews (JSON, `portfolio/framework.ts`), edited by its coordinators.
 * - `portfolio_traces`: one trace a resident owes or wrote: its type, the semester and phase it
 *   counts for, its due date (a calendar day in the organisation's zone, staggered over the
 *   internship), its state (planned → draft → submitted → revision → submitted … → validated), the
 *   tutor who reviews it and the week they are asked to (never more than the programme's weekly cap),
 *   the competencies the tutor linked at validation, and the hash of the tutor's private review link.
 * - `portfolio_versions`: every submitted text is kept; the draft is the version not yet submitted.
 *   A submitted version names its reviewer and review week: the weekly cap counts these.
 * - `portfolio_attachments`: files of a version (PDF, images), in the database.
 * - `portfolio_messages`: the one thread of a trace: comments (overall, or on a quoted passage),
 *   requests for revision, validation, submissions.
 * - `competency_ratings`: a level of one competency at one moment, from a trace, a tutored
 *   interview, an internship supervisor or a synthesis: the resident's competency map over time.
 * - `portfolio_syntheses`: the end-of-phase synthesis, versioned; each signature names the version
 *   and the hash of the text it signed.
 * - `supervisor_requests`: an internship supervisor (MSU) invited for one resident and one
 *   internship to give structured feedback through a private link; `supervisor_shares` lists the
 *   traces the resident chose to let them read.
 * - `meetings.kind`: 'meeting', or 'tutored-interview' with its own report grid;
 *   `meeting_reports.signatures`: the tutor's and the resident's signatures of an interview report
 *   (JSON: who, name typed, when, hash of the content signed).
 */
export async function up(db: Db): Promise<void> {
  const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';

  await db.schema
    .createTable('portfolio_frameworks')
    .addColumn('programme_id', 'text', (c) => c.primaryKey().references('programmes.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('framework', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('portfolio_traces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('resident_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('type_id', 'text', (c) => c.notNull())
    .addColumn('phase_id', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('family', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('revision_due_on', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('review_week', 'text')
    .addColumn('review_token_hash', 'text')
    .addColumn('review_token_expires_at', 'text')
    .addColumn('competencies', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('nudged_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('validated_at', 'text')
    .execute();
  await db.schema
    .createIndex('portfolio_traces_plan')
    .unique()
    .on('portfolio_traces')
    .columns(['programme_id', 'resident_id', 'period', 'type_id', 'seq'])
    .execute();
  await db.schema
    .createIndex('portfolio_traces_reviewer')
    .on('portfolio_traces')
    .columns(['reviewer_id', 'review_week'])
    .execute();
  await db.schema
    .createIndex('portfolio_traces_token')
    .on('portfolio_traces')
    .column('review_token_hash')
    .execute();

  await db.schema
    .createTable('portfolio_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trace_id', 'text', (c) => c.notNull().references('portfolio_traces.id').onDelete('cascade'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('submitted_at', 'text')
    .addColumn('reviewer_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('review_week', 'text')
    .addUniqueConstraint('portfolio_versions_number', ['trace_id', 'number'])
    .execute();

  await db.schema
    .createIndex('portfolio_versions_reviewer')
    .on('portfolio_versions')
    .columns(['reviewer_id', 'review_week'])
    .execute();

  await db.schema
    .createTable('portfolio_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) =>
      c.notNull().references('portfolio_versions.id').onDelete('cascade'),
    )
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', binary, (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portfolio_attachments_version')
    .on('portfolio_attachments')
    .column('version_id')
    .execute();

  await db.schema
    .createTable('portfolio_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('trace_id', 'text', (c) => c.notNull().references('portfolio_traces.id').onDelete('cascade'))
    .addColumn('version_number', 'integer', (c) => c.notNull())
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('quote', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portfolio_messages_trace')
    .on('portfolio_messages')
    .columns(['trace_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('competency_ratings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('resident_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('competency_id', 'text', (c) => c.notNull())
    .addColumn('level', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_id', 'text')
    .addColumn('rated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('rated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('competency_ratings_resident')
    .on('competency_ratings')
    .columns(['programme_id', 'resident_id', 'rated_at'])
    .execute();

  await db.schema
    .createTable('portfolio_syntheses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('resident_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('phase_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('tutor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('tutor_signed_name', 'text')
    .addColumn('tutor_signed_at', 'text')
    .addColumn('tutor_signed_version', 'integer')
    .addColumn('resident_signed_name', 'text')
    .addColumn('resident_signed_at', 'text')
    .addColumn('resident_signed_version', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('portfolio_syntheses_phase', ['programme_id', 'resident_id', 'phase_id'])
    .execute();

  await db.schema
    .createTable('supervisor_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('resident_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('invited_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('site', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text')
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('feedback', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('supervisor_requests_token')
    .on('supervisor_requests')
    .column('token_hash')
    .execute();
  await db.schema
    .createIndex('supervisor_requests_resident')
    .on('supervisor_requests')
    .columns(['programme_id', 'resident_id'])
    .execute();

  await db.schema
    .createTable('supervisor_shares')
    .addColumn('request_id', 'text', (c) =>
      c.notNull().references('supervisor_requests.id').onDelete('cascade'),
    )
    .addColumn('trace_id', 'text', (c) => c.notNull().references('portfolio_traces.id').onDelete('cascade'))
    .addColumn('shared_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('supervisor_shares_pk', ['request_id', 'trace_id'])
    .execute();

  await db.schema
    .alterTable('meetings')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('meeting'))
    .execute();
  await db.schema.alterTable('meeting_reports').addColumn('signatures', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('meeting_reports').dropColumn('signatures').execute();
  await db.schema.alterTable('meetings').dropColumn('kind').execute();
  for (const table of [
    'supervisor_shares',
    'supervisor_requests',
    'portfolio_syntheses',
    'competency_ratings',
    'portfolio_messages',
    'portfolio_attachments',
    'portfolio_versions',
    'portfolio_traces',
    'portfolio_frameworks',
  ])
    await db.schema.dropTable(table).execute();
}
