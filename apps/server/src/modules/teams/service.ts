import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { sortByName } from '../../domain/collate.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { forbidden, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { loadTeamFor } from './load.ts';
import { ADVISED_SIZE, teamRoles, teamsAllowed } from './policy.ts';
import { liveTeamOf } from './queries.ts';
import { addedNotice } from './texts.ts';

// Forming teams: the coordination of a programme creates, renames and dissolves them and adds or
// removes members. A person is in one live team per organisation; 6 to 8 is advised, not enforced.

export const sizeAdvice = (n: number) =>
  n < ADVISED_SIZE.min ? ('under' as const) : n > ADVISED_SIZE.max ? ('over' as const) : null;

/** The people of a programme who may be in its teams, with the team each is in now. */
export async function candidatesOf(db: Db, p: Programme) {
  const rows = await db
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.user_id')
    .leftJoin('team_members as tm', (j) =>
      j.onRef('tm.user_id', '=', 'ms.user_id').on('tm.org_id', '=', p.org_id).on('tm.left_at', 'is', null),
    )
    .leftJoin('teams as t', (j) => j.onRef('t.id', '=', 'tm.team_id').on('t.archived_at', 'is', null))
    .select(['u.id', 'u.name', 't.name as team'])
    .where('ms.programme_id', '=', p.id)
    .where('ms.role', 'in', teamRoles(p))
    .where('ms.ended_at', 'is', null)
    .execute();
  const seen = new Map<string, { id: string; name: string; team: string | null }>();
  for (const r of rows) if (!seen.has(r.id) || r.team) seen.set(r.id, { ...r, team: r.team ?? null });
  return sortByName([...seen.values()], (r) => r.name);
}

/** Adds a person to a team, refusing one who is not a peer tutor of the programme or is in another team. */
async function addIn(trx: Db, p: Programme, teamId: string, teamName: string, userId: string, now: Date) {
  const member = await trx
    .selectFrom('memberships as ms')
    .innerJoin('users as u', 'u.id', 'ms.user_id')
    .select(['u.id', 'u.name'])
    .where('ms.programme_id', '=', p.id)
    .where('ms.user_id', '=', userId)
    .where('ms.role', 'in', teamRoles(p))
    .where('ms.ended_at', 'is', null)
    .executeTakeFirst();
  if (!member) throw refuse(400, 'team_not_a_tutor');
  const current = await liveTeamOf(trx, p.org_id, userId);
  if (current?.id === teamId) return;
  if (current) throw refuse(409, 'team_elsewhere', { name: member.name, team: current.name });
  const at = now.toISOString();
  await trx
    .insertInto('team_members')
    .values({ id: newId(), team_id: teamId, org_id: p.org_id, user_id: userId, joined_at: at, left_at: null })
    .execute();
  await notify(
    trx,
    {
      userId,
      orgId: p.org_id,
      kind: 'message',
      key: `team-added:${teamId}:${userId}:${at}`,
      link: `/equipes/${teamId}`,
      content: addedNotice({ team: teamName, programme: p.name }),
    },
    now,
  );
}

async function managedProgramme(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!managesProgramme(actor, p, 'write') || !teamsAllowed(p)) throw forbidden();
  return p;
}

export async function createTeam(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: { name: string; memberIds: string[] },
) {
  const p = await managedProgramme(ctx, actor, programmeId);
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('teams')
      .values({
        id,
        org_id: p.org_id,
        programme_id: p.id,
        name: body.name,
        created_by: actor.id,
        created_at: now.toISOString(),
        archived_at: null,
      })
      .execute();
    for (const userId of new Set(body.memberIds)) await addIn(trx, p, id, body.name, userId, now);
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'team.created',
      subjectType: 'team',
      subjectId: id,
      meta: { members: body.memberIds.length },
    });
  });
  return { id };
}

/** Loads a live team the actor may change: its programme's coordination (403 for its members). */
async function managedTeam(ctx: AppContext, actor: UserActor, teamId: string) {
  const t = await loadTeamFor(ctx, actor, teamId);
  if (t.team.archived_at) throw refuse(409, 'team_dissolved');
  if (!t.actions.manageMembers) throw forbidden();
  return t;
}

export async function renameTeam(ctx: AppContext, actor: UserActor, teamId: string, name: string) {
  const { team, programme } = await managedTeam(ctx, actor, teamId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('teams').set({ name }).where('id', '=', team.id).execute();
    await audit(trx, now, {
      orgId: programme.org_id,
      actorId: actor.id,
      action: 'team.renamed',
      subjectType: 'team',
      subjectId: team.id,
      meta: { before: team.name, after: name },
    });
  });
}

/** Dissolves a team: its members leave it (their history stays with the team's records). */
export async function dissolveTeam(ctx: AppContext, actor: UserActor, teamId: string) {
  const { team, programme } = await managedTeam(ctx, actor, teamId);
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.updateTable('teams').set({ archived_at: at }).where('id', '=', team.id).execute();
    await trx
      .updateTable('team_members')
      .set({ left_at: at })
      .where('team_id', '=', team.id)
      .where('left_at', 'is', null)
      .execute();
    await audit(trx, now, {
      orgId: programme.org_id,
      actorId: actor.id,
      action: 'team.dissolved',
      subjectType: 'team',
      subjectId: team.id,
    });
  });
}

export async function addMember(ctx: AppContext, actor: UserActor, teamId: string, userId: string) {
  const { team, programme } = await managedTeam(ctx, actor, teamId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await addIn(trx, programme, team.id, team.name, userId, now);
    await audit(trx, now, {
      orgId: programme.org_id,
      actorId: actor.id,
      action: 'team.member_added',
      subjectType: 'team',
      subjectId: team.id,
      meta: { userId },
    });
  });
}

export async function removeMember(ctx: AppContext, actor: UserActor, teamId: string, userId: string) {
  const { team, programme, memberIds } = await managedTeam(ctx, actor, teamId);
  if (!memberIds.includes(userId)) throw refuse(404, 'team_not_member');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('team_members')
      .set({ left_at: now.toISOString() })
      .where('team_id', '=', team.id)
      .where('user_id', '=', userId)
      .where('left_at', 'is', null)
      .execute();
    await audit(trx, now, {
      orgId: programme.org_id,
      actorId: actor.id,
      action: 'team.member_removed',
      subjectType: 'team',
      subjectId: team.id,
      meta: { userId },
    });
  });
}

/** The live groups of a programme: each tutor (the lead) with the tutees of one group key. */
async function liveGroups(db: Db, programmeId: string) {
  const rows = await db
    .selectFrom('pairings')
    .select(['tutor_user_id', 'tutee_user_id', 'group_key'])
    .where('programme_id', '=', programmeId)
    .where('state', 'in', LIVE_PAIRING_STATES)
    .orderBy('created_at')
    .execute();
  const groups = new Map<string, string[]>();
  for (const r of rows) {
    const key = `${r.tutor_user_id}|${r.group_key ?? ''}`;
    const g = groups.get(key) ?? [r.tutor_user_id];
    g.push(r.tutee_user_id);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/**
 * In a tutor peer-support programme the groups are the teams: each live group whose people are in
 * no team yet becomes a team of equal members (its lead and its members alike). People already in
 * a team stay where they are.
 */
export async function teamsFromGroups(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await managedProgramme(ctx, actor, programmeId);
  if (p.template !== 'tutor-peer-support') throw refuse(409, 'team_groups_peer_support');
  const groups = await liveGroups(ctx.db, p.id);
  const now = ctx.clock.now();
  const word = actor.locale.startsWith('en') ? 'Team' : 'Équipe';
  let created = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('teams')
      .select('id')
      .where('programme_id', '=', p.id)
      .where('archived_at', 'is', null)
      .execute();
    for (const g of groups) {
      const free = [];
      for (const id of new Set(g)) if (!(await liveTeamOf(trx, p.org_id, id))) free.push(id);
      if (free.length < 2) continue;
      const id = newId();
      const name = `${word} ${existing.length + created + 1}`;
      await trx
        .insertInto('teams')
        .values({
          id,
          org_id: p.org_id,
          programme_id: p.id,
          name,
          created_by: actor.id,
          created_at: now.toISOString(),
          archived_at: null,
        })
        .execute();
      for (const userId of free) await addIn(trx, p, id, name, userId, now);
      created += 1;
    }
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'team.from_groups',
      subjectType: 'programme',
      subjectId: p.id,
      meta: { created },
    });
  });
  return { created };
}

/** How many live groups of a peer-support programme have at least two people in no team. */
export async function groupsWithoutTeam(db: Db, p: Programme) {
  if (p.template !== 'tutor-peer-support') return 0;
  const groups = await liveGroups(db, p.id);
  let n = 0;
  for (const g of groups) {
    let free = 0;
    for (const id of new Set(g)) if (!(await liveTeamOf(db, p.org_id, id))) free += 1;
    if (free >= 2) n += 1;
  }
  return n;
}
