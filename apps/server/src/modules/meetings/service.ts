import { DateTime } from 'luxon';
import type { z } from 'zod';
import { compute, computeOr } from '../../compute/pool.ts';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { MeetingTable } from '../../db/types.ts';
import { sortByName } from '../../domain/collate.ts';
import { refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import { coveredTutees } from '../absences/queries.ts';
import { requireSignedCharters } from '../agreements/gate.ts';
import { audit } from '../audit/service.ts';
import { timeSourcesOf } from '../availability/times.ts';
import { coachingPartnersToInvite } from '../coaching/meetings-gate.ts';
import { alertsMayChange } from '../followup/reevaluate.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import { checkTeamMeeting, teammatesToInvite } from '../teams/meetings-gate.ts';
import { chosenGuide, guideChoices } from './guides.ts';
import { checkInterviewPlan } from './interview.ts';
import { INTERVIEW, INTERVIEW_TITLE } from './interview-schema.ts';
import { names } from './names.ts';
import { meetingNotices } from './notices.ts';
import { orgZone, tuteesOf } from './policy.ts';
import { enqueuePolls } from './polls.ts';
import type { meetingBody, slotsBody } from './schema.ts';

type Meeting = MeetingTable;
type ProgrammeRef = { id: string; org_id: string; archived_at: string | null };
export const POLL_MAX_DAYS = 30;
/** A slot search still running after this long is stopped and the organiser told to narrow it. */
export const SLOT_SEARCH_BUDGET_MS = 10_000;

const isoZ = (d: DateTime | Date) =>
  (d instanceof Date ? DateTime.fromJSDate(d) : d).toUTC().toISO({ suppressMilliseconds: true }) as string;

/**
 * Who the actor may invite in a programme: a coordinator anyone of it (a programme-wide session),
 * a tutor their live tutees, and the tutees they stand in for while those tutees' tutor is away
 * (modules/absences, from the absence's first day to its last). Null when they may not organise
 * meetings there.
 */
async function invitable(ctx: AppContext, actor: UserActor, programme: ProgrammeRef) {
  // An archived programme organises nothing more: its managers no longer invite.
  if (managesProgramme(actor, programme, 'write')) {
    const rows = await ctx.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.id', 'users.name', 'memberships.role'])
      .where('memberships.programme_id', '=', programme.id)
      .where('memberships.ended_at', 'is', null)
      .where('users.id', '!=', actor.id)
      .execute();
    const seen = new Map<string, { id: string; name: string; role: string }>();
    for (const r of rows) if (!seen.has(r.id)) seen.set(r.id, r);
    return sortByName([...seen.values()], (r) => r.name);
  }
  // A live member of a tutor team invites their teammates too (modules/teams), and a coach and the
  // new tutor they coach each other (modules/coaching).
  const mates = [
    ...(await teammatesToInvite(ctx.db, programme.id, actor.id)),
    ...(await coachingPartnersToInvite(ctx.db, programme.id, actor.id)),
  ];
  // A backup invites the tutees they cover while the absence runs (modules/absences).
  const covered = await coveredTutees(ctx.db, programme, actor.id, ctx.clock.now());
  const tutees = rolesIn(actor, programme.id).has('tutor')
    ? [...new Set([...(await tuteesOf(ctx.db, programme.id, actor.id)), ...covered])]
    : [];
  if (tutees.length === 0 && mates.length === 0) return null;
  const people = await names(ctx.db, tutees);
  return sortByName(
    [...tutees.map((id) => ({ id, name: people.get(id)?.name ?? '', role: 'tutee' })), ...mates],
    (r) => r.name,
  );
}

async function checkInvitees(ctx: AppContext, actor: UserActor, programme: ProgrammeRef, ids: string[]) {
  const allowed = await invitable(ctx, actor, programme);
  if (!allowed) throw refuse(403, 'forbidden', { variant: 'not_organiser' });
  const ok = new Set(allowed.map((p) => p.id));
  const outside = ids.filter((id) => id !== actor.id && !ok.has(id));
  if (outside.length > 0) {
    throw refuse(400, 'not_invitable');
  }
}

export async function programmeMeetings(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  const coordinator = managesProgramme(actor, p, 'read');
  let q = ctx.db.selectFrom('meetings').selectAll().where('programme_id', '=', p.id);
  if (!coordinator) {
    q = q.where((eb) =>
      eb.or([
        eb('organiser_id', '=', actor.id),
        eb(
          'id',
          'in',
          eb.selectFrom('meeting_participants').select('meeting_id').where('user_id', '=', actor.id),
        ),
      ]),
    );
  }
  const rows = await q.orderBy('created_at', 'desc').limit(200).execute();
  const candidates = (await invitable(ctx, actor, p)) ?? [];
  const unit = rulesOf(p).unit;
  // A coordinator picks; a tutor starts with one tutee where the programme pairs, the group where it groups.
  const tutees = managesProgramme(actor, p, 'write') ? [] : candidates.filter((c) => c.role === 'tutee');
  const defaults = {
    unit,
    participantIds: (unit === 'group' ? tutees : tutees.slice(0, 1)).map((c) => c.id),
  };
  return {
    timeZone: await orgZone(ctx.db, p.org_id),
    meetings: await summaries(ctx.db, rows),
    candidates,
    defaults,
    guides: await guideChoices(ctx.db, p.org_id, ctx.clock.now()),
    actions: {
      create: candidates.length > 0,
      createEvent: managesProgramme(actor, p, 'write'),
      // The yearly tutored interview: a tutor's, with one of their tutees, where there is a portfolio.
      createInterview:
        !p.archived_at && rulesOf(p).portfolioEnabled && (await tuteesOf(ctx.db, p.id, actor.id)).size > 0,
    },
  };
}

/** Each meeting as the lists show it: its people (sorted by name), its time, its report's state. */
export async function summaries(db: Db, rows: Meeting[]) {
  if (rows.length === 0) return [];
  const ids = rows.map((m) => m.id);
  const [parts, reports] = await Promise.all([
    db
      .selectFrom('meeting_participants')
      .innerJoin('users', 'users.id', 'meeting_participants.user_id')
      .select([
        'meeting_participants.meeting_id',
        'users.id',
        'users.name',
        'meeting_participants.attendance',
      ])
      .where('meeting_participants.meeting_id', 'in', ids)
      .execute()
      .then((all) => sortByName(all, (x) => x.name)),
    db
      .selectFrom('meeting_reports')
      .select(['meeting_id', 'status'])
      .where('meeting_id', 'in', ids)
      .execute(),
  ]);
  const organisers = await names(db, [...new Set(rows.map((m) => m.organiser_id))]);
  return rows.map((m) => ({
    id: m.id,
    programmeId: m.programme_id,
    kind: m.kind as 'meeting' | 'tutored-interview',
    title: m.title,
    mode: m.mode as 'in-person' | 'video' | 'phone',
    status: m.status as 'polling' | 'confirmed' | 'cancelled',
    start: m.starts_at,
    end: m.ends_at,
    durationMinutes: m.duration_minutes,
    organiser: { id: m.organiser_id, name: organisers.get(m.organiser_id)?.name ?? '' },
    participants: parts
      .filter((x) => x.meeting_id === m.id && x.id !== m.organiser_id)
      .map((x) => ({
        id: x.id,
        name: x.name,
        attendance: x.attendance as 'present' | 'excused' | 'absent' | null,
      })),
    reportStatus: (reports.find((r) => r.meeting_id === m.id)?.status ?? 'none') as
      | 'none'
      | 'draft'
      | 'filed',
  }));
}

/** Ranks candidate slots for the people asked (the organiser always included and required). */
export async function slotsFor(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: z.infer<typeof slotsBody>,
) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  await checkInvitees(ctx, actor, p, body.participantIds);
  const zone = await orgZone(ctx.db, p.org_id);
  const now = DateTime.fromJSDate(ctx.clock.now());
  const start = DateTime.max(
    DateTime.fromISO(body.from, { zone }).startOf('day'),
    now.plus({ hours: 1 }).startOf('hour'),
  );
  const end = DateTime.fromISO(body.to, { zone }).plus({ days: 1 }).startOf('day');
  if (end.diff(start, 'days').days > 92) {
    throw refuse(400, 'window_too_long');
  }
  if (end <= start) throw refuse(400, 'window_past');
  const ids = [actor.id, ...body.participantIds.filter((id) => id !== actor.id)];
  const required = new Set([actor.id, ...body.requiredIds]);
  const range = { from: isoZ(start), to: isoZ(end), zone };
  const sources = await timeSourcesOf(ctx.db, p.org_id, p.id, ids, range);
  // Rules expanded and slots ranked on a worker thread: a programme-wide search takes a while.
  const result = await computeOr(
    compute(
      'slotSearch',
      {
        sources,
        userIds: ids,
        range,
        required: [...required],
        search: {
          timeZone: zone,
          window: { start: range.from, end: range.to },
          durationMinutes: body.durationMinutes,
          stepMinutes: 30,
          dayHours: { start: body.dayStart, end: body.dayEnd },
          limit: body.limit,
        },
      },
      SLOT_SEARCH_BUDGET_MS,
    ),
    () => refuse(422, 'slot_search_too_long', { seconds: SLOT_SEARCH_BUDGET_MS / 1000 }),
  );
  const people = await names(ctx.db, ids);
  return {
    timeZone: zone,
    people: ids.map((id) => ({ id, name: people.get(id)?.name ?? '' })),
    slots: result.slots.map((s) => ({
      ...s,
      start: isoZ(DateTime.fromISO(s.start)),
      end: isoZ(DateTime.fromISO(s.end)),
    })),
  };
}

type NewPoll = {
  id: string;
  programme: ProgrammeRef;
  organiserId: string;
  body: z.infer<typeof meetingBody>;
  invitees: string[];
  required: Set<string>;
  /** The proposed start times, in milliseconds, sorted. */
  starts: number[];
  /** When the poll closes, in milliseconds. */
  expires: number;
  now: Date;
};

/**
 * A polling meeting's rows: the meeting, its organiser (who has answered), each invited person
 * and each proposed time. Returns the participant ids of the invited people, to be polled.
 */
async function insertPoll(trx: Db, poll: NewPoll): Promise<string[]> {
  const { id, programme, organiserId, body, invitees, required, starts, expires, now } = poll;
  const polled: string[] = [];
  await trx
    .insertInto('meetings')
    .values({
      id,
      org_id: programme.org_id,
      programme_id: programme.id,
      organiser_id: organiserId,
      kind: body.kind,
      title: body.title ?? INTERVIEW_TITLE,
      mode: body.mode,
      place: body.place,
      video_url: body.videoUrl,
      guide_id: body.guideId,
      duration_minutes: body.durationMinutes,
      status: 'polling',
      starts_at: null,
      ends_at: null,
      ical_uid: `${id}@compagnon`,
      sequence: 0,
      poll_expires_at: new Date(expires).toISOString(),
      reminded_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
      team_id: body.teamId,
    })
    .execute();
  await trx
    .insertInto('meeting_participants')
    .values({
      id: newId(),
      meeting_id: id,
      user_id: organiserId,
      required: 1,
      poll_token_hash: null,
      answered_at: now.toISOString(),
      poll_reminded_at: null,
      attendance: null,
    })
    .execute();
  for (const u of invitees) {
    const pid = newId();
    polled.push(pid);
    await trx
      .insertInto('meeting_participants')
      .values({
        id: pid,
        meeting_id: id,
        user_id: u,
        required: required.has(u) ? 1 : 0,
        poll_token_hash: null,
        answered_at: null,
        poll_reminded_at: null,
        attendance: null,
      })
      .execute();
  }
  for (const s of starts) {
    await trx
      .insertInto('meeting_options')
      .values({
        id: newId(),
        meeting_id: id,
        starts_at: new Date(s).toISOString(),
        ends_at: new Date(s + body.durationMinutes * 60_000).toISOString(),
      })
      .execute();
  }
  return polled;
}

export async function createMeeting(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: z.infer<typeof meetingBody>,
) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (p.archived_at) throw refuse(403, 'forbidden', { variant: 'archived' });
  if (body.kind === INTERVIEW) await checkInterviewPlan(ctx, actor, p, body.participantIds);
  await checkInvitees(ctx, actor, p, body.participantIds);
  if (body.teamId) await checkTeamMeeting(ctx.db, p.id, actor.id, body.teamId, body.participantIds);
  // A pair among the people meets once its charter is signed, where the programme asks for one.
  await requireSignedCharters(ctx.db, p, [actor.id, ...body.participantIds]);
  const now = ctx.clock.now();
  const guideId = await chosenGuide(ctx.db, p.org_id, body.guideId, now);
  const starts = [...new Set(body.options.map((o) => Date.parse(o.start)))].sort((a, b) => a - b);
  if ((starts[0] as number) <= now.getTime()) {
    throw refuse(400, 'option_past');
  }
  const id = newId();
  const invitees = [...new Set(body.participantIds.filter((u) => u !== actor.id))];
  const required = new Set(body.requiredIds);
  const expires = Math.min(starts.at(-1) as number, now.getTime() + POLL_MAX_DAYS * 86_400_000);
  await ctx.db.transaction().execute(async (trx) => {
    const polled = await insertPoll(trx, {
      id,
      programme: p,
      organiserId: actor.id,
      body: { ...body, guideId },
      invitees,
      required,
      starts,
      expires,
      now,
    });
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'meeting.poll_created',
      subjectType: 'meeting',
      subjectId: id,
    });
    // Each invited person's link goes out as a job: a mail server down delays it, never loses it.
    await enqueuePolls(trx, polled, now);
    await meetingNotices(
      trx,
      now,
      { id, org_id: p.org_id, title: body.title ?? INTERVIEW_TITLE, starts_at: null },
      invitees,
      'poll',
    );
    // A poll sent is the pair's activity: a "stuck" alert clears at once.
    await alertsMayChange(trx, p.id, now);
  });
  return id;
}
