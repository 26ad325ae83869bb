import type { Db } from '../../db/index.ts';
import { refuse } from '../../http/errors.ts';
import { guideTopics } from '../guides/defaults.ts';
import { ensureLibrary, libraryOf, meetingGuide } from '../guides/queries.ts';

// Meeting guides come from the organisation's library (modules/guides). Meetings made before the
// library stored the static catalogue's ids ('premiere-rencontre' …): they resolve to the
// organisation's copy of that shipped guide (guides.default_key), so nothing had to be migrated.

/** The guides a new meeting may follow: the organisation's live library. */
export async function guideChoices(db: Db, orgId: string, now: Date) {
  await ensureLibrary(db, orgId, now);
  const rows = await libraryOf(db, orgId, false);
  return rows.map((g) => ({ id: g.id, title: g.title, when: g.when_to_use, themes: guideTopics(g.body) }));
}

/** The library's id of the guide a new meeting names (a former static id is accepted), or a 400. */
export async function chosenGuide(db: Db, orgId: string, guideId: string | null, now: Date) {
  if (!guideId) return null;
  const g = await meetingGuide(db, orgId, guideId, now);
  if (!g || g.archived_at) throw refuse(400, 'unknown_guide');
  return g.id;
}

/** A meeting's guide with the themes its report and calendar file start from. */
export async function guideOfMeeting(db: Db, m: { org_id: string; guide_id: string | null }, now?: Date) {
  const g = await meetingGuide(db, m.org_id, m.guide_id, now);
  return g ? { id: g.id, title: g.title, body: g.body, themes: guideTopics(g.body) } : null;
}
