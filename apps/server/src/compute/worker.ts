import { busyFromIcs, findSlots, OccurrenceLimitError, type SlotsInput } from '@compagnon/engine';
import { type TimeSources, timesFromSources } from '../modules/availability/sources.ts';

/**
 * The jobs compute/pool.ts runs on worker threads: pure functions of plain data (what crosses a
 * thread is copied), each one named by its export.
 */

export type BusyOutcome =
  | { ok: true; busy: { start: string; end: string }[] }
  | { ok: false; reason: 'occurrences'; events: number; limit: number }
  | { ok: false; reason: 'invalid' };

/** Busy times of an iCalendar file over a range (engine `busyFromIcs`), or why it is refused. */
export function calendarBusy(input: {
  text: string;
  from: string;
  to: string;
  timeZone: string;
  maxOccurrences?: number;
}): BusyOutcome {
  try {
    const { text, ...options } = input;
    return { ok: true, busy: busyFromIcs(text, options).busy };
  } catch (err) {
    if (err instanceof OccurrenceLimitError)
      return { ok: false, reason: 'occurrences', events: err.events, limit: err.limit };
    return { ok: false, reason: 'invalid' };
  }
}

/**
 * Ranked slots for several people: their times assembled from the rows read by the request thread
 * (rules expanded here), then the engine's slot finder.
 */
export function slotSearch(input: {
  sources: TimeSources;
  userIds: string[];
  range: { from: string; to: string; zone: string };
  required: string[];
  search: Omit<SlotsInput, 'participants'>;
}) {
  const times = timesFromSources(input.sources, input.userIds, input.range);
  const required = new Set(input.required);
  return findSlots({
    ...input.search,
    participants: input.userIds.map((id) => {
      const t = times.get(id);
      return { id, required: required.has(id), busy: t?.busy ?? [], ifNeedBe: t?.ifNeedBe ?? [] };
    }),
  });
}
