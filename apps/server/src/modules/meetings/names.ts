import type { Db } from '../../db/index.ts';

export type Person = { id: string; name: string; email: string; locale: string };

/** The people of `ids`, by id (name, e-mail and language, for pages and e-mails). */
export async function names(db: Db, ids: string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}
