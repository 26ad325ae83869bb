/**
 * Backup tutors for an absent tutor's tutees, proposed by balanced load.
 *
 * Each candidate (a teammate present over the absence) has a load — their live tutees plus the
 * tutees they already cover during overlapping absences — and a capacity. Each tutee is a unit
 * task. `proposeBackups` gives every tutee, in turn, to the candidate whose ratio after taking it,
 * (load + 1) / capacity, is the smallest among those with room (load < capacity); ties go to the
 * smaller load, then the earlier candidate in the input order (a stable, explainable choice).
 *
 * Guarantee (water-filling): among all assignments that keep every candidate within capacity, it
 * covers as many tutees as possible, min(tasks, total room), and minimises the largest final ratio
 * load / capacity over the candidates. Proof sketch: the k-th unit given by the greedy goes to the
 * smallest available "level" (load + 1) / capacity; the multiset of levels it takes is the k
 * smallest of all candidates' level sequences (each candidate's levels increase), so its largest
 * level is the smallest possible for k units, and every assignment of k units takes some level at
 * least that high. `backups.test.ts` checks it against an exhaustive search on small cases.
 */
export interface BackupCandidate {
  id: string;
  load: number;
  capacity: number;
}

/** One tutee's backup, or null when no candidate has room left. */
export type BackupProposal = { task: string; backup: string | null };

export function proposeBackups(
  tasks: readonly string[],
  candidates: readonly BackupCandidate[],
): BackupProposal[] {
  const load = candidates.map((c) => c.load);
  return tasks.map((task) => {
    const i = bestCandidate(candidates, load, new Set());
    if (i === -1) return { task, backup: null };
    load[i] = (load[i] as number) + 1;
    return { task, backup: (candidates[i] as BackupCandidate).id };
  });
}

/**
 * The next best candidate for one tutee, the ones in `excluded` (who declined it) left out: the
 * same rule as `proposeBackups` for a single unit. Null when nobody has room.
 */
export function nextBackup(
  candidates: readonly BackupCandidate[],
  excluded: ReadonlySet<string>,
): string | null {
  const i = bestCandidate(
    candidates,
    candidates.map((c) => c.load),
    excluded,
  );
  return i === -1 ? null : (candidates[i] as BackupCandidate).id;
}

function bestCandidate(
  candidates: readonly BackupCandidate[],
  load: number[],
  excluded: ReadonlySet<string>,
) {
  let best = -1;
  for (let i = 0; i < candidates.length; i++) {
    const c = candidates[i] as BackupCandidate;
    const l = load[i] as number;
    if (excluded.has(c.id) || c.capacity <= 0 || l >= c.capacity) continue;
    if (
      best === -1 ||
      better(l, c.capacity, load[best] as number, (candidates[best] as BackupCandidate).capacity)
    )
      best = i;
  }
  return best;
}

/** (la + 1) / ca < (lb + 1) / cb in exact integer arithmetic; ties to the smaller load. */
function better(la: number, ca: number, lb: number, cb: number): boolean {
  const a = (la + 1) * cb;
  const b = (lb + 1) * ca;
  return a < b || (a === b && la < lb);
}
