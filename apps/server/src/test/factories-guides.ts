import type { AppContext } from '../context.ts';
import { newId } from '../lib/ids.ts';
import { ensureLibrary } from '../modules/guides/queries.ts';

/**
 * The guides library of the world's organisation (copied from the defaults), a tutor's suggestion
 * waiting for the coordination, and an announcement of the coordinator to tutors and tutees.
 */
export async function guidesWorld(
  ctx: AppContext,
  o: { orgId: string; programmeId: string; coordinatorId: string; tutorId: string; recipientIds: string[] },
) {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ensureLibrary(ctx.db, o.orgId, now);
  const guide = await ctx.db
    .selectFrom('guides')
    .select('id')
    .where('org_id', '=', o.orgId)
    .where('default_key', '=', 'sujet-de-these')
    .executeTakeFirstOrThrow();
  const suggestionId = newId();
  await ctx.db
    .insertInto('guide_suggestions')
    .values({
      id: suggestionId,
      org_id: o.orgId,
      guide_id: guide.id,
      author_id: o.tutorId,
      theme: 'thesis',
      title: 'Trouver un sujet de thèse',
      when_to_use: 'En deuxième année',
      body: '## Étapes\n- Partir d’une question de stage',
      message: 'Ajouter les bases de thèses de la faculté',
      state: 'pending',
      note: null,
      decided_by: null,
      decided_at: null,
      created_at: at,
    })
    .execute();
  const announcementId = newId();
  await ctx.db
    .insertInto('announcements')
    .values({
      id: announcementId,
      org_id: o.orgId,
      programme_id: o.programmeId,
      author_id: o.coordinatorId,
      audience: 'both',
      title: 'Journée des tuteurs',
      body: 'La journée des tuteurs a lieu le 12 mars.',
      link: null,
      created_at: at,
    })
    .execute();
  for (const userId of o.recipientIds) {
    await ctx.db
      .insertInto('announcement_recipients')
      .values({ announcement_id: announcementId, user_id: userId, read_at: null })
      .execute();
  }
  return { guideId: guide.id, suggestionId, announcementId };
}
