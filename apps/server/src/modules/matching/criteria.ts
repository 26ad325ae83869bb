import { type AssignInput, solveAssignment, stableMatching } from '@compagnon/engine';
import { z } from 'zod';
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
  /** The last day of an absence that keeps them from new tutees (modules/absences/matching.ts). */
  awayUntil?: string;
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
  /** The programme forms its groups by internship site (rule `groupsBySite`). */
  groupsBySite?: boolean;
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

/**
 * Groups by site: a tutee whose current internship site is known costs this much more with a tutor
 * on another site. It is a cost rather than a ban, so that nobody is left without a tutor when
 * their site has none or its tutors are full. 40 outweighs any difference of distance inside a
 * department (about 65 km at the default weight) and the other criteria together, but stays below
 * the gap between a tutor the tutee ranked and one they did not (9 × the choice weight, 72 by
 * default, minus 1.5 × weight per rank), so a ranking is still honoured before the site.
 */
export const OTHER_SITE_COST = 40;

/** What the site rule adds to a pair's cost: nothing when the rule is off or the site unknown. */
export function siteCost(c: Cohort, tutee: Person, f: Facts): number {
  return c.groupsBySite && tutee.site && !f.sameSite ? OTHER_SITE_COST : 0;
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
export function remainingOf(c: Cohort): Map<string, number> {
  return new Map(c.tutors.map((t) => [t.userId, t.awayUntil ? 0 : Math.max(0, t.capacity - t.load)]));
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
      const cost = pairCost(f, w) + siteCost(c, tutee, f) + (extra ? extra(tutor, tutee, f) : 0);
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
 * When groups are formed by site, a tutor's places go first to the tutees of their own site, then
 * to those who ranked them higher; a tutee's own ranking is never reordered.
 */
export function byTuteeChoice(c: Cohort, w: Weights): Assignment[] {
  const remaining = remainingOf(c);
  const ok = (tutor: Tutor, tutee: Person) => !facts(c, tutor, tutee).conflict;
  const tutors = c.tutors.map((tutor) => {
    const scored = c.tutees
      .filter((t) => ok(tutor, t))
      .map((t) => {
        const f = facts(c, tutor, t);
        const site = siteCost(c, t, f) > 0 ? 1 : 0;
        const cost = pairCost(f, w);
        return { id: t.userId, own: f.tutorRank ?? 1e6, site, theirs: f.tuteeRank ?? 1e6, cost };
      })
      .sort((a, b) => a.own - b.own || a.site - b.site || a.theirs - b.theirs || a.cost - b.cost);
    return { id: tutor.userId, capacity: remaining.get(tutor.userId) ?? 0, prefs: scored.map((s) => s.id) };
  });
  const tutees = c.tutees.map((t) => ({ id: t.userId, prefs: tuteePrefs(c, w, t) }));
  const stable = stableMatching({ tutees, tutors }).assignment;
  return [...stable, ...fillRest(c, w, stable)];
}

/**
 * A tutee's preferences in a choice round: their ranking. When groups are formed by site, the
 * site comes first: the tutors of their own site they ranked (in their order), then the other
 * tutors of their site (the better-suited first), then the tutors elsewhere they ranked. Their
 * ranking thus decides among the tutors of their site, and alone when their site has none or all
 * are full; the explanation says when the tutor was not their choice.
 */
function tuteePrefs(c: Cohort, w: Weights, t: Person): string[] {
  const ranked = (c.tuteeRanks.get(t.userId) ?? []).filter((id) => {
    const tutor = c.tutors.find((x) => x.userId === id);
    return tutor && !facts(c, tutor, t).conflict;
  });
  if (!c.groupsBySite || !t.site) return ranked;
  const onSite = c.tutors
    .map((tutor) => ({ tutor, f: facts(c, tutor, t) }))
    .filter(({ f }) => f.sameSite && !f.conflict);
  const siteIds = new Set(onSite.map(({ tutor }) => tutor.userId));
  const rankedOnSite = ranked.filter((id) => siteIds.has(id));
  const otherOnSite = onSite
    .filter(({ tutor }) => !rankedOnSite.includes(tutor.userId))
    .sort((a, b) => pairCost(a.f, w) - pairCost(b.f, w))
    .map(({ tutor }) => tutor.userId);
  return [...rankedOnSite, ...otherOnSite, ...ranked.filter((id) => !siteIds.has(id))];
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
