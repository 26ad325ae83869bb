import type { AppContext } from '../../context.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { audit } from '../audit/service.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { visibleProgrammes } from '../programmes/queries.ts';
import { TEAM_TEMPLATES } from '../teams/policy.ts';
import { codeHash, type LoadedNetwork, loadManagedTeam, loadNetworkFor, newJoinCode } from './load.ts';
import { networkRelation, removesTeam, standingIn } from './policy.ts';
import { liveMembership, liveTeamIdsOf, memberTeamsOf, networksOf, teamsInProgrammes } from './queries.ts';
import type { CreateBody } from './schema.ts';
import { unreadInNetworks } from './thread.ts';

/**
 * Networks: created by the coordination of a programme with teams, with one of its teams; joined
 * by a team of another organisation with the code its members' coordination gives; left by a team
 * (its membership kept, with when it left); archived by the organisation that created it. The
 * code is kept as its hash only: shown once when made, a new one replaces it.
 */

/** The programmes' teams the actor's coordination answers for: what they create or join a network with. */
async function teamsIManage(ctx: AppContext, actor: UserActor) {
  const programmes = await visibleProgrammes(ctx.db, scopeFor(actor))
    .selectAll('programmes')
    .where('programmes.template', 'in', TEAM_TEMPLATES)
    .where('programmes.archived_at', 'is', null)
    .execute();
  const managed = programmes.filter((p) => managesProgramme(actor, p, 'write')).map((p) => p.id);
  return teamsInProgrammes(ctx.db, managed);
}

/** The actor's networks (as a member of a member team, or its coordination), with their unread messages. */
export async function myNetworks(ctx: AppContext, actor: UserActor) {
  const teams = await teamsIManage(ctx, actor);
  const myTeams = await liveTeamIdsOf(ctx.db, actor.id);
  const candidates = await networksOf(
    ctx.db,
    [...myTeams, ...teams.map((t) => t.id)],
    [...actor.adminOf, ...actor.memberships.filter((m) => m.role === 'coordinator').map((m) => m.orgId)],
  );
  const members = await memberTeamsOf(
    ctx.db,
    candidates.map((n) => n.id),
  );
  const unread = await unreadInNetworks(
    ctx.db,
    candidates.map((n) => n.id),
    actor.id,
  );
  const networks = candidates
    .map((n) => ({ n, standing: standingIn(actor, n, members.get(n.id) ?? [], myTeams) }))
    .filter((x) => networkRelation(x.standing) !== 'none')
    .map(({ n, standing }) => ({
      id: n.id,
      name: n.name,
      scope: n.scope as 'regional' | 'national',
      archived: n.archived_at !== null,
      teams: (members.get(n.id) ?? []).length,
      myTeams: standing.memberOf.map((t) => t.teamName),
      unread: unread.get(n.id) ?? 0,
    }));
  return {
    networks,
    teams: teams.map((t) => ({ id: t.id, name: t.name, programme: t.programme_name })),
    actions: { create: teams.length > 0, join: teams.length > 0 },
  };
}

export async function createNetwork(ctx: AppContext, actor: UserActor, b: CreateBody) {
  const { team } = await loadManagedTeam(ctx, actor, b.teamId);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  const code = newJoinCode();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('networks')
      .values({
        id,
        org_id: team.org_id,
        name: b.name,
        scope: b.scope,
        description: b.description,
        code_hash: codeHash(code),
        code_changed_at: now,
        created_by: actor.id,
        created_at: now,
        archived_at: null,
      })
      .execute();
    await trx
      .insertInto('network_teams')
      .values({
        id: newId(),
        network_id: id,
        team_id: team.id,
        org_id: team.org_id,
        joined_by: actor.id,
        joined_at: now,
        left_by: null,
        left_at: null,
      })
      .execute();
    await audit(trx, ctx.clock.now(), {
      orgId: team.org_id,
      actorId: actor.id,
      action: 'network.created',
      subjectType: 'network',
      subjectId: id,
      meta: { scope: b.scope, teamId: team.id },
    });
  });
  return { id, code };
}

/** Joins a team the actor's coordination answers for to the network whose code this is. */
export async function joinNetwork(ctx: AppContext, actor: UserActor, b: { code: string; teamId: string }) {
  const { team } = await loadManagedTeam(ctx, actor, b.teamId);
  const network = await ctx.db
    .selectFrom('networks')
    .selectAll()
    .where('code_hash', '=', codeHash(b.code))
    .executeTakeFirst();
  if (!network) throw refuse(400, 'network_wrong_code');
  if (network.archived_at) throw refuse(409, 'network_archived');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (await liveMembership(trx, network.id, team.id))
      throw refuse(409, 'network_already_member', { team: team.name });
    await trx
      .insertInto('network_teams')
      .values({
        id: newId(),
        network_id: network.id,
        team_id: team.id,
        org_id: team.org_id,
        joined_by: actor.id,
        joined_at: now.toISOString(),
        left_by: null,
        left_at: null,
      })
      .execute();
    await audit(trx, now, {
      orgId: team.org_id,
      actorId: actor.id,
      action: 'network.joined',
      subjectType: 'network',
      subjectId: network.id,
      meta: { teamId: team.id },
    });
  });
  return { networkId: network.id, name: network.name };
}

const refuseArchived = (l: LoadedNetwork) => {
  if (l.network.archived_at) throw refuse(409, 'network_archived');
};

/** A new join code: the old one stops working at once. */
export async function newCode(ctx: AppContext, actor: UserActor, networkId: string) {
  const l = await loadNetworkFor(ctx, actor, networkId);
  refuseArchived(l);
  if (!l.actions.newCode) throw forbidden();
  const now = ctx.clock.now();
  const code = newJoinCode();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('networks')
      .set({ code_hash: codeHash(code), code_changed_at: now.toISOString() })
      .where('id', '=', l.network.id)
      .execute();
    await audit(trx, now, {
      orgId: (l.standing.manages[0] ?? { orgId: l.network.org_id }).orgId,
      actorId: actor.id,
      action: 'network.code_regenerated',
      subjectType: 'network',
      subjectId: l.network.id,
    });
  });
  return { code };
}

/** A team leaves the network (removed by its coordination or the creator's); its membership is kept. */
export async function removeTeam(ctx: AppContext, actor: UserActor, networkId: string, teamId: string) {
  const l = await loadNetworkFor(ctx, actor, networkId);
  const team = l.teams.find((t) => t.teamId === teamId);
  if (!team) throw notFound('team');
  refuseArchived(l);
  if (!removesTeam(actor, l.network, l.standing, team)) throw forbidden();
  const now = ctx.clock.now();
  const own = managesProgramme(
    actor,
    { id: team.programmeId, org_id: team.orgId, archived_at: null },
    'read',
  );
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('network_teams')
      .set({ left_at: now.toISOString(), left_by: actor.id })
      .where('network_id', '=', l.network.id)
      .where('team_id', '=', team.teamId)
      .where('left_at', 'is', null)
      .execute();
    for (const orgId of new Set([team.orgId, l.network.org_id]))
      await audit(trx, now, {
        orgId,
        actorId: actor.id,
        action: own ? 'network.left' : 'network.team_removed',
        subjectType: 'network',
        subjectId: l.network.id,
        meta: { teamId: team.teamId },
      });
  });
}

/** Archives the network: read-only from then on, for every member team. */
export async function archiveNetwork(ctx: AppContext, actor: UserActor, networkId: string) {
  const l = await loadNetworkFor(ctx, actor, networkId);
  refuseArchived(l);
  if (!l.actions.archive) throw forbidden();
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('networks')
      .set({ archived_at: now.toISOString() })
      .where('id', '=', l.network.id)
      .execute();
    await audit(trx, now, {
      orgId: l.network.org_id,
      actorId: actor.id,
      action: 'network.archived',
      subjectType: 'network',
      subjectId: l.network.id,
    });
  });
}

/** The actor's organisation in the network: of their team, else of a team they manage, else the creator's. */
export const homeOrgOf = (l: LoadedNetwork) =>
  (l.standing.memberOf[0] ?? l.standing.manages[0])?.orgId ?? l.network.org_id;
