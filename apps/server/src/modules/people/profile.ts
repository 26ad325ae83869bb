import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { readJson } from '../../db/json.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';

export async function myProfile(ctx: AppContext, actor: UserActor, orgId: string) {
  const [m, placements] = await Promise.all([
    ctx.db
      .selectFrom('org_members')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', actor.id)
      .executeTakeFirstOrThrow(),
    ctx.db
      .selectFrom('placements')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', actor.id)
      .orderBy('period', 'desc')
      .execute(),
  ]);
  return {
    orgId,
    homeCommune: m.home_commune,
    professionalProject: m.professional_project,
    themes: readJson(z.array(z.string()), m.themes, 'org_members.themes'),
    languages: readJson(z.array(z.string()), m.languages, 'org_members.languages'),
    faculty: m.faculty,
    desYear: m.des_year,
    presentation: m.presentation,
    placements: placements.map((p) => ({ period: p.period, site: p.site, city: p.city })),
  };
}

export async function updateMyProfile(
  ctx: AppContext,
  actor: UserActor,
  orgId: string,
  b: {
    homeCommune?: string | null;
    professionalProject?: string | null;
    themes?: string[];
    languages?: string[];
    faculty?: string | null;
    desYear?: number | null;
    presentation?: string | null;
    placement?: { period: string; site: string; city: string | null };
  },
) {
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const set = {
      ...(b.homeCommune !== undefined ? { home_commune: b.homeCommune } : {}),
      ...(b.professionalProject !== undefined ? { professional_project: b.professionalProject } : {}),
      ...(b.themes ? { themes: JSON.stringify(b.themes) } : {}),
      ...(b.languages ? { languages: JSON.stringify(b.languages) } : {}),
      ...(b.faculty !== undefined ? { faculty: b.faculty } : {}),
      ...(b.desYear !== undefined ? { des_year: b.desYear } : {}),
      ...(b.presentation !== undefined ? { presentation: b.presentation } : {}),
    };
    if (Object.keys(set).length > 0) {
      await trx
        .updateTable('org_members')
        .set(set)
        .where('org_id', '=', orgId)
        .where('user_id', '=', actor.id)
        .execute();
    }
    if (b.placement) {
      // One site per person and period: a new entry for the same period replaces the old one.
      await trx
        .deleteFrom('placements')
        .where('org_id', '=', orgId)
        .where('user_id', '=', actor.id)
        .where('period', '=', b.placement.period)
        .execute();
      await trx
        .insertInto('placements')
        .values({
          id: newId(),
          org_id: orgId,
          user_id: actor.id,
          period: b.placement.period,
          site: b.placement.site,
          city: b.placement.city,
          kind: 'internship',
          created_at: now,
        })
        .execute();
    }
  });
}
