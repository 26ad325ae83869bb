import { busyFromIcs } from '@compagnon/engine';
import { DateTime, IANAZone } from 'luxon';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { AvailabilityRuleTable } from '../../db/types.ts';
import { badRequest, notFound } from '../../http/errors.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { nonEmpty, scopeFor } from '../../policy/scope.ts';
import { orgZone } from '../meetings/access.ts';
import { type RuleBody, ruleBody } from '../meetings/schema.ts';
import { loadOrganisationFor } from '../programmes/service.ts';
import { parsePhrase } from './phrases.ts';
import { expandRules, type Interval, type Rule } from './rules.ts';

/** Calendars are read this far ahead; a subscription is refreshed in the background. */
export const CALENDAR_DAYS_AHEAD = 200;
export const CALENDAR_MAX_BYTES = 2_000_000;
export const FETCH_TIMEOUT_MS = 10_000;

export const toRule = (r: {
  category: string;
  kind: string;
  pattern: string;
  weekdays: string;
  nth: number | null;
  start_time: string;
  end_time: string;
  from_date: string | null;
  to_date: string | null;
  rest_after: number;
}): Rule => ({
  category: r.category,
  kind: r.kind as Rule['kind'],
  pattern: r.pattern as Rule['pattern'],
  weekdays: JSON.parse(r.weekdays) as number[],
  nth: r.nth,
  startTime: r.start_time,
  endTime: r.end_time,
  fromDate: r.from_date,
  toDate: r.to_date,
  restAfter: r.rest_after === 1,
});

const ruleView = (r: AvailabilityRuleTable) => ({ id: r.id, ...toRule(r) });

export async function myAvailability(ctx: AppContext, actor: UserActor, orgId: string) {
  await loadOrganisationFor(ctx, actor, orgId);
  const now = ctx.clock.now().toISOString();
  const programmeIds = actor.memberships.filter((m) => m.orgId === orgId).map((m) => m.programmeId);
  const [zone, rules, calendars, events, feed] = await Promise.all([
    orgZone(ctx.db, orgId),
    ctx.db
      .selectFrom('availability_rules')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', actor.id)
      .orderBy('created_at')
      .execute(),
    ctx.db
      .selectFrom('calendar_sources')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', '=', actor.id)
      .orderBy('created_at')
      .execute(),
    ctx.db
      .selectFrom('programme_events')
      .selectAll()
      .where('programme_id', 'in', nonEmpty(programmeIds))
      .where('ends_at', '>', now)
      .orderBy('starts_at')
      .limit(50)
      .execute(),
    ctx.db.selectFrom('calendar_feeds').select('user_id').where('user_id', '=', actor.id).executeTakeFirst(),
  ]);
  return {
    timeZone: zone,
    rules: rules.map(ruleView),
    calendars: calendars.map((c) => ({
      id: c.id,
      kind: c.kind as 'upload' | 'url',
      label: c.label,
      busyCount: (JSON.parse(c.busy) as unknown[]).length,
      fetchedAt: c.fetched_at,
      lastError: c.last_error,
    })),
    events: events.map(eventView),
    hasFeed: !!feed,
  };
}

export const eventView = (e: {
  id: string;
  programme_id: string;
  title: string;
  kind: string;
  starts_at: string;
  ends_at: string;
  busy: number;
}) => ({
  id: e.id,
  programmeId: e.programme_id,
  title: e.title,
  kind: e.kind,
  start: e.starts_at,
  end: e.ends_at,
  busy: e.busy === 1,
});

export async function addRule(ctx: AppContext, actor: UserActor, orgId: string, body: RuleBody) {
  await loadOrganisationFor(ctx, actor, orgId);
  const id = newId();
  await ctx.db
    .insertInto('availability_rules')
    .values({
      id,
      org_id: orgId,
      user_id: actor.id,
      category: body.category,
      kind: body.kind,
      pattern: body.pattern,
      weekdays: JSON.stringify([...new Set(body.weekdays)].sort()),
      nth: body.pattern === 'monthly' ? body.nth : null,
      start_time: body.startTime,
      end_time: body.endTime,
      from_date: body.fromDate,
      to_date: body.toDate,
      rest_after: body.restAfter ? 1 : 0,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
  return id;
}

async function readPhrase(ctx: AppContext, orgId: string, text: string) {
  const zone = await orgZone(ctx.db, orgId);
  const today = DateTime.fromJSDate(ctx.clock.now(), { zone }).toISODate() as string;
  return parsePhrase(text, { today });
}

/** What a typed constraint was understood as, or which part was not: nothing is saved. */
export async function previewPhrase(ctx: AppContext, actor: UserActor, orgId: string, text: string) {
  await loadOrganisationFor(ctx, actor, orgId);
  const r = await readPhrase(ctx, orgId, text);
  if (!r.understood) {
    const { code, message, messageEn, part } = r;
    return {
      understood: false,
      action: null,
      rule: null,
      startGuessed: false,
      restAfter: null,
      error: { code, message, messageEn, part },
    };
  }
  return r.action === 'add'
    ? {
        understood: true,
        action: r.action,
        rule: r.rule,
        startGuessed: r.startGuessed,
        restAfter: null,
        error: null,
      }
    : {
        understood: true,
        action: r.action,
        rule: null,
        startGuessed: false,
        restAfter: r.restAfter,
        error: null,
      };
}

/**
 * Saves a typed constraint: a new rule, or "repos le lendemain de garde" applied to the person's
 * night shifts. A phrase not understood is refused with the part at fault, and nothing is written.
 */
export async function addPhrase(ctx: AppContext, actor: UserActor, orgId: string, text: string) {
  await loadOrganisationFor(ctx, actor, orgId);
  const r = await readPhrase(ctx, orgId, text);
  if (!r.understood) {
    throw badRequest(r.code === 'not_understood' ? 'phrase_not_understood' : `phrase_${r.code}`, r.message, {
      messageEn: r.messageEn,
      part: r.part,
    });
  }
  if (r.action === 'add') {
    return { action: r.action, id: await addRule(ctx, actor, orgId, ruleBody.parse(r.rule)), updated: 0 };
  }
  const res = await ctx.db
    .updateTable('availability_rules')
    .set({ rest_after: r.restAfter ? 1 : 0 })
    .where('org_id', '=', orgId)
    .where('user_id', '=', actor.id)
    .where('category', '=', 'night-shift')
    .executeTakeFirst();
  const updated = Number(res.numUpdatedRows);
  if (updated === 0) {
    throw badRequest(
      'no_night_shifts',
      'Ajoutez d’abord vos gardes, par exemple « garde tous les mardis ».',
      {
        messageEn: 'Add your night shifts first, for example “night shift every Tuesday”.',
      },
    );
  }
  return { action: r.action, id: null, updated };
}

/** Only the person's own rules and calendars can be removed; anyone else's are not found. */
export async function removeOwn(
  ctx: AppContext,
  actor: UserActor,
  orgId: string,
  table: 'availability_rules' | 'calendar_sources',
  id: string,
) {
  if (!scopeFor(actor).orgIds.includes(orgId)) throw notFound('organisation');
  const res = await ctx.db
    .deleteFrom(table)
    .where('id', '=', id)
    .where('org_id', '=', orgId)
    .where('user_id', '=', actor.id)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw notFound(table === 'availability_rules' ? 'rule' : 'calendar');
}

function busyOf(text: string, zone: string, now: Date): Interval[] {
  const from = DateTime.fromJSDate(now).minus({ days: 1 });
  const to = DateTime.fromJSDate(now).plus({ days: CALENDAR_DAYS_AHEAD });
  try {
    return busyFromIcs(text, {
      from: from.toUTC().toISO() as string,
      to: to.toUTC().toISO() as string,
      timeZone: zone,
    }).busy;
  } catch {
    throw badRequest('invalid_calendar', 'Ce fichier n’est pas un calendrier iCalendar (.ics) lisible.', {
      messageEn: 'This file is not a readable iCalendar (.ics) calendar.',
    });
  }
}

/** Downloads a subscribed calendar with a size and time limit. */
async function download(url: string): Promise<string> {
  const res = await fetch(url, {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    headers: { accept: 'text/calendar, */*' },
    redirect: 'follow',
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const text = await res.text();
  if (text.length > CALENDAR_MAX_BYTES) throw new Error('too large');
  return text;
}

export async function addCalendar(
  ctx: AppContext,
  actor: UserActor,
  orgId: string,
  body: { kind: 'upload'; label: string; text: string } | { kind: 'url'; label: string; url: string },
) {
  await loadOrganisationFor(ctx, actor, orgId);
  const zone = await orgZone(ctx.db, orgId);
  const now = ctx.clock.now();
  let text: string;
  if (body.kind === 'upload') text = body.text;
  else {
    try {
      text = await download(body.url);
    } catch {
      throw badRequest('calendar_unreachable', 'Impossible de lire ce calendrier à cette adresse.', {
        messageEn: 'This calendar could not be read at that address.',
      });
    }
  }
  // Only busy times are kept: the file and its event titles are never stored.
  const busy = busyOf(text, zone, now);
  const id = newId();
  await ctx.db
    .insertInto('calendar_sources')
    .values({
      id,
      org_id: orgId,
      user_id: actor.id,
      kind: body.kind,
      label: body.label,
      url: body.kind === 'url' ? body.url : null,
      busy: JSON.stringify(busy),
      fetched_at: now.toISOString(),
      last_error: null,
      created_at: now.toISOString(),
    })
    .execute();
  return id;
}

/**
 * Refreshes every subscribed calendar last read before `staleBefore` (the background job calls it).
 * A failed download keeps the last busy times and records the error for the person to see.
 */
export async function refreshSubscriptions(ctx: AppContext, opts: { staleMinutes?: number } = {}) {
  const now = ctx.clock.now();
  const staleBefore = new Date(now.getTime() - (opts.staleMinutes ?? 60) * 60_000).toISOString();
  const due = await ctx.db
    .selectFrom('calendar_sources')
    .select(['id', 'org_id', 'url', 'fetched_at'])
    .where('kind', '=', 'url')
    .where((eb) => eb.or([eb('fetched_at', 'is', null), eb('fetched_at', '<', staleBefore)]))
    .limit(200)
    .execute();
  let refreshed = 0;
  for (const c of due) {
    const zone = await orgZone(ctx.db, c.org_id);
    try {
      const busy = busyOf(await download(c.url as string), zone, now);
      await ctx.db
        .updateTable('calendar_sources')
        .set({ busy: JSON.stringify(busy), fetched_at: now.toISOString(), last_error: null })
        .where('id', '=', c.id)
        .execute();
      refreshed++;
    } catch (e) {
      await ctx.db
        .updateTable('calendar_sources')
        .set({ fetched_at: now.toISOString(), last_error: String((e as Error).message ?? e).slice(0, 200) })
        .where('id', '=', c.id)
        .execute();
    }
  }
  return { checked: due.length, refreshed };
}

export interface Times {
  busy: Interval[];
  ifNeedBe: Interval[];
}

interface Stretch {
  /** The range to expand on this stretch, on a fixed offset. */
  range: { from: string; to: string; zone: string };
  /** Where the offset changes at either end (null: it does not, before or after the range). */
  cutFrom: string | null;
  cutTo: string | null;
}

const isoUtc = (ms: number) =>
  DateTime.fromMillis(ms, { zone: 'utc' }).toISO({ suppressMilliseconds: true }) as string;

/** A zone's offset as a fixed zone luxon reads: "UTC+1", "UTC-3:30", "UTC". */
function fixedZone(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const a = Math.abs(minutes);
  const mm = a % 60;
  return `UTC${minutes < 0 ? '-' : '+'}${Math.floor(a / 60)}${mm ? `:${String(mm).padStart(2, '0')}` : ''}`;
}

/**
 * The range cut where the zone's offset from UTC changes (a clock change, found to the minute),
 * looking three days before it for occurrences that run into it. Each stretch keeps one offset.
 */
function steadyStretches(range: { from: string; to: string; zone: string }): Stretch[] {
  const zone = IANAZone.create(range.zone);
  const from = Date.parse(range.from);
  const to = Date.parse(range.to);
  if (!zone.isValid || !(from < to)) return [{ range, cutFrom: null, cutTo: null }];
  const cuts: number[] = [];
  const day = 86_400_000;
  for (let t = from - 3 * day; t < to; t += day) {
    const next = Math.min(t + day, to);
    if (zone.offset(t) === zone.offset(next)) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (zone.offset(mid) === zone.offset(lo)) lo = mid;
      else hi = mid;
    }
    cuts.push(hi);
  }
  const bounds = [null, ...cuts, null];
  const out: Stretch[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const a = bounds[i] ?? null;
    const b = bounds[i + 1] ?? null;
    const lo = a === null ? from : Math.max(from, a);
    const hi = b === null ? to : Math.min(to, b);
    if (lo >= hi) continue;
    out.push({
      range: {
        from: lo === from ? range.from : isoUtc(lo),
        to: hi === to ? range.to : isoUtc(hi),
        zone: fixedZone(zone.offset(lo)),
      },
      cutFrom: a === null ? null : isoUtc(a),
      cutTo: b === null ? null : isoUtc(b),
    });
  }
  return out;
}

/** Keeps the part of an interval within its stretch (whole when the offset does not change). */
function clip(iv: Interval, s: Stretch, into: Interval[]) {
  const start = s.cutFrom && Date.parse(iv.start) < Date.parse(s.cutFrom) ? s.cutFrom : iv.start;
  const end = s.cutTo && Date.parse(iv.end) > Date.parse(s.cutTo) ? s.cutTo : iv.end;
  if (Date.parse(start) < Date.parse(end))
    into.push(start === iv.start && end === iv.end ? iv : { start, end });
}

/**
 * The part of a range where a rule bounded by dates can have occurrences: from its first day to
 * three days after its last (a night that runs into the next morning, and the rest day after it);
 * null when there is none.
 */
function boundedRange(rule: Rule, range: { from: string; to: string; zone: string }) {
  const day = (d: string, plus: number) =>
    DateTime.fromISO(d, { zone: range.zone }).plus({ days: plus }).toUTC().toISO() as string;
  const from = rule.fromDate ? day(rule.fromDate, 0) : null;
  const to = rule.toDate ? day(rule.toDate, 3) : null;
  const within = {
    from: from && Date.parse(from) > Date.parse(range.from) ? from : range.from,
    to: to && Date.parse(to) < Date.parse(range.to) ? to : range.to,
    zone: range.zone,
  };
  return Date.parse(within.from) < Date.parse(within.to) ? within : null;
}

/**
 * Expansions of rules over ranges, shared by every request: an expansion depends only on the rule
 * (its category aside) and the range, and the matching screen asks for the same range all day
 * long, for rules that many people keep. Frozen, as every caller shares them.
 */
const expansions = new Map<string, Times>();
const EXPANSIONS_KEPT = 20_000;

const frozen = (list: Interval[]): Interval[] => {
  for (const iv of list) Object.freeze(iv);
  return Object.freeze(list) as Interval[];
};

/**
 * Busy and if-need-be times of several people between two instants, in one query per source
 * whatever their number: their rules (expanded on the clock of `range.zone`), their calendars, the
 * programme's busy events and their confirmed meetings. `declared` says whether the person keeps any
 * rule or calendar of their own: without one, their times say nothing about their habits.
 */
export async function timesOf(
  db: Db,
  orgId: string,
  programmeId: string,
  userIds: string[],
  range: { from: string; to: string; zone: string },
): Promise<Map<string, Times & { declared: boolean }>> {
  const ids = nonEmpty(userIds);
  const [rules, calendars, events, meetings] = await Promise.all([
    db
      .selectFrom('availability_rules')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('user_id', 'in', ids)
      .execute(),
    db
      .selectFrom('calendar_sources')
      .select(['user_id', 'busy'])
      .where('org_id', '=', orgId)
      .where('user_id', 'in', ids)
      .execute(),
    db
      .selectFrom('programme_events')
      .select(['starts_at', 'ends_at'])
      .where('programme_id', '=', programmeId)
      .where('busy', '=', 1)
      .where('ends_at', '>', range.from)
      .where('starts_at', '<', range.to)
      .execute(),
    db
      .selectFrom('meetings')
      .innerJoin('meeting_participants', 'meeting_participants.meeting_id', 'meetings.id')
      .select(['meeting_participants.user_id', 'meetings.starts_at', 'meetings.ends_at'])
      .where('meetings.status', '=', 'confirmed')
      .where('meeting_participants.user_id', 'in', ids)
      .where('meetings.ends_at', '>', range.from)
      .where('meetings.starts_at', '<', range.to)
      .execute(),
  ]);
  const byUser = <T extends { user_id: string }>(rows: T[]) => {
    const m = new Map<string, T[]>();
    for (const r of rows) {
      const list = m.get(r.user_id);
      if (list) list.push(r);
      else m.set(r.user_id, [r]);
    }
    return m;
  };
  const rulesBy = byUser(rules);
  const calendarsBy = byUser(calendars);
  const meetingsBy = byUser(meetings);
  // An occurrence depends only on its rule: a rule several people keep (the weekday internship, the
  // cohort's course day) is expanded once, and a rule bounded by dates only over its dates.
  // Rules are expanded on a fixed offset from UTC over each stretch of the range where the zone
  // keeps one (the same clock, read without the zone's rules at every step), cut at each change.
  const stretches = steadyStretches(range);
  const expand = (rule: Rule): Times => {
    const { category: _, ...shape } = rule;
    const key = `${range.from}|${range.to}|${range.zone}|${JSON.stringify(shape)}`;
    let t = expansions.get(key);
    if (t) {
      // Most recently used last: the oldest entries are the first to go.
      expansions.delete(key);
      expansions.set(key, t);
      return t;
    }
    const busy: Interval[] = [];
    const ifNeedBe: Interval[] = [];
    for (const s of stretches) {
      const within = boundedRange(rule, s.range);
      if (!within) continue;
      const part = expandRules([rule], within);
      for (const iv of part.busy) clip(iv, s, busy);
      for (const iv of part.ifNeedBe) clip(iv, s, ifNeedBe);
    }
    t = { busy: frozen(busy), ifNeedBe: frozen(ifNeedBe) };
    expansions.set(key, t);
    if (expansions.size > EXPANSIONS_KEPT) expansions.delete(expansions.keys().next().value as string);
    return t;
  };
  const out = new Map<string, Times & { declared: boolean }>();
  for (const id of userIds) {
    const ownRules = rulesBy.get(id) ?? [];
    const ownCalendars = calendarsBy.get(id) ?? [];
    const mine: Times = { busy: [], ifNeedBe: [] };
    for (const r of ownRules) {
      const t = expand(toRule(r));
      for (const b of t.busy) mine.busy.push(b);
      for (const b of t.ifNeedBe) mine.ifNeedBe.push(b);
    }
    for (const c of ownCalendars) for (const b of JSON.parse(c.busy) as Interval[]) mine.busy.push(b);
    for (const e of events) mine.busy.push({ start: e.starts_at, end: e.ends_at });
    for (const m of meetingsBy.get(id) ?? []) {
      mine.busy.push({ start: m.starts_at as string, end: m.ends_at as string });
    }
    out.set(id, { ...mine, declared: ownRules.length > 0 || ownCalendars.length > 0 });
  }
  return out;
}

/** Busy and if-need-be times of each person between two instants: rules, calendars, programme events and confirmed meetings. */
export async function busyTimes(
  db: Db,
  orgId: string,
  programmeId: string,
  userIds: string[],
  range: { from: string; to: string; zone: string },
): Promise<Map<string, Times>> {
  const times = await timesOf(db, orgId, programmeId, userIds, range);
  return new Map([...times].map(([id, { busy, ifNeedBe }]) => [id, { busy, ifNeedBe }]));
}

/** Creates (or replaces) the person's private calendar feed address; the old one stops working. */
export async function rotateFeed(ctx: AppContext, actor: UserActor) {
  const secret = newSecret();
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('calendar_feeds').where('user_id', '=', actor.id).execute();
    await trx
      .insertInto('calendar_feeds')
      .values({
        user_id: actor.id,
        token_hash: hashSecret(secret),
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
  });
  return { url: `${ctx.config.publicUrl}/api/feeds/${secret}.ics` };
}
