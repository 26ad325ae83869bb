import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: a migration sees the schema as it was, not as types.ts says
type Db = Kysely<any>;

/**
 * Two changes of trust.
 *
 * Who may read a meeting report's content besides its tutor is fixed on the report when it is
 * filed, so a later change of the programme's rule applies to later reports only. Reports written
 * before this keep the programme's rule as it stands now.
 *
 * A meeting's video link is a web address (https, or http): a link of any other kind stored before
 * (javascript:, data:…) is removed, so no invitation, e-mail or page ever carries it.
 */
export async function up(db: Db): Promise<void> {
  await db.schema
    .alterTable('meeting_reports')
    .addColumn('visible_to_tutee', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('meeting_reports')
    .addColumn('visible_to_coordinator', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  const rows = await db
    .selectFrom('meeting_reports as r')
    .innerJoin('meetings as m', 'm.id', 'r.meeting_id')
    .innerJoin('programmes as p', 'p.id', 'm.programme_id')
    .select(['r.meeting_id', 'p.rules'])
    .execute();
  for (const r of rows) {
    const v = (JSON.parse(r.rules) as { reportVisibility?: { tutee?: boolean; coordinator?: boolean } })
      .reportVisibility;
    await db
      .updateTable('meeting_reports')
      .set({ visible_to_tutee: v?.tutee ? 1 : 0, visible_to_coordinator: v?.coordinator ? 1 : 0 })
      .where('meeting_id', '=', r.meeting_id)
      .execute();
  }

  const links = await db
    .selectFrom('meetings')
    .select(['id', 'video_url'])
    .where('video_url', 'is not', null)
    .execute();
  for (const m of links) {
    if (isWebUrl(m.video_url)) continue;
    await db.updateTable('meetings').set({ video_url: null }).where('id', '=', m.id).execute();
  }
}

/** The rule of this migration's day, kept here: later changes of domain/text.ts do not rewrite history. */
function isWebUrl(s: string): boolean {
  try {
    const u = new URL(s.trim());
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname !== '';
  } catch {
    return false;
  }
}

export async function down(db: Db): Promise<void> {
  await db.schema.alterTable('meeting_reports').dropColumn('visible_to_coordinator').execute();
  await db.schema.alterTable('meeting_reports').dropColumn('visible_to_tutee').execute();
}
