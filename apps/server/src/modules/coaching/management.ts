import { DateTime } from 'luxon';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { dayIn } from '../../domain/days.ts';
import { EXPERIENCE_MONTHS } from './policy.ts';
import {
  type CoachingRow,
  coachCounts,
  endedCoachings,
  liveCoachings,
  teamOf,
  tutorsWithSince,
  unavailable,
} from './queries.ts';
import type { ProgrammeCoaching } from './schema.ts';

type Management = NonNullable<ProgrammeCoaching['manage']>;
const person = (id: string, name: string) => ({ id, name });
const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'fr');

interface Standing {
  load: Map<string, { live: number; total: number }>;
  team: Map<string, string>;
  /** Away today or saying they are overloaded: proposed only when nobody else can. */
  unavailable: Set<string>;
}

/**
 * The coach proposed to a new tutor: someone present and not overloaded first, then a tutor of
 * their own team, then whoever coaches the fewest now, then the fewest ever, then by name — so the
 * work is shared.
 */
export function proposeCoach(newTutorId: string, coaches: { id: string; name: string }[], s: Standing) {
  const mine = s.team.get(newTutorId);
  const rank = (c: { id: string; name: string }) => {
    const l = s.load.get(c.id) ?? { live: 0, total: 0 };
    return [s.unavailable.has(c.id) ? 1 : 0, mine && s.team.get(c.id) === mine ? 0 : 1, l.live, l.total];
  };
  const sorted = [...coaches].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x.reduce((d, v, i) => d || v - (y[i] ?? 0), 0) || byName(a, b);
  });
  return sorted[0]?.id ?? null;
}

const ended = (r: CoachingRow) => ({
  id: r.id,
  coach: person(r.coach_id, r.coach_name),
  newTutor: person(r.new_tutor_id, r.new_tutor_name),
  startedAt: r.started_at,
  endedAt: r.ended_at ?? '',
  reason: (r.end_reason ?? 'ended') as Management['ended'][number]['reason'],
  note: r.end_note,
});

/**
 * What the coordination sees: the programme's tutors in their first year (and anyone still coached),
 * each with their coach or a proposed one; the experienced tutors with how many they coach; the
 * coachings that ended in the past year.
 */
export async function coachingManagement(db: Db, p: Programme, zone: string, now: Date): Promise<Management> {
  const at = DateTime.fromJSDate(now).toUTC();
  const threshold = at.minus({ months: EXPERIENCE_MONTHS }).toISO() as string;
  const [tutors, live, past] = await Promise.all([
    tutorsWithSince(db, p),
    liveCoachings(db, p.id),
    endedCoachings(db, p.id, threshold),
  ]);
  const coachOf = new Map(live.map((c) => [c.new_tutor_id, c]));
  const fresh = tutors.filter((t) => t.since > threshold || coachOf.has(t.id));
  const experienced = tutors.filter((t) => t.since <= threshold && !coachOf.has(t.id));
  const coachIds = experienced.map((t) => t.id);
  const [load, team, away] = await Promise.all([
    coachCounts(db, p.id, coachIds),
    teamOf(
      db,
      p.org_id,
      tutors.map((t) => t.id),
    ),
    unavailable(db, coachIds, dayIn(now, zone)),
  ]);
  return {
    newTutors: fresh.sort(byName).map((t) => {
      const c = coachOf.get(t.id);
      return {
        ...person(t.id, t.name),
        tutorSince: t.since,
        coaching: c
          ? { id: c.id, coach: person(c.coach_id, c.coach_name), startedAt: c.started_at, endsAt: c.ends_at }
          : null,
        proposedCoachId: c ? null : proposeCoach(t.id, experienced, { load, team, unavailable: away }),
      };
    }),
    coaches: experienced
      .sort(byName)
      .map((t) => ({ ...person(t.id, t.name), tutorSince: t.since, coaching: load.get(t.id)?.live ?? 0 })),
    ended: past.map(ended),
  };
}
