import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Unsubscribe links are secrets like the others: each e-mail now carries a link of its own, kept in
 * `tokens` as a SHA-256 hash (kind `unsubscribe`). The per-person token of the links already sent is
 * replaced by its hash, so those links keep working and no secret stays in clear.
 */
export async function up(db: Db): Promise<void> {
  const rows = await db.selectFrom('notification_prefs').select(['user_id', 'unsubscribe_token']).execute();
  for (const r of rows) {
    const hash = createHash('sha256')
      .update(r.unsubscribe_token as string)
      .digest('hex');
    await db
      .updateTable('notification_prefs')
      .set({ unsubscribe_token: hash })
      .where('user_id', '=', r.user_id)
      .execute();
  }
}

export async function down(): Promise<void> {
  // A hash cannot be turned back into the link it came from.
}
