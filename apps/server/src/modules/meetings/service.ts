import { findSlots } from '@compagnon/engine';
import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { MeetingTable } from '../../db/types.ts';
import { AppError, badRequest, conflict, forbidden, notFound } from '../../http/errors.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import { reportContentReadable } from '../../policy/confidentiality.ts';
import { audit } from '../audit/service.ts';
import { busyTimes } from '../availability/times.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { LIVE_PAIRING, loadMeetingFor, type MeetingRole, orgZone, relationOf, tuteesOf } from './access.ts';
import { guideById, guides } from './guides.ts';
import { calendarText, type IcsMeeting } from './ics.ts';
import { invitationMail, pollMail, when } from './messages.ts';
import type { answersBody, meetingBody, meetingPatch, slotsBody } from './schema.ts';

type Meeting = MeetingTable;
type ProgrammeRef = { id: string; org_id: string; archived_at: string | null };
export const POLL_MAX_DAYS = 30;

const isoZ = (d: DateTime | Date) =>
  (d instanceof Date ? DateTime.fromJSDate(d) : d).toUTC().toISO({ suppressMilliseconds: true }) as string;

async function names(db: Db, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; name: string; email: string; locale: string }>();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name', 'email', 'locale'])
    .where('id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Who the actor may invite in a programme: a coordinator anyone of it (a programme-wide session),
 * a tutor their live tutees. Null when they may not organise meetings there.
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
      .orderBy('users.name')
      .execute();
    const seen = new Map<string, { id: string; name: string; role: string }>();
    for (const r of rows) if (!seen.has(r.id)) seen.set(r.id, r);
    return [...seen.values()];
  }
  if (!rolesIn(actor, programme.id).has('tutor')) return null;
  const tutees = [...(await tuteesOf(ctx.db, programme.id, actor.id))];
  if (tutees.length === 0) return null;
  const people = await names(ctx.db, tutees);
  return tutees
    .map((id) => ({ id, name: people.get(id)?.name ?? '', role: 'tutee' }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function checkInvitees(ctx: AppContext, actor: UserActor, programme: ProgrammeRef, ids: string[]) {
  const allowed = await invitable(ctx, actor, programme);
  if (!allowed) throw forbidden('Only a tutor or a coordinator of this programme organises meetings.');
  const ok = new Set(allowed.map((p) => p.id));
  const outside = ids.filter((id) => id !== actor.id && !ok.has(id));
  if (outside.length > 0) {
    throw badRequest(
      'not_invitable',
      'Certaines personnes ne font pas partie de vos tutorés dans ce programme.',
      {
        messageEn: 'Some people are not among your tutees in this programme.',
      },
    );
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
  return {
    timeZone: await orgZone(ctx.db, p.org_id),
    meetings: await summaries(ctx.db, rows),
    candidates,
    guides: guides.map((g) => ({ id: g.id, title: g.title, when: g.when, themes: g.themes })),
    actions: { create: candidates.length > 0, createEvent: managesProgramme(actor, p, 'write') },
  };
}

async function summaries(db: Db, rows: Meeting[]) {
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
      .orderBy('users.name')
      .execute(),
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
    throw badRequest('window_too_long', 'Cherchez sur trois mois au plus.', {
      messageEn: 'Search three months at most.',
    });
  }
  if (end <= start)
    throw badRequest('window_past', 'Cette période est passée.', {
      messageEn: 'This window is in the past.',
    });
  const ids = [actor.id, ...body.participantIds.filter((id) => id !== actor.id)];
  const required = new Set([actor.id, ...body.requiredIds]);
  const times = await busyTimes(ctx.db, p.org_id, p.id, ids, { from: isoZ(start), to: isoZ(end), zone });
  const result = findSlots({
    timeZone: zone,
    window: { start: isoZ(start), end: isoZ(end) },
    durationMinutes: body.durationMinutes,
    stepMinutes: 30,
    dayHours: { start: body.dayStart, end: body.dayEnd },
    participants: ids.map((id) => ({ id, required: required.has(id), ...times.get(id) })),
    limit: body.limit,
  });
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

const pollLink = (ctx: AppContext, token: string) => `${ctx.config.publicUrl}/sondage?token=${token}`;

/** E-mails a person a fresh private link to the poll (the previous one stops working). */
export async function sendPoll(
  ctx: AppContext,
  m: Meeting,
  participantId: string,
  userId: string,
  reminder: boolean,
  headers?: Record<string, string>,
): Promise<'sent' | 'skipped'> {
  const token = newSecret();
  await ctx.db
    .updateTable('meeting_participants')
    .set({ poll_token_hash: hashSecret(token) })
    .where('id', '=', participantId)
    .execute();
  const zone = await orgZone(ctx.db, m.org_id);
  const people = await names(ctx.db, [userId, m.organiser_id]);
  const user = people.get(userId);
  if (!user) return 'skipped';
  const options = await ctx.db
    .selectFrom('meeting_options')
    .select('starts_at')
    .where('meeting_id', '=', m.id)
    .orderBy('starts_at')
    .execute();
  const mail = pollMail({
    locale: user.locale,
    name: user.name,
    title: m.title,
    organiser: people.get(m.organiser_id)?.name ?? '',
    link: pollLink(ctx, token),
    options: options.map((o) => when(o.starts_at, zone, user.locale)),
    reminder,
  });
  await ctx.mailer.send({ to: user.email, ...mail, ...(headers ? { headers } : {}) });
  return 'sent';
}

export async function createMeeting(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: z.infer<typeof meetingBody>,
) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (p.archived_at) throw forbidden('This programme is archived.');
  await checkInvitees(ctx, actor, p, body.participantIds);
  if (body.guideId && !guideById(body.guideId)) throw badRequest('unknown_guide', 'Guide inconnu.');
  const now = ctx.clock.now();
  const starts = [...new Set(body.options.map((o) => Date.parse(o.start)))].sort((a, b) => a - b);
  if ((starts[0] as number) <= now.getTime()) {
    throw badRequest('option_past', 'Un des créneaux proposés est déjà passé.', {
      messageEn: 'One of the proposed times has already passed.',
    });
  }
  const id = newId();
  const invitees = [...new Set(body.participantIds.filter((u) => u !== actor.id))];
  const required = new Set(body.requiredIds);
  const expires = Math.min(starts.at(-1) as number, now.getTime() + POLL_MAX_DAYS * 86_400_000);
  const participantIds: [string, string][] = [];
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('meetings')
      .values({
        id,
        org_id: p.org_id,
        programme_id: p.id,
        organiser_id: actor.id,
        title: body.title,
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
      })
      .execute();
    await trx
      .insertInto('meeting_participants')
      .values({
        id: newId(),
        meeting_id: id,
        user_id: actor.id,
        required: 1,
        poll_token_hash: null,
        answered_at: now.toISOString(),
        poll_reminded_at: null,
        attendance: null,
      })
      .execute();
    for (const u of invitees) {
      const pid = newId();
      participantIds.push([pid, u]);
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
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'meeting.poll_created',
      subjectType: 'meeting',
      subjectId: id,
    });
  });
  const m = await ctx.db.selectFrom('meetings').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  for (const [pid, u] of participantIds) await sendPoll(ctx, m, pid, u, false);
  return id;
}

function meetingActions(role: MeetingRole, m: Meeting, now: Date, reportVisible: boolean) {
  const organiser = role === 'organiser';
  const pollOpen = m.status === 'polling' && !!m.poll_expires_at && m.poll_expires_at > now.toISOString();
  return {
    answer: role === 'participant' && pollOpen,
    confirm: organiser && m.status === 'polling',
    edit: organiser && m.status !== 'cancelled',
    cancel: organiser && m.status !== 'cancelled',
    report: organiser && m.status === 'confirmed',
    viewReport: reportVisible,
  };
}

async function optionsWithAnswers(db: Db, meetingId: string) {
  const [options, answers] = await Promise.all([
    db
      .selectFrom('meeting_options')
      .selectAll()
      .where('meeting_id', '=', meetingId)
      .orderBy('starts_at')
      .execute(),
    db
      .selectFrom('poll_answers')
      .innerJoin('meeting_participants', 'meeting_participants.id', 'poll_answers.participant_id')
      .select(['poll_answers.option_id', 'poll_answers.answer', 'meeting_participants.user_id'])
      .where('meeting_participants.meeting_id', '=', meetingId)
      .execute(),
  ]);
  return options.map((o) => {
    const mine = answers.filter((a) => a.option_id === o.id);
    const count = (x: string) => mine.filter((a) => a.answer === x).length;
    return {
      option: o,
      answers: mine.map((a) => ({ userId: a.user_id, answer: a.answer as 'yes' | 'ifNeedBe' | 'no' })),
      counts: { yes: count('yes'), ifNeedBe: count('ifNeedBe'), no: count('no') },
    };
  });
}

export async function getMeeting(ctx: AppContext, actor: UserActor, meetingId: string) {
  const { meeting: m, programme, role } = await loadMeetingFor(ctx, actor, meetingId);
  const [summary] = await summaries(ctx.db, [m]);
  const zone = await orgZone(ctx.db, m.org_id);
  const opts = await optionsWithAnswers(ctx.db, m.id);
  const guide = guideById(m.guide_id);
  const now = ctx.clock.now();
  const rules = JSON.parse(programme.rules);
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
  return {
    ...(summary as NonNullable<typeof summary>),
    place: m.place,
    videoUrl: m.video_url,
    timeZone: zone,
    guide: guide ? { id: guide.id, title: guide.title, themes: guide.themes } : null,
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
    actions: meetingActions(role, m, now, reportContentReadable(relationOf(role), rules)),
  };
}

async function saveAnswers(
  db: Db,
  now: Date,
  meetingId: string,
  participantId: string,
  answers: z.infer<typeof answersBody>['answers'],
) {
  const optionIds = new Set(
    (await db.selectFrom('meeting_options').select('id').where('meeting_id', '=', meetingId).execute()).map(
      (o) => o.id,
    ),
  );
  if (answers.some((a) => !optionIds.has(a.optionId))) {
    throw badRequest('unknown_option', 'Ce créneau ne fait pas partie du sondage.', {
      messageEn: 'This time is not part of the poll.',
    });
  }
  await db.transaction().execute(async (trx) => {
    for (const a of answers) {
      await trx
        .deleteFrom('poll_answers')
        .where('participant_id', '=', participantId)
        .where('option_id', '=', a.optionId)
        .execute();
      await trx
        .insertInto('poll_answers')
        .values({
          option_id: a.optionId,
          participant_id: participantId,
          answer: a.answer,
          answered_at: now.toISOString(),
        })
        .execute();
    }
    await trx
      .updateTable('meeting_participants')
      .set({ answered_at: now.toISOString() })
      .where('id', '=', participantId)
      .execute();
  });
}

const pollClosed = () =>
  new AppError(410, 'poll_closed', 'Ce sondage est clos : le lien a expiré ou la rencontre est déjà fixée.');

export async function answerAsUser(
  ctx: AppContext,
  actor: UserActor,
  meetingId: string,
  body: z.infer<typeof answersBody>,
) {
  const { meeting: m } = await loadMeetingFor(ctx, actor, meetingId, 'answer');
  const now = ctx.clock.now();
  if (m.status !== 'polling' || !m.poll_expires_at || m.poll_expires_at <= now.toISOString())
    throw pollClosed();
  const part = await ctx.db
    .selectFrom('meeting_participants')
    .select('id')
    .where('meeting_id', '=', m.id)
    .where('user_id', '=', actor.id)
    .executeTakeFirstOrThrow();
  await saveAnswers(ctx.db, now, m.id, part.id, body.answers);
  return getMeeting(ctx, actor, meetingId);
}

/** The participant a poll link belongs to; unknown links are not found, expired ones closed. */
async function participantByToken(ctx: AppContext, token: string, forWrite: boolean) {
  const part = await ctx.db
    .selectFrom('meeting_participants')
    .selectAll()
    .where('poll_token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!part) throw notFound('poll');
  const m = await ctx.db
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', part.meeting_id)
    .executeTakeFirstOrThrow();
  const now = ctx.clock.now().toISOString();
  const expired = !m.poll_expires_at || m.poll_expires_at <= now;
  // After expiry the link shows nothing; a confirmed meeting stays readable until then.
  if (expired || m.status === 'cancelled' || (forWrite && m.status !== 'polling')) throw pollClosed();
  return { part, meeting: m };
}

export async function pollByToken(ctx: AppContext, token: string) {
  const { part, meeting: m } = await participantByToken(ctx, token, false);
  const [people, programme, opts, zone] = await Promise.all([
    names(ctx.db, [part.user_id, m.organiser_id]),
    ctx.db.selectFrom('programmes').select('name').where('id', '=', m.programme_id).executeTakeFirstOrThrow(),
    optionsWithAnswers(ctx.db, m.id),
    orgZone(ctx.db, m.org_id),
  ]);
  return {
    title: m.title,
    organiserName: people.get(m.organiser_id)?.name ?? '',
    programmeName: programme.name,
    mode: m.mode as 'in-person' | 'video' | 'phone',
    durationMinutes: m.duration_minutes,
    timeZone: zone,
    status: m.status as 'polling' | 'confirmed' | 'cancelled',
    confirmed: m.starts_at && m.ends_at ? { start: m.starts_at, end: m.ends_at } : null,
    expiresAt: m.poll_expires_at,
    me: { name: people.get(part.user_id)?.name ?? '' },
    options: opts.map((o) => ({
      id: o.option.id,
      start: o.option.starts_at,
      end: o.option.ends_at,
      myAnswer: o.answers.find((a) => a.userId === part.user_id)?.answer ?? null,
      counts: o.counts,
    })),
  };
}

export async function answerByToken(ctx: AppContext, token: string, body: z.infer<typeof answersBody>) {
  const { part, meeting: m } = await participantByToken(ctx, token, true);
  await saveAnswers(ctx.db, ctx.clock.now(), m.id, part.id, body.answers);
  return pollByToken(ctx, token);
}

async function icsMeeting(db: Db, m: Meeting): Promise<IcsMeeting> {
  const parts = await db
    .selectFrom('meeting_participants')
    .innerJoin('users', 'users.id', 'meeting_participants.user_id')
    .select(['users.id', 'users.name', 'users.email'])
    .where('meeting_participants.meeting_id', '=', m.id)
    .execute();
  const organiser = parts.find((p) => p.id === m.organiser_id) ?? {
    name: '',
    email: 'no-reply@compagnon.local',
  };
  const guide = guideById(m.guide_id);
  const mode = { 'in-person': 'Sur place', video: 'En visio', phone: 'Par téléphone' }[m.mode] ?? m.mode;
  const description = [
    mode,
    m.video_url ? `Lien : ${m.video_url}` : null,
    guide ? `Guide : ${guide.title}\n${guide.themes.map((t) => `- ${t}`).join('\n')}` : null,
  ]
    .filter(Boolean)
    .join('\n');
  return {
    uid: m.ical_uid,
    sequence: m.sequence,
    title: m.title,
    description,
    start: m.starts_at as string,
    end: m.ends_at as string,
    place: m.place,
    videoUrl: m.video_url,
    cancelled: m.status === 'cancelled',
    organiser: { name: organiser.name, email: organiser.email },
    attendees: parts.filter((p) => p.id !== m.organiser_id).map((p) => ({ name: p.name, email: p.email })),
  };
}

export async function meetingIcs(ctx: AppContext, m: Meeting) {
  const zone = await orgZone(ctx.db, m.org_id);
  const method = m.status === 'cancelled' ? 'CANCEL' : 'REQUEST';
  return {
    method,
    content: calendarText({ method, zone, name: m.title, now: ctx.clock.now() }, [
      await icsMeeting(ctx.db, m),
    ]),
  };
}

type InvitationKind = 'new' | 'update' | 'cancel' | 'reminder';

/** What every invitation e-mail of a meeting shares: its zone, calendar file and people. */
async function invitationContext(ctx: AppContext, m: Meeting) {
  const zone = await orgZone(ctx.db, m.org_id);
  const ics = await meetingIcs(ctx, m);
  const parts = await ctx.db
    .selectFrom('meeting_participants')
    .innerJoin('users', 'users.id', 'meeting_participants.user_id')
    .select(['users.id', 'users.name', 'users.email', 'users.locale'])
    .where('meeting_participants.meeting_id', '=', m.id)
    .execute();
  const organiser = parts.find((p) => p.id === m.organiser_id)?.name ?? '';
  return { zone, ics, parts, organiser };
}

function invitationTo(
  m: Meeting,
  c: Awaited<ReturnType<typeof invitationContext>>,
  p: { name: string; email: string; locale: string },
  kind: InvitationKind,
) {
  const mail = invitationMail({
    locale: p.locale,
    name: p.name,
    title: m.title,
    organiser: c.organiser,
    kind,
    at: when(m.starts_at as string, c.zone, p.locale),
    place: m.place,
    videoUrl: m.video_url,
    mode: m.mode,
  });
  return {
    to: p.email,
    ...mail,
    icalEvent: { method: c.ics.method, content: c.ics.content, filename: 'invitation.ics' },
  };
}

/** E-mails everyone of the meeting (organiser included) with the invitation, update or cancellation attached. */
async function notifyAll(ctx: AppContext, m: Meeting, kind: InvitationKind) {
  const c = await invitationContext(ctx, m);
  for (const p of c.parts) await ctx.mailer.send(invitationTo(m, c, p, kind));
}

/**
 * The day-before reminder for one person of the meeting, with the invitation attached. Null when
 * they are no longer invited.
 */
export async function reminderMail(ctx: AppContext, m: Meeting, userId: string) {
  const c = await invitationContext(ctx, m);
  const p = c.parts.find((x) => x.id === userId);
  return p ? invitationTo(m, c, p, 'reminder') : null;
}

export async function confirmMeeting(
  ctx: AppContext,
  actor: UserActor,
  meetingId: string,
  body: { optionId: string },
) {
  const { meeting: m } = await loadMeetingFor(ctx, actor, meetingId, 'organise');
  if (m.status !== 'polling')
    throw conflict('not_polling', 'This meeting is already confirmed or cancelled.');
  const option = await ctx.db
    .selectFrom('meeting_options')
    .selectAll()
    .where('id', '=', body.optionId)
    .where('meeting_id', '=', m.id)
    .executeTakeFirst();
  if (!option) throw badRequest('unknown_option', 'Ce créneau ne fait pas partie du sondage.');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('meetings')
      .set({
        status: 'confirmed',
        starts_at: option.starts_at,
        ends_at: option.ends_at,
        updated_at: now.toISOString(),
      })
      .where('id', '=', m.id)
      .execute();
    await audit(trx, now, {
      orgId: m.org_id,
      actorId: actor.id,
      action: 'meeting.confirmed',
      subjectType: 'meeting',
      subjectId: m.id,
    });
  });
  const updated = await ctx.db
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', m.id)
    .executeTakeFirstOrThrow();
  await notifyAll(ctx, updated, 'new');
  return getMeeting(ctx, actor, meetingId);
}

export async function updateMeeting(
  ctx: AppContext,
  actor: UserActor,
  meetingId: string,
  body: z.infer<typeof meetingPatch>,
) {
  const { meeting: m } = await loadMeetingFor(ctx, actor, meetingId, 'organise');
  if (m.status === 'cancelled') throw conflict('cancelled', 'This meeting is cancelled.');
  const now = ctx.clock.now();
  const set: Partial<Meeting> = { updated_at: now.toISOString() };
  if (body.title !== undefined) set.title = body.title;
  if (body.mode !== undefined) set.mode = body.mode;
  if (body.place !== undefined) set.place = body.place;
  if (body.videoUrl !== undefined) set.video_url = body.videoUrl;
  if (body.start !== undefined) {
    if (m.status !== 'confirmed') throw conflict('not_confirmed', 'Confirm a time before moving it.');
    const s = Date.parse(body.start);
    if (s <= now.getTime())
      throw badRequest('start_past', 'Cette date est passée.', { messageEn: 'This date has passed.' });
    set.starts_at = new Date(s).toISOString();
    set.ends_at = new Date(s + m.duration_minutes * 60_000).toISOString();
    set.reminded_at = null;
  }
  // Calendars apply a change only when SEQUENCE grows.
  if (m.status === 'confirmed') set.sequence = m.sequence + 1;
  await ctx.db.updateTable('meetings').set(set).where('id', '=', m.id).execute();
  const updated = await ctx.db
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', m.id)
    .executeTakeFirstOrThrow();
  if (updated.status === 'confirmed') await notifyAll(ctx, updated, 'update');
  return getMeeting(ctx, actor, meetingId);
}

export async function cancelMeeting(ctx: AppContext, actor: UserActor, meetingId: string) {
  const { meeting: m } = await loadMeetingFor(ctx, actor, meetingId, 'organise');
  if (m.status === 'cancelled') throw conflict('cancelled', 'This meeting is already cancelled.');
  const now = ctx.clock.now();
  await ctx.db
    .updateTable('meetings')
    .set({ status: 'cancelled', sequence: m.sequence + 1, updated_at: now.toISOString() })
    .where('id', '=', m.id)
    .execute();
  const updated = await ctx.db
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', m.id)
    .executeTakeFirstOrThrow();
  if (m.status === 'confirmed') await notifyAll(ctx, updated, 'cancel');
  return getMeeting(ctx, actor, meetingId);
}

export async function icsForViewer(ctx: AppContext, actor: UserActor, meetingId: string) {
  const { meeting: m, role } = await loadMeetingFor(ctx, actor, meetingId);
  if (role === 'coordinator' || !m.starts_at) throw notFound('invitation');
  return (await meetingIcs(ctx, m)).content;
}

/** The person's private feed: their confirmed (and cancelled) meetings from 90 days back. */
export async function feedByToken(ctx: AppContext, token: string) {
  const feed = await ctx.db
    .selectFrom('calendar_feeds')
    .innerJoin('users', 'users.id', 'calendar_feeds.user_id')
    .select(['users.id', 'users.name', 'users.disabled_at'])
    .where('calendar_feeds.token_hash', '=', hashSecret(token.replace(/\.ics$/, '')))
    .executeTakeFirst();
  if (!feed || feed.disabled_at) throw notFound('feed');
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - 90 * 86_400_000).toISOString();
  const rows = await ctx.db
    .selectFrom('meetings')
    .innerJoin('meeting_participants', 'meeting_participants.meeting_id', 'meetings.id')
    .selectAll('meetings')
    .where('meeting_participants.user_id', '=', feed.id)
    .where('meetings.status', 'in', ['confirmed', 'cancelled'])
    .where('meetings.starts_at', 'is not', null)
    .where('meetings.ends_at', '>', since)
    .orderBy('meetings.starts_at')
    .execute();
  const zone = rows[0] ? await orgZone(ctx.db, rows[0].org_id) : 'Europe/Paris';
  const events = await Promise.all(rows.map((m) => icsMeeting(ctx.db, m)));
  return calendarText({ method: 'PUBLISH', zone, name: `Compagnon — ${feed.name}`, now }, events);
}

export { LIVE_PAIRING };
