import { all, type Cell, manager } from './matrix-cells.ts';

// Training sessions in the authorization matrix. The world's session is three weeks ahead, the
// tutor registered: the programme's tutors and managers see it; tutees and the expert see the
// programme, not its training (403 on the list, 404 on the session); another organisation nothing.

/** Tutors and managers see a session; everyone else is told it does not exist. */
const session = (tutors: number, managers: number) => ({
  ...all(404),
  anonymous: 401,
  tutor: tutors,
  otherTutor: tutors,
  coordinator: managers,
  orgAdmin: managers,
});

const sessionBody = () => ({
  title: 'Soirée d’échanges entre tuteurs',
  kind: 'exchange',
  start: '2027-01-14T19:00',
  end: '2027-01-14T21:30',
  mode: 'video',
  videoUrl: 'https://visio.example.org/tuteurs',
  capacity: 20,
  description: 'Cas difficiles, retours d’expérience.',
});

export const trainingMatrix: Record<string, Cell> = {
  'GET /api/programmes/:programmeId/training': {
    expect: { ...manager(), tutor: 200, otherTutor: 200 },
  },
  'POST /api/programmes/:programmeId/training': { expect: manager(201), body: sessionBody },
  'GET /api/training/:sessionId': { expect: session(200, 200) },
  'PUT /api/training/:sessionId': {
    expect: session(403, 200),
    body: () => ({ ...sessionBody(), capacity: 12 }),
  },
  'POST /api/training/:sessionId/cancel': { expect: session(403, 200) },
  // The session has not started: attendance waits for it.
  'PUT /api/training/:sessionId/attendance': {
    expect: session(403, 409),
    body: (w) => ({ attendance: [{ userId: w.actors.tutor.id, status: 'present' }] }),
  },
  // The tutor is registered already (409), the other tutor registers; managers are not its tutors.
  'POST /api/training/:sessionId/registration': {
    expect: { ...session(200, 403), tutor: 409 },
  },
  // Only the tutor has a place to give back.
  'DELETE /api/training/:sessionId/registration': {
    expect: { ...session(404, 404), tutor: 200 },
  },
};
