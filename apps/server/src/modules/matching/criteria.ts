import { type AssignInput, solveAssignment, stableMatching } from '@compagnon/engine';
import { z } from 'zod';
import { compareNames, sortByName } from '../../domain/collate.ts';
import { commonSlots, type Slot, type Week } from '../availability/weeks.ts';
import { distanceKm, normalisePlace } from './geo.ts';
import type { WeightKey } from './keys.ts';
import { reasonView } from './schema.ts';

/**
 * Criteria → costs. Pure functions over a cohort snapshot: the service loads the snapshot, these
 * turn it into engine inputs, explanations and the cohort summary (and its first-come baseline).
 */

export { type WeightKey, weightKeys } from './keys.ts';
/** Each weight is 0 (ignored) to 10 (decisive); the coordinator moves them with sliders. */
export type Weights = Record<WeightKey, number>;

export const defaultWeights: Weights = {
  distance: 6,
  sameSite: 5,
  project: 4,
  themes: 2,
  language: 5,
  faculty: 3,
  load: 4,
  knows: 6,
  choice: 8,
  availability: 3,
};

export interface Person {
  userId: string;
  name: string;
  email: string;
  homeCommune: string | null;
  project: string | null;
  themes: string[];
  languages: string[];
  faculty: string | null;
  /** Current internship or practice site and its town. */
  site: string | null;
  siteCity: string | null;
  siteKind: string | null;
  /** When they joined the programme: the order of a first-come, first-served sign-up. */
  arrivedAt: string;
}
export interface Tutor extends Person {
  capacity: number;
  /** Live pairs (active, paused) and pairs locked in the draft: places already taken. */
  load: number;
}

export interface Cohort {
  tutors: Tutor[];
  tutees: Person[];
  /** `${tutor}|${tutee}` → reason: never paired. */
  conflicts: Map<string, string>;
  /** `${tutor}|${tutee}`: they asked to be together. */
  knows: Set<string>;
  /** Rankings from a choice round, best first. */
  tuteeRanks: Map<string, string[]>;
  tutorRanks: Map<string, string[]>;
  /** The faculty most tutees come from: the others are newcomers, matched first. */
  homeFaculty: string | null;
  /** Typical weeks over the coming weeks, for the people who keep rules or calendars. */
  availability?: Map<string, Week | null>;
}

/** Why a pair was proposed; the schema is the API's view (the availability reason carries the
 * first slots both are free, "2-evening", and how many there are). */
export const reasonSchema = reasonView;
export type Reason = z.infer<typeof reasonSchema>;

/** A pairing's stored explanation (pairings.explanation): why the engine paired them. */
export const explanationSchema = z
  .object({ reasons: z.array(reasonSchema).optional() })
  .loose()
  .nullable();

export interface Facts {
  km: number | null;
  sameSite: string | null;
  project: string | null;
  sharedThemes: string[];
  languageMismatch: boolean;
  newcomer: string | null;
  knows: boolean;
  tuteeRank: number | null;
  tutorRank: number | null;
  tuteeRanked: boolean;
  tutorRanked: boolean;
  conflict: string | null;
  /** Slots of a typical week both are free in most weeks, the surest first; null when a week is unknown. */
  commonSlots: Slot[] | null;
}

const key = (tutor: string, tutee: string) => `${tutor}|${tutee}`;
const norm = (s: string | null | undefined) => (s ? normalisePlace(s) : '');
/** Whether `list[i]` is the first of its spellings ("installation", "Installation" are one theme). */
const firstOf = (list: string[], t: string, i: number) => list.findIndex((x) => norm(x) === norm(t)) === i;

function sameProject(a: string | null, b: string | null): boolean {
  if (!a || !b) return false;
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  const words = (s: string) => new Set(s.split(' ').filter((w) => w.length >= 6));
  const wx = words(x);
  return [...words(y)].some((w) => wx.has(w));
}

export function facts(c: Cohort, tutor: Tutor, tutee: Person): Facts {
  const tutorPlace = tutor.siteCity ?? tutor.homeCommune;
  const kms = [distanceKm(tutee.homeCommune, tutorPlace), distanceKm(tutee.siteCity, tutorPlace)].filter(
    (k): k is number => k !== null,
  );
  const sameSite = tutee.site && tutor.site && norm(tutee.site) === norm(tutor.site) ? tutee.site : null;
  let conflict = c.conflicts.get(key(tutor.userId, tutee.userId)) ?? null;
  // A tutor who supervises the resident's internship in their own practice evaluates them: never
  // their tutor as well.
  if (!conflict && sameSite && tutor.siteKind === 'practice') conflict = 'supervisor';
  const tutorThemes = new Set(tutor.themes.map(norm));
  const tr = c.tuteeRanks.get(tutee.userId);
  const rr = c.tutorRanks.get(tutor.userId);
  const tuteeRank = tr ? tr.indexOf(tutor.userId) : -1;
  const tutorRank = rr ? rr.indexOf(tutee.userId) : -1;
  const langs = new Set(tutor.languages.map(norm));
  return {
    km: kms.length ? Math.min(...kms) : null,
    sameSite,
    project: sameProject(tutee.project, tutor.project) ? tutee.project : null,
    // A theme written twice by the tutee ("installation", "Installation") is one theme, shown and counted once.
    sharedThemes: tutee.themes
      .filter((t, i) => tutorThemes.has(norm(t)) && firstOf(tutee.themes, t, i))
      .slice(0, 3),
    languageMismatch:
      tutee.languages.length > 0 &&
      tutor.languages.length > 0 &&
      !tutee.languages.some((l) => langs.has(norm(l))),
    newcomer:
      c.homeFaculty && tutee.faculty && norm(tutee.faculty) !== norm(c.homeFaculty) ? tutee.faculty : null,
    knows: c.knows.has(key(tutor.userId, tutee.userId)),
    tuteeRank: tuteeRank >= 0 ? tuteeRank + 1 : null,
    tutorRank: tutorRank >= 0 ? tutorRank + 1 : null,
    tuteeRanked: !!tr && tr.length > 0,
    tutorRanked: !!rr && rr.length > 0,
    conflict,
    commonSlots: commonSlots(c.availability?.get(tutor.userId), c.availability?.get(tutee.userId)),
  };
}

/** The cost of one pair: lower is better. Distances count per 10 km, bonuses are negative. */
export function pairCost(f: Facts, w: Weights): number {
  let cost = 0;
  if (f.km !== null) cost += (w.distance * f.km) / 10;
  if (f.sameSite) cost -= w.sameSite * 3;
  if (f.project) cost -= w.project * 3;
  cost -= w.themes * f.sharedThemes.length;
  if (f.languageMismatch) cost += w.language * 4;
  if (f.newcomer) cost -= w.faculty * 2;
  if (f.knows) cost -= w.knows * 4;
  if (f.tuteeRanked) cost += w.choice * (f.tuteeRank ? (f.tuteeRank - 1) * 1.5 : 9);
  if (f.tutorRanked) cost += w.choice * (f.tutorRank ? (f.tutorRank - 1) * 1.5 : 9);
  // Four usual slots in common are plenty; each one fewer costs, none at all costs most.
  if (f.commonSlots) cost += w.availability * Math.max(0, 4 - f.commonSlots.length) * 1.5;
  return Math.round(cost * 100) / 100;
}

/** The cost of a tutor's (k+1)-th extra tutee: grows with the load, so the work is shared. */
export function loadCosts(t: Tutor, remaining: number, w: Weights): number[] {
  return Array.from({ length: remaining }, (_, k) => Math.round(w.load * 1.5 * (t.load + k) * 100) / 100);
}

export function reasonsOf(f: Facts, tutor: Tutor): { reasons: Reason[]; warnings: Reason[] } {
  const reasons: Reason[] = [];
  const warnings: Reason[] = [];
  if (f.tuteeRank) reasons.push({ code: 'tuteeChoice', rank: f.tuteeRank });
  if (f.tutorRank) reasons.push({ code: 'tutorChoice', rank: f.tutorRank });
  if (f.knows) reasons.push({ code: 'knows' });
  if (f.sameSite) reasons.push({ code: 'sameSite', site: f.sameSite });
  if (f.km !== null) reasons.push({ code: 'distance', km: f.km });
  if (f.project) reasons.push({ code: 'project', project: f.project });
  if (f.sharedThemes.length) reasons.push({ code: 'themes', themes: f.sharedThemes });
  if (f.newcomer) reasons.push({ code: 'newcomer', faculty: f.newcomer });
  if (f.commonSlots?.length)
    reasons.push({ code: 'availability', slots: f.commonSlots.slice(0, 2), count: f.commonSlots.length });
  if (f.conflict) warnings.push({ code: 'conflict', name: f.conflict });
  if (f.languageMismatch) warnings.push({ code: 'language' });
  if (f.commonSlots && f.commonSlots.length === 0) warnings.push({ code: 'noCommonTime' });
  if (f.km !== null && f.km > 50) warnings.push({ code: 'far', km: f.km });
  if (f.tuteeRanked && !f.tuteeRank) warnings.push({ code: 'notChosen' });
  if (tutor.load > tutor.capacity) warnings.push({ code: 'overCapacity' });
  return { reasons, warnings };
}

export interface Assignment {
  tutee: string;
  tutor: string;
}

/** Places still free for each tutor, given extra assignments. */
function remainingOf(c: Cohort): Map<string, number> {
  return new Map(c.tutors.map((t) => [t.userId, Math.max(0, t.capacity - t.load)]));
}

/** Optimal assignment of every tutee of the cohort: most assigned, then least total cost. */
export function optimal(
  c: Cohort,
  w: Weights,
  extra?: (tutor: Tutor, tutee: Person, f: Facts) => number,
): Assignment[] {
  const remaining = remainingOf(c);
  const input: AssignInput = {
    tutors: c.tutors.map((t) => {
      const r = remaining.get(t.userId) ?? 0;
      return { id: t.userId, capacity: r, loadCosts: loadCosts(t, r, w) };
    }),
    tutees: c.tutees.map((t) => ({ id: t.userId })),
    edges: [],
  };
  for (const tutee of c.tutees) {
    for (const tutor of c.tutors) {
      const f = facts(c, tutor, tutee);
      if (f.conflict) continue;
      const cost = pairCost(f, w) + (extra ? extra(tutor, tutee, f) : 0);
      input.edges.push({ tutee: tutee.userId, tutor: tutor.userId, cost });
    }
  }
  return solveAssignment(input).assignment;
}

/**
 * Tutee choice: the tutee-optimal stable matching of the rankings. A tutor who did not rank
 * accepts everyone, preferring the tutees who ranked them higher, then the better-suited. Tutees
 * left without a place (no ranking, or every tutor they ranked full of people they prefer) are then
 * placed optimally on the places left, and their explanation says the tutor was not their choice.
 */
export function byTuteeChoice(c: Cohort, w: Weights): Assignment[] {
  const remaining = remainingOf(c);
  const ok = (tutor: Tutor, tutee: Person) => !facts(c, tutor, tutee).conflict;
  const tutors = c.tutors.map((tutor) => {
    const scored = c.tutees
      .filter((t) => ok(tutor, t))
      .map((t) => {
        const f = facts(c, tutor, t);
        return { id: t.userId, own: f.tutorRank ?? 1e6, theirs: f.tuteeRank ?? 1e6, cost: pairCost(f, w) };
      })
      .sort((a, b) => a.own - b.own || a.theirs - b.theirs || a.cost - b.cost);
    return { id: tutor.userId, capacity: remaining.get(tutor.userId) ?? 0, prefs: scored.map((s) => s.id) };
  });
  const tutees = c.tutees.map((t) => ({
    id: t.userId,
    prefs: (c.tuteeRanks.get(t.userId) ?? []).filter((id) => {
      const tutor = c.tutors.find((x) => x.userId === id);
      return tutor && ok(tutor, t);
    }),
  }));
  const stable = stableMatching({ tutees, tutors }).assignment;
  return [...stable, ...fillRest(c, w, stable)];
}

/**
 * Tutor choice: tutors rank the tutees they know; the ranking weighs most in the optimum. A tutee
 * some tutor asked for goes to a tutor who asked for them whenever places allow: any other tutor,
 * including one who ranked nobody, costs as much as an unranked pair.
 */
export function byTutorChoice(c: Cohort, w: Weights): Assignment[] {
  const choice = Math.max(w.choice, 8);
  const wanted = new Set([...c.tutorRanks.values()].flat());
  return optimal(c, { ...w, choice }, (_tutor, tutee, f) =>
    wanted.has(tutee.userId) && !f.tutorRanked ? choice * 9 : 0,
  );
}

function fillRest(c: Cohort, w: Weights, done: Assignment[]): Assignment[] {
  const placed = new Set(done.map((a) => a.tutee));
  const extra = new Map<string, number>();
  for (const a of done) extra.set(a.tutor, (extra.get(a.tutor) ?? 0) + 1);
  const rest: Cohort = {
    ...c,
    tutees: c.tutees.filter((t) => !placed.has(t.userId)),
    tutors: c.tutors.map((t) => ({ ...t, load: t.load + (extra.get(t.userId) ?? 0) })),
  };
  return rest.tutees.length ? optimal(rest, w) : [];
}

/**
 * The first-come, first-served sign-up the platforms people complain about: in order of arrival,
 * each tutee takes their best-ranked tutor with a free place, or else the first tutor of the list
 * with one.
 */
export function firstComeFirstServed(c: Cohort): Assignment[] {
  const remaining = remainingOf(c);
  const tutors = sortByName(c.tutors, (t) => t.name);
  const out: Assignment[] = [];
  const order = [...c.tutees].sort(
    (a, b) => a.arrivedAt.localeCompare(b.arrivedAt) || compareNames(a.name, b.name),
  );
  for (const tutee of order) {
    const ranked = (c.tuteeRanks.get(tutee.userId) ?? [])
      .map((id) => tutors.find((t) => t.userId === id))
      .filter((t): t is Tutor => !!t);
    const pick = [...ranked, ...tutors].find(
      (t) => (remaining.get(t.userId) ?? 0) > 0 && !facts(c, t, tutee).conflict,
    );
    if (!pick) continue;
    remaining.set(pick.userId, (remaining.get(pick.userId) ?? 0) - 1);
    out.push({ tutee: tutee.userId, tutor: pick.userId });
  }
  return out;
}

export interface Summary {
  tutees: number;
  assigned: number;
  meanKm: number | null;
  worstKm: number | null;
  sameSiteShare: number;
  firstChoiceShare: number | null;
  top3Share: number | null;
  loadMin: number;
  loadMax: number;
  unassigned: { userId: string; name: string; reason: string }[];
}

const share = (n: number, d: number) => (d === 0 ? 0 : Math.round((1000 * n) / d) / 10);

/** The cohort summary of a set of assignments (the draft, or the baseline on the same cohort). */
export function summarise(c: Cohort, assignments: Assignment[]): Summary {
  const tutors = new Map(c.tutors.map((t) => [t.userId, t]));
  const tutees = new Map(c.tutees.map((t) => [t.userId, t]));
  const kms: number[] = [];
  let sameSite = 0;
  let first = 0;
  let top3 = 0;
  const rankedCount = c.tutees.filter((t) => c.tuteeRanks.get(t.userId)?.length).length;
  const load = new Map(c.tutors.map((t) => [t.userId, t.load]));
  for (const a of assignments) {
    const tutor = tutors.get(a.tutor);
    const tutee = tutees.get(a.tutee);
    if (!tutor || !tutee) continue;
    const f = facts(c, tutor, tutee);
    if (f.km !== null) kms.push(f.km);
    if (f.sameSite) sameSite++;
    if (f.tuteeRank === 1) first++;
    if (f.tuteeRank && f.tuteeRank <= 3) top3++;
    load.set(a.tutor, (load.get(a.tutor) ?? 0) + 1);
  }
  const placed = new Set(assignments.map((a) => a.tutee));
  const loads = [...load.values()];
  const free = c.tutors.reduce((s, t) => s + Math.max(0, t.capacity - (load.get(t.userId) ?? 0)), 0);
  return {
    tutees: c.tutees.length,
    assigned: placed.size,
    meanKm: kms.length ? Math.round((10 * kms.reduce((s, k) => s + k, 0)) / kms.length) / 10 : null,
    worstKm: kms.length ? Math.max(...kms) : null,
    sameSiteShare: share(sameSite, assignments.length),
    firstChoiceShare: rankedCount ? share(first, rankedCount) : null,
    top3Share: rankedCount ? share(top3, rankedCount) : null,
    loadMin: loads.length ? Math.min(...loads) : 0,
    loadMax: loads.length ? Math.max(...loads) : 0,
    unassigned: c.tutees
      .filter((t) => !placed.has(t.userId))
      .map((t) => {
        const compatible = c.tutors.filter((tu) => !facts(c, tu, t).conflict);
        const reason =
          compatible.length === 0
            ? 'noCompatibleTutor'
            : free === 0
              ? 'noPlaceLeft'
              : compatible.every((tu) => (load.get(tu.userId) ?? 0) >= tu.capacity)
                ? 'compatibleTutorsFull'
                : 'notRanked';
        return { userId: t.userId, name: t.name, reason };
      }),
  };
}
