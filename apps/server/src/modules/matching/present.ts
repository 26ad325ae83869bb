import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { readJson } from '../../db/json.ts';
import type { PairingTable, Programme } from '../../db/types.ts';
import { isLivePairing, LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import type { UserActor } from '../../policy/actor.ts';
import { contactFor } from '../../policy/confidentiality.ts';
import { auditRead } from '../audit/reads.ts';
import { type ProgrammeRules, rulesOf } from '../programmes/templates.ts';
import { explanationSchema, facts, pairCost, type Reason, reasonsOf, type Weights } from './criteria.ts';
import { compare } from './draft.ts';
import { alternativesOf } from './effects.ts';
import { futureMeetingCounts, undoUntil } from './ending.ts';
import { distanceKm } from './geo.ts';
import {
  counterpartRelation,
  managesMatching,
  ownPairingActions,
  pairingActions,
  rankersIn,
  rankingSide,
} from './policy.ts';
import {
  hasFreePlace,
  loadSnapshot,
  meetingsAttended,
  type Profiles,
  peopleOf,
  type Snapshot,
  weightsOf,
  withProposals,
} from './queries.ts';
import { weightsSchema } from './schema.ts';

const reasonsFrom = (json: string | null): Reason[] =>
  readJson(explanationSchema, json, 'pairings.explanation')?.reasons ?? [];

async function names(ctx: AppContext, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await ctx.db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

type Cohort = ReturnType<typeof withProposals>;
type PairingRow = Selectable<PairingTable>;

/** The draft's proposals, each with its facts, cost, reasons and best alternatives. */
function draftProposals(s: Snapshot, cohort: Cohort, draftWeights: Weights) {
  return s.proposals.flatMap((x) => {
    const placed = s.proposals.map((y) => ({
      tuteeId: y.tutee_user_id,
      tutorId: y.tutor_user_id,
      locked: y.locked === 1,
    }));
    const tutee = s.cohort.tutees.find((t) => t.userId === x.tutee_user_id);
    const tutor = cohort.tutors.find((t) => t.userId === x.tutor_user_id);
    if (!tutee || !tutor) return [];
    const f = facts(s.cohort, tutor, tutee);
    const cost = pairCost(f, draftWeights);
    // What moving this tutee would cost them and the others: the best alternatives.
    const alternatives = alternativesOf(s.cohort, cohort, placed, tutee, tutor, draftWeights);
    return [
      {
        pairingId: x.id,
        tuteeId: tutee.userId,
        tuteeName: tutee.name,
        tuteeSite: tutee.site,
        tutorId: tutor.userId,
        tutorName: tutor.name,
        locked: x.locked === 1,
        km: f.km,
        cost,
        ...reasonsOf(f, tutor),
        alternatives,
      },
    ];
  });
}

function draftView(s: Snapshot, cohort: Cohort, draftWeights: Weights) {
  if (!s.draft) return null;
  return {
    id: s.draft.id,
    mode: s.draft.mode as 'optimal',
    updatedAt: s.draft.updated_at,
    proposals: draftProposals(s, cohort, draftWeights),
    ...compare(s),
  };
}

function roundView(s: Snapshot) {
  if (!s.round) return null;
  const eligible = rankersIn(s.cohort, s.round.kind).length;
  return {
    id: s.round.id,
    kind: s.round.kind as 'tutee-choice',
    deadline: s.round.deadline,
    status: s.round.status as 'open',
    ranked: s.choices.filter((c) => c.side === (s.round?.kind === 'tutor-choice' ? 'tutor' : 'tutee')).length,
    eligible,
  };
}

/** One published pairing as the coordinator sees it, with what they may do to it. */
function pairingRow(
  x: PairingRow,
  who: Map<string, string>,
  manage: boolean,
  now: Date,
  upcoming: Map<string, number>,
) {
  return {
    id: x.id,
    tutorId: x.tutor_user_id,
    tutorName: who.get(x.tutor_user_id) ?? '',
    tuteeId: x.tutee_user_id,
    tuteeName: who.get(x.tutee_user_id) ?? '',
    state: x.state,
    groupKey: x.group_key,
    since: x.created_at,
    endedAt: x.ended_at,
    endReason: x.end_reason,
    repairRequested: !!x.repair_requested_at,
    reasons: reasonsFrom(x.explanation),
    actions: {
      ...pairingActions(manage, x.state, LIVE_PAIRING_STATES),
      undoEnd: manage && !!undoUntil(x, now),
    },
    undoUntil: manage ? undoUntil(x, now) : null,
    futureMeetings: upcoming.get(x.id) ?? 0,
  };
}

function tutorsView(s: Snapshot) {
  const proposedBy = new Map<string, number>();
  for (const x of s.proposals) proposedBy.set(x.tutor_user_id, (proposedBy.get(x.tutor_user_id) ?? 0) + 1);
  return s.cohort.tutors.map((t) => ({
    userId: t.userId,
    name: t.name,
    capacity: t.capacity,
    live: t.load,
    proposed: proposedBy.get(t.userId) ?? 0,
    site: t.site,
    city: t.siteCity ?? t.homeCommune,
    awayUntil: t.awayUntil ?? null,
  }));
}

function overviewActions(manage: boolean, s: Snapshot) {
  return {
    run: manage,
    edit: manage && !!s.draft,
    publish: manage && s.proposals.length > 0,
    discard: manage && !!s.draft,
    openRound: manage && s.round?.status !== 'open',
    closeRound: manage && s.round?.status === 'open',
    rollover: manage,
  };
}

/** What the coordinator sees on the matching screen. */
export async function presentOverview(ctx: AppContext, actor: UserActor, p: Programme) {
  const s = await loadSnapshot(ctx.db, p, ctx.clock.now());
  const weights = await weightsOf(ctx.db, p.id);
  const cohort = withProposals(s);
  const proposedTutees = new Set(s.proposals.map((x) => x.tutee_user_id));
  const all = await ctx.db
    .selectFrom('pairings')
    .selectAll()
    .where('programme_id', '=', p.id)
    .where('state', '!=', 'proposed')
    .orderBy('created_at', 'desc')
    .execute();
  const now = ctx.clock.now();
  const upcoming = managesMatching(actor, p)
    ? await futureMeetingCounts(
        ctx.db,
        p.id,
        all.filter((x) => isLivePairing(x.state)),
        now,
      )
    : new Map<string, number>();
  const who = await names(ctx, [
    ...new Set([
      ...all.flatMap((x) => [x.tutor_user_id, x.tutee_user_id]),
      ...s.constraints.flatMap((c) => [c.tutor_user_id, c.tutee_user_id]),
    ]),
  ]);
  const manage = managesMatching(actor, p);
  const draftWeights = s.draft
    ? { ...weights, ...readJson(weightsSchema.partial(), s.draft.weights, 'matching_runs.weights') }
    : weights;
  const rules = rulesOf(p);
  return {
    unit: rules.unit,
    groupSize: rules.groupSize,
    defaultMode: rules.matchingMode,
    weights,
    tutors: tutorsView(s),
    unpaired: s.cohort.tutees
      .filter((t) => !proposedTutees.has(t.userId))
      .map((t) => ({ userId: t.userId, name: t.name, site: t.site, homeCommune: t.homeCommune })),
    draft: draftView(s, cohort, draftWeights),
    round: roundView(s),
    pairings: all.map((x) => pairingRow(x, who, manage, now, upcoming)),
    constraints: s.constraints.map((c) => ({
      id: c.id,
      tutorId: c.tutor_user_id,
      tutorName: who.get(c.tutor_user_id) ?? '',
      tuteeId: c.tutee_user_id,
      tuteeName: who.get(c.tutee_user_id) ?? '',
      kind: c.kind as 'conflict',
      reason: c.reason,
    })),
    actions: overviewActions(manage, s),
  };
}

/** One of a member's own pairings, with the counterpart's contact as their relation allows. */
function ownPairing(
  x: PairingRow,
  actor: UserActor,
  people: Profiles,
  rules: ProgrammeRules,
  attended: number,
) {
  const as = x.tutor_user_id === actor.id ? ('tutor' as const) : ('tutee' as const);
  const other = people.get(as === 'tutor' ? x.tutee_user_id : x.tutor_user_id);
  const live = isLivePairing(x.state);
  const contact = contactFor(counterpartRelation(as, live, x.end_reason), {
    email: other?.email ?? null,
    phone: other?.phone ?? null,
    sharePhone: other?.sharePhone ?? false,
  });
  return {
    id: x.id,
    as,
    state: x.state,
    since: x.created_at,
    endedAt: x.ended_at,
    endReason: x.end_reason,
    repairRequested: !!x.repair_requested_at,
    counterpart: {
      userId: other?.userId ?? '',
      name: other?.name ?? '',
      email: contact.email,
      phone: contact.phone,
      presentation: other?.presentation ?? null,
      site: live ? (other?.site ?? null) : null,
      city: live ? (other?.siteCity ?? null) : null,
      project: live ? (other?.project ?? null) : null,
    },
    reasons: reasonsFrom(x.explanation),
    actions: ownPairingActions(as, live, !!x.repair_requested_at, rules, attended),
  };
}

type Person = NonNullable<ReturnType<Profiles['get']>>;

/** The profiles a member may rank in an open round, from the other side of the cohort. */
function candidatesFor(s: Snapshot, side: 'tutor' | 'tutee', me: Person | undefined) {
  return side === 'tutee'
    ? // A tutor without a free place is not offered: ranking them could only disappoint.
      s.cohort.tutors
        .filter((t) => t.capacity > t.load && !t.awayUntil)
        .map((t) => ({
          userId: t.userId,
          name: t.name,
          presentation: s.profiles.get(t.userId)?.presentation ?? null,
          site: t.site,
          city: t.siteCity,
          project: t.project,
          themes: t.themes,
          languages: t.languages,
          km: me ? (distanceKm(me.homeCommune, t.siteCity ?? t.homeCommune) ?? null) : null,
          placesLeft: Math.max(0, t.capacity - t.load),
        }))
    : s.cohort.tutees.map((t) => ({
        userId: t.userId,
        name: t.name,
        presentation: null,
        site: t.site,
        city: t.siteCity,
        project: t.project,
        themes: t.themes,
        languages: [],
        km: me ? (distanceKm(me.siteCity ?? me.homeCommune, t.homeCommune) ?? null) : null,
        placesLeft: null,
      }));
}

/** The open choice round a member takes part in, with their ranking and candidates; null if none. */
async function ownRound(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  mine: PairingRow[],
  me: Person | undefined,
) {
  const r = await ctx.db
    .selectFrom('matching_rounds')
    .selectAll()
    .where('programme_id', '=', p.id)
    .where('status', '=', 'open')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  const hasLivePairing = mine.some((x) => x.tutee_user_id === actor.id && isLivePairing(x.state));
  const freePlace = r?.kind === 'tutor-choice' && (await hasFreePlace(ctx.db, p, actor.id));
  const side = r ? rankingSide(actor, p, r, { hasLivePairing, hasFreePlace: freePlace }) : null;
  if (!r || !side) return null;
  const s = await loadSnapshot(ctx.db, p, ctx.clock.now());
  const mineChoice = s.choices.find((c) => c.user_id === actor.id);
  const ranking = mineChoice
    ? readJson(z.array(z.string()), mineChoice.ranking, 'matching_choices.ranking')
    : [];
  return {
    id: r.id,
    kind: r.kind as 'tutee-choice',
    deadline: r.deadline,
    open: r.deadline > ctx.clock.now().toISOString(),
    side,
    ranking,
    candidates: candidatesFor(s, side, me),
  };
}

/**
 * A member's own pairings and, during a choice round, the profiles they may rank. Showing the other
 * side's e-mail or phone is an audited read, unless the caller only wants the round (`auditContacts`).
 */
export async function presentMine(ctx: AppContext, actor: UserActor, p: Programme, auditContacts = true) {
  const rules = rulesOf(p);
  const mine = await ctx.db
    .selectFrom('pairings')
    .selectAll()
    .where('programme_id', '=', p.id)
    .where('state', '!=', 'proposed')
    .where((eb) => eb.or([eb('tutor_user_id', '=', actor.id), eb('tutee_user_id', '=', actor.id)]))
    .orderBy('created_at', 'desc')
    .execute();
  const others = [
    ...new Set(mine.map((x) => (x.tutor_user_id === actor.id ? x.tutee_user_id : x.tutor_user_id))),
  ];
  const people = await peopleOf(ctx.db, p, [...others, actor.id]);
  const me = people.get(actor.id);
  const attended = mine.some((x) => x.tutee_user_id === actor.id)
    ? await meetingsAttended(ctx.db, p.id, actor.id)
    : 0;
  const pairings = mine.map((x) => ownPairing(x, actor, people, rules, attended));

  if (auditContacts) {
    await auditRead(ctx.db, ctx.clock.now(), {
      orgId: p.org_id,
      actor,
      subjectPersonIds: pairings
        .filter((x) => x.counterpart.email || x.counterpart.phone)
        .map((x) => x.counterpart.userId),
      kind: 'contact',
      recordType: 'programme',
      recordId: p.id,
      programmeId: p.id,
    });
  }

  const round = await ownRound(ctx, actor, p, mine, me);
  return {
    pairings,
    round,
    participation: rules.participation,
    actions: { manage: managesMatching(actor, p) },
  };
}
