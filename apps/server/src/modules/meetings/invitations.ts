import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db, DbKind } from '../../db/index.ts';
import type { MeetingTable } from '../../db/types.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { defineJob, enqueue } from '../../jobs/registry.ts';
import { hashSecret } from '../../lib/ids.ts';
import { deliverOnce } from '../../notify/deliver.ts';
import { messageIdFor } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { alertsMayChange } from '../followup/reevaluate.ts';
import { guideOfMeeting } from './guides.ts';
import { calendarText, type IcsMeeting } from './ics.ts';
import { meetingNotices } from './notices.ts';
import { loadMeetingFor, orgZone } from './policy.ts';
import type { meetingPatch } from './schema.ts';
import { invitationMail, meetingTexts, when } from './texts.ts';

/**
 * A meeting's time is confirmed, changed or cancelled in one transaction that also enqueues one
 * invitation job per person (`meetings.invitation`), so a mail server that is down delays the
 * invitations and never loses them. The transaction reads the meeting under a row lock
 * (`lockMeeting`), so two concurrent confirmations cannot both pass the "still polling" check:
 * the second waits for the first and is refused. Each job sends through the deliveries ledger
 * under a key naming the meeting, its SEQUENCE and the person: one message each.
 */

type Meeting = MeetingTable;
type InvitationKind = 'new' | 'update' | 'cancel' | 'reminder';

/**
 * The calendar event's description, in French (one file for every participant): how it takes
 * place, its video link, its guide's themes.
 */
export function icsDescription(
  m: { mode: string; video_url: string | null },
  guide: { title: string; themes: string[] } | null,
) {
  const t = meetingTexts('fr');
  return [
    t(`ics.mode.${m.mode}`, { defaultValue: m.mode }),
    m.video_url ? t('ics.link', { url: m.video_url }) : null,
    guide
      ? t('ics.guide', { title: guide.title, themes: guide.themes.map((x) => `- ${x}`).join('\n') })
      : null,
  ]
    .filter(Boolean)
    .join('\n');
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
  return {
    uid: m.ical_uid,
    sequence: m.sequence,
    title: m.title,
    description: icsDescription(m, await guideOfMeeting(db, m)),
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

/**
 * The e-mail of `kind` for one person of the meeting (organiser included), with the invitation,
 * update or cancellation attached. Null when they are no longer invited.
 */
async function invitationFor(ctx: AppContext, m: Meeting, userId: string, kind: InvitationKind) {
  const p = await ctx.db
    .selectFrom('meeting_participants')
    .innerJoin('users', 'users.id', 'meeting_participants.user_id')
    .select(['users.name', 'users.email', 'users.locale'])
    .where('meeting_participants.meeting_id', '=', m.id)
    .where('users.id', '=', userId)
    .executeTakeFirst();
  if (!p) return null;
  const [zone, ics, organiser] = await Promise.all([
    orgZone(ctx.db, m.org_id),
    meetingIcs(ctx, m),
    ctx.db.selectFrom('users').select('name').where('id', '=', m.organiser_id).executeTakeFirst(),
  ]);
  const mail = invitationMail({
    locale: p.locale,
    name: p.name,
    title: m.title,
    organiser: organiser?.name ?? '',
    kind,
    at: when(m.starts_at as string, zone, p.locale),
    place: m.place,
    videoUrl: m.video_url,
    mode: m.mode,
  });
  return {
    to: p.email,
    ...mail,
    icalEvent: { method: ics.method, content: ics.content, filename: 'invitation.ics' },
  };
}

/** The day-before reminder for one person, with the invitation attached (reminders.ts). */
export const reminderMail = (ctx: AppContext, m: Meeting, userId: string) =>
  invitationFor(ctx, m, userId, 'reminder');

const invitationPayload = z.object({
  meetingId: z.string(),
  userId: z.string(),
  kind: z.enum(['new', 'update', 'cancel']),
  /** The meeting's SEQUENCE this message announces. */
  sequence: z.number().int(),
});
type Invitation = z.infer<typeof invitationPayload>;

export const invitationKey = (i: Invitation) =>
  `meetings.invitation:${i.meetingId}:${i.sequence}:${i.kind}:${i.userId}`;

export const meetingInvitation = defineJob(
  'meetings.invitation',
  invitationPayload,
  async ({ ctx, now, payload }) => {
    const m = await ctx.db
      .selectFrom('meetings')
      .selectAll()
      .where('id', '=', payload.meetingId)
      .executeTakeFirst();
    // A later change (higher SEQUENCE) has its own jobs, which carry the meeting as it is now:
    // calendars keep the highest SEQUENCE, so the superseded message is not sent.
    if (!m || m.sequence !== payload.sequence) return;
    if (m.status !== (payload.kind === 'cancel' ? 'cancelled' : 'confirmed')) return;
    const key = invitationKey(payload);
    await deliverOnce(
      ctx.db,
      now,
      { key, orgId: m.org_id, userId: payload.userId, channel: 'email', kind: 'meeting.invitation' },
      async () => {
        const mail = await invitationFor(ctx, m, payload.userId, payload.kind);
        if (!mail) return 'skipped';
        await ctx.mailer.send({ ...mail, headers: { 'Message-ID': messageIdFor(key) } });
        return 'sent';
      },
    );
  },
);

/** One invitation job per person of the meeting, in the transaction that changed it. */
async function enqueueInvitations(
  trx: Db,
  m: Meeting,
  kind: Invitation['kind'],
  now: Date,
  actorId: string | null,
  opts: { inApp?: boolean } = {},
) {
  const people = await trx
    .selectFrom('meeting_participants')
    .select('user_id')
    .where('meeting_id', '=', m.id)
    .orderBy('user_id')
    .execute();
  for (const { user_id } of people) {
    const payload = { meetingId: m.id, userId: user_id, kind, sequence: m.sequence };
    await enqueue(trx, meetingInvitation, payload, { runAt: now, dedupeKey: invitationKey(payload), now });
  }
  // The others also see it in Notifications; the one who made the change knows already.
  if (opts.inApp === false) return;
  await meetingNotices(
    trx,
    now,
    m,
    people.map((p) => p.user_id).filter((u) => u !== actorId),
    kind,
  );
}

/**
 * The meeting as it is now, locked until the transaction ends on PostgreSQL (SELECT … FOR UPDATE).
 * SQLite runs one transaction at a time on its single connection, which is the same guarantee.
 */
async function lockMeeting(trx: Db, kind: DbKind, id: string): Promise<Meeting> {
  const q = trx.selectFrom('meetings').selectAll().where('id', '=', id);
  return (kind === 'postgres' ? q.forUpdate() : q).executeTakeFirstOrThrow();
}

export async function confirmMeeting(
  ctx: AppContext,
  actor: UserActor,
  meetingId: string,
  body: { optionId: string },
): Promise<void> {
  const { meeting: m } = await loadMeetingFor(ctx, actor, meetingId, 'organise');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockMeeting(trx, ctx.dbKind, m.id);
    if (current.status !== 'polling') throw refuse(409, 'not_polling');
    const option = await trx
      .selectFrom('meeting_options')
      .selectAll()
      .where('id', '=', body.optionId)
      .where('meeting_id', '=', m.id)
      .executeTakeFirst();
    if (!option) throw refuse(400, 'unknown_option');
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
    await enqueueInvitations(
      trx,
      { ...current, starts_at: option.starts_at, ends_at: option.ends_at },
      'new',
      now,
      actor.id,
    );
    if (m.programme_id) await alertsMayChange(trx, m.programme_id, now);
  });
}

/** What a patch changes; refuses a cancelled meeting, and a new time before one is confirmed. */
function changes(m: Meeting, body: z.infer<typeof meetingPatch>, now: Date): Partial<Meeting> {
  if (m.status === 'cancelled') throw refuse(409, 'cancelled');
  const set: Partial<Meeting> = { updated_at: now.toISOString() };
  if (body.title !== undefined) set.title = body.title;
  if (body.mode !== undefined) set.mode = body.mode;
  if (body.place !== undefined) set.place = body.place;
  if (body.videoUrl !== undefined) set.video_url = body.videoUrl;
  // A video link goes with a video meeting: refused on another, dropped when the mode changes.
  if ((set.mode ?? m.mode) !== 'video') {
    if (body.videoUrl) throw refuse(400, 'video_url_not_video');
    if (body.mode !== undefined && m.video_url) set.video_url = null;
  }
  if (body.start !== undefined) {
    if (m.status !== 'confirmed') throw refuse(409, 'not_confirmed');
    const s = Date.parse(body.start);
    if (s <= now.getTime()) throw refuse(400, 'start_past');
    set.starts_at = new Date(s).toISOString();
    set.ends_at = new Date(s + m.duration_minutes * 60_000).toISOString();
    set.reminded_at = null;
  }
  // Calendars apply a change only when SEQUENCE grows.
  if (m.status === 'confirmed') set.sequence = m.sequence + 1;
  return set;
}

export async function updateMeeting(
  ctx: AppContext,
  actor: UserActor,
  meetingId: string,
  body: z.infer<typeof meetingPatch>,
): Promise<void> {
  const { meeting: m } = await loadMeetingFor(ctx, actor, meetingId, 'organise');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const current = await lockMeeting(trx, ctx.dbKind, m.id);
    const set = changes(current, body, now);
    await trx.updateTable('meetings').set(set).where('id', '=', m.id).execute();
    if (current.status === 'confirmed')
      await enqueueInvitations(trx, { ...current, ...set }, 'update', now, actor.id);
    if (set.starts_at && m.programme_id) await alertsMayChange(trx, m.programme_id, now);
  });
}

export async function cancelMeeting(ctx: AppContext, actor: UserActor, meetingId: string): Promise<void> {
  const { meeting: m } = await loadMeetingFor(ctx, actor, meetingId, 'organise');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await cancelInTransaction(trx, ctx.dbKind, m.id, now, actor.id))) throw refuse(409, 'cancelled');
    if (m.programme_id) await alertsMayChange(trx, m.programme_id, now);
  });
}

/**
 * Cancels a meeting inside the caller's transaction, with the cancellation invitations a confirmed
 * meeting needs; false when it was already cancelled.
 */
/**
 * Cancels a meeting inside the caller's transaction, with the cancellation e-mails; `inApp: false`
 * when the caller's own notice already tells the people (the end of their pairing).
 */
export async function cancelInTransaction(
  trx: Db,
  kind: DbKind,
  meetingId: string,
  now: Date,
  actorId: string | null,
  opts: { inApp?: boolean } = {},
) {
  const current = await lockMeeting(trx, kind, meetingId);
  if (current.status === 'cancelled') return false;
  const sequence = current.sequence + 1;
  await trx
    .updateTable('meetings')
    .set({ status: 'cancelled', sequence, updated_at: now.toISOString() })
    .where('id', '=', meetingId)
    .execute();
  // A meeting still polling had sent no invitation: there is nothing to withdraw.
  if (current.status === 'confirmed')
    await enqueueInvitations(trx, { ...current, sequence }, 'cancel', now, actorId, opts);
  return true;
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
