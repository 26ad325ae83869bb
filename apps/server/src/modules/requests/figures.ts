import type { Db } from '../../db/index.ts';
import { median } from '../../lib/median.ts';

/**
 * A programme's requests to join over a review year, in counts only: those that reached the
 * coordination (confirmed) in [start, end), how many were accepted and declined, how many of the
 * accepted people were then in an active pair, and the median days from the request reaching the
 * coordination to that pair. Null when the programme received no request in the year.
 */
export async function requestFigures(db: Db, programmeId: string, start: string, end: string) {
  const rows = await db
    .selectFrom('join_requests')
    .select(['id', 'user_id', 'decision', 'confirmed_at'])
    .where('programme_id', '=', programmeId)
    .where('confirmed_at', 'is not', null)
    .where('confirmed_at', '>=', start)
    .where('confirmed_at', '<', end)
    .execute();
  if (rows.length === 0) return null;
  const accepted = rows.filter((r) => r.decision === 'accepted' && r.user_id);
  const people = accepted.map((r) => r.user_id as string);
  const firstPair = new Map<string, string>();
  if (people.length) {
    const events = await db
      .selectFrom('pairing_events as e')
      .innerJoin('pairings as p', 'p.id', 'e.pairing_id')
      .select(['p.tutor_user_id', 'p.tutee_user_id', 'e.at'])
      .where('e.programme_id', '=', programmeId)
      .where('e.to_state', '=', 'active')
      .where((eb) => eb.or([eb('p.tutee_user_id', 'in', people), eb('p.tutor_user_id', 'in', people)]))
      .orderBy('e.at')
      .execute();
    for (const e of events)
      for (const who of [e.tutee_user_id, e.tutor_user_id]) if (!firstPair.has(who)) firstPair.set(who, e.at);
  }
  const days: number[] = [];
  for (const r of accepted) {
    const at = firstPair.get(r.user_id as string);
    if (at && r.confirmed_at && at >= r.confirmed_at)
      days.push((Date.parse(at) - Date.parse(r.confirmed_at)) / 86_400_000);
  }
  const mid = median(days);
  return {
    received: rows.length,
    accepted: accepted.length,
    declined: rows.filter((r) => r.decision === 'declined').length,
    matched: days.length,
    medianDaysToMatch: mid === null ? null : Math.round(mid * 10) / 10,
  };
}
