import type { AppContext } from '../../context.ts';
import { newId } from '../../lib/ids.ts';

/**
 * Meeting records for the shared test world: a poll organised by the tutor with their tutee, one
 * availability rule and one uploaded calendar of the tutee, and a welcome day of the programme.
 */
export async function meetingsWorld(
  ctx: AppContext,
  w: { orgId: string; programmeId: string; tutorId: string; tuteeId: string },
) {
  const now = ctx.clock.now();
  const meetingId = newId();
  const optionId = newId();
  const start = new Date(now.getTime() + 7 * 86_400_000);
  await ctx.db
    .insertInto('meetings')
    .values({
      id: meetingId,
      org_id: w.orgId,
      programme_id: w.programmeId,
      organiser_id: w.tutorId,
      title: 'Rencontre de test',
      mode: 'in-person',
      place: 'Salle 1',
      video_url: null,
      guide_id: null,
      duration_minutes: 60,
      status: 'polling',
      starts_at: null,
      ends_at: null,
      ical_uid: `${meetingId}@compagnon`,
      sequence: 0,
      poll_expires_at: start.toISOString(),
      reminded_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  for (const [userId, token] of [
    [w.tutorId, null],
    [w.tuteeId, null],
  ] as const) {
    await ctx.db
      .insertInto('meeting_participants')
      .values({
        id: newId(),
        meeting_id: meetingId,
        user_id: userId,
        required: 0,
        poll_token_hash: token,
        answered_at: null,
        poll_reminded_at: null,
        attendance: null,
      })
      .execute();
  }
  await ctx.db
    .insertInto('meeting_options')
    .values({
      id: optionId,
      meeting_id: meetingId,
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 3_600_000).toISOString(),
    })
    .execute();
  const ruleId = newId();
  await ctx.db
    .insertInto('availability_rules')
    .values({
      id: ruleId,
      org_id: w.orgId,
      user_id: w.tuteeId,
      category: 'night-shift',
      kind: 'busy',
      pattern: 'weekly',
      weekdays: '[2]',
      nth: null,
      start_time: '18:30',
      end_time: '08:30',
      from_date: null,
      to_date: null,
      rest_after: 1,
      created_at: now.toISOString(),
    })
    .execute();
  const calendarId = newId();
  await ctx.db
    .insertInto('calendar_sources')
    .values({
      id: calendarId,
      org_id: w.orgId,
      user_id: w.tuteeId,
      kind: 'upload',
      label: 'Planning',
      url: null,
      busy: '[]',
      fetched_at: now.toISOString(),
      last_error: null,
      created_at: now.toISOString(),
    })
    .execute();
  const eventId = newId();
  await ctx.db
    .insertInto('programme_events')
    .values({
      id: eventId,
      org_id: w.orgId,
      programme_id: w.programmeId,
      title: 'Journée d’accueil',
      kind: 'welcome-day',
      starts_at: new Date(now.getTime() + 14 * 86_400_000).toISOString(),
      ends_at: new Date(now.getTime() + 14 * 86_400_000 + 8 * 3_600_000).toISOString(),
      busy: 1,
      created_by: w.tutorId,
      created_at: now.toISOString(),
    })
    .execute();
  return { meetingId, optionId, ruleId, calendarId, eventId };
}
