import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * When the organiser last nudged each participant who had not answered a poll (one tap on the
 * meeting page): a participant is nudged at most once in a while, and the page says when.
 */
export async function up(db: Db): Promise<void> {
  await db.schema.alterTable('meeting_participants').addColumn('poll_nudged_at', 'text').execute();
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('meeting_participants').dropColumn('poll_nudged_at').execute();
}
