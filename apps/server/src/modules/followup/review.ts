import { DateTime } from 'luxon';
import type { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Programme } from '../../db/types.ts';
import { forbidden } from '../../http/errors.ts';
import { median } from '../../lib/median.ts';
import type { UserActor } from '../../policy/actor.ts';
import { MIN_AGGREGATE } from '../../policy/confidentiality.ts';
import { audit } from '../audit/service.ts';
import { difficultyThemes } from '../difficulties/themes.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import { programmeSatisfaction, qualitativeReview } from '../reviews/yearly.ts';
import { heldMeetings, loggedContacts, meetingsPerMonth } from './activity.ts';
import { mayReviewFollowup } from './policy.ts';
import { meetingsAgainstMinimum, mentoringFigures } from './review-mentoring.ts';
import { alertRules } from './rules.ts';
import type { reviewSummaryView } from './schema.ts';

/** An aggregate of answers, shown only over at least MIN_AGGREGATE of them (PRODUCT.md). */
export function aggregateOrHidden(values: number[]): {
  answers: number;
  mean: number | null;
  shown: boolean;
} {
  if (values.length < MIN_AGGREGATE) return { answers: values.length, mean: null, shown: false };
  return {
    answers: values.length,
    mean: Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 10) / 10,
    shown: true,
  };
}

/** A membership ended within this time of its creation, its person never paired, was a mistake. */
export const MISTAKE_WINDOW_DAYS = 7;

/**
 * The yearly review a programme owes its institution, over the twelve months starting in the
 * programme's review month (rule `reviewStartMonth`) of `year`: participation, meetings per pair,
 * channels, alerts and how they were handled. Counts and rates only; no names, no content.
 * Meetings and contacts are read from the meetings tables and the contact log, as the alerts and
 * the dashboard read them.
 *
 * Who took part: the tutor and tutee of every pair live during the period (formed before its end,
 * not ended before its start, never a mere proposal), and the people whose membership in that role
 * covered part of the period — except a membership removed within MISTAKE_WINDOW_DAYS of its
 * creation by someone who was never paired in the programme (an import or typing mistake undone).
 * A membership written after the period does not make its person a participant of it.
 *
 * A pair is two people: a pairing ended and formed again between the same tutor and tutee counts
 * once, with its meetings added up, and in the state of its latest pairing. A pair ended early is
 * one whose latest pairing was ended (state `ended`, not `completed`) during the period.
 */
export async function yearlyReview(ctx: AppContext, actor: UserActor, programmeId: string, year?: number) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!mayReviewFollowup(actor, p)) throw forbidden();
  const period = await reviewPeriod(ctx, p, year);
  const { startLocal, end } = period;
  const rows = await readYear(ctx, p, period);
  const { pairs, tutors, tutees, coupleOf, latest } = whoTookPart(rows);
  const { counts, channels, unansweredAttempts } = meetingsAndChannels(rows, coupleOf, latest);
  const { alerts, deliveries } = rows;
  const meetingsTotal = counts.reduce((a, b) => a + b, 0);
  const months = Array.from({ length: 12 }, (_, i) => startLocal.plus({ months: i }).toFormat('yyyy-MM'));
  const qualitative = await qualitativeReview(ctx.db, p, { start: period.start, end, months });
  const againstMinimum = await meetingsAgainstMinimum(ctx.db, p, counts, rows.until, coupleOf, latest);
  return {
    programme: { id: p.id, name: p.name, organisation: period.organisation, template: p.template },
    year: period.year,
    period: {
      startMonth: period.startMonth,
      start: startLocal.toISODate() as string,
      end: startLocal.plus({ years: 1 }).minus({ days: 1 }).toISODate() as string,
    },
    participation: {
      tutors: tutors.size,
      tutees: tutees.size,
      pairs: pairs.length,
      pairsWithMeeting: counts.filter((c) => c > 0).length,
      pairsEndedEarly: pairs.filter((x) => x.state === 'ended' && x.ended_at && x.ended_at < end).length,
      pairsCompleted: pairs.filter((x) => x.state === 'completed' && x.ended_at && x.ended_at < end).length,
    },
    meetings: {
      total: meetingsTotal,
      reports: Number(rows.reports?.n ?? 0),
      perPairMean: pairs.length ? Math.round((meetingsTotal / pairs.length) * 10) / 10 : 0,
      perPairMedian: median(counts) ?? 0,
      distribution: ['0', '1', '2', '3', '4', '5+'].map((label, i) => ({
        label,
        pairs: counts.filter((c) => (i === 5 ? c >= 5 : c === i)).length,
      })),
      byMonth: rows.byMonth.map((held, i) => ({
        month: startLocal.plus({ months: i }).toFormat('yyyy-MM'),
        held,
      })),
    },
    channels: {
      meetingsAndContacts: channels,
      unansweredAttempts,
      messages: Object.fromEntries(deliveries.map((d) => [d.channel, Number(d.n)])),
    },
    alerts: alertFigures(alerts),
    // The end reviews' "satisfaction with the programme", withheld under five answers.
    endOfYearReviews: programmeSatisfaction(qualitative),
    // The end reviews' and questionnaires' aggregates, and the themes of the shared end reviews.
    qualitative,
    // The pairs' figures against the programme's commitments (meetings minimum, ended early).
    mentoring: await mentoringFigures(ctx.db, p, pairs, againstMinimum, { start: period.start, end }),
    // Systemic difficulties raised to the coordination, by theme, each withheld under five.
    difficultyThemes: await difficultyThemes(ctx.db, p.id, period.start, period.end),
    minAggregate: MIN_AGGREGATE,
  };
}
/** A review, which holds at least the figures of reviewSummaryView (the screen's type). */
type Summarised<T extends z.infer<typeof reviewSummaryView>> = T;
export type YearlyReview = Summarised<Awaited<ReturnType<typeof yearlyReview>>>;

export async function auditReviewExport(ctx: AppContext, actor: UserActor, r: YearlyReview, format: string) {
  const p = await loadProgrammeFor(ctx, actor, r.programme.id);
  await audit(ctx.db, ctx.clock.now(), {
    orgId: p.org_id,
    actorId: actor.id,
    action: 'followup.review.exported',
    subjectType: 'programme',
    subjectId: p.id,
    meta: { year: r.year, format },
  });
}

type Period = Awaited<ReturnType<typeof reviewPeriod>>;
type YearRows = Awaited<ReturnType<typeof readYear>>;

/** The twelve months of the review, in the organisation's zone: `year`'s, or the latest begun. */
async function reviewPeriod(ctx: AppContext, p: Programme, year?: number) {
  const startMonth = rulesOf(p).reviewStartMonth;
  const org = await ctx.db
    .selectFrom('organisations')
    .select(['name', 'time_zone'])
    .where('id', '=', p.org_id)
    .executeTakeFirstOrThrow();
  const now = DateTime.fromJSDate(ctx.clock.now(), { zone: org.time_zone });
  const y = year ?? (now.month >= startMonth ? now.year : now.year - 1);
  const startLocal = DateTime.fromObject({ year: y, month: startMonth, day: 1 }, { zone: org.time_zone });
  const start = startLocal.toUTC().toISO() as string;
  const end = startLocal.plus({ years: 1 }).toUTC().toISO() as string;
  return { organisation: org.name, startMonth, year: y, startLocal, start, end };
}

/** What the review counts: pairings, memberships, meetings, reports, contacts, alerts and messages of the year. */
async function readYear(ctx: AppContext, p: Programme, { startLocal, start, end }: Period) {
  // Meetings held and contacts noted during the year, up to today for the current year.
  const until = new Date(Math.min(ctx.clock.now().getTime(), Date.parse(end))).toISOString();
  const bounds = Array.from(
    { length: 13 },
    (_, i) => startLocal.plus({ months: i }).toUTC().toISO() as string,
  );
  const [pairings, members, everPaired, meetings, byMonth, reports, contacts, alerts, deliveries] =
    await Promise.all([
      ctx.db
        .selectFrom('pairings')
        .select(['id', 'state', 'tutor_user_id', 'tutee_user_id', 'created_at', 'ended_at'])
        .where('programme_id', '=', p.id)
        .where('state', '!=', 'proposed')
        .where('created_at', '<', end)
        .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', start)]))
        .execute(),
      ctx.db
        .selectFrom('memberships')
        .select(['user_id', 'role', 'created_at', 'ended_at'])
        .where('programme_id', '=', p.id)
        .where('role', 'in', ['tutor', 'tutee'])
        .where('created_at', '<', end)
        .where((eb) => eb.or([eb('ended_at', 'is', null), eb('ended_at', '>=', start)]))
        .execute(),
      ctx.db
        .selectFrom('pairings')
        .select(['tutor_user_id', 'tutee_user_id'])
        .where('programme_id', '=', p.id)
        .where('state', '!=', 'proposed')
        .execute(),
      heldMeetings(ctx.db, p.id, until)
        .where('m.starts_at', '>=', start)
        .select(['pr.id as pairing_id', 'm.mode', (eb) => eb.fn.countAll().as('n')])
        .groupBy(['pr.id', 'm.mode'])
        .execute(),
      meetingsPerMonth(ctx.db, p.id, until, bounds),
      // A report per meeting, however many tutees were there.
      heldMeetings(ctx.db, p.id, until)
        .innerJoin('meeting_reports as r', 'r.meeting_id', 'm.id')
        .where('m.starts_at', '>=', start)
        .where('r.status', '=', 'filed')
        .select((eb) => eb.fn.count('m.id').distinct().as('n'))
        .executeTakeFirst(),
      loggedContacts(ctx.db, p.id, until)
        .where('c.happened_at', '>=', start)
        .select(['c.channel', 'c.answered', (eb) => eb.fn.countAll().as('n')])
        .groupBy(['c.channel', 'c.answered'])
        .execute(),
      ctx.db
        .selectFrom('followup_alerts')
        .select(['rule', 'state', 'level', 'opened_at', 'closed_at', 'resolved_at', 'escalated_at'])
        .where('programme_id', '=', p.id)
        .where('opened_at', '>=', start)
        .where('opened_at', '<', end)
        .execute(),
      ctx.db
        .selectFrom('deliveries')
        .select(['channel', (eb) => eb.fn.countAll().as('n')])
        .where('org_id', '=', p.org_id)
        .where('created_at', '>=', start)
        .where('created_at', '<', end)
        .where('status', '=', 'sent')
        .groupBy('channel')
        .execute(),
    ]);
  return { until, pairings, members, everPaired, meetings, byMonth, reports, contacts, alerts, deliveries };
}

/** Pairs, one per tutor and tutee in the state of their latest pairing; tutors and tutees who took part. */
function whoTookPart({ pairings, members, everPaired }: YearRows) {
  const coupleOf = new Map<string, string>();
  const latest = new Map<string, (typeof pairings)[number]>();
  for (const x of pairings) {
    const key = `${x.tutor_user_id} ${x.tutee_user_id}`;
    coupleOf.set(x.id, key);
    const before = latest.get(key);
    if (!before || before.created_at < x.created_at) latest.set(key, x);
  }
  const pairs = [...latest.values()];
  const tutors = new Set(pairs.map((x) => x.tutor_user_id));
  const tutees = new Set(pairs.map((x) => x.tutee_user_id));
  const paired = new Set(everPaired.flatMap((x) => [x.tutor_user_id, x.tutee_user_id]));
  const mistake = (m: (typeof members)[number]) =>
    m.ended_at !== null &&
    Date.parse(m.ended_at) - Date.parse(m.created_at) < MISTAKE_WINDOW_DAYS * 86_400_000 &&
    !paired.has(m.user_id);
  for (const m of members) {
    if (mistake(m)) continue;
    (m.role === 'tutor' ? tutors : tutees).add(m.user_id);
  }
  return { pairs, tutors, tutees, coupleOf, latest };
}

/** Meetings per pair (its counts, in pair order), and the meetings and answered contacts per channel. */
function meetingsAndChannels(
  { meetings, contacts }: YearRows,
  coupleOf: Map<string, string>,
  latest: Map<string, { id: string }>,
) {
  const meetingsPerPair = new Map<string, number>([...latest.keys()].map((k) => [k, 0]));
  const channels: Record<string, number> = {};
  for (const m of meetings) {
    const n = Number(m.n);
    const key = coupleOf.get(m.pairing_id);
    // The latest pairing of two people holds every meeting they had together (heldMeetings counts a
    // couple paired again as one): reading the earlier pairings too would count those meetings twice.
    if (!key || latest.get(key)?.id !== m.pairing_id) continue;
    meetingsPerPair.set(key, (meetingsPerPair.get(key) ?? 0) + n);
    channels[m.mode] = (channels[m.mode] ?? 0) + n;
  }
  let unansweredAttempts = 0;
  for (const c of contacts) {
    if (Number(c.answered) === 1) channels[c.channel] = (channels[c.channel] ?? 0) + Number(c.n);
    else unansweredAttempts += Number(c.n);
  }
  return { counts: [...meetingsPerPair.values()], channels, unansweredAttempts };
}

/** The alerts opened during the year, per rule, and how long they took to handle. */
function alertFigures(alerts: YearRows['alerts']) {
  const DAY = 86_400_000;
  const handledDays = alerts
    .map((a) => a.closed_at ?? a.resolved_at)
    .map((t, i) =>
      t ? (Date.parse(t) - Date.parse((alerts[i] as { opened_at: string }).opened_at)) / DAY : null,
    )
    .filter((d): d is number => d !== null);
  return {
    total: alerts.length,
    escalated: alerts.filter((a) => a.escalated_at).length,
    byRule: alertRules.map((r) => ({
      rule: r,
      opened: alerts.filter((a) => a.rule === r).length,
      resolved: alerts.filter((a) => a.rule === r && a.state === 'resolved').length,
      closed: alerts.filter((a) => a.rule === r && a.state === 'closed').length,
      open: alerts.filter((a) => a.rule === r && (a.state === 'open' || a.state === 'snoozed')).length,
    })),
    medianDaysToHandle: handledDays.length ? Math.round((median(handledDays) as number) * 10) / 10 : null,
  };
}
