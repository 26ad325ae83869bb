import { type ExpressionBuilder, sql } from 'kysely';
import type { Db } from '../../db/index.ts';
import type { Database } from '../../db/types.ts';

/** What the alert rules know of a pair: dates and counts, never the content of anything. */
export interface PairFacts {
  pairingId: string;
  /** Last contact that reached the tutee: a meeting they attended, or an answered call, SMS, e-mail … */
  lastContactAt: string | null;
  /** Last trace of any kind, unanswered attempts included. */
  lastActivityAt: string | null;
  meetingsTotal: number;
  meetingsInPeriod: number;
  /** Attempts to reach the tutee without an answer since the last contact. */
  attemptsSinceContact: number;
  /** The oldest meeting held that has no filed report yet. */
  unreportedMeetingAt: string | null;
}

/**
 * Where the rules, the dashboard and the yearly review read activity from. There is one source of
 * truth, the records the meetings capability keeps: meetings held (a confirmed meeting whose time
 * has come, counted for every tutee who attended it, so a group meeting counts once per member
 * present), their reports, and the contact log (calls, SMS, e-mails, informal meetings, and
 * attempts that got no answer). Follow-up pages write into that same contact log.
 */
export interface ActivitySource {
  facts(
    db: Db,
    programmeId: string,
    at: { start: string; end: string; now: string },
  ): Promise<Map<string, PairFacts>>;
}

export const emptyFacts = (pairingId: string): PairFacts => ({
  pairingId,
  lastContactAt: null,
  lastActivityAt: null,
  meetingsTotal: 0,
  meetingsInPeriod: 0,
  attemptsSinceContact: 0,
  unreportedMeetingAt: null,
});

/**
 * Meetings held, one row per pair and meeting: confirmed, started by `now`, with the pair's tutee
 * among the participants and not marked absent or excused (attendance is unknown until the report
 * is written; the meeting counts as held meanwhile).
 */
export function heldMeetings(db: Db, programmeId: string, now: string) {
  return (
    db
      .selectFrom('meetings as m')
      .innerJoin('meeting_participants as mp', 'mp.meeting_id', 'm.id')
      // A cross join with its conditions below: SQLite then keeps pairings as the inner loop, looked
      // up by (programme, tutee) for each participant, instead of scanning the programme's pairings
      // for each meeting (50× slower on a 1,000-resident programme). PostgreSQL plans it as a join.
      .crossJoin('pairings as pr')
      .whereRef('pr.programme_id', '=', 'm.programme_id')
      .whereRef('pr.tutee_user_id', '=', 'mp.user_id')
      .where('m.programme_id', '=', programmeId)
      .where('m.status', '=', 'confirmed')
      .where('m.starts_at', '<=', now)
      .where((eb) => eb.or([eb('mp.attendance', 'is', null), eb('mp.attendance', '=', 'present')]))
      // A meeting belongs to a pair if it was held by the pair's end, while these two people were
      // paired: a tutee paired with someone else starts afresh, the same two people paired again
      // keep their count.
      .where((eb) =>
        eb.and([
          eb.or([eb('pr.ended_at', 'is', null), eb('m.starts_at', '<=', eb.ref('pr.ended_at'))]),
          eb('pr.state', '!=', 'proposed'),
          eb.or([
            eb('m.starts_at', '>=', eb.ref('pr.created_at')),
            eb.exists(
              eb
                .selectFrom('pairings as same')
                .select('same.id')
                .whereRef('same.programme_id', '=', 'pr.programme_id')
                .whereRef('same.tutor_user_id', '=', 'pr.tutor_user_id')
                .whereRef('same.tutee_user_id', '=', 'pr.tutee_user_id')
                .where('same.state', '!=', 'proposed')
                .whereRef('same.created_at', '<=', 'm.starts_at')
                .where((x) =>
                  x.or([x('same.ended_at', 'is', null), x('m.starts_at', '<=', x.ref('same.ended_at'))]),
                ),
            ),
          ]),
        ]),
      )
  );
}

/**
 * Meetings being arranged or arranged for a pair's tutee (a poll sent, a date confirmed for later,
 * a poll answered), one row per pair: the latest of those steps up to `now`. A pair doing that is
 * not stuck, even before the meeting is held; it is not a contact (nothing reached the tutee yet).
 */
export function arrangedMeetings(db: Db, programmeId: string, now: string) {
  return db
    .selectFrom('meetings as m')
    .innerJoin('meeting_participants as mp', 'mp.meeting_id', 'm.id')
    .crossJoin('pairings as pr')
    .whereRef('pr.programme_id', '=', 'm.programme_id')
    .whereRef('pr.tutee_user_id', '=', 'mp.user_id')
    .where('m.programme_id', '=', programmeId)
    .where('m.status', '!=', 'cancelled')
    .where('m.created_at', '<=', now)
    .where((eb) =>
      eb.and([
        eb('m.created_at', '>=', eb.ref('pr.created_at')),
        eb.or([eb('pr.ended_at', 'is', null), eb('m.created_at', '<=', eb.ref('pr.ended_at'))]),
        eb('pr.state', '!=', 'proposed'),
      ]),
    )
    .select([
      'pr.id as pairing_id',
      (eb) => eb.fn.max('m.created_at').as('created'),
      sql<string | null>`max(case when mp.answered_at <= ${now} then mp.answered_at end)`.as('answered'),
    ])
    .groupBy('pr.id');
}

/** Contact-log entries, one row per pair: answered contacts and unanswered attempts, up to `now`. */
export function loggedContacts(db: Db, programmeId: string, now: string) {
  return db
    .selectFrom('contact_logs as c')
    .innerJoin('pairings as pr', (j) =>
      j.onRef('pr.programme_id', '=', 'c.programme_id').onRef('pr.tutee_user_id', '=', 'c.tutee_id'),
    )
    .where('c.programme_id', '=', programmeId)
    .where('c.happened_at', '<=', now)
    .where((eb) =>
      eb.and([
        eb('c.happened_at', '>=', eb.ref('pr.created_at')),
        eb.or([eb('pr.ended_at', 'is', null), eb('c.happened_at', '<=', eb.ref('pr.ended_at'))]),
        eb('pr.state', '!=', 'proposed'),
      ]),
    );
}

const later = (a: string | null, b: string | null) => (a && b ? (a > b ? a : b) : (a ?? b));

/**
 * Well-being check-ins asked of a pair's tutee, up to `now`: one answered is activity; one left
 * unanswered until it closed counts like a contact attempt that got no answer.
 */
export function pairCheckins(db: Db, programmeId: string, now: string) {
  return db
    .selectFrom('checkins as k')
    .innerJoin('pairings as pr', 'pr.id', 'k.pairing_id')
    .select(['pr.id as pairing_id', 'k.answered_at', 'k.expires_at'])
    .where('k.programme_id', '=', programmeId)
    .where('k.asked_at', '<=', now)
    .where((eb) => eb.or([eb('k.answered_at', 'is not', null), eb('k.expires_at', '<=', now)]));
}

/** Five aggregates whatever the size of the programme: meetings held, contacts, unanswered attempts, meetings arranged, check-ins. */
export const recordsActivitySource: ActivitySource = {
  async facts(db, programmeId, { start, end, now }) {
    const [meetings, contacts, attempts, arranged, checkins] = await Promise.all([
      heldMeetings(db, programmeId, now)
        .leftJoin('meeting_reports as r', (j) =>
          j.onRef('r.meeting_id', '=', 'm.id').on('r.status', '=', 'filed'),
        )
        .select([
          'pr.id as pairing_id',
          (eb) => eb.fn.countAll().as('n'),
          sql<number>`sum(case when m.starts_at >= ${start} and m.starts_at < ${end} then 1 else 0 end)`.as(
            'in_period',
          ),
          (eb) => eb.fn.max('m.starts_at').as('last'),
          sql<string | null>`min(case when r.meeting_id is null then m.starts_at end)`.as('unreported'),
        ])
        .groupBy('pr.id')
        .execute(),
      loggedContacts(db, programmeId, now)
        .select([
          'pr.id as pairing_id',
          sql<string | null>`max(case when c.answered = 1 then c.happened_at end)`.as('last_contact'),
          (eb) => eb.fn.max('c.happened_at').as('last_any'),
        ])
        .groupBy('pr.id')
        .execute(),
      loggedContacts(db, programmeId, now)
        .select(['pr.id as pairing_id', 'c.happened_at'])
        .where('c.answered', '=', 0)
        .execute(),
      arrangedMeetings(db, programmeId, now).execute(),
      pairCheckins(db, programmeId, now).execute(),
    ]);
    const out = new Map<string, PairFacts>();
    const get = (id: string) => {
      const known = out.get(id);
      if (known) return known;
      const f = emptyFacts(id);
      out.set(id, f);
      return f;
    };
    for (const r of meetings) {
      const f = get(r.pairing_id);
      const last = r.last as string | null;
      f.meetingsTotal = Number(r.n);
      f.meetingsInPeriod = Number(r.in_period ?? 0);
      f.lastContactAt = later(f.lastContactAt, last);
      f.lastActivityAt = later(f.lastActivityAt, last);
      f.unreportedMeetingAt = r.unreported ?? null;
    }
    for (const r of contacts) {
      const f = get(r.pairing_id);
      f.lastContactAt = later(f.lastContactAt, r.last_contact ?? null);
      f.lastActivityAt = later(f.lastActivityAt, (r.last_any as string | null) ?? null);
    }
    for (const r of arranged) {
      const f = get(r.pairing_id);
      f.lastActivityAt = later(
        f.lastActivityAt,
        later((r.created as string | null) ?? null, r.answered ?? null),
      );
    }
    const missed = [...attempts];
    for (const k of checkins) {
      if (k.answered_at && k.answered_at <= now) {
        const f = get(k.pairing_id);
        f.lastActivityAt = later(f.lastActivityAt, k.answered_at);
      } else missed.push({ pairing_id: k.pairing_id, happened_at: k.expires_at });
    }
    for (const a of missed) {
      const f = get(a.pairing_id);
      if (!f.lastContactAt || a.happened_at > f.lastContactAt) f.attemptsSinceContact++;
    }
    return out;
  },
};

type OnPairing = ExpressionBuilder<Database & { pr: Database['pairings'] }, 'pr'>;

/**
 * The last meeting a pair's tutee attended, as a correlated look-up on `pairings as pr`: it walks
 * the tutee's participations, then each meeting by key (a cross join keeps that order in SQLite),
 * all from covering indexes.
 */
export const lastMeetingOf = (eb: OnPairing, now: string) =>
  eb
    .selectFrom('meeting_participants as mp')
    .crossJoin('meetings as m')
    .whereRef('m.id', '=', 'mp.meeting_id')
    .whereRef('mp.user_id', '=', 'pr.tutee_user_id')
    .whereRef('m.programme_id', '=', 'pr.programme_id')
    .where('m.status', '=', 'confirmed')
    .where('m.starts_at', '<=', now)
    .whereRef('m.starts_at', '>=', 'pr.created_at')
    .where((e) => e.or([e('pr.ended_at', 'is', null), e('m.starts_at', '<=', e.ref('pr.ended_at'))]))
    .where((e) => e.or([e('mp.attendance', 'is', null), e('mp.attendance', '=', 'present')]))
    .select((e) => e.fn.max('m.starts_at').as('x'));

/** The last answered contact with a pair's tutee, as a correlated look-up on `pairings as pr`. */
export const lastLoggedContactOf = (eb: OnPairing, now: string) =>
  eb
    .selectFrom('contact_logs as c')
    .whereRef('c.programme_id', '=', 'pr.programme_id')
    .whereRef('c.tutee_id', '=', 'pr.tutee_user_id')
    .where('c.answered', '=', 1)
    .where('c.happened_at', '<=', now)
    .whereRef('c.happened_at', '>=', 'pr.created_at')
    .where((e) => e.or([e('pr.ended_at', 'is', null), e('c.happened_at', '<=', e.ref('pr.ended_at'))]))
    .select((e) => e.fn.max('c.happened_at').as('x'));

/** The later of a meeting and a logged contact. */
export const lastContactOf = (row: { met: unknown; talked: unknown }) =>
  later((row.met as string | null) ?? null, (row.talked as string | null) ?? null);

/**
 * The last contact of each pair (a meeting attended or an answered contact), optionally only a
 * tutor's pairs. Read per pair with two look-ups that walk the indexes (the tutee's
 * participations, the tutee's contact log) instead of grouping every meeting and contact of the
 * programme: a few milliseconds for a 1,000-resident programme with three years of history.
 */
export async function lastContactByPair(
  db: Db,
  programmeId: string,
  now: string,
  only: { tutorId?: string } = {},
): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('pairings as pr')
    .where('pr.programme_id', '=', programmeId)
    .where('pr.state', '!=', 'proposed')
    .$if(!!only.tutorId, (q) => q.where('pr.tutor_user_id', '=', only.tutorId as string))
    .select((eb) => ['pr.id', lastMeetingOf(eb, now).as('met'), lastLoggedContactOf(eb, now).as('talked')])
    .execute();
  const out = new Map<string, string>();
  for (const r of rows) {
    const last = lastContactOf(r);
    if (last) out.set(r.id, last);
  }
  return out;
}

/**
 * Meetings held per pair in each of the given months, the months being consecutive boundaries in
 * the organisation's zone (`bounds[i]` ≤ month i < `bounds[i + 1]`, as UTC instants): the
 * bucketing happens in SQL so that a month starts at local midnight, not at UTC midnight.
 */
export async function meetingsPerMonth(
  db: Db,
  programmeId: string,
  now: string,
  bounds: string[],
  only: { cohortId?: string } = {},
): Promise<number[]> {
  const cases = bounds.slice(1).map((b, i) => sql`when m.starts_at < ${b} then ${sql.lit(i)}`);
  const month = sql<number>`case ${sql.join(cases, sql` `)} else ${sql.lit(-1)} end`;
  const held = heldMeetings(db, programmeId, now)
    .$if(!!only.cohortId, (q) => q.where('pr.cohort_id', '=', only.cohortId as string))
    .where('m.starts_at', '>=', bounds[0] as string)
    .select(month.as('month'));
  // Grouped outside, by name: PostgreSQL would not match a parameterised CASE in GROUP BY.
  const rows = await db
    .selectFrom(held.as('h'))
    .select(['h.month', (eb) => eb.fn.countAll().as('n')])
    .groupBy('h.month')
    .execute();
  const out = bounds.slice(1).map(() => 0);
  for (const r of rows) {
    const i = Number(r.month);
    if (i >= 0) out[i] = Number(r.n);
  }
  return out;
}
