import type { Db } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { nonEmpty, type Scope } from '../../policy/scope.ts';
import { defaultGuides } from './defaults.ts';

// The organisation's guides library: copied from the shipped defaults, in the organisation's
// language, the first time anyone needs it; from then on the organisation's own.

/**
 * Copies the shipped guides into the organisation once. The `guide_libraries` row is written first
 * (a concurrent first need inserts nothing and copies nothing), so archiving every guide later does
 * not bring the defaults back.
 */
export async function ensureLibrary(db: Db, orgId: string, now: Date): Promise<void> {
  const seeded = await db
    .selectFrom('guide_libraries')
    .select('org_id')
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  if (seeded) return;
  // Inside a caller's transaction, or in one of its own.
  const run = <T>(f: (trx: Db) => Promise<T>) => (db.isTransaction ? f(db) : db.transaction().execute(f));
  await run(async (trx) => {
    const org = await trx
      .selectFrom('organisations')
      .select('locale')
      .where('id', '=', orgId)
      .executeTakeFirstOrThrow();
    const lang = org.locale?.startsWith('en') ? 'en' : 'fr';
    const at = now.toISOString();
    const inserted = await trx
      .insertInto('guide_libraries')
      .values({ org_id: orgId, lang, created_at: at })
      .onConflict((oc) => oc.column('org_id').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return;
    for (const [i, g] of defaultGuides(lang, orgId).entries()) {
      await trx
        .insertInto('guides')
        .values({
          id: newId(),
          org_id: orgId,
          default_key: g.key,
          theme: g.theme,
          title: g.title,
          when_to_use: g.when,
          body: g.body,
          position: (i + 1) * 10,
          created_by: null,
          created_at: at,
          updated_by: null,
          updated_at: at,
          archived_at: null,
        })
        .execute();
    }
  });
}

function guidesWithEditor(db: Db) {
  return db
    .selectFrom('guides as g')
    .leftJoin('users as u', 'u.id', 'g.updated_by')
    .selectAll('g')
    .select('u.name as updated_by_name');
}

/** The organisation's guides, in the library's order; archived ones only when asked. */
export function libraryOf(db: Db, orgId: string, withArchived: boolean) {
  let q = guidesWithEditor(db).where('g.org_id', '=', orgId);
  if (!withArchived) q = q.where('g.archived_at', 'is', null);
  return q.orderBy('g.position').orderBy('g.created_at').execute();
}

/** One guide of an organisation the actor belongs to (undefined otherwise: a 404). */
export function findGuide(db: Db, scope: Scope, id: string) {
  return guidesWithEditor(db)
    .where('g.id', '=', id)
    .where('g.org_id', 'in', nonEmpty(scope.orgIds))
    .executeTakeFirst();
}
export type GuideRow = NonNullable<Awaited<ReturnType<typeof findGuide>>>;

export type MeetingGuide = { id: string; title: string; body: string; archived_at: string | null };

/**
 * The guide a meeting names: a guide of its organisation by id, or — for meetings made before the
 * library, which stored the static catalogue's ids — the organisation's copy of that shipped guide
 * (`default_key`). Given `now`, the library is copied first if it was not yet; without it (the
 * calendar file, written by a job), a shipped guide not yet copied is read from the defaults.
 */
export async function meetingGuide(
  db: Db,
  orgId: string,
  guideId: string | null,
  now?: Date,
): Promise<MeetingGuide | null> {
  if (!guideId) return null;
  if (now) await ensureLibrary(db, orgId, now);
  const rows = await db
    .selectFrom('guides')
    .select(['id', 'title', 'body', 'archived_at'])
    .where('org_id', '=', orgId)
    .where((eb) => eb.or([eb('id', '=', guideId), eb('default_key', '=', guideId)]))
    .execute();
  const found = rows.find((g) => g.id === guideId) ?? rows[0];
  if (found) return found;
  const shipped = defaultGuides('fr', orgId).find((g) => g.key === guideId);
  return shipped ? { id: shipped.key, title: shipped.title, body: shipped.body, archived_at: null } : null;
}

export async function nextPosition(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('guides')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('org_id', '=', orgId)
    .executeTakeFirst();
  return Number(row?.p ?? 0) + 10;
}

function suggestionsWithPeople(db: Db) {
  return db
    .selectFrom('guide_suggestions as s')
    .leftJoin('users as a', 'a.id', 's.author_id')
    .leftJoin('users as d', 'd.id', 's.decided_by')
    .leftJoin('guides as g', 'g.id', 's.guide_id')
    .selectAll('s')
    .select(['a.name as author_name', 'd.name as decided_by_name', 'g.title as guide_title']);
}

/** The organisation's suggestions: every one for the coordination, one's own for a tutor. */
export function suggestionsOf(db: Db, orgId: string, authorId: string | null) {
  let q = suggestionsWithPeople(db).where('s.org_id', '=', orgId);
  if (authorId) q = q.where('s.author_id', '=', authorId);
  return q.orderBy('s.created_at', 'desc').limit(200).execute();
}

/** One suggestion of an organisation the actor belongs to. */
export function findSuggestion(db: Db, scope: Scope, id: string) {
  return suggestionsWithPeople(db)
    .where('s.id', '=', id)
    .where('s.org_id', 'in', nonEmpty(scope.orgIds))
    .executeTakeFirst();
}
export type SuggestionRow = NonNullable<Awaited<ReturnType<typeof findSuggestion>>>;

/** The organisation's coordinators (of any of its programmes), to be told of a suggestion. */
export async function orgCoordinators(db: Db, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('role', '=', 'coordinator')
    .where('ended_at', 'is', null)
    .execute();
  return [...new Set(rows.map((r) => r.user_id))];
}
