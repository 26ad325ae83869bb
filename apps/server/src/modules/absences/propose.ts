import { type BackupCandidate, nextBackup, proposeBackups } from '@compagnon/engine';
import type { Db } from '../../db/index.ts';
import { capacityOf } from '../matching/queries.ts';
import { rulesOf } from '../programmes/templates.ts';
import { liveTeamOf, teammatesOf } from '../teams/queries.ts';
import { absentBetween, coverLoads, liveLoads, tutorsOf } from './queries.ts';

// The backups an absent tutor's tutees may get: the teammates who tutor in the programme and are
// not away themselves on any day of the absence, each with their load over the period — live
// tutees plus tutees they already cover (asked or accepted) in absences sharing a day with it —
// against their capacity (their membership's, else the programme's tutorCapacity.max). The engine
// (packages/engine backups.ts) spreads the tutees by water-filling on (load + 1) / capacity.

type ProgrammeRef = { id: string; org_id: string; rules: string; template: string };
type AbsenceRef = { id: string; user_id: string; start_on: string; end_on: string };

export type Candidate = BackupCandidate & { name: string };

/** The candidates among `pool` (user ids) for an absence, in name order. */
async function candidatesAmong(
  db: Db,
  p: ProgrammeRef,
  a: AbsenceRef,
  pool: Set<string>,
): Promise<Candidate[]> {
  const rules = rulesOf(p);
  const [tutors, loads, covering, away] = await Promise.all([
    tutorsOf(db, p.id),
    liveLoads(db, p.id),
    coverLoads(db, p.id, a.start_on, a.end_on, a.id),
    absentBetween(db, p.id, a.start_on, a.end_on),
  ]);
  const absent = new Set(away.map((x) => x.user_id));
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const t of tutors) {
    if (seen.has(t.id) || t.id === a.user_id || !pool.has(t.id) || absent.has(t.id)) continue;
    seen.add(t.id);
    out.push({
      id: t.id,
      name: t.name,
      load: (loads.get(t.id) ?? 0) + (covering.get(t.id) ?? 0),
      capacity: capacityOf(rules, t.capacity),
    });
  }
  return out;
}

/** The absent tutor's teammates who may stand in, and whether the tutor is in a team at all. */
export async function teamCandidates(db: Db, p: ProgrammeRef, a: AbsenceRef) {
  const team = await liveTeamOf(db, p.org_id, a.user_id);
  if (!team) return { inTeam: false, candidates: [] as Candidate[] };
  const mates = new Set(await teammatesOf(db, p.org_id, a.user_id));
  return { inTeam: true, candidates: await candidatesAmong(db, p, a, mates) };
}

/** Every tutor of the programme who may stand in (for the coordination naming a backup). */
export async function programmeCandidates(db: Db, p: ProgrammeRef, a: AbsenceRef) {
  const all = new Set((await tutorsOf(db, p.id)).map((t) => t.id));
  return candidatesAmong(db, p, a, all);
}

/** The balanced proposal for the tutees (ids), in the order given. */
export function proposalFor(tuteeIds: string[], candidates: Candidate[]) {
  return proposeBackups(tuteeIds, candidates);
}

/** The next best teammate for one tutee, leaving out whoever declined it. */
export const nextFor = (candidates: Candidate[], declined: string[]) =>
  nextBackup(candidates, new Set(declined));
