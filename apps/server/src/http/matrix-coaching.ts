import type { CoachingWorld } from '../test/factories-coaching.ts';
import { all, type Cell, manager } from './matrix-cells.ts';

// Coaching of new tutors in the authorization matrix, in the coaching world: the tutor coaches
// Tuteur D; Tuteur C, new, has no coach; the other tutor is experienced and coaches nobody. The
// programme's tutors read its coaching page (their own coachings only); tutees and the expert are
// refused it; the coordination pairs; a coaching is its two tutors' and the coordination's.

export const coachingMatrix: Record<string, Cell> = {
  'GET /api/programmes/:programmeId/coaching': {
    expect: { ...manager(), tutor: 200, otherTutor: 200 },
  },
  'POST /api/programmes/:programmeId/coaching': {
    expect: manager(201),
    body: (w) => {
      const c = w as CoachingWorld;
      return { newTutorId: c.coaching.uncoachedId, coachId: c.actors.otherTutor.id };
    },
  },
  'POST /api/coaching/:coachingId/end': {
    expect: { ...all(404), anonymous: 401, tutor: 200, coordinator: 200, orgAdmin: 200 },
    body: () => ({ note: null }),
  },
};
