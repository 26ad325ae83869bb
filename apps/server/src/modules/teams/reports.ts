import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { notFound, refuse } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { orgZone } from '../meetings/policy.ts';
import { loadTeamFor } from './load.ts';
import { type TeamReportContent, teamReportContent } from './schema.ts';

// A team meeting (a meeting with `team_id`, scheduled by any member through the meetings' slot
// finder and poll) has a report grid of its own: cases discussed — a first name or « anonymisé »,
// never a surname —, decisions, follow-ups (who, what, by when). Any member writes it once the
// meeting started; the team's members read it, nobody else (the `teamReport` row): not the
// coordination, not tutees.

export async function teamMeetings(db: Db, teamId: string) {
  const rows = await db
    .selectFrom('meetings as m')
    .leftJoin('users as u', 'u.id', 'm.organiser_id')
    .leftJoin('team_meeting_reports as r', 'r.meeting_id', 'm.id')
    .select([
      'm.id',
      'm.title',
      'm.status',
      'm.starts_at',
      'm.organiser_id',
      'u.name',
      'r.meeting_id as reported',
    ])
    .where('m.team_id', '=', teamId)
    .where('m.status', '!=', 'cancelled')
    .orderBy('m.created_at', 'desc')
    .limit(50)
    .execute();
  return rows.map((m) => ({
    id: m.id,
    title: m.title,
    status: m.status,
    startsAt: m.starts_at,
    organiser: m.organiser_id ? { id: m.organiser_id, name: m.name ?? '' } : null,
    reported: m.reported !== null,
  }));
}

async function reportMeeting(ctx: AppContext, actor: UserActor, teamId: string, meetingId: string) {
  const t = await loadTeamFor(ctx, actor, teamId);
  if (!t.actions.readReports) throw notFound('meeting');
  const m = await ctx.db
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', meetingId)
    .where('team_id', '=', t.team.id)
    .executeTakeFirst();
  if (!m) throw notFound('meeting');
  const open =
    m.status === 'confirmed' && m.starts_at !== null && Date.parse(m.starts_at) <= ctx.clock.now().getTime();
  return { ...t, meeting: m, open };
}

export async function getTeamReport(ctx: AppContext, actor: UserActor, teamId: string, meetingId: string) {
  const { meeting: m, team, open, programme } = await reportMeeting(ctx, actor, teamId, meetingId);
  const r = await ctx.db
    .selectFrom('team_meeting_reports as r')
    .leftJoin('users as u', 'u.id', 'r.author_id')
    .select(['r.content', 'r.updated_at', 'r.author_id', 'u.name'])
    .where('r.meeting_id', '=', m.id)
    .where('r.team_id', '=', team.id)
    .executeTakeFirst();
  return {
    meetingId: m.id,
    title: m.title,
    startsAt: m.starts_at,
    timeZone: await orgZone(ctx.db, programme.org_id),
    open,
    content: r ? readJson(teamReportContent, r.content, 'team_meeting_reports.content') : null,
    updatedAt: r?.updated_at ?? null,
    author: r?.author_id ? { id: r.author_id, name: r.name ?? '' } : null,
  };
}

export async function saveTeamReport(
  ctx: AppContext,
  actor: UserActor,
  teamId: string,
  meetingId: string,
  content: TeamReportContent,
) {
  const { meeting: m, team, open, actions, programme } = await reportMeeting(ctx, actor, teamId, meetingId);
  if (!actions.write) throw refuse(409, 'team_dissolved');
  if (!open) throw refuse(409, 'team_report_before');
  const now = ctx.clock.now();
  const at = now.toISOString();
  const values = { author_id: actor.id, content: JSON.stringify(content), updated_at: at };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('team_meeting_reports')
      .values({ meeting_id: m.id, team_id: team.id, ...values })
      .onConflict((oc) => oc.column('meeting_id').doUpdateSet(values))
      .execute();
    await audit(trx, now, {
      orgId: programme.org_id,
      actorId: actor.id,
      action: 'team.report_saved',
      subjectType: 'meeting',
      subjectId: m.id,
    });
  });
  return getTeamReport(ctx, actor, teamId, meetingId);
}
