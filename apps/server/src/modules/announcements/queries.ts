import type { Db } from '../../db/index.ts';
import { nonEmpty, type Scope } from '../../policy/scope.ts';
import { audienceRoles } from './policy.ts';
import type { Audience } from './schema.ts';

/** The people an announcement reaches now: live members of the programme in its audience. */
export async function audienceOf(db: Db, programmeId: string, audience: Audience, exceptId: string) {
  const rows = await db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('memberships.user_id')
    .where('memberships.programme_id', '=', programmeId)
    .where('memberships.role', 'in', audienceRoles(audience))
    .where('memberships.ended_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .where('memberships.user_id', '!=', exceptId)
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}

/** How many announcements the person sent since `since`, in any programme. */
export async function sentSince(db: Db, authorId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('announcements')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('author_id', '=', authorId)
    .where('created_at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

function withAuthor(db: Db) {
  return db
    .selectFrom('announcements as a')
    .innerJoin('programmes as g', 'g.id', 'a.programme_id')
    .leftJoin('users as u', 'u.id', 'a.author_id')
    .selectAll('a')
    .select(['u.name as author_name', 'g.name as programme_name', 'g.archived_at']);
}

/** A programme's announcements, newest first, for the given audiences. */
export function announcementsOf(db: Db, programmeId: string, audiences: readonly Audience[]) {
  return withAuthor(db)
    .where('a.programme_id', '=', programmeId)
    .where('a.audience', 'in', nonEmpty(audiences))
    .orderBy('a.created_at', 'desc')
    .limit(200)
    .execute();
}

/** One announcement of a programme the actor belongs to or administers (undefined otherwise). */
export function findAnnouncement(db: Db, scope: Scope, id: string) {
  return withAuthor(db)
    .where('a.id', '=', id)
    .where((eb) =>
      eb.or([
        eb('a.programme_id', 'in', nonEmpty(scope.programmeIds)),
        eb('a.org_id', 'in', nonEmpty(scope.adminOrgIds)),
      ]),
    )
    .executeTakeFirst();
}
export type AnnouncementRow = NonNullable<Awaited<ReturnType<typeof findAnnouncement>>>;

/** For each announcement: recipients, how many read it, how many replies (one query each). */
export async function countsOf(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { recipients: number; read: number; replies: number }>();
  const [recipients, replies] = await Promise.all([
    db
      .selectFrom('announcement_recipients')
      .select([
        'announcement_id',
        (eb) => eb.fn.countAll<string | number>().as('n'),
        (eb) => eb.fn.count<string | number>('read_at').as('read'),
      ])
      .where('announcement_id', 'in', ids)
      .groupBy('announcement_id')
      .execute(),
    db
      .selectFrom('announcement_replies')
      .select(['announcement_id', (eb) => eb.fn.countAll<string | number>().as('n')])
      .where('announcement_id', 'in', ids)
      .groupBy('announcement_id')
      .execute(),
  ]);
  return new Map(
    ids.map((id) => {
      const r = recipients.find((x) => x.announcement_id === id);
      const p = replies.find((x) => x.announcement_id === id);
      return [id, { recipients: Number(r?.n ?? 0), read: Number(r?.read ?? 0), replies: Number(p?.n ?? 0) }];
    }),
  );
}

/** The person's rows among the given announcements' recipients: which were sent to them, which read. */
export async function receiptsOf(db: Db, userId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string | null>();
  const rows = await db
    .selectFrom('announcement_recipients')
    .select(['announcement_id', 'read_at'])
    .where('user_id', '=', userId)
    .where('announcement_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.announcement_id, r.read_at]));
}

/** An announcement's replies: every one, or one person's. */
export function repliesOf(db: Db, announcementId: string, authorId: string | null) {
  let q = db
    .selectFrom('announcement_replies as r')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select(['r.id', 'r.author_id', 'u.name as author_name', 'r.body', 'r.erased_at', 'r.created_at'])
    .where('r.announcement_id', '=', announcementId);
  if (authorId) q = q.where('r.author_id', '=', authorId);
  return q.orderBy('r.created_at').orderBy('r.id').execute();
}
