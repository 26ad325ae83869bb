import type { Db } from '../../db/index.ts';
import { readJson, readStringList } from '../../db/json.ts';
import type { Programme } from '../../db/types.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { newId } from '../../lib/ids.ts';
import { awayForMatching } from '../absences/matching.ts';
import { availabilityOf } from '../availability/weeks.ts';
import { phoneSharing } from '../people/phone-sharing.ts';
import type { ProgrammeRules } from '../programmes/templates.ts';
import { rulesOf } from '../programmes/templates.ts';
import {
  type Cohort,
  defaultWeights,
  type Person,
  type Tutor,
  type Weights,
  weightKeys,
} from './criteria.ts';
import { weightsSchema } from './schema.ts';

// Every read here starts from a programme the caller already loaded through the actor's scope
// (loadProgrammeFor), so the programme id is the scope of these queries.

export function capacityOf(rules: ProgrammeRules, capacity: number | null): number {
  const base =
    capacity ??
    (rules.unit === 'group' ? (rules.groupSize ?? rules.tutorCapacity.max) : rules.tutorCapacity.max);
  return rules.unit === 'group' && rules.groupSize ? Math.min(base, rules.groupSize) : base;
}

export async function weightsOf(db: Db, programmeId: string): Promise<Weights> {
  const row = await db
    .selectFrom('matching_settings')
    .select('weights')
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  const stored = row ? readJson(weightsSchema.partial(), row.weights, 'matching_settings.weights') : {};
  const out = { ...defaultWeights };
  for (const k of weightKeys) if (typeof stored[k] === 'number') out[k] = stored[k] as number;
  return out;
}

export function draftOf(db: Db, programmeId: string) {
  return db
    .selectFrom('matching_runs')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'draft')
    .executeTakeFirst();
}

export function currentRound(db: Db, programmeId: string) {
  return db
    .selectFrom('matching_rounds')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** People of the programme with their profile and current site (latest period). */
export async function peopleOf(db: Db, p: Programme, userIds: string[]) {
  if (userIds.length === 0)
    return new Map<
      string,
      Omit<Person, 'arrivedAt'> & {
        phone: string | null;
        sharePhone: boolean;
        presentation: string | null;
        locale: string;
      }
    >();
  const [users, profiles, placements, shares] = await Promise.all([
    db
      .selectFrom('users')
      .select(['id', 'name', 'email', 'phone', 'locale'])
      .where('id', 'in', userIds)
      .execute(),
    db
      .selectFrom('org_members')
      .selectAll()
      .where('org_id', '=', p.org_id)
      .where('user_id', 'in', userIds)
      .execute(),
    db
      .selectFrom('placements')
      .selectAll()
      .where('org_id', '=', p.org_id)
      .where('user_id', 'in', userIds)
      .orderBy('period', 'desc')
      .execute(),
    phoneSharing(db, p, userIds),
  ]);
  const out = new Map();
  for (const u of users) {
    const prof = profiles.find((x) => x.user_id === u.id);
    const place = placements.find((x) => x.user_id === u.id);
    out.set(u.id, {
      userId: u.id,
      name: u.name,
      email: u.email,
      phone: u.phone,
      locale: u.locale,
      sharePhone: shares.get(u.id) ?? false,
      presentation: prof?.presentation ?? null,
      homeCommune: prof?.home_commune ?? null,
      project: prof?.professional_project ?? null,
      themes: readStringList(prof?.themes ?? null),
      languages: readStringList(prof?.languages ?? null),
      faculty: prof?.faculty ?? null,
      site: place?.site ?? null,
      siteCity: place?.city ?? null,
      siteKind: place?.kind ?? null,
    });
  }
  return out as Map<
    string,
    Omit<Person, 'arrivedAt'> & {
      phone: string | null;
      sharePhone: boolean;
      presentation: string | null;
      locale: string;
    }
  >;
}

export type Profiles = Awaited<ReturnType<typeof peopleOf>>;

/**
 * The matching snapshot of a programme: tutors with their capacity and live load, tutees without a
 * live pairing, constraints and the latest round's rankings. Proposals of the draft are returned
 * apart; `lockedLoad` counts the locked ones so a re-run keeps them.
 */
export async function loadSnapshot(db: Db, p: Programme, now: Date) {
  const rules = rulesOf(p);
  const [members, live, draft, constraints, round] = await Promise.all([
    db
      .selectFrom('memberships')
      .select(['user_id', 'role', 'capacity', 'created_at'])
      .where('programme_id', '=', p.id)
      .where('ended_at', 'is', null)
      .where('role', 'in', ['tutor', 'tutee'])
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('pairings')
      .selectAll()
      .where('programme_id', '=', p.id)
      .where('state', 'in', LIVE_PAIRING_STATES)
      .execute(),
    draftOf(db, p.id),
    db.selectFrom('matching_constraints').selectAll().where('programme_id', '=', p.id).execute(),
    currentRound(db, p.id),
  ]);
  const proposals = draft
    ? await db
        .selectFrom('pairings')
        .selectAll()
        .where('run_id', '=', draft.id)
        .where('state', '=', 'proposed')
        .orderBy('created_at')
        .execute()
    : [];
  const choices = round
    ? await db.selectFrom('matching_choices').selectAll().where('round_id', '=', round.id).execute()
    : [];
  const ids = [...new Set(members.map((m) => m.user_id))];
  const profiles = await peopleOf(db, p, ids);
  const { tutors, tutees } = tutorsAndTutees(members, profiles, live, rules);
  const away = await awayForMatching(db, p, now);
  for (const t of tutors) if (away.has(t.userId)) t.awayUntil = away.get(t.userId);
  const availability = await availabilityOf(db, p, ids, now);
  const cohort: Cohort = {
    tutors,
    tutees,
    conflicts: new Map(
      constraints
        .filter((c) => c.kind === 'conflict')
        .map((c) => [`${c.tutor_user_id}|${c.tutee_user_id}`, c.reason ?? 'declared']),
    ),
    knows: new Set(
      constraints.filter((c) => c.kind === 'knows').map((c) => `${c.tutor_user_id}|${c.tutee_user_id}`),
    ),
    tuteeRanks: new Map(
      choices.filter((c) => c.side === 'tutee').map((c) => [c.user_id, readStringList(c.ranking)]),
    ),
    tutorRanks: new Map(
      choices.filter((c) => c.side === 'tutor').map((c) => [c.user_id, readStringList(c.ranking)]),
    ),
    homeFaculty: homeFacultyOf(members, profiles),
    availability,
  };
  return { rules, cohort, live, draft, proposals, constraints, round, choices, profiles };
}
export type Snapshot = Awaited<ReturnType<typeof loadSnapshot>>;

type Member = { user_id: string; role: string; capacity: number | null; created_at: string };

/** Tutors (once each) with their capacity and live load; tutees without a live pairing (once each). */
function tutorsAndTutees(
  members: Member[],
  profiles: Profiles,
  live: { tutor_user_id: string; tutee_user_id: string }[],
  rules: ReturnType<typeof rulesOf>,
) {
  const liveLoad = new Map<string, number>();
  for (const x of live) liveLoad.set(x.tutor_user_id, (liveLoad.get(x.tutor_user_id) ?? 0) + 1);
  const paired = new Set(live.map((x) => x.tutee_user_id));
  const tutors: Tutor[] = [];
  const tutees: Person[] = [];
  const seenTutors = new Set<string>();
  for (const m of members) {
    const prof = profiles.get(m.user_id);
    if (!prof) continue;
    if (m.role === 'tutor' && !seenTutors.has(m.user_id)) {
      seenTutors.add(m.user_id);
      tutors.push({
        ...prof,
        arrivedAt: m.created_at,
        capacity: capacityOf(rules, m.capacity),
        load: liveLoad.get(m.user_id) ?? 0,
      });
    }
    if (m.role === 'tutee' && !paired.has(m.user_id) && !tutees.some((t) => t.userId === m.user_id)) {
      tutees.push({ ...prof, arrivedAt: m.created_at });
    }
  }
  return { tutors, tutees };
}

/** The faculty most of the tutees come from. */
function homeFacultyOf(members: Member[], profiles: Profiles): string | null {
  const faculties = new Map<string, number>();
  for (const m of members) {
    const f = m.role === 'tutee' ? profiles.get(m.user_id)?.faculty : null;
    if (f) faculties.set(f, (faculties.get(f) ?? 0) + 1);
  }
  return [...faculties.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** The cohort as the draft leaves it: every tutor's load includes the draft's proposals. */
export function withProposals(s: Snapshot, except?: string): Cohort {
  const extra = new Map<string, number>();
  for (const x of s.proposals)
    if (x.tutee_user_id !== except) extra.set(x.tutor_user_id, (extra.get(x.tutor_user_id) ?? 0) + 1);
  return {
    ...s.cohort,
    tutors: s.cohort.tutors.map((t) => ({ ...t, load: t.load + (extra.get(t.userId) ?? 0) })),
  };
}

// ── Writes and reads behind the matching routes ────────────────────────────────────────────────

/** Stores the programme's weights (one row per programme). */
export async function saveWeights(
  db: Db,
  p: Programme,
  weights: Partial<Weights>,
  actorId: string,
  now: string,
) {
  const json = JSON.stringify(weights);
  const res = await db
    .updateTable('matching_settings')
    .set({ weights: json, updated_at: now, updated_by: actorId })
    .where('programme_id', '=', p.id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    await db
      .insertInto('matching_settings')
      .values({ programme_id: p.id, org_id: p.org_id, weights: json, updated_at: now, updated_by: actorId })
      .execute();
  }
}

/** The current memberships of these people in the programme, as (user, role) pairs. */
export function currentRolesOf(db: Db, programmeId: string, userIds: string[]) {
  return db
    .selectFrom('memberships')
    .select(['user_id', 'role'])
    .where('programme_id', '=', programmeId)
    .where('ended_at', 'is', null)
    .where('user_id', 'in', userIds)
    .execute();
}

export function openRoundOf(db: Db, programmeId: string) {
  return db
    .selectFrom('matching_rounds')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'open')
    .executeTakeFirst();
}

/** Closes the programme's open round (or the given one); returns how many rounds it closed. */
export async function closeRounds(db: Db, programmeId: string, now: string, roundId?: string) {
  const res = await db
    .updateTable('matching_rounds')
    .set({ status: 'closed', closed_at: now })
    .where('programme_id', '=', programmeId)
    .where('status', '=', 'open')
    .$if(roundId !== undefined, (q) => q.where('id', '=', roundId as string))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Saves a member's ranking in a round, replacing the one they had. */
export async function saveChoice(
  db: Db,
  c: { roundId: string; userId: string; side: string; ranking: string[]; now: string },
) {
  const ranking = JSON.stringify(c.ranking);
  const res = await db
    .updateTable('matching_choices')
    .set({ ranking, updated_at: c.now })
    .where('round_id', '=', c.roundId)
    .where('user_id', '=', c.userId)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) {
    await db
      .insertInto('matching_choices')
      .values({
        id: newId(),
        round_id: c.roundId,
        user_id: c.userId,
        side: c.side,
        ranking,
        updated_at: c.now,
      })
      .execute();
  }
}

/** Any pairing by id; the caller decides who may see it (`loadPairingFor`). */
/**
 * How many of the programme's confirmed meetings the person attended (reported present): what
 * frees a tutee from a programme whose first meetings only are compulsory.
 */
export async function meetingsAttended(db: Db, programmeId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('meeting_participants')
    .innerJoin('meetings', 'meetings.id', 'meeting_participants.meeting_id')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('meetings.programme_id', '=', programmeId)
    .where('meetings.status', '=', 'confirmed')
    .where('meeting_participants.user_id', '=', userId)
    .where('meeting_participants.attendance', '=', 'present')
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether the tutor has a place left in the programme (their capacity above their live pairings). */
export async function hasFreePlace(db: Db, p: Programme, userId: string): Promise<boolean> {
  const m = await db
    .selectFrom('memberships')
    .select('capacity')
    .where('programme_id', '=', p.id)
    .where('user_id', '=', userId)
    .where('role', '=', 'tutor')
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (!m) return false;
  const live = await db
    .selectFrom('pairings')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('programme_id', '=', p.id)
    .where('tutor_user_id', '=', userId)
    .where('state', 'in', LIVE_PAIRING_STATES)
    .executeTakeFirst();
  return capacityOf(rulesOf(p), m.capacity) > Number(live?.n ?? 0);
}

export function findPairing(db: Db, id: string) {
  return db.selectFrom('pairings').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A pairing's events, oldest first, with the name of who did each. */
export function pairingHistory(db: Db, pairingId: string) {
  return db
    .selectFrom('pairing_events')
    .leftJoin('users', 'users.id', 'pairing_events.actor_id')
    .select([
      'pairing_events.at',
      'pairing_events.kind',
      'pairing_events.from_state',
      'pairing_events.to_state',
      'pairing_events.reason',
      'pairing_events.actor_id',
      'users.name',
    ])
    .where('pairing_id', '=', pairingId)
    .orderBy('pairing_events.at')
    .orderBy('pairing_events.id')
    .execute();
}
