import { DateTime } from 'luxon';
import { compute, computeOr } from '../../compute/pool.ts';
import type { AppContext } from '../../context.ts';
import { AppError, errorMessage, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { orgZone } from '../meetings/policy.ts';
import { downloadCalendar } from './download.ts';
import { ownAvailabilityIn } from './policy.ts';
import { insertCalendar, staleSubscriptions, updateCalendar } from './queries.ts';
import type { Interval } from './rules.ts';
import type { CalendarBody } from './schema.ts';

/**
 * Calendars a person uploads (.ics) or subscribes to (an address read again every hour): only
 * their busy times are kept, never the file or its event titles.
 */

/**
 * Calendars are read over the period their busy times are used for: the slot finder searches three
 * months at most (from tomorrow by default), and the matching reads the eight weeks from the start
 * of the current cohort, formed at most two months before it starts. Subscriptions are read again
 * every hour, so their period moves with the days; an upload is read once.
 */
export const CALENDAR_DAYS_AHEAD = 120;
export const CALENDAR_MAX_BYTES = 2_000_000;
export const FETCH_TIMEOUT_MS = 10_000;

const tooMany = (events: number, limit: number) =>
  refuse(422, 'calendar_too_many_occurrences', { events, limit, days: CALENDAR_DAYS_AHEAD });
const tooLong = (budgetMs: number) => refuse(422, 'calendar_too_long', { seconds: budgetMs / 1000 });

/**
 * The busy times of a calendar file, read on a worker thread (compute/pool.ts) with a time budget,
 * from yesterday to {@link CALENDAR_DAYS_AHEAD} days ahead. `unreadable` is the refusal of a file
 * that is not iCalendar.
 */
async function busyOf(
  ctx: AppContext,
  text: string,
  zone: string,
  now: Date,
  unreadable: () => AppError,
): Promise<Interval[]> {
  const from = DateTime.fromJSDate(now).minus({ days: 1 });
  const to = DateTime.fromJSDate(now).plus({ days: CALENDAR_DAYS_AHEAD });
  const outcome = await computeOr(
    compute(
      'calendarBusy',
      { text, from: from.toUTC().toISO() as string, to: to.toUTC().toISO() as string, timeZone: zone },
      // A calendar whose reading takes longer is stopped and refused (CALENDAR_READ_SECONDS).
      ctx.config.CALENDAR_READ_SECONDS * 1000,
    ),
    tooLong,
  );
  if (outcome.ok) return outcome.busy;
  if (outcome.reason === 'occurrences') throw tooMany(outcome.events, outcome.limit);
  throw unreadable();
}

const invalidCalendar = () => refuse(400, 'invalid_calendar');
/** Every failure of a subscription, from an address refused to a file that is not a calendar. */
const unreachable = () => refuse(400, 'calendar_unreachable');

/** Downloads a subscribed calendar (download.ts: public addresses only, size and time limits). */
function download(ctx: AppContext, url: string): Promise<string> {
  return downloadCalendar(url, {
    allowPrivate: ctx.config.CALENDAR_FETCH_ALLOW_PRIVATE === 'true',
    resolve: ctx.resolveHost,
    maxBytes: CALENDAR_MAX_BYTES,
    timeoutMs: FETCH_TIMEOUT_MS,
  });
}

/** The busy times of the calendar a person adds: an uploaded file, or the one at an address. */
async function calendarBusy(ctx: AppContext, body: CalendarBody, zone: string, now: Date) {
  if (body.kind === 'upload') return busyOf(ctx, body.text, zone, now, invalidCalendar);
  let text: string;
  try {
    text = await download(ctx, body.url);
  } catch (err) {
    ctx.log?.info({ err }, 'calendar subscription not read');
    throw unreachable();
  }
  return busyOf(ctx, text, zone, now, unreachable);
}

export async function addCalendar(ctx: AppContext, actor: UserActor, orgId: string, body: CalendarBody) {
  await ownAvailabilityIn(ctx, actor, orgId);
  const zone = await orgZone(ctx.db, orgId);
  const now = ctx.clock.now();
  // Only busy times are kept: the file and its event titles are never stored.
  const busy = await calendarBusy(ctx, body, zone, now);
  const id = newId();
  await insertCalendar(ctx.db, {
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
  });
  return id;
}

/**
 * Refreshes every subscribed calendar last read before `staleBefore` (the background job calls it).
 * A failed download keeps the last busy times and records the error for the person to see.
 */
export async function refreshSubscriptions(ctx: AppContext, opts: { staleMinutes?: number } = {}) {
  const now = ctx.clock.now();
  const staleBefore = new Date(now.getTime() - (opts.staleMinutes ?? 60) * 60_000).toISOString();
  const due = await staleSubscriptions(ctx.db, staleBefore);
  let refreshed = 0;
  for (const c of due) {
    const zone = await orgZone(ctx.db, c.org_id);
    try {
      const busy = await busyOf(ctx, await download(ctx, c.url as string), zone, now, unreachable);
      await updateCalendar(ctx.db, c.id, {
        busy: JSON.stringify(busy),
        fetched_at: now.toISOString(),
        last_error: null,
      });
      refreshed++;
    } catch (e) {
      await updateCalendar(ctx.db, c.id, {
        fetched_at: now.toISOString(),
        last_error: lastError(e),
      });
    }
  }
  return { checked: due.length, refreshed };
}

/** What the person sees of a failed refresh: the refusal's text, one text for every download failure. */
function lastError(e: unknown): string {
  const err = e instanceof AppError ? e : unreachable();
  return errorMessage(err, 'fr').slice(0, 200);
}
