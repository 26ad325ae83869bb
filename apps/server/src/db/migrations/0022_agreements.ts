import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Mentoring agreements: the programme's charter, its signatures by the pair and the organisation,
 * and each pair's term.
 *
 * - `charter_versions`: a programme's charter text (Markdown) as published, one row per version,
 *   with the SHA-256 of the exact text, its author (null for the default the platform seeded) and
 *   whether the pairs who signed an earlier version are asked to sign this one.
 * - `charter_signatures`: one signature of one version for one pair, by one party (mentor, mentee,
 *   organisation): the name typed, the instant, the hash of the text signed.
 * - `charter_codes`: the verification codes printed on the signed charters handed out (a new code
 *   for each copy), stored only as their SHA-256.
 * - `pair_terms`: a pair's term in a programme with a duration: start day (the match), end day
 *   (start + the programme's months, moved by the coordination with a reason), whether it ended
 *   early and on which day, and when both were reminded the end is near.
 * - `difficulties.pairing_id`: a request for help about one's own pair ("our pair" category).
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .createTable('charter_versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addColumn('resign_required', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('author_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('charter_versions_programme_version', ['programme_id', 'version'])
    .execute();

  await db.schema
    .createTable('charter_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('pairings.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('charter_versions.id').onDelete('cascade'))
    .addColumn('party', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('signed_name', 'text', (c) => c.notNull())
    .addColumn('signed_at', 'text', (c) => c.notNull())
    .addColumn('body_hash', 'text', (c) => c.notNull())
    .addUniqueConstraint('charter_signatures_once', ['pairing_id', 'version_id', 'party'])
    .execute();
  await db.schema.createIndex('charter_signatures_user').on('charter_signatures').column('user_id').execute();

  await db.schema
    .createTable('charter_codes')
    .addColumn('code_hash', 'text', (c) => c.primaryKey())
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('pairings.id').onDelete('cascade'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('charter_versions.id').onDelete('cascade'))
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('pair_terms')
    .addColumn('pairing_id', 'text', (c) => c.primaryKey().references('pairings.id').onDelete('cascade'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id').onDelete('cascade'))
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('end_on', 'text', (c) => c.notNull())
    .addColumn('ended_early', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('ended_on', 'text')
    .addColumn('end_reminded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pair_terms_programme').on('pair_terms').column('programme_id').execute();

  await db.schema.alterTable('difficulties').addColumn('pairing_id', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('difficulties').dropColumn('pairing_id').execute();
  for (const t of ['pair_terms', 'charter_codes', 'charter_signatures', 'charter_versions'])
    await db.schema.dropTable(t).execute();
}
