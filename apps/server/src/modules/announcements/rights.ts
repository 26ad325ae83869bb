import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';

// Announcements in a person's data rights: those they received and the replies they wrote go in
// their export; erasure empties their replies (the reply's place stays, so the coordination's
// count does not change). An announcement a coordinator wrote belongs to the programme and stays;
// the name it carries is replaced by the erasure's search of every text column.

/** The announcements sent to the person and the replies they wrote, for their export. */
export async function announcementData(db: Db, userId: string) {
  const received = await db
    .selectFrom('announcement_recipients as r')
    .innerJoin('announcements as a', 'a.id', 'r.announcement_id')
    .innerJoin('programmes as g', 'g.id', 'a.programme_id')
    .leftJoin('users as u', 'u.id', 'a.author_id')
    .select([
      'g.name as programme',
      'u.name as author',
      'a.title',
      'a.body',
      'a.link',
      'a.created_at',
      'r.read_at',
    ])
    .where('r.user_id', '=', userId)
    .orderBy('a.created_at')
    .execute();
  const replies = await db
    .selectFrom('announcement_replies as r')
    .innerJoin('announcements as a', 'a.id', 'r.announcement_id')
    .innerJoin('programmes as g', 'g.id', 'a.programme_id')
    .select(['g.name as programme', 'a.title', 'r.body', 'r.erased_at', 'r.created_at'])
    .where('r.author_id', '=', userId)
    .orderBy('r.created_at')
    .execute();
  return {
    announcements: {
      received: received.map((a) => ({
        programme: a.programme,
        from: a.author ?? '',
        title: a.title,
        body: a.body,
        link: a.link,
        at: a.created_at,
        readAt: a.read_at,
      })),
      replies: replies.map((r) => ({
        programme: r.programme,
        title: r.title,
        body: r.erased_at ? '' : r.body,
        at: r.created_at,
      })),
    },
  };
}

/** Empties the text of every reply the person wrote, inside erasePerson's transaction. */
export async function eraseAnnouncementReplies(trx: Db, userId: string, at: string): Promise<number> {
  return rowsTouched(
    await trx
      .updateTable('announcement_replies')
      .set({ body: '', erased_at: at })
      .where('author_id', '=', userId)
      .where('erased_at', 'is', null)
      .execute(),
  );
}
