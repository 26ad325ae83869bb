import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { capacityOf } from '../matching/queries.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import { liveMemberIds } from '../teams/queries.ts';
import { readsCoordination, readsTeam } from './policy.ts';
import { absentBetween, liveLoads, tutorsOf } from './queries.ts';
import type { ContinuityView } from './schema.ts';
import { today } from './service.ts';

// The continuity check of item 2 of the tutor teams: every live tutee of a team's members has an
// active tutor — present, or away with an accepted backup — and a backup available, a teammate
// present today with room (live tutees plus tutees covered today under their capacity). The check
// lists the tutees for whom one of them fails, and why. The team's leave shows each member's days
// away from today on, never the reason.

type Problem = ContinuityView['issues'][number]['problems'][number];

/** A team through its programme's scope: its members and the coordination read it, others get 404. */
async function loadTeam(ctx: AppContext, actor: UserActor, teamId: string) {
  const team = await ctx.db
    .selectFrom('teams')
    .select(['id', 'name', 'programme_id'])
    .where('id', '=', teamId)
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (!team) throw notFound();
  const p = await loadProgrammeFor(ctx, actor, team.programme_id).catch(() => {
    throw notFound();
  });
  const members = await liveMemberIds(ctx.db, team.id);
  if (!readsTeam(actor, p, members)) throw notFound();
  return { team, p, members };
}

/** Who is in which live team of the programme's organisation, for the tutors given. */
async function teamsOf(db: Db, orgId: string, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, { id: string; name: string }>();
  const rows = await db
    .selectFrom('team_members as m')
    .innerJoin('teams as t', 't.id', 'm.team_id')
    .select(['m.user_id', 't.id', 't.name'])
    .where('m.org_id', '=', orgId)
    .where('m.user_id', 'in', userIds)
    .where('m.left_at', 'is', null)
    .where('t.archived_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.user_id, { id: r.id, name: r.name }]));
}

async function check(ctx: AppContext, p: Programme, tutorIds: string[]): Promise<ContinuityView> {
  const db = ctx.db;
  const day = await today(ctx, p.org_id);
  const rules = rulesOf(p);
  const [pairs, tutors, loads, away] = await Promise.all([
    tutorIds.length
      ? db
          .selectFrom('pairings as x')
          .innerJoin('users as tutee', 'tutee.id', 'x.tutee_user_id')
          .innerJoin('users as tutor', 'tutor.id', 'x.tutor_user_id')
          .select([
            'x.tutor_user_id',
            'x.tutee_user_id',
            'tutee.name as tutee_name',
            'tutor.name as tutor_name',
          ])
          .where('x.programme_id', '=', p.id)
          .where('x.state', 'in', LIVE_PAIRING_STATES)
          .where('x.tutor_user_id', 'in', tutorIds)
          .orderBy('tutee.name')
          .execute()
      : [],
    tutorsOf(db, p.id),
    liveLoads(db, p.id),
    absentBetween(db, p.id, day, day),
  ]);
  const absentToday = new Set(away.map((a) => a.user_id));
  const covers = await db
    .selectFrom('absence_covers as c')
    .innerJoin('absences as a', 'a.id', 'c.absence_id')
    .select(['c.tutee_user_id', 'c.backup_user_id', 'c.state', 'a.user_id'])
    .where('c.programme_id', '=', p.id)
    .where('a.cancelled_at', 'is', null)
    .where('a.start_on', '<=', day)
    .where('a.end_on', '>=', day)
    .execute();
  const covering = new Map<string, number>();
  for (const c of covers)
    if (c.state === 'accepted' && c.backup_user_id)
      covering.set(c.backup_user_id, (covering.get(c.backup_user_id) ?? 0) + 1);
  const capacity = new Map(tutors.map((t) => [t.id, capacityOf(rules, t.capacity)]));
  const hasRoom = (id: string) =>
    !absentToday.has(id) && (loads.get(id) ?? 0) + (covering.get(id) ?? 0) < (capacity.get(id) ?? 0);
  const teams = await teamsOf(db, p.org_id, [...new Set(tutors.map((t) => t.id))]);
  const issues: ContinuityView['issues'] = [];
  for (const x of pairs) {
    const problems: Problem[] = [];
    const team = teams.get(x.tutor_user_id) ?? null;
    if (absentToday.has(x.tutor_user_id)) {
      const c = covers.find((y) => y.tutee_user_id === x.tutee_user_id && y.user_id === x.tutor_user_id);
      if (!c || c.state === 'uncovered') problems.push('tutorAbsent');
      else if (c.state !== 'accepted') problems.push('backupPending');
    }
    if (!team) problems.push('tutorInNoTeam');
    else {
      const mates = [...teams.entries()].filter(([id, t]) => t.id === team.id && id !== x.tutor_user_id);
      if (!mates.some(([id]) => hasRoom(id))) problems.push('noBackupAvailable');
    }
    if (problems.length)
      issues.push({
        tutee: { id: x.tutee_user_id, name: x.tutee_name },
        tutor: { id: x.tutor_user_id, name: x.tutor_name },
        team: team?.name ?? null,
        problems,
      });
  }
  return { today: day, checked: pairs.length, issues };
}

export async function teamContinuity(ctx: AppContext, actor: UserActor, teamId: string) {
  const { p, members } = await loadTeam(ctx, actor, teamId);
  return check(ctx, p, members);
}

export async function programmeContinuity(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!readsCoordination(actor, p)) throw forbidden();
  return check(ctx, p, [...new Set((await tutorsOf(ctx.db, p.id)).map((t) => t.id))]);
}

/** Each member's days away from today on (first and last day only, never the reason). */
export async function teamLeave(ctx: AppContext, actor: UserActor, teamId: string) {
  const { p, members } = await loadTeam(ctx, actor, teamId);
  const day = await today(ctx, p.org_id);
  if (members.length === 0) return { members: [] };
  const [people, rows] = await Promise.all([
    ctx.db.selectFrom('users').select(['id', 'name']).where('id', 'in', members).orderBy('name').execute(),
    ctx.db
      .selectFrom('absences')
      .select(['user_id', 'start_on', 'end_on'])
      .where('programme_id', '=', p.id)
      .where('user_id', 'in', members)
      .where('cancelled_at', 'is', null)
      .where('end_on', '>=', day)
      .orderBy('start_on')
      .execute(),
  ]);
  return {
    members: people.map((m) => ({
      userId: m.id,
      name: m.name,
      absences: rows.filter((r) => r.user_id === m.id).map((r) => ({ startOn: r.start_on, endOn: r.end_on })),
    })),
  };
}
