import { busyFromIcs } from '@compagnon/engine';
import { DateTime } from 'luxon';
import type { AppContext } from '../../context.ts';
import { badRequest } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { orgZone } from '../meetings/policy.ts';
import { ownAvailabilityIn } from './policy.ts';
import { insertCalendar, staleSubscriptions, updateCalendar } from './queries.ts';
import type { Interval } from './rules.ts';
import type { CalendarBody } from './schema.ts';

/**
 * Calendars a person uploads (.ics) or subscribes to (an address read again every hour): only
 * their busy times are kept, never the file or its event titles.
 */

/** Calendars are read this far ahead; a subscription is refreshed in the background. */
export const CALENDAR_DAYS_AHEAD = 200;
export const CALENDAR_MAX_BYTES = 2_000_000;
export const FETCH_TIMEOUT_MS = 10_000;

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

async function calendarText(body: CalendarBody): Promise<string> {
  if (body.kind === 'upload') return body.text;
  try {
    return await download(body.url);
  } catch {
    throw badRequest('calendar_unreachable', 'Impossible de lire ce calendrier à cette adresse.', {
      messageEn: 'This calendar could not be read at that address.',
    });
  }
}

export async function addCalendar(ctx: AppContext, actor: UserActor, orgId: string, body: CalendarBody) {
  await ownAvailabilityIn(ctx, actor, orgId);
  const zone = await orgZone(ctx.db, orgId);
  const now = ctx.clock.now();
  const text = await calendarText(body);
  // Only busy times are kept: the file and its event titles are never stored.
  const busy = busyOf(text, zone, now);
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
      const busy = busyOf(await download(c.url as string), zone, now);
      await updateCalendar(ctx.db, c.id, {
        busy: JSON.stringify(busy),
        fetched_at: now.toISOString(),
        last_error: null,
      });
      refreshed++;
    } catch (e) {
      await updateCalendar(ctx.db, c.id, {
        fetched_at: now.toISOString(),
        last_error: String((e as Error).message ?? e).slice(0, 200),
      });
    }
  }
  return { checked: due.length, refreshed };
}
