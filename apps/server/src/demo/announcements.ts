import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { ensureLibrary } from '../modules/guides/queries.ts';

// The demo's guides libraries (the shipped defaults, copied as on first need) and one past
// announcement of the DMG's coordination to the DES programme's tutors, read by most, answered by one.

const DAY = 86_400_000;

export async function demoAnnouncements(db: Db, ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const orgs = await db.selectFrom('organisations').select(['id', 'slug']).where('is_demo', '=', 1).execute();
  for (const o of orgs) await ensureLibrary(db, o.id, now);
  const dmg = orgs.find((o) => o.slug === 'dmg-demo');
  if (!dmg) return;
  const programme = await db
    .selectFrom('programmes')
    .select('id')
    .where('org_id', '=', dmg.id)
    .where('name', '=', 'Tutorat DES de médecine générale')
    .executeTakeFirstOrThrow();
  const author = await db
    .selectFrom('users')
    .select('id')
    .where('email', '=', 'coordination@dmg.demo')
    .executeTakeFirstOrThrow();
  const tutors = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.email'])
    .where('memberships.programme_id', '=', programme.id)
    .where('memberships.role', '=', 'tutor')
    .where('memberships.ended_at', 'is', null)
    .orderBy('users.email')
    .execute();
  const sent = new Date(now.getTime() - 12 * DAY);
  const id = newId();
  await db
    .insertInto('announcements')
    .values({
      id,
      org_id: dmg.id,
      programme_id: programme.id,
      author_id: author.id,
      audience: 'tutors',
      title: 'Soirée d’échanges entre tuteurs',
      body: 'Bonsoir à toutes et à tous,\n\nLa prochaine soirée d’échanges entre tuteurs aura lieu le jeudi 14 janvier à 20 h, à la faculté (salle du conseil) et en visio. Au programme : les RSCA difficiles à relire et le repérage des internes en difficulté.\n\nDites-nous si vous venez en répondant à cette annonce.',
      link: null,
      created_at: sent.toISOString(),
    })
    .execute();
  for (const [i, t] of tutors.entries()) {
    const read = i % 4 !== 3 ? new Date(sent.getTime() + (i + 1) * 3_600_000).toISOString() : null;
    await db
      .insertInto('announcement_recipients')
      .values({ announcement_id: id, user_id: t.id, read_at: read })
      .execute();
  }
  const replier = tutors.find((t) => t.email === 'tuteur2@dmg.demo');
  if (replier) {
    await db
      .insertInto('announcement_replies')
      .values({
        id: newId(),
        announcement_id: id,
        author_id: replier.id,
        body: 'Je viendrai, en visio probablement. Je peux présenter un RSCA relu avec mon interne, avec son accord.',
        created_at: new Date(sent.getTime() + DAY).toISOString(),
        erased_at: null,
      })
      .execute();
  }
}
