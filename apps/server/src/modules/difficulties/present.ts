import { DateTime } from 'luxon';
import type { DifficultyAccess } from './policy.ts';
import type { DifficultyRow, eventsOf, threadOf } from './queries.ts';
import type { DifficultyItem, DifficultyState, DifficultyView } from './schema.ts';

// A difficulty as one viewer may read it. For the coordination of an anonymised difficulty, its
// author is never named and every moment is a day: an instant could be matched with the author's
// activity elsewhere (a sign-in in the audit log).

/** A moment as the viewer may see it: its day in the organisation's zone, and the instant if allowed. */
export const moment = (iso: string, zone: string, precise: boolean) => ({
  day: DateTime.fromISO(iso, { zone: 'utc' }).setZone(zone).toISODate() as string,
  at: precise ? iso : null,
});

export function presentItem(d: DifficultyRow, a: DifficultyAccess, actorId: string): DifficultyItem {
  const named = a.authorNamed && d.author_id !== null && d.programme_id !== null;
  return {
    id: d.id,
    orgId: d.org_id,
    programme: d.programme_id ? { id: d.programme_id, name: d.programme_name ?? '' } : null,
    category: d.category as DifficultyItem['category'],
    scope: d.scope as DifficultyItem['scope'],
    state: d.state as DifficultyState,
    anonymised: d.anonymised === 1,
    author: named ? { id: d.author_id as string, name: d.author_name ?? '' } : null,
    mine: d.author_id !== null && d.author_id === actorId,
    raised: moment(d.created_at, d.time_zone, a.precise),
    lastActivityDay: moment(d.updated_at, d.time_zone, false).day,
    messages: Number(d.messages ?? 0),
    from: d.source_org_name ?? null,
    pairingId: d.pairing_id ?? null,
  };
}

export function presentDifficulty(
  d: DifficultyRow,
  a: DifficultyAccess,
  actorId: string,
  parts: {
    thread: Awaited<ReturnType<typeof threadOf>>;
    events: Awaited<ReturnType<typeof eventsOf>>;
    copies: { name: string; state: string; created_at: string }[];
    targets: { id: string; name: string }[];
  },
): DifficultyView {
  const item = presentItem(d, a, actorId);
  const at = (iso: string) => moment(iso, d.time_zone, a.precise);
  return {
    ...item,
    description: d.description_erased_at ? null : d.description,
    closingNote: d.closing_note,
    history: parts.events.map((e) => ({
      kind: e.kind as 'raised' | 'state' | 'forwarded',
      from: (e.from_state as DifficultyState | null) ?? null,
      to: (e.to_state as DifficultyState | null) ?? null,
      // Who raised it is the author line's business; the coordination's steps carry their names.
      by: e.kind === 'raised' ? null : (e.actor_name ?? null),
      organisation: e.org_name ?? null,
      ...at(e.at),
    })),
    thread: parts.thread.map((m) => ({
      id: m.id,
      side: m.side as 'author' | 'coordination',
      author: m.side === 'author' ? (item.author?.name ?? null) : (m.author_name ?? null),
      mine: m.side === 'author' ? item.mine : m.author_id === actorId,
      body: m.body,
      ...at(m.created_at),
    })),
    forwards: a.handles
      ? parts.copies.map((c) => ({
          organisation: c.name,
          state: c.state as DifficultyState,
          day: moment(c.created_at, d.time_zone, false).day,
        }))
      : [],
    forwardTargets: a.actions.forward ? parts.targets : [],
    actions: a.actions,
  };
}
