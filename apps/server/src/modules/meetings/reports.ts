import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { sortByName } from '../../domain/collate.ts';
import { refuse } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import {
  portfolioReadable,
  type ReportVisibility,
  reportContentReadable,
} from '../../policy/confidentiality.ts';
import { auditRead } from '../audit/reads.ts';
import { audit } from '../audit/service.ts';
import { alertsMayChange } from '../followup/reevaluate.ts';
import { rulesOf } from '../programmes/templates.ts';
import { guideOfMeeting } from './guides.ts';
import { interviewContent, interviewPart, tellFiled, voidStaleSignatures } from './interview-report.ts';
import { INTERVIEW } from './interview-schema.ts';
import { loadMeetingFor, type MeetingRole, orgZone, relationOf } from './policy.ts';
import { type reportBody, reportContent } from './schema.ts';

type Content = z.infer<typeof reportContent>;

/** A report's visibility as stored on it (0/1 columns). */
export const visibilityColumns = (v: ReportVisibility) => ({
  visible_to_tutee: v.tutee ? 1 : 0,
  visible_to_coordinator: v.coordinator ? 1 : 0,
});

/**
 * Who reads a meeting's report: a filed report keeps the visibility it was filed with; a draft, or a
 * report not written yet, will be filed under the programme's rule as it stands.
 */
export function visibilityOf(
  report: { status: string; visible_to_tutee: number; visible_to_coordinator: number } | undefined,
  programme: { rules: string },
): ReportVisibility {
  if (report?.status === 'filed')
    return { tutee: report.visible_to_tutee === 1, coordinator: report.visible_to_coordinator === 1 };
  return rulesOf(programme).reportVisibility;
}

/**
 * Whether the viewer reads a report's content. A tutored interview's report is a portfolio record:
 * its tutor and its resident read it, never the coordination, whatever the programme's rule.
 */
export function reportReadable(
  m: { kind: string; team_id?: string | null },
  role: MeetingRole,
  report: Parameters<typeof visibilityOf>[0],
  programme: { rules: string },
) {
  if (m.kind === INTERVIEW) return portfolioReadable(relationOf(role));
  // A team meeting's report is the team's own grid, on the team's page (modules/teams/reports.ts).
  if (m.team_id) return false;
  return reportContentReadable(relationOf(role), visibilityOf(report, programme));
}

/** A report (draft or filed) and attendance are written from the meeting's start, never before. */
export const reportOpen = (m: { status: string; starts_at: string | null }, now: Date) =>
  m.status === 'confirmed' && m.starts_at !== null && new Date(m.starts_at).getTime() <= now.getTime();

export const reportOf = (db: Db, meetingId: string) =>
  db.selectFrom('meeting_reports').selectAll().where('meeting_id', '=', meetingId).executeTakeFirst();

export async function getReport(ctx: AppContext, actor: UserActor, meetingId: string) {
  const { meeting: m, programme, role } = await loadMeetingFor(ctx, actor, meetingId);
  const open = reportOpen(m, ctx.clock.now());
  const [report, parts, zone] = await Promise.all([
    reportOf(ctx.db, m.id),
    ctx.db
      .selectFrom('meeting_participants')
      .innerJoin('users', 'users.id', 'meeting_participants.user_id')
      .select(['users.id', 'users.name', 'meeting_participants.attendance'])
      .where('meeting_participants.meeting_id', '=', m.id)
      .execute()
      .then((all) => sortByName(all, (x) => x.name)),
    orgZone(ctx.db, m.org_id),
  ]);
  // Report content as the confidentiality table and the report's own visibility say.
  const visible = reportReadable(m, role, report, programme);
  const interview = m.kind === INTERVIEW;
  // Draft content stays with its author until it is filed.
  const readable = visible && (role === 'organiser' || report?.status === 'filed');
  let content: Content | null = null;
  if (readable && !interview) {
    if (report) {
      content = readJson(reportContent, report.content, 'meeting_reports.content');
      // The report is the shared record of the people who met: a reader who was not among them
      // (a coordinator, an administrator) reads the records of everyone who was.
      if (!parts.some((x) => x.id === actor.id)) {
        await auditRead(ctx.db, ctx.clock.now(), {
          orgId: m.org_id,
          actor,
          subjectPersonIds: parts.map((x) => x.id),
          kind: 'report',
          recordType: 'meeting',
          recordId: m.id,
          programmeId: m.programme_id,
        });
      }
    } else if (role === 'organiser' && open) {
      const guide = await guideOfMeeting(ctx.db, m, ctx.clock.now());
      content = {
        place: m.place ?? (m.video_url ? 'Visio' : ''),
        themes: guide ? guide.themes.map((t) => `- ${t}`).join('\n') : '',
        problems: '',
        conclusions: '',
        remarks: '',
        nextMeetingDate: null,
      };
    }
  }
  return {
    status: (report?.status ?? 'none') as 'none' | 'draft' | 'filed',
    date: m.starts_at,
    timeZone: zone,
    // Nothing is shown as recorded before a report records it: no default attendance or duration.
    durationMinutes: report?.duration_minutes ?? null,
    plannedMinutes: m.duration_minutes,
    attendance: parts.map((p) => ({
      userId: p.id,
      name: p.name,
      status: (report ? p.attendance : null) as 'present' | 'excused' | 'absent' | null,
    })),
    content,
    contentVisible: readable,
    filedAt: report?.filed_at ?? null,
    actions: { edit: role === 'organiser' && open },
    kind: interview ? ('tutored-interview' as const) : ('meeting' as const),
    interview: interview ? await interviewPart(ctx, m, role, report, readable, open) : null,
  };
}

export async function saveReport(
  ctx: AppContext,
  actor: UserActor,
  meetingId: string,
  body: z.infer<typeof reportBody>,
) {
  const { meeting: m, programme } = await loadMeetingFor(ctx, actor, meetingId, 'report');
  if (m.team_id) throw refuse(409, 'team_meeting_report');
  if (m.status !== 'confirmed') throw refuse(409, 'not_confirmed');
  if (!reportOpen(m, ctx.clock.now())) throw refuse(409, 'report_before_start');
  const now = ctx.clock.now().toISOString();
  const existing = await reportOf(ctx.db, m.id);
  const filed = body.file || existing?.status === 'filed';
  const interview =
    m.kind === INTERVIEW ? await interviewContent(ctx.db, m, existing, body.interview, filed) : null;
  await ctx.db.transaction().execute(async (trx) => {
    for (const a of body.attendance) {
      await trx
        .updateTable('meeting_participants')
        .set({ attendance: a.status })
        .where('meeting_id', '=', m.id)
        .where('user_id', '=', a.userId)
        .execute();
    }
    const values = {
      author_id: actor.id,
      status: filed ? 'filed' : 'draft',
      duration_minutes: body.durationMinutes,
      content: interview ? interview.content : JSON.stringify(body.content),
      updated_at: now,
      filed_at: filed ? (existing?.filed_at ?? now) : null,
    };
    // Who reads it is fixed at filing: once filed, editing the report never changes it. An
    // interview's report is the resident's and their tutor's.
    const visibility = visibilityColumns(
      interview ? { tutee: true, coordinator: false } : rulesOf(programme).reportVisibility,
    );
    if (existing)
      await trx
        .updateTable('meeting_reports')
        .set(existing.status === 'filed' ? values : { ...values, ...visibility })
        .where('meeting_id', '=', m.id)
        .execute();
    else
      await trx
        .insertInto('meeting_reports')
        .values({ meeting_id: m.id, ...values, ...visibility })
        .execute();
    if (interview) await voidStaleSignatures(trx, m, existing, interview.record, interview.residentId);
    if (interview && filed && existing?.status !== 'filed')
      await tellFiled(trx, m, interview.residentId, actor.name, ctx.clock.now());
    await audit(trx, ctx.clock.now(), {
      orgId: m.org_id,
      actorId: actor.id,
      action: filed ? 'meeting.report_filed' : 'meeting.report_draft',
      subjectType: 'meeting',
      subjectId: m.id,
    });
    if (m.programme_id) await alertsMayChange(trx, m.programme_id, ctx.clock.now());
  });
  return getReport(ctx, actor, meetingId);
}
