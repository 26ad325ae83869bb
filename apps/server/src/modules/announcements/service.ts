import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { audit } from '../audit/service.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import {
  type AnnouncementAccess,
  inAudience,
  mayReadAnnouncement,
  mayReply,
  maySendAnnouncement,
  replyReadable,
} from './policy.ts';
import {
  type AnnouncementRow,
  announcementsOf,
  audienceOf,
  countsOf,
  findAnnouncement,
  receiptsOf,
  repliesOf,
  sentSince,
} from './queries.ts';
import { type AnnouncementView, type Audience, type announcementBody, audiences } from './schema.ts';
import { announcementNotice, repliedNotice } from './texts.ts';

/** How many announcements one person may send within an hour. */
export const HOURLY_LIMIT = 5;
const HOUR = 3_600_000;

const link = (id: string) => `/annonces/${id}`;

/** The audiences whose announcements the actor sees: all for the coordination, their role's otherwise. */
function visibleAudiences(actor: UserActor, p: { id: string; org_id: string; archived_at: string | null }) {
  if (managesProgramme(actor, p, 'read')) return [...audiences];
  return audiences.filter((a) => inAudience(actor, p.id, a));
}

async function remaining(ctx: AppContext, actor: UserActor) {
  const since = new Date(ctx.clock.now().getTime() - HOUR).toISOString();
  return Math.max(0, HOURLY_LIMIT - (await sentSince(ctx.db, actor.id, since)));
}

/** The programme's announcements: with counts for the coordination, read or not for a member. */
export async function listAnnouncements(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  const manage = managesProgramme(actor, p, 'read');
  const rows = await announcementsOf(ctx.db, p.id, visibleAudiences(actor, p));
  const ids = rows.map((a) => a.id);
  const counts = manage ? await countsOf(ctx.db, ids) : null;
  const receipts = manage ? null : await receiptsOf(ctx.db, actor.id, ids);
  const send = maySendAnnouncement(actor, p);
  return {
    programme: { id: p.id, name: p.name, orgId: p.org_id },
    announcements: rows.map((a) => ({
      ...summary(a),
      counts: counts?.get(a.id) ?? null,
      read: receipts ? !!receipts.get(a.id) : null,
    })),
    actions: { send },
    remainingThisHour: send ? await remaining(ctx, actor) : null,
  };
}

const summary = (a: AnnouncementRow) => ({
  id: a.id,
  audience: a.audience as Audience,
  title: a.title,
  author: a.author_id ? { id: a.author_id, name: a.author_name ?? '' } : null,
  at: a.created_at,
});

/**
 * Sends an announcement: one notice per person of the audience (in-app, then e-mail or SMS as each
 * chose, by a job of their own: nobody sees the other recipients), answers by e-mail going to the
 * sender. At most HOURLY_LIMIT an hour per sender.
 */
export async function sendAnnouncement(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: z.infer<typeof announcementBody>,
) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!maySendAnnouncement(actor, p)) throw forbidden();
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const since = new Date(now.getTime() - HOUR).toISOString();
    if ((await sentSince(trx, actor.id, since)) >= HOURLY_LIMIT) {
      throw refuse(429, 'announcement_rate', { max: HOURLY_LIMIT });
    }
    const people = await audienceOf(trx, p.id, body.audience, actor.id);
    if (people.length === 0) throw refuse(409, 'announcement_no_audience');
    const at = now.toISOString();
    await trx
      .insertInto('announcements')
      .values({
        id,
        org_id: p.org_id,
        programme_id: p.id,
        author_id: actor.id,
        audience: body.audience,
        title: body.title,
        body: body.body,
        link: body.link,
        created_at: at,
      })
      .execute();
    const content = announcementNotice({ author: actor.name, programme: p.name, ...body });
    for (const userId of people) {
      await trx
        .insertInto('announcement_recipients')
        .values({ announcement_id: id, user_id: userId, read_at: null })
        .execute();
      await notify(
        trx,
        {
          userId,
          orgId: p.org_id,
          kind: 'message',
          key: `announcement:${id}:${userId}`,
          link: link(id),
          content,
          replyTo: actor.email,
        },
        now,
      );
    }
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'announcement.sent',
      subjectType: 'programme',
      subjectId: p.id,
      meta: { announcementId: id, audience: body.audience, recipients: people.length },
    });
  });
  return readAnnouncement(ctx, actor, id);
}

async function loadFor(ctx: AppContext, actor: UserActor, announcementId: string) {
  const a = await findAnnouncement(ctx.db, scopeFor(actor), announcementId);
  if (!a) throw notFound('announcement');
  const programme = { id: a.programme_id, org_id: a.org_id, archived_at: a.archived_at };
  const receipt = (await receiptsOf(ctx.db, actor.id, [a.id])).get(a.id);
  const access: AnnouncementAccess = {
    manage: managesProgramme(actor, programme, 'read'),
    // Sent to them, or in its audience now (joined later: no e-mail, but the programme's list).
    recipient: receipt !== undefined || inAudience(actor, a.programme_id, a.audience as Audience),
  };
  if (!mayReadAnnouncement(access)) throw notFound('announcement');
  return { a, programme, access, receipt };
}

/** One announcement; a recipient opening it marks it read, and reads their own replies only. */
export async function readAnnouncement(
  ctx: AppContext,
  actor: UserActor,
  announcementId: string,
): Promise<AnnouncementView> {
  const { a, programme, access, receipt } = await loadFor(ctx, actor, announcementId);
  if (receipt === null) {
    await ctx.db
      .updateTable('announcement_recipients')
      .set({ read_at: ctx.clock.now().toISOString() })
      .where('announcement_id', '=', a.id)
      .where('user_id', '=', actor.id)
      .where('read_at', 'is', null)
      .execute();
  }
  const replies = (await repliesOf(ctx.db, a.id, access.manage ? null : actor.id)).filter((r) =>
    replyReadable(actor.id, access, r.author_id),
  );
  return {
    ...summary(a),
    programme: { id: a.programme_id, name: a.programme_name, orgId: a.org_id },
    body: a.body,
    link: a.link,
    counts: access.manage ? ((await countsOf(ctx.db, [a.id])).get(a.id) ?? null) : null,
    read: access.manage ? null : true,
    replies: replies.map((r) => ({
      id: r.id,
      author: r.author_id ? { id: r.author_id, name: r.author_name ?? '' } : null,
      mine: r.author_id === actor.id,
      body: r.erased_at ? '' : r.body,
      erased: r.erased_at !== null,
      at: r.created_at,
    })),
    actions: { reply: mayReply(access, programme) },
  };
}

/** A recipient answers the coordination, privately; the author is told by a notice. */
export async function replyToAnnouncement(
  ctx: AppContext,
  actor: UserActor,
  announcementId: string,
  body: string,
) {
  const { a, programme, access } = await loadFor(ctx, actor, announcementId);
  if (!mayReply(access, programme)) throw refuse(403, 'announcement_not_recipient');
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('announcement_replies')
      .values({
        id,
        announcement_id: a.id,
        author_id: actor.id,
        body,
        created_at: now.toISOString(),
        erased_at: null,
      })
      .execute();
    if (a.author_id && a.author_id !== actor.id) {
      await notify(
        trx,
        {
          userId: a.author_id,
          orgId: a.org_id,
          kind: 'message',
          key: `announcement-reply:${id}`,
          link: link(a.id),
          content: repliedNotice({ name: actor.name, title: a.title, programme: a.programme_name }),
        },
        now,
      );
    }
  });
  return { id, at: now.toISOString() };
}
