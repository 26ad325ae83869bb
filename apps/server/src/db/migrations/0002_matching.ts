import type { Kysely } from 'kysely';

// Matching: drafts (runs) of proposed pairings, the pairing lifecycle history, constraints
// (conflicts of interest, "we already know each other"), choice rounds and their rankings.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('pairings')
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('pairings').addColumn('run_id', 'text').execute();
  await db.schema.alterTable('pairings').addColumn('explanation', 'text').execute();
  await db.schema.alterTable('pairings').addColumn('repair_requested_at', 'text').execute();
  await db.schema.alterTable('pairings').addColumn('repair_requested_by', 'text').execute();
  await db.schema.createIndex('pairings_run').on('pairings').column('run_id').execute();

  await db.schema
    .createTable('matching_settings')
    .addColumn('programme_id', 'text', (c) => c.primaryKey().references('programmes.id'))
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .execute();

  await db.schema
    .createTable('matching_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // draft | published | discarded
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('published_by', 'text')
    .execute();
  await db.schema
    .createIndex('matching_runs_programme')
    .on('matching_runs')
    .columns(['programme_id', 'status'])
    .execute();

  await db.schema
    .createTable('pairing_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('pairing_id', 'text', (c) => c.notNull().references('pairings.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('pairing_events_pairing')
    .on('pairing_events')
    .columns(['pairing_id', 'at'])
    .execute();

  await db.schema
    .createTable('matching_constraints')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('tutor_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('tutee_user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // conflict | knows
    .addColumn('reason', 'text')
    .addColumn('declared_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('matching_constraints_programme')
    .on('matching_constraints')
    .column('programme_id')
    .execute();

  await db.schema
    .createTable('matching_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull().references('organisations.id'))
    .addColumn('programme_id', 'text', (c) => c.notNull().references('programmes.id'))
    .addColumn('kind', 'text', (c) => c.notNull()) // tutee-choice | tutor-choice
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull()) // open | closed
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('closed_at', 'text')
    .execute();
  await db.schema
    .createIndex('matching_rounds_programme')
    .on('matching_rounds')
    .columns(['programme_id', 'status'])
    .execute();

  await db.schema
    .createTable('matching_choices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('matching_rounds.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('side', 'text', (c) => c.notNull()) // tutee | tutor
    .addColumn('ranking', 'text', (c) => c.notNull()) // JSON user ids, best first
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('matching_choices_round_user', ['round_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'matching_choices',
    'matching_rounds',
    'matching_constraints',
    'pairing_events',
    'matching_runs',
    'matching_settings',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
