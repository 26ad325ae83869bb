import type { AppContext } from '../../context.ts';
import { sortByName } from '../../domain/collate.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { refuse } from '../../http/errors.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import { nonEmpty } from '../../policy/scope.ts';
import { currentPeriod } from '../followup/rules.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import type { ProgrammeRules } from '../programmes/templates.ts';
import { rulesOf } from '../programmes/templates.ts';
import { recordContact } from './contact-log.ts';

/**
 * Start of the period the programme's meeting target counts over: the same calendar period as the
 * follow-up alerts (month, quarter, training semester or academic year in the organisation's zone,
 * or the whole pairing), so the tutor's count and the alerts never disagree.
 */
function periodStart(
  per: ProgrammeRules['meetings']['per'],
  now: Date,
  zone: string,
  pairing: { publishedAt: string; durationMonths: number | null },
): string {
  return currentPeriod(per, now, zone, pairing).start;
}

/** Contacts logged with these tutees and the confirmed meetings they attended, newest first. */
function contactSources(ctx: AppContext, programmeId: string, tuteeIds: string[], now: Date) {
  return Promise.all([
    ctx.db
      .selectFrom('contact_logs')
      .select(['tutee_id', 'channel', 'happened_at', 'answered'])
      .where('programme_id', '=', programmeId)
      .where('tutee_id', 'in', nonEmpty(tuteeIds))
      .orderBy('happened_at', 'desc')
      .execute(),
    ctx.db
      .selectFrom('meetings')
      .innerJoin('meeting_participants', 'meeting_participants.meeting_id', 'meetings.id')
      .select(['meeting_participants.user_id', 'meetings.starts_at'])
      .where('meetings.programme_id', '=', programmeId)
      .where('meetings.status', '=', 'confirmed')
      .where('meetings.starts_at', '<=', now.toISOString())
      .where('meeting_participants.user_id', 'in', nonEmpty(tuteeIds))
      .where((eb) =>
        eb.or([
          eb('meeting_participants.attendance', 'is', null),
          eb('meeting_participants.attendance', '=', 'present'),
        ]),
      )
      .orderBy('meetings.starts_at', 'desc')
      .execute(),
  ]);
}

type Sources = Awaited<ReturnType<typeof contactSources>>;

/** One pair's row: last contact, counts since the period's start, and whether contact is overdue. */
function contactRow(
  x: {
    tutee_user_id: string;
    tutor_user_id: string;
    created_at: string;
    tutee_name: string;
    tutor_name: string;
  },
  [logs, attended]: Sources,
  from: string,
  every: number | null,
  now: Date,
) {
  const mine = logs.filter((l) => l.tutee_id === x.tutee_user_id);
  // Attempts that got no answer are not contacts; those since the last contact are counted.
  const myLogs = mine.filter((l) => l.answered === 1);
  const myMeetings = attended.filter((a) => a.user_id === x.tutee_user_id);
  const lastLog = myLogs[0];
  const lastMeeting = myMeetings[0]?.starts_at ?? null;
  const last =
    lastLog && (!lastMeeting || lastLog.happened_at > lastMeeting)
      ? { at: lastLog.happened_at, channel: lastLog.channel }
      : lastMeeting
        ? { at: lastMeeting, channel: 'meeting' }
        : null;
  const overdue =
    every !== null &&
    (last
      ? Date.parse(last.at) < now.getTime() - every * 86_400_000
      : Date.parse(x.created_at) < now.getTime() - every * 86_400_000);
  return {
    tutee: { id: x.tutee_user_id, name: x.tutee_name },
    tutor: { id: x.tutor_user_id, name: x.tutor_name },
    lastContactAt: last?.at ?? null,
    lastChannel: last?.channel ?? null,
    meetingsInPeriod: myMeetings.filter((a) => (a.starts_at as string) >= from).length,
    contactsInPeriod: myLogs.filter((l) => l.happened_at >= from).length,
    overdue,
    unansweredAttempts: mine.filter((l) => l.answered === 0 && (!last || l.happened_at > last.at)).length,
  };
}

/**
 * Per tutee (a tutor's own, or every pair for a coordinator): the last contact — a logged call, SMS,
 * e-mail or informal meeting, or a meeting they attended — and progress toward the meeting target.
 */
export async function contactOverview(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  const rules = rulesOf(p);
  const coordinator = managesProgramme(actor, p, 'read');
  let q = ctx.db
    .selectFrom('pairings')
    .innerJoin('users as tutee', 'tutee.id', 'pairings.tutee_user_id')
    .innerJoin('users as tutor', 'tutor.id', 'pairings.tutor_user_id')
    .select([
      'pairings.tutee_user_id',
      'pairings.tutor_user_id',
      'pairings.created_at',
      'tutee.name as tutee_name',
      'tutor.name as tutor_name',
    ])
    .where('pairings.programme_id', '=', p.id)
    .where('pairings.state', 'in', LIVE_PAIRING_STATES);
  if (!coordinator) q = q.where('pairings.tutor_user_id', '=', actor.id);
  const pairs = sortByName(await q.execute(), (x) => x.tutee_name);
  const now = ctx.clock.now();
  const sources = await contactSources(
    ctx,
    p.id,
    pairs.map((x) => x.tutee_user_id),
    now,
  );
  const per = rules.meetings?.per ?? 'year';
  const zone = (
    await ctx.db
      .selectFrom('organisations')
      .select('time_zone')
      .where('id', '=', p.org_id)
      .executeTakeFirstOrThrow()
  ).time_zone;
  const every = rules.contactEveryDays ?? null;
  return {
    target: rules.meetings?.target ?? 0,
    per,
    contactEveryDays: every,
    rows: pairs.map((x) => {
      const from = periodStart(per, now, zone, {
        publishedAt: x.created_at,
        durationMonths: rules.durationMonths ?? null,
      });
      return contactRow(x, sources, from, every, now);
    }),
    actions: { log: managesProgramme(actor, p, 'write') || rolesIn(actor, p.id).has('tutor') },
  };
}

export async function logContact(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: { tuteeId: string; channel: string; happenedAt?: string; answered?: boolean },
) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  const coordinator = managesProgramme(actor, p, 'write');
  if (!coordinator && !rolesIn(actor, p.id).has('tutor'))
    throw refuse(403, 'forbidden', { variant: 'not_a_tutor' });
  let q = ctx.db
    .selectFrom('pairings')
    .select('id')
    .where('programme_id', '=', p.id)
    .where('tutee_user_id', '=', body.tuteeId)
    .where('state', 'in', LIVE_PAIRING_STATES);
  if (!coordinator) q = q.where('tutor_user_id', '=', actor.id);
  if (!(await q.executeTakeFirst())) {
    throw refuse(400, 'not_your_tutee');
  }
  const now = ctx.clock.now();
  return ctx.db.transaction().execute((trx) =>
    recordContact(trx, {
      orgId: p.org_id,
      programmeId: p.id,
      authorId: actor.id,
      tuteeId: body.tuteeId,
      channel: body.channel,
      happenedAt: body.happenedAt ? new Date(Date.parse(body.happenedAt)) : now,
      answered: body.answered !== false,
      recordedAt: now,
    }),
  );
}
