import type { AppContext } from '../../context.ts';
import type { UserActor } from '../../policy/actor.ts';
import { loadNetworkFor } from './load.ts';
import { removesTeam } from './policy.ts';
import { zonesOf } from './queries.ts';
import { homeOrgOf } from './service.ts';
import { presentSessions } from './sessions.ts';
import { unreadInNetworks } from './thread.ts';

/** A network's page: its profile, member teams (name and organisation only), sessions and what the viewer may do. */
export async function networkPage(ctx: AppContext, actor: UserActor, networkId: string) {
  const l = await loadNetworkFor(ctx, actor, networkId);
  const n = l.network;
  const home = homeOrgOf(l);
  const orgs = await zonesOf(ctx.db, [home, n.org_id]);
  const memberOf = new Set(l.standing.memberOf.map((t) => t.teamId));
  const mine = new Set([...memberOf, ...l.standing.manages.map((t) => t.teamId)]);
  return {
    id: n.id,
    name: n.name,
    scope: n.scope as 'regional' | 'national',
    description: n.description,
    createdBy: orgs.get(n.org_id)?.name ?? '',
    archived: n.archived_at !== null,
    timeZone: orgs.get(home)?.time_zone ?? 'Europe/Paris',
    codeChangedAt: n.code_changed_at,
    unread: (await unreadInNetworks(ctx.db, [n.id], actor.id)).get(n.id) ?? 0,
    teams: l.teams.map((t) => ({
      id: t.teamId,
      name: t.teamName,
      organisation: t.orgName,
      joinedAt: t.joinedAt,
      mine: mine.has(t.teamId),
      member: memberOf.has(t.teamId),
      canRemove: removesTeam(actor, n, l.standing, t),
    })),
    sessions: await presentSessions(ctx, actor, l),
    actions: l.actions,
  };
}
