import type { AppContext } from '../../context.ts';
import { sortByName } from '../../domain/collate.ts';
import type { UserActor } from '../../policy/actor.ts';
import { teamReadable } from '../../policy/confidentiality-teams.ts';
import { auditRead } from '../audit/reads.ts';
import { orgZone } from '../meetings/policy.ts';
import { phoneSharing } from '../people/phone-sharing.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import { caseloadOf } from './caseload.ts';
import { loadTeamFor } from './load.ts';
import { movesOf } from './moves.ts';
import { overloadsOf } from './overload.ts';
import { teamsAllowed } from './policy.ts';
import { teamMeetings } from './reports.ts';
import { candidatesOf, groupsWithoutTeam, sizeAdvice } from './service.ts';
import { unreadInTeams } from './thread.ts';

// What the pages show: a programme's teams, the viewer's own teams, and one team's page.

/** A programme's teams: every team for its coordination, their own team for a member. */
export async function listTeams(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  const coordinator = managesProgramme(actor, p, 'read');
  const rows = await ctx.db
    .selectFrom('teams as t')
    .innerJoin('team_members as m', 'm.team_id', 't.id')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['t.id', 't.name', 'u.id as user_id', 'u.name as user_name'])
    .where('t.programme_id', '=', p.id)
    .where('t.archived_at', 'is', null)
    .where('m.left_at', 'is', null)
    .orderBy('t.created_at')
    .execute();
  const mine = rows.find((r) => r.user_id === actor.id)?.id ?? null;
  const teams = new Map<string, { id: string; name: string; members: { id: string; name: string }[] }>();
  for (const r of rows) {
    if (!coordinator && r.id !== mine) continue;
    const t = teams.get(r.id) ?? { id: r.id, name: r.name, members: [] };
    t.members.push({ id: r.user_id, name: r.user_name });
    teams.set(r.id, t);
  }
  const open = await ctx.db
    .selectFrom('team_overloads')
    .select(['team_id', (eb) => eb.fn.countAll<string | number>().as('n')])
    .where('programme_id', '=', p.id)
    .where('closed_at', 'is', null)
    .groupBy('team_id')
    .execute();
  const write = managesProgramme(actor, p, 'write') && teamsAllowed(p);
  const groups = write ? await groupsWithoutTeam(ctx.db, p) : 0;
  return {
    programme: { id: p.id, name: p.name, template: p.template },
    teams: [...teams.values()].map((t) => ({
      ...t,
      members: sortByName(t.members, (m) => m.name),
      sizeAdvice: sizeAdvice(t.members.length),
      openOverloads: Number(open.find((o) => o.team_id === t.id)?.n ?? 0),
    })),
    mine,
    candidates: write ? await candidatesOf(ctx.db, p) : [],
    groups,
    actions: { create: write, fromGroups: write && groups > 0 },
  };
}

/** The viewer's live teams, with their unread messages, for the menu and the home page. */
export async function myTeams(ctx: AppContext, actor: UserActor) {
  const rows = await ctx.db
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .innerJoin('programmes as p', 'p.id', 't.programme_id')
    .select(['t.id', 't.name', 't.org_id', 'p.id as programme_id', 'p.name as programme_name'])
    .where('m.user_id', '=', actor.id)
    .where('m.left_at', 'is', null)
    .where('t.archived_at', 'is', null)
    .execute();
  const unread = await unreadInTeams(
    ctx.db,
    rows.map((r) => r.id),
    actor.id,
  );
  return {
    teams: rows.map((r) => ({
      id: r.id,
      name: r.name,
      orgId: r.org_id,
      programme: { id: r.programme_id, name: r.programme_name },
      unread: unread.get(r.id) ?? 0,
    })),
  };
}

/** One team's page: its members with their contacts and load, requests, meetings and thread. */
export async function teamPage(ctx: AppContext, actor: UserActor, teamId: string) {
  const t = await loadTeamFor(ctx, actor, teamId);
  const { team, programme: p, memberIds, relation, actions } = t;
  const [users, shares, loads, zone] = await Promise.all([
    memberIds.length
      ? ctx.db
          .selectFrom('users')
          .select(['id', 'name', 'email', 'phone'])
          .where('id', 'in', memberIds)
          .execute()
      : Promise.resolve([]),
    phoneSharing(ctx.db, p, memberIds),
    caseloadOf(ctx.db, p, memberIds),
    orgZone(ctx.db, p.org_id),
  ]);
  const contacts = teamReadable('teamContact', relation);
  const members = sortByName(users, (u) => u.name).map((u) => {
    const own = u.id === actor.id;
    const c = loads.get(u.id);
    return {
      id: u.id,
      name: u.name,
      me: own,
      email: contacts ? u.email : null,
      phone: contacts && (own || relation === 'coordinator' || shares.get(u.id)) ? u.phone : null,
      load: c?.load ?? { tutees: 0, capacity: 0, alerts: 0, traces: null },
      tutees: c?.tutees ?? [],
    };
  });
  await auditRead(ctx.db, ctx.clock.now(), {
    orgId: p.org_id,
    actor,
    subjectPersonIds: contacts ? memberIds.filter((id) => id !== actor.id) : [],
    kind: 'contact',
    recordType: 'team',
    recordId: team.id,
    programmeId: p.id,
  });
  const unread = actions.readThread ? await unreadInTeams(ctx.db, [team.id], actor.id) : new Map();
  return {
    id: team.id,
    name: team.name,
    orgId: p.org_id,
    timeZone: zone,
    programme: { id: p.id, name: p.name, template: p.template, portfolio: rulesOf(p).portfolioEnabled },
    dissolved: team.archived_at !== null,
    relation: relation as 'teammate' | 'coordinator',
    sizeAdvice: sizeAdvice(memberIds.length),
    members,
    overloads: await overloadsOf(ctx.db, actor, p, team.id),
    moves: await movesOf(ctx.db, actor, t),
    meetings: await teamMeetings(ctx.db, team.id),
    unread: unread.get(team.id) ?? 0,
    candidates: actions.manageMembers ? await candidatesOf(ctx.db, p) : [],
    actions,
  };
}
