import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import type { JoinRequest, Programme } from '../../db/types.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { enqueue } from '../../jobs/registry.ts';
import type { Lang } from '../../notify/i18n.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { addMemberIn } from '../people/add-member.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { roleWord } from '../programmes/words.ts';
import { eligibilityFacts } from './eligibility.ts';
import { declinedMail } from './mails.ts';
import { managesRequests, readsQueue, requestActions } from './policy.ts';
import { explained } from './public.ts';
import { isOpen, memberFacts, type QueueRow, queuedRequest, queueOf } from './queries.ts';
import type { QueueItem, RequestState } from './schema.ts';
import { acceptedNotice } from './texts.ts';

/**
 * The coordination's side of requests to join: the queue of confirmed requests with counts, the
 * public page opened or closed, and each request accepted — the person becomes a member in the
 * role asked, through the same path as a coordinator adding them (account, invitation) — or
 * declined, the person told by e-mail. Accepting a request that does not fit the rules needs a
 * reason, kept on the request and in the audit log.
 */

async function loadFor(ctx: AppContext, actor: UserActor, programmeId: string, use: 'read' | 'write') {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!(use === 'read' ? readsQueue(actor, p) : managesRequests(actor, p))) throw forbidden();
  return p;
}

export async function queue(ctx: AppContext, actor: UserActor, programmeId: string, lang: Lang) {
  const p = await loadFor(ctx, actor, programmeId, 'read');
  const rows = await queueOf(ctx.db, p.id);
  const accepted = rows.filter((r) => r.user_id).map((r) => ({ userId: r.user_id as string, role: r.role }));
  const facts = await memberFacts(ctx.db, p.id, accepted);
  const counts = { pending: 0, accepted: 0, declined: 0, withdrawn: 0 };
  for (const r of rows) if (r.state in counts) counts[r.state as keyof typeof counts] += 1;
  return {
    open: await isOpen(ctx.db, p.id),
    path: `/rejoindre/${p.id}`,
    words: { tutor: roleWord(p.template, lang, 'tutor'), tutee: roleWord(p.template, lang, 'tutee') },
    counts,
    requests: rows.map((r) => presentItem(actor, p, r, facts, lang)),
    actions: { manage: managesRequests(actor, p) },
  };
}

function presentItem(
  actor: UserActor,
  p: Programme,
  r: QueueRow,
  facts: Awaited<ReturnType<typeof memberFacts>>,
  lang: Lang,
): QueueItem {
  const key = `${r.user_id}:${r.role}`;
  return {
    id: r.id,
    state: r.state as RequestState,
    name: r.name,
    email: r.email,
    phone: r.phone,
    role: r.role === 'tutor' ? 'tutor' : 'tutee',
    profession: r.profession,
    place: r.place,
    installedOn: r.installed_on,
    practisingSince: r.practising_since,
    needs: r.needs,
    availability: r.availability,
    preferences: r.preferences,
    eligibility: explained(
      readJson(eligibilityFacts, r.eligibility, 'join_requests.eligibility'),
      p.template,
      lang,
    ),
    createdAt: r.created_at,
    confirmedAt: r.confirmed_at,
    decidedAt: r.decided_at,
    decidedBy: r.decided_by_name,
    overrideReason: r.override_reason,
    declineMessage: r.decline_message,
    withdrawnAt: r.withdrawn_at,
    member: r.user_id
      ? {
          userId: r.user_id,
          memberSince: facts.since.get(key) ?? null,
          matchedAt: facts.matched.get(key) ?? null,
        }
      : null,
    actions: requestActions(actor, p, r),
  };
}

/** Opens or closes the programme's public page; closing it keeps the requests already made. */
export async function setOpen(ctx: AppContext, actor: UserActor, programmeId: string, open: boolean) {
  const p = await loadFor(ctx, actor, programmeId, 'write');
  const now = ctx.clock.now();
  const values = { open: open ? 1 : 0, updated_at: now.toISOString(), updated_by: actor.id };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('join_request_pages')
      .values({ programme_id: p.id, ...values })
      .onConflict((oc) => oc.column('programme_id').doUpdateSet(values))
      .execute();
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: open ? 'join_requests.opened' : 'join_requests.closed',
      subjectType: 'programme',
      subjectId: p.id,
    });
  });
}

async function loadPending(ctx: AppContext, actor: UserActor, programmeId: string, requestId: string) {
  const p = await loadFor(ctx, actor, programmeId, 'read');
  const r = await queuedRequest(ctx.db, p.id, requestId);
  if (!r) throw notFound('join_request');
  if (!managesRequests(actor, p)) throw forbidden();
  if (r.state !== 'pending') throw refuse(409, 'join_request_decided');
  return { p, r };
}

/**
 * Accepts a request: the person becomes a member in the role they asked, as a coordinator adding
 * them would make them (a new account and its invitation; someone of the organisation at once; an
 * account of elsewhere invited), and the request keeps who they are now.
 */
export async function accept(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  requestId: string,
  overrideReason: string | null,
) {
  const { p, r } = await loadPending(ctx, actor, programmeId, requestId);
  const reason = overrideReason?.trim() || null;
  if (!r.eligible && !reason)
    throw refuse(
      400,
      'invalid_request',
      {},
      { fields: [{ path: 'overrideReason', message: 'field_override_reason' }] },
    );
  const now = ctx.clock.now();
  const role = r.role === 'tutor' ? 'tutor' : 'tutee';
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await trx
      .updateTable('join_requests')
      .set({
        state: 'accepted',
        decision: 'accepted',
        decided_at: now.toISOString(),
        decided_by: actor.id,
        override_reason: r.eligible ? null : reason,
      })
      .where('id', '=', r.id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) throw refuse(409, 'join_request_decided');
    const added = await enrol(trx, now, actor, p, r);
    if (added.joinedNow)
      await notify(
        trx,
        {
          userId: added.userId,
          orgId: p.org_id,
          kind: 'message',
          key: `requests.accepted:${r.id}`,
          link: `/programmes/${p.id}`,
          content: acceptedNotice({ programme: p.name, template: p.template, role }),
        },
        now,
      );
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: r.eligible ? 'join_request.accepted' : 'join_request.accepted_override',
      subjectType: 'join_request',
      subjectId: r.id,
      meta: { programmeId: p.id, role, userId: added.userId, ...(r.eligible ? {} : { reason }) },
    });
  });
}

/**
 * Makes the person a member (people/add-member.ts) and links the request to them; what they typed
 * of their phone and city fills an account or a profile made now, never one that existed.
 */
async function enrol(trx: Db, now: Date, actor: UserActor, p: Programme, r: JoinRequest) {
  const role = r.role === 'tutor' ? 'tutor' : 'tutee';
  const before = await trx.selectFrom('users').select('id').where('email', '=', r.email).executeTakeFirst();
  const wasInOrg =
    before &&
    (await trx
      .selectFrom('org_members')
      .select('id')
      .where('org_id', '=', p.org_id)
      .where('user_id', '=', before.id)
      .executeTakeFirst());
  const added = await addMemberIn(trx, now, actor, p, {
    email: r.email,
    name: r.name,
    role,
    sendInvitation: true,
  });
  await trx
    .updateTable('join_requests')
    .set({ user_id: added.userId, membership_id: added.membershipId })
    .where('id', '=', r.id)
    .execute();
  if (!before && r.phone)
    await trx.updateTable('users').set({ phone: r.phone }).where('id', '=', added.userId).execute();
  if (!wasInOrg && added.membershipId && r.place)
    await trx
      .updateTable('org_members')
      .set({ home_commune: r.place })
      .where('org_id', '=', p.org_id)
      .where('user_id', '=', added.userId)
      .where('home_commune', 'is', null)
      .execute();
  return added;
}

/** Declines a request; the person is told by e-mail, with the coordination's message when written. */
export async function decline(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  requestId: string,
  message: string | null,
) {
  const { p, r } = await loadPending(ctx, actor, programmeId, requestId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .updateTable('join_requests')
      .set({
        state: 'declined',
        decision: 'declined',
        decided_at: now.toISOString(),
        decided_by: actor.id,
        decline_message: message?.trim() || null,
      })
      .where('id', '=', r.id)
      .where('state', '=', 'pending')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw refuse(409, 'join_request_decided');
    await enqueue(trx, declinedMail, { requestId: r.id }, { runAt: now, now });
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'join_request.declined',
      subjectType: 'join_request',
      subjectId: r.id,
      meta: { programmeId: p.id, role: r.role, eligible: r.eligible === 1 },
    });
  });
}
