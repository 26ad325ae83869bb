import { DateTime } from 'luxon';
import type { AppContext } from '../../context.ts';
import type { Programme } from '../../db/types.ts';
import { badRequest, forbidden, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { recordContact } from '../meetings/contact-log.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import type { ProgrammeRules } from '../programmes/templates.ts';
import {
  lastContactByPair,
  lastContactOf,
  lastLoggedContactOf,
  lastMeetingOf,
  meetingsPerMonth,
} from './activity.ts';
import type { AlertRule } from './rules.ts';
import type { ActivityBody, AlertView } from './schema.ts';
import { coordinatorMessage } from './texts.ts';

const DAY = 86_400_000;

/** What a manager of the programme may do here: read it, and change it unless it is archived. */
type Manager = { reads: boolean; writes: boolean };
const managerOf = (actor: UserActor, p: Programme): Manager => ({
  reads: managesProgramme(actor, p, 'read'),
  writes: managesProgramme(actor, p, 'write'),
});

type AlertRow = {
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

function alertsQuery(ctx: AppContext) {
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

function present(a: AlertRow, manager: Manager, actor: UserActor): AlertView {
  const live = a.state === 'open' || a.state === 'snoozed';
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
    // The coordinator's note is for coordinators; it is about handling, not about the tutee.
    closeNote: manager.reads ? a.close_note : null,
    detail: JSON.parse(a.detail) as Record<string, number>,
    tutor: { id: a.tutor_id, name: a.tutor_name },
    tutee: { id: a.tutee_id, name: a.tutee_name },
    actions: {
      snooze: manager.writes && live,
      close: manager.writes && live,
      messageTutor: manager.writes,
      logActivity: manager.writes || a.tutor_id === actor.id,
    },
  };
}

/** Live alerts the actor may see: all of the programme for its coordinators, their own pairs' for tutors. */
export async function listAlerts(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  const manager = managerOf(actor, p);
  let q = alertsQuery(ctx).where('a.programme_id', '=', p.id).where('a.state', 'in', ['open', 'snoozed']);
  if (!manager.reads) q = q.where('p.tutor_user_id', '=', actor.id);
  const rows = await q.orderBy('a.opened_at', 'desc').limit(500).execute();
  // The pairs the actor can log contacts for: a tutor's own active pairs.
  const pairs = await ctx.db
    .selectFrom('pairings as p')
    .innerJoin('users as tutee', 'tutee.id', 'p.tutee_user_id')
    .select(['p.id', 'tutee.id as tutee_id', 'tutee.name as tutee_name'])
    .where('p.programme_id', '=', p.id)
    .where('p.state', '=', 'active')
    .where('p.tutor_user_id', '=', actor.id)
    .orderBy('tutee.name')
    .execute();
  const last = pairs.length
    ? await lastContactByPair(ctx.db, p.id, ctx.clock.now().toISOString(), { tutorId: actor.id })
    : new Map<string, string>();
  return {
    alerts: rows.map((a) => present(a, manager, actor)),
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
  if (!manager.reads && a.tutor_id !== actor.id) throw notFound('alert');
  if (manage && !manager.writes) throw forbidden();
  return { a, p, manager };
}

export async function snoozeAlert(ctx: AppContext, actor: UserActor, alertId: string, days: number) {
  const { a, manager } = await loadAlert(ctx, actor, alertId, true);
  if (a.state !== 'open' && a.state !== 'snoozed')
    throw badRequest('alert_not_live', 'This alert is no longer open.');
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
  return present(
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
  if (a.state !== 'open' && a.state !== 'snoozed')
    throw badRequest('alert_not_live', 'This alert is no longer open.');
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
        detail: JSON.stringify({ ...JSON.parse(a.detail), repairing: body.outcome === 'repairing' ? 1 : 0 }),
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
  return present(await alertsQuery(ctx).where('a.id', '=', a.id).executeTakeFirstOrThrow(), manager, actor);
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
  const own = pairing?.tutor_user_id === actor.id;
  if (!pairing || (!own && !managesProgramme(actor, p, 'read'))) throw notFound('pairing');
  if (!own && !managesProgramme(actor, p, 'write')) throw forbidden();
  if (pairing.state !== 'active') throw badRequest('pairing_not_active', 'This pair is not active.');
  const now = ctx.clock.now();
  const id = await recordContact(ctx.db, {
    orgId: p.org_id,
    programmeId: p.id,
    authorId: actor.id,
    tuteeId: pairing.tutee_user_id,
    // 'phone' is the follow-up pages' older word for a call.
    channel: !body.channel || body.channel === 'phone' ? 'call' : body.channel,
    happenedAt: body.at ? new Date(body.at) : now,
    answered: body.kind !== 'attempt',
    recordedAt: now,
  });
  return { ids: [id] };
}

// ── Dashboard ─────────────────────────────────────────────────────────────────────────────────

const CONTACT_BUCKETS = [
  { key: '0-30', max: 30 },
  { key: '31-60', max: 60 },
  { key: '61-90', max: 90 },
  { key: '91-180', max: 180 },
  { key: '181+', max: Number.POSITIVE_INFINITY },
] as const;

/** The dashboard lists the most pressing alerts (escalated first, then the oldest); counts cover all. */
const ALERT_PAGE = 100;

const periodMonths = (rules: ProgrammeRules) =>
  ({ month: 1, quarter: 3, semester: 6, year: 12, programme: rules.durationMonths ?? 12 })[
    rules.meetings.per
  ];

/**
 * What a coordinator needs at a glance: pairs by state, meetings held per month against the
 * target, how long since each pair's last contact, live alerts and tutor load. Dates, counts and
 * names only: nothing of what was said.
 */
export async function dashboard(ctx: AppContext, actor: UserActor, programmeId: string, cohortId?: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!managesProgramme(actor, p, 'read')) throw forbidden();
  const rules = JSON.parse(p.rules) as ProgrammeRules;
  const now = ctx.clock.now();
  const org = await ctx.db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', p.org_id)
    .executeTakeFirstOrThrow();
  const cohorts = await ctx.db
    .selectFrom('cohorts')
    .select(['id', 'name'])
    .where('programme_id', '=', p.id)
    .orderBy('starts_on', 'desc')
    .execute();
  if (cohortId && !cohorts.some((c) => c.id === cohortId)) throw notFound('cohort');

  const cohort = cohortId ?? '';

  // One read of the pairs, one aggregate of last contacts, one of meetings per local month, one
  // page of alerts and their counts: the same few queries whatever the size of the programme.
  const nowIso = now.toISOString();
  const start = DateTime.fromJSDate(now, { zone: org.time_zone }).startOf('month').minus({ months: 11 });
  const monthStarts = Array.from({ length: 13 }, (_, i) => start.plus({ months: i }));
  const bounds = monthStarts.map((m) => m.toUTC().toISO() as string);
  const [pairRows, held, alertRows, alertCounts, capacities] = await Promise.all([
    // Each pair with, for active ones, its last contact (looked up per pair through the indexes).
    ctx.db
      .selectFrom('pairings as pr')
      .innerJoin('users as u', 'u.id', 'pr.tutor_user_id')
      .select((eb) => [
        'pr.id',
        'pr.state',
        'pr.group_key',
        'u.id as tutor_id',
        'u.name as tutor_name',
        eb.case().when('pr.state', '=', 'active').then(lastMeetingOf(eb, nowIso)).end().as('met'),
        eb.case().when('pr.state', '=', 'active').then(lastLoggedContactOf(eb, nowIso)).end().as('talked'),
      ])
      .where('pr.programme_id', '=', p.id)
      .$if(!!cohort, (q) => q.where('pr.cohort_id', '=', cohort))
      .execute(),
    meetingsPerMonth(ctx.db, p.id, nowIso, bounds, { cohortId: cohort || undefined }),
    alertsQuery(ctx)
      .where('a.programme_id', '=', p.id)
      .where('a.state', 'in', ['open', 'snoozed'])
      .$if(!!cohort, (q) => q.where('p.cohort_id', '=', cohort))
      .orderBy('a.level', 'asc')
      .orderBy('a.opened_at', 'asc')
      .limit(ALERT_PAGE)
      .execute(),
    ctx.db
      .selectFrom('followup_alerts as a')
      .innerJoin('pairings as p', 'p.id', 'a.pairing_id')
      .select(['a.rule', 'a.level', 'p.tutor_user_id', (eb) => eb.fn.countAll().as('n')])
      .where('a.programme_id', '=', p.id)
      .where('a.state', 'in', ['open', 'snoozed'])
      .$if(!!cohort, (q) => q.where('p.cohort_id', '=', cohort))
      .groupBy(['a.rule', 'a.level', 'p.tutor_user_id'])
      .execute(),
    ctx.db
      .selectFrom('memberships')
      .select(['user_id', 'capacity'])
      .where('programme_id', '=', p.id)
      .where('role', '=', 'tutor')
      .where('ended_at', 'is', null)
      .execute(),
  ]);
  const states = new Map<string, number>();
  const groupKeys = new Set<string>();
  const lastContacts: { last: string | null }[] = [];
  const loadByTutor = new Map<string, { id: string; name: string; n: number }>();
  for (const r of pairRows) {
    states.set(r.state, (states.get(r.state) ?? 0) + 1);
    const live = r.state === 'active' || r.state === 'paused';
    if (live && r.group_key) groupKeys.add(r.group_key);
    if (r.state === 'active') lastContacts.push({ last: lastContactOf(r) });
    if (live) {
      const t = loadByTutor.get(r.tutor_id) ?? { id: r.tutor_id, name: r.tutor_name, n: 0 };
      t.n++;
      loadByTutor.set(r.tutor_id, t);
    }
  }
  const groups = { n: groupKeys.size };
  const load = [...loadByTutor.values()];
  const capacity = new Map(capacities.map((c) => [c.user_id, c.capacity]));

  const byState: Record<string, number> = { proposed: 0, active: 0, paused: 0, completed: 0, ended: 0 };
  for (const [state, n] of states) byState[state] = n;
  const buckets = Object.fromEntries([...CONTACT_BUCKETS.map((b) => [b.key, 0]), ['never', 0]]) as Record<
    string,
    number
  >;
  for (const c of lastContacts) {
    const last = c.last as string | null;
    if (!last) {
      buckets.never = (buckets.never ?? 0) + 1;
      continue;
    }
    const days = Math.floor((now.getTime() - Date.parse(last)) / DAY);
    const b = CONTACT_BUCKETS.find((x) => days <= x.max) as (typeof CONTACT_BUCKETS)[number];
    buckets[b.key] = (buckets[b.key] ?? 0) + 1;
  }
  const active = byState.active ?? 0;
  const monthlyTarget = Math.round(((active * rules.meetings.target) / periodMonths(rules)) * 10) / 10;
  const meetingsByMonth = held.map((n, i) => ({
    month: (monthStarts[i] as DateTime).toFormat('yyyy-MM'),
    held: n,
    target: monthlyTarget,
  }));
  const alerts = alertRows.map((a) => present(a, managerOf(actor, p), actor));
  const openByTutor = new Map<string, number>();
  const byRule: Record<string, number> = {};
  let open = 0;
  let escalated = 0;
  for (const c of alertCounts) {
    const n = Number(c.n);
    open += n;
    if (c.level === 'coordinator') escalated += n;
    byRule[c.rule] = (byRule[c.rule] ?? 0) + n;
    openByTutor.set(c.tutor_user_id, (openByTutor.get(c.tutor_user_id) ?? 0) + n);
  }

  return {
    programme: {
      id: p.id,
      name: p.name,
      unit: rules.unit,
      meetingsPer: rules.meetings.per,
      target: rules.meetings.target,
    },
    cohorts,
    cohortId: cohortId ?? null,
    pairs: { byState, groups: Number(groups?.n ?? 0) },
    meetingsByMonth,
    lastContact: [
      ...CONTACT_BUCKETS.map((b) => ({ bucket: b.key, count: buckets[b.key] ?? 0 })),
      { bucket: 'never', count: buckets.never ?? 0 },
    ],
    alerts: { open, escalated, byRule, list: alerts },
    tutorLoad: load
      .map((t) => ({
        tutor: { id: t.id, name: t.name },
        active: Number(t.n),
        capacity: capacity.get(t.id) ?? null,
        openAlerts: openByTutor.get(t.id) ?? 0,
      }))
      .sort(
        (a, b) =>
          b.openAlerts - a.openAlerts || b.active - a.active || a.tutor.name.localeCompare(b.tutor.name),
      ),
    actions: { review: true },
  };
}
