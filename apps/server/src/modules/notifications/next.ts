import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { UserActor } from '../../policy/actor.ts';
import { nonEmpty, scopeFor } from '../../policy/scope.ts';
import type { nextView } from './schema.ts';

const LIMIT = 5;

/**
 * The home page's "to do / coming up" list: the actor's next confirmed meetings, the polls waiting
 * for their answer, the reports they have to file, their unread notifications and, for
 * coordinators, the open alerts of each programme. Only the actor's own meetings, in the
 * programmes of their scope.
 */
export async function nextFor(ctx: AppContext, actor: UserActor): Promise<z.infer<typeof nextView>> {
  const scope = scopeFor(actor);
  const now = ctx.clock.now().toISOString();
  const mine = () => myMeetings(ctx, actor.id, scope.programmeIds);
  const [meetings, polls, reports, unread, alerts] = await Promise.all([
    mine()
      .where('m.status', '=', 'confirmed')
      .where('m.ends_at', '>', now)
      .orderBy('m.starts_at')
      .limit(LIMIT)
      .execute(),
    mine()
      .where('m.status', '=', 'polling')
      .where('m.poll_expires_at', '>', now)
      .where('mp.answered_at', 'is', null)
      .where('m.organiser_id', '!=', actor.id)
      .orderBy('m.poll_expires_at')
      .limit(LIMIT)
      .execute(),
    reportsToFile(mine(), actor.id, now),
    ctx.db
      .selectFrom('notifications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('user_id', '=', actor.id)
      .where('read_at', 'is', null)
      .executeTakeFirst(),
    openAlerts(ctx, scope.coordinatedProgrammeIds),
  ]);
  return {
    meetings: meetings.map(meetingItem),
    polls: polls.map((r) => ({
      ...meetingItem(r),
      start: null,
      expiresAt: r.poll_expires_at as string,
      organiser: r.organiser_name,
    })),
    reports: reports.map(meetingItem),
    unread: Number(unread?.n ?? 0),
    alerts: alerts.map((a) => ({
      programme: { id: a.id, name: a.name },
      open: Number(a.n),
      link: `/programmes/${a.id}/suivi`,
    })),
  };
}

/** The meetings the person takes part in, in live programmes of their scope. */
function myMeetings(ctx: AppContext, userId: string, programmeIds: readonly string[]) {
  return ctx.db
    .selectFrom('meetings as m')
    .innerJoin('meeting_participants as mp', 'mp.meeting_id', 'm.id')
    .innerJoin('programmes as p', 'p.id', 'm.programme_id')
    .innerJoin('organisations as o', 'o.id', 'm.org_id')
    .innerJoin('users as u', 'u.id', 'm.organiser_id')
    .select([
      'm.id',
      'm.title',
      'm.mode',
      'm.starts_at',
      'm.ends_at',
      'm.poll_expires_at',
      'p.id as programme_id',
      'p.name as programme_name',
      'o.time_zone',
      'u.name as organiser_name',
    ])
    .where('mp.user_id', '=', userId)
    .where('m.programme_id', 'in', nonEmpty(programmeIds))
    .where('p.archived_at', 'is', null);
}

type MyMeetings = ReturnType<typeof myMeetings>;
type MeetingRow = Awaited<ReturnType<MyMeetings['execute']>>[number];

/** Meetings the person organised, held, whose report is not filed. */
function reportsToFile(mine: MyMeetings, userId: string, now: string) {
  return mine
    .where('m.status', '=', 'confirmed')
    .where('m.organiser_id', '=', userId)
    .where('m.starts_at', '<=', now)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('meeting_reports as r')
            .select('r.meeting_id')
            .whereRef('r.meeting_id', '=', 'm.id')
            .where('r.status', '=', 'filed'),
        ),
      ),
    )
    .orderBy('m.starts_at')
    .limit(LIMIT)
    .execute();
}

/** Each live programme the person coordinates, with its number of open alerts. */
function openAlerts(ctx: AppContext, coordinatedProgrammeIds: readonly string[]) {
  return ctx.db
    .selectFrom('programmes as p')
    .leftJoin('followup_alerts as a', (j) =>
      j.onRef('a.programme_id', '=', 'p.id').on('a.state', '=', 'open'),
    )
    .select(['p.id', 'p.name', (eb) => eb.fn.count('a.id').as('n')])
    .where('p.id', 'in', nonEmpty(coordinatedProgrammeIds))
    .where('p.archived_at', 'is', null)
    .groupBy(['p.id', 'p.name'])
    .orderBy('p.name')
    .execute();
}

const meetingItem = (r: MeetingRow) => ({
  id: r.id,
  title: r.title,
  programme: { id: r.programme_id, name: r.programme_name },
  start: r.starts_at as string,
  end: r.ends_at,
  mode: r.mode,
  timeZone: r.time_zone,
  link: `/rencontres/${r.id}`,
});
