import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';

// Guide suggestions in a person's data rights: the suggestions they wrote go in their export;
// erasure removes those still waiting and empties the message of decided ones (an accepted text
// became the organisation's guide, and stays as such).

export async function guideSuggestionData(db: Db, userId: string) {
  const rows = await db
    .selectFrom('guide_suggestions as s')
    .innerJoin('organisations as o', 'o.id', 's.org_id')
    .select(['o.name as organisation', 's.title', 's.body', 's.message', 's.state', 's.note', 's.created_at'])
    .where('s.author_id', '=', userId)
    .orderBy('s.created_at')
    .execute();
  return {
    guideSuggestions: rows.map((s) => ({
      organisation: s.organisation,
      title: s.title,
      body: s.body,
      message: s.message,
      state: s.state,
      note: s.note,
      at: s.created_at,
    })),
  };
}

export async function eraseGuideSuggestions(trx: Db, userId: string): Promise<number> {
  const removed = await trx
    .deleteFrom('guide_suggestions')
    .where('author_id', '=', userId)
    .where('state', '=', 'pending')
    .execute();
  const emptied = await trx
    .updateTable('guide_suggestions')
    .set({ message: '', body: '' })
    .where('author_id', '=', userId)
    .execute();
  return rowsTouched([...removed, ...emptied]);
}
