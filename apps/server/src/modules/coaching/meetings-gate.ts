import type { Db } from '../../db/index.ts';
import { coachingReadable } from '../../policy/confidentiality-teams.ts';
import { coachingsOf } from './queries.ts';

/**
 * What the meetings module asks of coaching: while a coaching runs, the coach and the new tutor may
 * invite each other to a meeting (role `coaching` among the candidates).
 */
export async function coachingPartnersToInvite(db: Db, programmeId: string, userId: string) {
  const rows = await coachingsOf(db, programmeId, userId);
  return rows.flatMap((r) => {
    const coach = r.coach_id === userId;
    if (!coachingReadable('coaching', coach ? 'coach' : 'newTutor')) return [];
    return [
      coach
        ? { id: r.new_tutor_id, name: r.new_tutor_name, role: 'coaching' }
        : { id: r.coach_id, name: r.coach_name, role: 'coaching' },
    ];
  });
}
