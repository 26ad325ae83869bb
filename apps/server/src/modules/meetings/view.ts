import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { MeetingTable } from '../../db/types.ts';
import type { UserActor } from '../../policy/actor.ts';
import { guideOfMeeting } from './guides.ts';
import { NUDGE_EVERY_HOURS, nudgeState } from './nudges.ts';
import { loadMeetingFor, type MeetingRole, orgZone } from './policy.ts';
import { optionsWithAnswers } from './polls.ts';
import { reportOf, reportOpen, reportReadable } from './reports.ts';
import { summaries } from './service.ts';

// One meeting as its viewer may see it: the meeting page.

type Meeting = MeetingTable;

function meetingActions(role: MeetingRole, m: Meeting, now: Date, reportVisible: boolean) {
  const organiser = role === 'organiser';
  const pollOpen = m.status === 'polling' && !!m.poll_expires_at && m.poll_expires_at > now.toISOString();
  return {
    answer: role === 'participant' && pollOpen,
    confirm: organiser && m.status === 'polling',
    edit: organiser && m.status !== 'cancelled',
    cancel: organiser && m.status !== 'cancelled',
    // A team meeting's report is written on the team's page (modules/teams).
    report: organiser && reportOpen(m, now) && !m.team_id,
    viewReport: reportVisible,
    nudge: organiser && pollOpen,
  };
}

/** A meeting's video link is for the people of the meeting: a coordinator who is not one reads null. */
async function videoUrlFor(db: Db, m: Meeting, role: MeetingRole, actorId: string) {
  if (!m.video_url || role !== 'coordinator') return m.video_url;
  const invited = await db
    .selectFrom('meeting_participants')
    .select('id')
    .where('meeting_id', '=', m.id)
    .where('user_id', '=', actorId)
    .executeTakeFirst();
  return invited ? m.video_url : null;
}

export async function getMeeting(ctx: AppContext, actor: UserActor, meetingId: string) {
  const { meeting: m, programme, role } = await loadMeetingFor(ctx, actor, meetingId);
  const [summary] = await summaries(ctx.db, [m]);
  const zone = await orgZone(ctx.db, m.org_id);
  const opts = await optionsWithAnswers(ctx.db, m.id);
  const now = ctx.clock.now();
  const guide = await guideOfMeeting(ctx.db, m, now);
  const report = await reportOf(ctx.db, m.id);
  const answered =
    role === 'organiser'
      ? (
          await ctx.db
            .selectFrom('meeting_participants')
            .select('user_id')
            .where('meeting_id', '=', m.id)
            .where('answered_at', 'is not', null)
            .where('user_id', '!=', m.organiser_id)
            .execute()
        ).map((r) => r.user_id)
      : null;
  const actions = meetingActions(role, m, now, reportReadable(m, role, report, programme));
  const nudge = actions.nudge ? await nudgeState(ctx.db, m, now) : null;
  return {
    ...(summary as NonNullable<typeof summary>),
    place: m.place,
    videoUrl: await videoUrlFor(ctx.db, m, role, actor.id),
    timeZone: zone,
    guide: guide
      ? {
          id: guide.id,
          title: guide.title,
          themes: guide.themes,
          // The guide's whole text is for the one who leads the meeting.
          body: role === 'organiser' ? guide.body : null,
        }
      : null,
    myRole: role,
    pollExpiresAt: m.poll_expires_at,
    options: opts.map((o) => ({
      id: o.option.id,
      start: o.option.starts_at,
      end: o.option.ends_at,
      counts: o.counts,
      myAnswer: o.answers.find((a) => a.userId === actor.id)?.answer ?? null,
      answers: role === 'organiser' ? o.answers : null,
    })),
    answered,
    nudge: nudge && {
      waiting: nudge.waiting,
      ready: nudge.ready,
      lastAt: nudge.lastAt,
      nextAt: nudge.nextAt,
      everyHours: NUDGE_EVERY_HOURS,
    },
    actions,
  };
}
