import { DateTime } from 'luxon';
import type { Db } from '../db/index.ts';
import { addMonths, dayIn } from '../domain/days.ts';
import { newId } from '../lib/ids.ts';
import { ensureVersions } from '../modules/agreements/charter.ts';
import { programmeWithOrg, type VersionRow } from '../modules/agreements/queries.ts';
import type { Party } from '../modules/agreements/schema.ts';
import { type ProgrammeRules, rulesOf } from '../modules/programmes/templates.ts';
import { formedDaysAgo } from './followup.ts';
import { demoJoinRequests } from './mentoring-requests.ts';
import { demoLastYear } from './mentoring-year.ts';
import type { Person } from './seed.ts';

/** What seed.ts lends the CPTS mentoring demo to add people. */
export interface DemoPeople {
  person(
    orgId: string,
    email: string,
    name: string,
    profile?: { commune?: string; project?: string; presentation?: string },
  ): Promise<Person>;
}

export interface MentoringSeed {
  db: Db;
  now: string;
  programme: { id: string; orgId: string; cohortId: string };
  coordination: Person;
  /** mentor1…6 and mentore1…8 of seed.ts: mentor i is paired with mentee i, for i ≤ 6. */
  mentors: Person[];
  mentees: Person[];
  people: DemoPeople;
}

/** The seed with the organisation's zone, the charter's first version and instants relative to `now`. */
export interface MentoringDemo extends MentoringSeed {
  zone: string;
  version: VersionRow;
  /** The instant some days before the seeding instant. */
  ago: (days: number) => string;
  rules: ProgrammeRules;
  /** How long ago this year's pairs were formed, in days (demo/followup.ts). */
  formed: number;
}

const DAY = 86_400_000;

/**
 * The CPTS mentoring as a coordinator finds it: requests to join in every state, the charter the
 * platform wrote (version 1) signed by most pairs — one still waits on its mentee, one on the
 * coordination — each pair's twelve-month term, and last year's pairs completed (one ended early)
 * with their meetings, charters, end reviews and a satisfaction questionnaire.
 */
export async function demoMentoring(seed: MentoringSeed): Promise<void> {
  const g = await programmeWithOrg(seed.db, seed.programme.id);
  const rules = rulesOf(g);
  const { reviewStartMonth } = rules;
  const local = DateTime.fromISO(seed.now, { zone: g.time_zone });
  const lastYear = (local.month >= reviewStartMonth ? local.year : local.year - 1) - 1;
  // The platform wrote the charter the first time it was needed: before last year's pairs signed it.
  const written = DateTime.fromObject({ year: lastYear, month: 6, day: 2, hour: 9 }, { zone: g.time_zone });
  const versions = await ensureVersions(seed.db, seed.programme.id, written.toJSDate());
  const demo: MentoringDemo = {
    ...seed,
    zone: g.time_zone,
    version: versions[0] as VersionRow,
    ago: (days: number) => new Date(Date.parse(seed.now) - days * DAY).toISOString(),
    rules,
    formed: formedDaysAgo(g, new Date(seed.now), g.time_zone) ?? 90,
  };
  await demoJoinRequests(demo);
  await liveCharters(demo);
  await demoLastYear(demo, lastYear);
}

type PairRef = { id: string; org_id: string; programme_id: string };

/** A party's signature of the charter's version, with the exact text's hash, as agreements/sign.ts writes it. */
export async function sign(d: MentoringDemo, pairing: PairRef, party: Party, who: Person, at: string) {
  await d.db
    .insertInto('charter_signatures')
    .values({
      id: newId(),
      org_id: pairing.org_id,
      programme_id: pairing.programme_id,
      pairing_id: pairing.id,
      version_id: d.version.id,
      party,
      user_id: who.id,
      signed_name: who.name,
      signed_at: at,
      body_hash: d.version.body_hash,
    })
    .execute();
}

/** A pair's term from its first day, twelve months (the programme's duration), as agreements/terms.ts writes it. */
export async function writeTerms(
  d: MentoringDemo,
  pairing: PairRef,
  startAt: string,
  end: { endedAt: string | null; early: boolean; remindedAt: string | null },
) {
  const start = dayIn(new Date(startAt), d.zone);
  await d.db
    .insertInto('pair_terms')
    .values({
      pairing_id: pairing.id,
      org_id: pairing.org_id,
      programme_id: pairing.programme_id,
      start_on: start,
      end_on: addMonths(start, 12),
      ended_early: end.early ? 1 : 0,
      ended_on: end.endedAt ? dayIn(new Date(end.endedAt), d.zone) : null,
      end_reminded_at: end.remindedAt,
      created_at: startAt,
      updated_at: end.endedAt ?? startAt,
    })
    .execute();
}

/**
 * This year's pairs (formed `d.formed` days ago, as demo/followup.ts dates them): their terms, and the charter signed
 * by the three within the first week — but pair 2, whose mentee has not signed (they have only
 * talked on the phone), and pair 6, whose mentor and mentee signed lately and wait on the coordination.
 */
async function liveCharters(d: MentoringDemo) {
  const formed = d.formed;
  const pairs = await d.db
    .selectFrom('pairings')
    .select(['id', 'org_id', 'programme_id', 'tutor_user_id', 'tutee_user_id'])
    .where('programme_id', '=', d.programme.id)
    .where('state', '=', 'active')
    .execute();
  // Signed in the evening, or at the coordination's office hours, some days after the pair was formed.
  const at = (instant: string, hour: number, minute: number) =>
    DateTime.fromISO(instant, { zone: d.zone }).set({ hour, minute }).toUTC().toISO() as string;
  const after = (days: number, hour: number) =>
    at(new Date(Date.parse(d.ago(formed)) + days * DAY).toISOString(), hour, 10 + days * 7);
  for (const x of pairs) {
    const i = d.mentees.findIndex((m) => m.id === x.tutee_user_id) + 1;
    const mentor = d.mentors.find((m) => m.id === x.tutor_user_id);
    const mentee = d.mentees[i - 1];
    if (!mentor || !mentee) continue;
    await writeTerms(d, x, d.ago(formed), { endedAt: null, early: false, remindedAt: null });
    await sign(d, x, 'mentor', mentor, after(1 + (i % 3), 20));
    if (i === 6) {
      await sign(d, x, 'mentee', mentee, at(d.ago(6), 21, 5));
      continue;
    }
    if (i !== 2) await sign(d, x, 'mentee', mentee, after(2 + (i % 4), 21));
    await sign(d, x, 'organisation', d.coordination, after(6, 9));
  }
}
