import { z } from 'zod';

// Requests and answers of leave and replacement, shared with the web app. Days are calendar days
// (YYYY-MM-DD) of the organisation's zone; the reason appears only in the absent tutor's own view
// and the coordination's.

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
const reason = z.string().trim().max(500).nullable();

export const programmeParams = z.object({ programmeId: z.string() });
export const absenceParams = z.object({ absenceId: z.string() });
export const coverParams = z.object({ coverId: z.string() });
export const teamParams = z.object({ teamId: z.string() });

export const declareBody = z.object({ startOn: day, endOn: day, reason: reason.default(null) });
export const editBody = z.object({ startOn: day, endOn: day, reason: reason.default(null) });
export const shortenBody = z.object({ endOn: day });
export const backupBody = z.object({ backupId: z.string() });

const person = z.object({ id: z.string(), name: z.string() });
export const coverState = z.enum(['draft', 'asked', 'accepted', 'uncovered']);
export const absenceStatus = z.enum(['upcoming', 'current', 'past']);

export const coverView = z.object({
  id: z.string(),
  tutee: person,
  backup: person.nullable(),
  state: coverState,
  /** How many teammates declined it. */
  declined: z.number(),
});

export const candidateView = z.object({
  id: z.string(),
  name: z.string(),
  load: z.number(),
  capacity: z.number(),
});

export const ownAbsenceView = z.object({
  id: z.string(),
  startOn: day,
  endOn: day,
  reason: z.string().nullable(),
  status: absenceStatus,
  sent: z.boolean(),
  covers: z.array(coverView),
  /** The teammates who may be proposed instead, with their load over the period. */
  candidates: z.array(candidateView),
  actions: z.object({ edit: z.boolean(), cancel: z.boolean(), shorten: z.boolean(), send: z.boolean() }),
});

export const requestView = z.object({
  id: z.string(),
  tutor: person,
  tutee: person,
  startOn: day,
  endOn: day,
  state: coverState,
  running: z.boolean(),
  actions: z.object({ accept: z.boolean(), decline: z.boolean() }),
});

export const contactView = z.object({
  tutor: person,
  endOn: day,
  backup: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
  }),
});

export const memberView = z.object({
  today: day,
  inTeam: z.boolean(),
  absences: z.array(ownAbsenceView),
  /** Requests to stand in addressed to the actor, and the replacements they accepted, not over. */
  requests: z.array(requestView),
  /** For a tutee: who to contact while their tutor is away. */
  contacts: z.array(contactView),
  actions: z.object({ declare: z.boolean() }),
});

export const coordinationView = z.object({
  today: day,
  absences: z.array(
    z.object({
      id: z.string(),
      tutor: person,
      startOn: day,
      endOn: day,
      reason: z.string().nullable(),
      status: absenceStatus,
      inTeam: z.boolean(),
      covers: z.array(coverView),
    }),
  ),
  /** The programme's tutors, for naming a backup. */
  tutors: z.array(person),
  actions: z.object({ assign: z.boolean() }),
});

export const continuityProblem = z.enum([
  'tutorAbsent',
  'backupPending',
  'noBackupAvailable',
  'tutorInNoTeam',
]);
export const continuityView = z.object({
  today: day,
  checked: z.number(),
  issues: z.array(
    z.object({
      tutee: person,
      tutor: person,
      team: z.string().nullable(),
      problems: z.array(continuityProblem),
    }),
  ),
});

export const teamLeaveView = z.object({
  members: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      absences: z.array(z.object({ startOn: day, endOn: day })),
    }),
  ),
});

export type CoverView = z.infer<typeof coverView>;
export type MemberView = z.infer<typeof memberView>;
export type ContinuityView = z.infer<typeof continuityView>;

/** The absences on the coordinator's dashboard (absences/dashboard.ts): days and names, no reason. */

export const dashboardAbsences = z.object({
  away: z.array(z.object({ tutor: person, startOn: z.string(), endOn: z.string(), current: z.boolean() })),
  uncovered: z.array(
    z.object({ tutee: person, tutor: person, startOn: z.string(), endOn: z.string(), asked: z.boolean() }),
  ),
});
