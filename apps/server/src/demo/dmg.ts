import type { Db } from '../db/index.ts';

/** The DMG demo's organisation and its DES programme, which the tutor community's demo data join; null without the demo. */
export async function dmgDes(
  db: Db,
): Promise<{ orgId: string; timeZone: string; programmeId: string } | null> {
  const row = await db
    .selectFrom('organisations as o')
    .innerJoin('programmes as p', 'p.org_id', 'o.id')
    .select(['o.id as orgId', 'o.time_zone as timeZone', 'p.id as programmeId'])
    .where('o.slug', '=', 'dmg-demo')
    .where('p.template', '=', 'des-tutoring')
    .executeTakeFirst();
  return row ?? null;
}
