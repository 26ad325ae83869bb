import type { AppContext } from '../../context.ts';
import { readJson } from '../../db/json.ts';
import { sortByName } from '../../domain/collate.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { coveredTutees } from '../absences/queries.ts';
import { audit } from '../audit/service.ts';
import { recordContact } from '../meetings/contact-log.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { lastContactByPair } from './activity.ts';
import {
  activityAccess,
  alertActions,
  type Manager,
  managerOf,
  managesAlerts,
  seesAlert,
  seesCloseNote,
} from './policy.ts';
import type { AlertRule } from './rules.ts';
import { type ActivityBody, type AlertView, alertDetailSchema } from './schema.ts';
import { coordinatorMessage } from './texts.ts';

const DAY = 86_400_000;

export type AlertRow = {
  id: string;
  programme_id: string;
  org_id: string;
  pairing_id: string;
  rule: string;
  state: string;
  level: string;
  opened_at: string;
  escalated_at: string | null;
  snoozed_until: string | null;
  closed_at: string | null;
  close_note: string | null;
  detail: string;
  tutor_id: string;
  tutor_name: string;
  tutee_id: string;
  tutee_name: string;
};

export function alertsQuery(ctx: AppContext) {
  return ctx.db
    .selectFrom('followup_alerts as a')
    .innerJoin('pairings as p', 'p.id', 'a.pairing_id')
    .innerJoin('users as tutor', 'tutor.id', 'p.tutor_user_id')
    .innerJoin('users as tutee', 'tutee.id', 'p.tutee_user_id')
    .select([
      'a.id',
      'a.programme_id',
      'a.org_id',
      'a.pairing_id',
      'a.rule',
      'a.state',
      'a.level',
      'a.opened_at',
      'a.escalated_at',
      'a.snoozed_until',
      'a.closed_at',
      'a.close_note',
      'a.detail',
      'tutor.id as tutor_id',
      'tutor.name as tutor_name',
      'tutee.id as tutee_id',
      'tutee.name as tutee_name',
    ]);
}

export function presentAlert(a: AlertRow, manager: Manager, actor: UserActor): AlertView {
  return {
    id: a.id,
    pairingId: a.pairing_id,
    rule: a.rule as AlertRule,
    state: a.state as AlertView['state'],
    level: a.level as AlertView['level'],
    openedAt: a.opened_at,
    escalatedAt: a.escalated_at,
    snoozedUntil: a.snoozed_until,
    closedAt: a.closed_at,
    closeNote: seesCloseNote(manager) ? a.close_note : null,
    detail: readJson(alertDetailSchema, a.detail, 'followup_alerts.detail'),
    tutor: { id: a.tutor_id, name: a.tutor_name },
    tutee: { id: a.tutee_id, name: a.tutee_name },
    actions: alertActions(manager, actor, a),
  };
}

/** Live alerts the actor may see: all of the programme for its coordinators, their own pairs' for tutors. */
export async function listAlerts(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  const manager = managerOf(actor, p);
  let q = alertsQuery(ctx).where('a.programme_id', '=', p.id).where('a.state', 'in', ['open', 'snoozed']);
  // A tutor sees their own pairs' alerts, and those of the tutees they stand in for while their
  // tutor is away (modules/absences).
  const covered = manager.reads ? [] : [...(await coveredTutees(ctx.db, p, actor.id, ctx.clock.now()))];
  if (!manager.reads)
    q = q.where((eb) =>
      eb.or([
        eb('p.tutor_user_id', '=', actor.id),
        ...(covered.length ? [eb('p.tutee_user_id', 'in', covered)] : []),
      ]),
    );
  const rows = await q.orderBy('a.opened_at', 'desc').limit(500).execute();
  // The pairs the actor can log contacts for: a tutor's own active pairs.
  const pairs = sortByName(
    await ctx.db
      .selectFrom('pairings as p')
      .innerJoin('users as tutee', 'tutee.id', 'p.tutee_user_id')
      .select(['p.id', 'tutee.id as tutee_id', 'tutee.name as tutee_name'])
      .where('p.programme_id', '=', p.id)
      .where('p.state', '=', 'active')
      .where('p.tutor_user_id', '=', actor.id)
      .execute(),
    (x) => x.tutee_name,
  );
  const last = pairs.length
    ? await lastContactByPair(ctx.db, p.id, ctx.clock.now().toISOString(), { tutorId: actor.id })
    : new Map<string, string>();
  return {
    alerts: rows.map((a) => presentAlert(a, manager, actor)),
    myPairs: pairs.map((x) => ({
      pairingId: x.id,
      tutee: { id: x.tutee_id, name: x.tutee_name },
      lastContactAt: last.get(x.id) ?? null,
    })),
  };
}

/** An alert through its programme's scope (404 outside), then the action (403). */
async function loadAlert(ctx: AppContext, actor: UserActor, alertId: string, manage: boolean) {
  const a = await alertsQuery(ctx).where('a.id', '=', alertId).executeTakeFirst();
  if (!a) throw notFound('alert');
  const p = await loadProgrammeFor(ctx, actor, a.programme_id).catch(() => {
    throw notFound('alert');
  });
  const manager = managerOf(actor, p);
  if (!seesAlert(manager, actor, a)) throw notFound('alert');
  if (manage && !managesAlerts(manager)) throw forbidden();
  return { a, p, manager };
}

export async function snoozeAlert(ctx: AppContext, actor: UserActor, alertId: string, days: number) {
  const { a, manager } = await loadAlert(ctx, actor, alertId, true);
  if (a.state !== 'open' && a.state !== 'snoozed') throw refuse(400, 'alert_not_live');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('followup_alerts')
      .set({ state: 'snoozed', snoozed_until: new Date(now.getTime() + days * DAY).toISOString() })
      .where('id', '=', a.id)
      .execute();
    await audit(trx, now, {
      orgId: a.org_id,
      actorId: actor.id,
      action: 'followup.alert.snoozed',
      subjectType: 'alert',
      subjectId: a.id,
      meta: { days },
    });
  });
  return presentAlert(
    { ...(await alertsQuery(ctx).where('a.id', '=', a.id).executeTakeFirstOrThrow()) },
    manager,
    actor,
  );
}

export async function closeAlert(
  ctx: AppContext,
  actor: UserActor,
  alertId: string,
  body: { note: string; outcome: 'handled' | 'repairing' },
) {
  const { a, manager } = await loadAlert(ctx, actor, alertId, true);
  if (a.state !== 'open' && a.state !== 'snoozed') throw refuse(400, 'alert_not_live');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    // live_key stays: the same condition does not fire again until it has cleared.
    await trx
      .updateTable('followup_alerts')
      .set({
        state: 'closed',
        closed_at: now.toISOString(),
        closed_by: actor.id,
        close_note: body.note,
        snoozed_until: null,
        detail: JSON.stringify({
          ...readJson(alertDetailSchema, a.detail, 'followup_alerts.detail'),
          repairing: body.outcome === 'repairing' ? 1 : 0,
        }),
      })
      .where('id', '=', a.id)
      .execute();
    await audit(trx, now, {
      orgId: a.org_id,
      actorId: actor.id,
      action: 'followup.alert.closed',
      subjectType: 'alert',
      subjectId: a.id,
      meta: { outcome: body.outcome },
    });
  });
  return presentAlert(
    await alertsQuery(ctx).where('a.id', '=', a.id).executeTakeFirstOrThrow(),
    manager,
    actor,
  );
}

export async function messageTutor(ctx: AppContext, actor: UserActor, alertId: string, text: string) {
  const { a, p } = await loadAlert(ctx, actor, alertId, true);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await notify(
      trx,
      {
        userId: a.tutor_id,
        orgId: a.org_id,
        kind: 'message',
        key: `message:${newId()}`,
        link: `/programmes/${p.id}/suivi`,
        content: coordinatorMessage(text, {
          tutor: a.tutor_name,
          tutee: a.tutee_name,
          programme: p.name,
          coordinator: actor.name,
        }),
      },
      now,
    );
    await audit(trx, now, {
      orgId: a.org_id,
      actorId: actor.id,
      action: 'followup.tutor.messaged',
      subjectType: 'alert',
      subjectId: a.id,
    });
  });
}

/**
 * Notes a contact with the pair's tutee, or an attempt that got no answer, in the contact log the
 * meetings pages keep too: one table of contacts, whichever page they were noted from. Meetings
 * and their reports are recorded where they happen, in the meetings pages.
 */
export async function logActivity(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: ActivityBody,
) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  const pairing = await ctx.db
    .selectFrom('pairings')
    .selectAll()
    .where('id', '=', body.pairingId)
    .where('programme_id', '=', p.id)
    .executeTakeFirst();
  const may = pairing ? activityAccess(actor, p, pairing) : 'hidden';
  if (!pairing || may === 'hidden') throw notFound('pairing');
  if (may === 'refused') throw forbidden();
  if (pairing.state !== 'active') throw refuse(400, 'pairing_not_active');
  const now = ctx.clock.now();
  const id = await ctx.db.transaction().execute((trx) =>
    recordContact(trx, {
      orgId: p.org_id,
      programmeId: p.id,
      authorId: actor.id,
      tuteeId: pairing.tutee_user_id,
      // 'phone' is the follow-up pages' older word for a call.
      channel: !body.channel || body.channel === 'phone' ? 'call' : body.channel,
      happenedAt: body.at ? new Date(body.at) : now,
      answered: body.kind !== 'attempt',
      recordedAt: now,
    }),
  );
  return { ids: [id] };
}
