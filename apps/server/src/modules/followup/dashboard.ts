import { DateTime } from 'luxon';
import type { AppContext } from '../../context.ts';
import type { Programme } from '../../db/types.ts';
import { compareNames } from '../../domain/collate.ts';
import { isLivePairing } from '../../domain/pairings.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { absencesForDashboard } from '../absences/dashboard.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import type { ProgrammeRules } from '../programmes/templates.ts';
import { rulesOf } from '../programmes/templates.ts';
import { lastContactOf, lastLoggedContactOf, lastMeetingOf, meetingsPerMonth } from './activity.ts';
import { managerOf, mayReviewFollowup } from './policy.ts';
import { alertsQuery, presentAlert } from './service.ts';

// The coordinator's dashboard: pairs, meetings against the target, last contacts, alerts, tutor load.

const DAY = 86_400_000;

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
 * One read of the pairs, one aggregate of last contacts, one of meetings per local month, one
 * page of alerts and their counts: the same few queries whatever the size of the programme.
 */
function readDashboard(ctx: AppContext, p: Programme, nowIso: string, bounds: string[], cohort: string) {
  return Promise.all([
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
}

type DashboardRows = Awaited<ReturnType<typeof readDashboard>>;

/** Pairs by state, groups, last contacts of the active pairs and each tutor's live pairs. */
function tallyPairs(pairRows: DashboardRows[0]) {
  const states = new Map<string, number>();
  const groupKeys = new Set<string>();
  const lastContacts: { last: string | null }[] = [];
  const loadByTutor = new Map<string, { id: string; name: string; n: number }>();
  for (const r of pairRows) {
    states.set(r.state, (states.get(r.state) ?? 0) + 1);
    const live = isLivePairing(r.state);
    if (live && r.group_key) groupKeys.add(r.group_key);
    if (r.state === 'active') lastContacts.push({ last: lastContactOf(r) });
    if (live) {
      const t = loadByTutor.get(r.tutor_id) ?? { id: r.tutor_id, name: r.tutor_name, n: 0 };
      t.n++;
      loadByTutor.set(r.tutor_id, t);
    }
  }
  const byState: Record<string, number> = { proposed: 0, active: 0, paused: 0, completed: 0, ended: 0 };
  for (const [state, n] of states) byState[state] = n;
  return { byState, groups: { n: groupKeys.size }, lastContacts, load: [...loadByTutor.values()] };
}

/** How long since each active pair's last contact, in buckets of days. */
function contactBuckets(now: Date, lastContacts: { last: string | null }[]) {
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
  return [
    ...CONTACT_BUCKETS.map((b) => ({ bucket: b.key, count: buckets[b.key] ?? 0 })),
    { bucket: 'never', count: buckets.never ?? 0 },
  ];
}

/** Live alerts counted in all, escalated, by rule and by tutor. */
function tallyAlerts(alertCounts: DashboardRows[3]) {
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
  return { open, escalated, byRule, openByTutor };
}

/**
 * What a coordinator needs at a glance: pairs by state, meetings held per month against the
 * target, how long since each pair's last contact, live alerts and tutor load. Dates, counts and
 * names only: nothing of what was said.
 */
export async function dashboard(ctx: AppContext, actor: UserActor, programmeId: string, cohortId?: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!mayReviewFollowup(actor, p)) throw forbidden();
  const rules = rulesOf(p);
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

  const start = DateTime.fromJSDate(now, { zone: org.time_zone }).startOf('month').minus({ months: 11 });
  const monthStarts = Array.from({ length: 13 }, (_, i) => start.plus({ months: i }));
  const bounds = monthStarts.map((m) => m.toUTC().toISO() as string);
  const [pairRows, held, alertRows, alertCounts, capacities] = await readDashboard(
    ctx,
    p,
    now.toISOString(),
    bounds,
    cohortId ?? '',
  );
  const { byState, groups, lastContacts, load } = tallyPairs(pairRows);
  const capacity = new Map(capacities.map((c) => [c.user_id, c.capacity]));
  const active = byState.active ?? 0;
  const monthlyTarget = Math.round(((active * rules.meetings.target) / periodMonths(rules)) * 10) / 10;
  const { open, escalated, byRule, openByTutor } = tallyAlerts(alertCounts);

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
    meetingsByMonth: held.map((n, i) => ({
      month: (monthStarts[i] as DateTime).toFormat('yyyy-MM'),
      held: n,
      target: monthlyTarget,
    })),
    lastContact: contactBuckets(now, lastContacts),
    alerts: {
      open,
      escalated,
      byRule,
      list: alertRows.map((a) => presentAlert(a, managerOf(actor, p), actor)),
    },
    tutorLoad: load
      .map((t) => ({
        tutor: { id: t.id, name: t.name },
        active: Number(t.n),
        capacity: capacity.get(t.id) ?? null,
        openAlerts: openByTutor.get(t.id) ?? 0,
      }))
      .sort(
        (a, b) =>
          b.openAlerts - a.openAlerts || b.active - a.active || compareNames(a.tutor.name, b.tutor.name),
      ),
    absences: await absencesForDashboard(ctx.db, p, now),
    actions: { review: true },
  };
}
