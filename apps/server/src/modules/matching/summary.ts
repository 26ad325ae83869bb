import { compareNames, sortByName } from '../../domain/collate.ts';
import { type Assignment, type Cohort, facts, remainingOf, type Tutor } from './criteria.ts';

// The cohort summary shown beside a draft, and the first-come, first-served baseline it is
// compared with on the same cohort.

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
