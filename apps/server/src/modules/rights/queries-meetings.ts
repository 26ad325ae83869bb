import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import { reportContentReadable } from '../../policy/confidentiality.ts';
import { visibilityOf } from '../meetings/reports.ts';
import { reportContent } from '../meetings/schema.ts';

/**
 * The meetings a person takes part in, with their poll answers and the report as far as they may
 * read it.
 */
export async function meetingData(db: Db, userId: string) {
  const meetingRows = await meetingsOf(db, userId);
  const { participants, answers, reports } = await meetingDetails(db, meetingRows);
  return meetingRows.map((m) => {
    const report = reports.find((r) => r.meeting_id === m.id);
    const wrote = report?.author_id === userId;
    // The tutee reads a filed report's content when it was filed readable by them; its author always does.
    const readable =
      !!report &&
      (wrote || (report.status === 'filed' && reportContentReadable('self', visibilityOf(report, m))));
    return {
      programme: m.programme,
      title: m.title,
      organisedByYou: m.organiser_id === userId,
      mode: m.mode,
      place: m.place,
      status: m.status,
      startsAt: m.starts_at,
      endsAt: m.ends_at,
      durationMinutes: m.duration_minutes,
      participants: participants.filter((p) => p.meeting_id === m.id).map((p) => p.name),
      yourAttendance: m.attendance,
      pollAnswers: answers
        .filter((a) => a.meeting_id === m.id)
        .map((a) => ({ option: a.starts_at, answer: a.answer, answeredAt: a.answered_at })),
      report: report
        ? {
            writtenByYou: wrote,
            status: report.status,
            durationMinutes: report.duration_minutes,
            filedAt: report.filed_at,
            content: readable ? readJson(reportContent, report.content, 'meeting_reports.content') : null,
          }
        : null,
    };
  });
}

/** The contact log entries the person wrote or that are about them. */
export async function contactLogData(db: Db, userId: string) {
  const contacts = await db
    .selectFrom('contact_logs')
    .innerJoin('programmes', 'programmes.id', 'contact_logs.programme_id')
    .innerJoin('users as tutee', 'tutee.id', 'contact_logs.tutee_id')
    .select([
      'programmes.name as programme',
      'contact_logs.author_id',
      'tutee.name as tutee',
      'contact_logs.channel',
      'contact_logs.answered',
      'contact_logs.happened_at',
    ])
    .where((eb) => eb.or([eb('author_id', '=', userId), eb('tutee_id', '=', userId)]))
    .orderBy('happened_at')
    .execute();
  return contacts.map((c) => ({
    programme: c.programme,
    loggedByYou: c.author_id === userId,
    about: c.tutee,
    channel: c.channel,
    answered: c.answered === 1,
    at: c.happened_at,
  }));
}

/** The person's meetings, each with their own participation (attendance, poll answered). */
function meetingsOf(db: Db, userId: string) {
  return db
    .selectFrom('meeting_participants')
    .innerJoin('meetings', 'meetings.id', 'meeting_participants.meeting_id')
    .innerJoin('programmes', 'programmes.id', 'meetings.programme_id')
    .select([
      'meetings.id',
      'meetings.org_id',
      'programmes.name as programme',
      'programmes.rules',
      'meetings.organiser_id',
      'meetings.title',
      'meetings.mode',
      'meetings.place',
      'meetings.status',
      'meetings.starts_at',
      'meetings.ends_at',
      'meetings.duration_minutes',
      'meeting_participants.id as participant_id',
      'meeting_participants.attendance',
      'meeting_participants.answered_at',
    ])
    .where('meeting_participants.user_id', '=', userId)
    .orderBy('meetings.created_at')
    .execute();
}

/** Those meetings' participants' names, the person's poll answers and the reports. */
async function meetingDetails(db: Db, meetingRows: { id: string; participant_id: string }[]) {
  const meetingIds = meetingRows.map((m) => m.id);
  const [participants, answers, reports] = meetingIds.length
    ? await Promise.all([
        db
          .selectFrom('meeting_participants')
          .innerJoin('users', 'users.id', 'meeting_participants.user_id')
          .select(['meeting_participants.meeting_id', 'users.name'])
          .where('meeting_participants.meeting_id', 'in', meetingIds)
          .orderBy('users.name')
          .execute(),
        db
          .selectFrom('poll_answers')
          .innerJoin('meeting_options', 'meeting_options.id', 'poll_answers.option_id')
          .select([
            'meeting_options.meeting_id',
            'meeting_options.starts_at',
            'poll_answers.answer',
            'poll_answers.answered_at',
          ])
          .where(
            'poll_answers.participant_id',
            'in',
            meetingRows.map((m) => m.participant_id),
          )
          .execute(),
        db.selectFrom('meeting_reports').selectAll().where('meeting_id', 'in', meetingIds).execute(),
      ])
    : [[], [], []];
  return { participants, answers, reports };
}
