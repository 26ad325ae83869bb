import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { publishedColumns, sessionColumns, sessionFieldsView } from '../../sessions/form.ts';
import {
  countsOf,
  givePlaceBack,
  lockSession,
  placesOf,
  promoteWaiting,
  takePlace,
} from '../../sessions/places.ts';
import { audit } from '../audit/service.ts';
import { type LoadedNetwork, loadNetworkFor } from './load.ts';
import { enqueueNetworkMails } from './mails.ts';
import { managesSession } from './policy.ts';
import type { NetworkSessionBody } from './schema.ts';
import {
  type NetworkSessionRow,
  networkSessionById,
  peopleOfSession,
  SESSION_TABLES,
  sessionsOfNetwork,
} from './session-queries.ts';
import { networkSessionNotice } from './texts.ts';

/**
 * A network's sessions: published by the coordination of a member team, in its organisation's
 * zone; the members of the member teams register or wait, with the places, waiting list and row
 * lock of training (`sessions/places.ts`); a place given back promotes the first waiting, e-mailed
 * with the invitation; the publishing organisation's coordination cancels one, everyone told.
 * Who registered is nobody's to read across organisations: each sees the counts and their own place.
 */

const open = (s: NetworkSessionRow, now: Date) =>
  !s.cancelled_at &&
  now.toISOString() < s.starts_at &&
  (!s.registration_deadline || now.toISOString() < s.registration_deadline);

/** The sessions still to come (and those of the last day), as the actor sees them. */
export async function presentSessions(ctx: AppContext, actor: UserActor, l: LoadedNetwork) {
  const now = ctx.clock.now();
  const rows = await sessionsOfNetwork(ctx.db, l.network.id, now.toISOString());
  const ids = rows.map((r) => r.id);
  const [counts, places] = await Promise.all([
    countsOf(ctx.db, SESSION_TABLES.places, ids),
    placesOf(ctx.db, SESSION_TABLES.places, ids, actor.id),
  ]);
  return rows.map((s) => {
    const place = places.get(s.id);
    const mine: 'registered' | 'waiting' | 'none' =
      place && place.status !== 'cancelled' ? (place.status as 'registered' | 'waiting') : 'none';
    const live = l.network.archived_at === null;
    return {
      ...sessionFieldsView(s),
      organisation: s.organisation,
      ...(counts.get(s.id) ?? { registered: 0, waiting: 0 }),
      mine: { status: mine, position: mine === 'waiting' ? (place?.position ?? null) : null },
      actions: {
        register: live && l.actions.register && mine === 'none' && open(s, now),
        cancelRegistration: mine !== 'none' && !s.cancelled_at && now.toISOString() < s.starts_at,
        cancel:
          live && !s.cancelled_at && now.toISOString() < s.starts_at && managesSession(actor, l.standing, s),
      },
    };
  });
}

/** Publishes a session for the network, its times read in the publishing organisation's zone. */
export async function publishSession(
  ctx: AppContext,
  actor: UserActor,
  networkId: string,
  b: NetworkSessionBody,
) {
  const l = await loadNetworkFor(ctx, actor, networkId);
  if (l.network.archived_at) throw refuse(409, 'network_archived');
  const team = l.standing.manages.find((t) => t.programmeArchivedAt === null);
  if (!l.actions.publishSession || !team) throw forbidden();
  const { time_zone: zone } = await ctx.db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', team.orgId)
    .executeTakeFirstOrThrow();
  const now = ctx.clock.now();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('network_sessions')
      .values({
        id,
        network_id: l.network.id,
        org_id: team.orgId,
        ...sessionColumns(b, zone),
        ...publishedColumns(`network-session-${id}@compagnon`, actor.id, now),
      })
      .execute();
    await audit(trx, now, {
      orgId: team.orgId,
      actorId: actor.id,
      action: 'network.session_published',
      subjectType: 'network_session',
      subjectId: id,
      meta: { networkId: l.network.id, capacity: b.capacity },
    });
  });
  return { id };
}

async function loadSessionFor(ctx: AppContext, actor: UserActor, sessionId: string) {
  const s = await networkSessionById(ctx.db, sessionId);
  if (!s) throw notFound('network_session');
  const l = await loadNetworkFor(ctx, actor, s.network_id).catch(() => {
    throw notFound('network_session');
  });
  return { s, l };
}

/** Registers the actor (a member of a member team), or puts them on the waiting list. */
export async function registerForSession(ctx: AppContext, actor: UserActor, sessionId: string) {
  const { s, l } = await loadSessionFor(ctx, actor, sessionId);
  if (l.network.archived_at) throw refuse(409, 'network_archived');
  const team = l.standing.memberOf[0];
  if (!team) throw refuse(403, 'network_not_member');
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSession(ctx.dbKind, trx, SESSION_TABLES, s.id);
    if (!open({ ...s, ...locked }, now)) throw refuse(409, 'training_not_open');
    const person = { userId: actor.id, orgId: team.orgId };
    const status = await takePlace(trx, SESSION_TABLES.places, locked, person, now.toISOString());
    if (!status) throw refuse(409, 'training_already_registered');
    if (status === 'registered') await enqueueNetworkMails(trx, locked, [actor.id], 'registered', now);
    const place = (await placesOf(trx, SESSION_TABLES.places, [s.id], actor.id)).get(s.id);
    return { status, position: status === 'waiting' ? (place?.position ?? null) : null };
  });
}

/** Gives the actor's place back before the start; the first waiting takes it, e-mailed with the invitation. */
export async function cancelSessionRegistration(ctx: AppContext, actor: UserActor, sessionId: string) {
  const { s } = await loadSessionFor(ctx, actor, sessionId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const locked = await lockSession(ctx.dbKind, trx, SESSION_TABLES, s.id);
    if (locked.cancelled_at) throw refuse(409, 'training_cancelled');
    if (now.toISOString() >= locked.starts_at) throw refuse(409, 'training_started');
    const held = await givePlaceBack(trx, SESSION_TABLES.places, s.id, actor.id, now.toISOString());
    if (!held) throw notFound('registration');
    if (held === 'registered')
      await promoteWaiting(trx, SESSION_TABLES.places, locked, now, (userId) =>
        enqueueNetworkMails(trx, locked, [userId], 'promoted', now),
      );
  });
}

/** Tells the people of a cancelled session: e-mails (with the calendar's cancellation) to those registered, a notice to those waiting. */
async function tellCancelled(trx: Db, s: NetworkSessionRow, now: Date) {
  const people = await peopleOfSession(trx, s.id);
  const registered = people.filter((p) => p.status === 'registered').map((p) => p.user_id);
  await enqueueNetworkMails(trx, s, registered, 'cancel', now);
  for (const p of people.filter((x) => x.status === 'waiting'))
    await notify(
      trx,
      {
        userId: p.user_id,
        orgId: s.org_id,
        kind: 'message',
        key: `network.session-cancelled:${s.id}:${p.user_id}`,
        link: `/reseaux/${s.network_id}`,
        content: networkSessionNotice('cancelled', s, s.time_zone),
      },
      now,
    );
}

/** The publishing organisation's coordination cancels a session that has not started. */
export async function cancelNetworkSession(ctx: AppContext, actor: UserActor, sessionId: string) {
  const { s, l } = await loadSessionFor(ctx, actor, sessionId);
  if (!managesSession(actor, l.standing, s)) throw forbidden();
  const now = ctx.clock.now();
  if (s.cancelled_at) throw refuse(409, 'training_cancelled');
  if (now.toISOString() >= s.starts_at) throw refuse(409, 'training_started');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('network_sessions')
      .set({ cancelled_at: now.toISOString(), sequence: s.sequence + 1, updated_at: now.toISOString() })
      .where('id', '=', s.id)
      .execute();
    await tellCancelled(trx, { ...s, sequence: s.sequence + 1, cancelled_at: now.toISOString() }, now);
    await audit(trx, now, {
      orgId: s.org_id,
      actorId: actor.id,
      action: 'network.session_cancelled',
      subjectType: 'network_session',
      subjectId: s.id,
    });
  });
}
