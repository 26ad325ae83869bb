import { sql } from 'kysely';
import type { Db } from '../../db/index.ts';

/** What the alert rules know of a pair: dates and counts, never the content of anything. */
export interface PairFacts {
  pairingId: string;
  /** Last contact of any kind that reached the tutee (a meeting held, a call, an SMS answered …). */
  lastContactAt: string | null;
  /** Last trace of any kind, attempts included. */
  lastActivityAt: string | null;
  meetingsTotal: number;
  meetingsInPeriod: number;
  /** Attempts to reach the tutee without an answer since the last contact. */
  attemptsSinceContact: number;
  /** The oldest meeting held that has no report yet. */
  unreportedMeetingAt: string | null;
}

/**
 * Where the rules read activity from. The implementation below reads the follow-up activity
 * ledger (`followup_activity`: meetings held, reports filed, contacts and unanswered attempts,
 * logged from the follow-up pages); another capability can provide its own source.
 */
export interface ActivitySource {
  facts(db: Db, programmeId: string, period: { start: string; end: string }): Promise<Map<string, PairFacts>>;
}

const empty = (pairingId: string): PairFacts => ({
  pairingId,
  lastContactAt: null,
  lastActivityAt: null,
  meetingsTotal: 0,
  meetingsInPeriod: 0,
  attemptsSinceContact: 0,
  unreportedMeetingAt: null,
});

export const ledgerActivitySource: ActivitySource = {
  async facts(db, programmeId, period) {
    const out = new Map<string, PairFacts>();
    const get = (id: string) => {
      let f = out.get(id);
      if (!f) out.set(id, (f = empty(id)));
      return f;
    };
    const grouped = await db
      .selectFrom('followup_activity')
      .select([
        'pairing_id',
        'kind',
        (eb) => eb.fn.max('at').as('last'),
        (eb) => eb.fn.countAll().as('n'),
        sql<number>`sum(case when at >= ${period.start} and at < ${period.end} then 1 else 0 end)`.as('in_period'),
      ])
      .where('programme_id', '=', programmeId)
      .groupBy(['pairing_id', 'kind'])
      .execute();
    const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));
    for (const r of grouped) {
      const f = get(r.pairing_id);
      const last = r.last as string | null;
      f.lastActivityAt = later(f.lastActivityAt, last);
      if (r.kind === 'meeting' || r.kind === 'contact') f.lastContactAt = later(f.lastContactAt, last);
      if (r.kind === 'meeting') {
        f.meetingsTotal = Number(r.n);
        f.meetingsInPeriod = Number(r.in_period ?? 0);
      }
    }
    // Unanswered attempts after the last contact.
    const attempts = await db
      .selectFrom('followup_activity')
      .select(['pairing_id', 'at'])
      .where('programme_id', '=', programmeId)
      .where('kind', '=', 'attempt')
      .execute();
    for (const a of attempts) {
      const f = get(a.pairing_id);
      if (!f.lastContactAt || a.at > f.lastContactAt) f.attemptsSinceContact++;
    }
    // Meetings held without a report.
    const unreported = await db
      .selectFrom('followup_activity as m')
      .leftJoin('followup_activity as r', (j) => j.onRef('r.meeting_ref', '=', 'm.id').on('r.kind', '=', 'report'))
      .select(['m.pairing_id', (eb) => eb.fn.min('m.at').as('oldest')])
      .where('m.programme_id', '=', programmeId)
      .where('m.kind', '=', 'meeting')
      .where('r.id', 'is', null)
      .groupBy('m.pairing_id')
      .execute();
    for (const u of unreported) get(u.pairing_id).unreportedMeetingAt = u.oldest as string | null;
    return out;
  },
};

export const emptyFacts = empty;
