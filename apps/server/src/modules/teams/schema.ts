import { z } from 'zod';
import { nameText } from '../../domain/text.ts';

export const programmeParams = z.object({ programmeId: z.string() });
export const teamParams = z.object({ teamId: z.string() });
export const memberParams = z.object({ teamId: z.string(), memberId: z.string() });
export const meetingParams = z.object({ teamId: z.string(), teamMeetingId: z.string() });
export const overloadParams = z.object({ teamId: z.string(), overloadId: z.string() });
export const moveParams = z.object({ teamId: z.string(), moveId: z.string() });

export const createBody = z.object({
  name: nameText(1, 120),
  memberIds: z.array(z.string()).max(30).default([]),
});
export const renameBody = z.object({ name: nameText(1, 120) });
export const addMemberBody = z.object({ userId: z.string() });
export const messageBody = z.object({ body: z.string().trim().min(1).max(5000) });
export const overloadBody = z.object({ message: z.string().trim().max(2000).nullable().default(null) });
export const closeBody = z.object({ note: z.string().trim().max(2000).nullable().default(null) });
export const moveBody = z.object({
  /** The live pairing of the tutee moved. */
  pairingId: z.string(),
  /** The member the tutee goes to: a teammate (handing one's tutee) or oneself (asking to take one). */
  toUserId: z.string(),
  message: z.string().trim().max(2000).nullable().default(null),
});
export const moveDecision = z.object({ reason: z.string().trim().max(2000).nullable().default(null) });

/** The team meeting's grid: never a surname in `cases`, a first name or « anonymisé ». */
export const teamReportContent = z.object({
  cases: z
    .array(z.object({ name: nameText(1, 40), note: z.string().trim().max(4000).default('') }))
    .max(30)
    .default([]),
  decisions: z.string().trim().max(8000).default(''),
  followUps: z
    .array(
      z.object({
        who: nameText(1, 120),
        what: z.string().trim().min(1).max(1000),
        by: z.string().date().nullable().default(null),
      }),
    )
    .max(30)
    .default([]),
});
export type TeamReportContent = z.infer<typeof teamReportContent>;

const person = z.object({ id: z.string(), name: z.string() });
const sizeAdvice = z.enum(['under', 'over']).nullable();
export const ok = z.object({ ok: z.literal(true) });
export const created = z.object({ id: z.string() });

export const teamSummary = z.object({
  id: z.string(),
  name: z.string(),
  members: z.array(person),
  sizeAdvice,
  openOverloads: z.number(),
});

export const teamsView = z.object({
  programme: z.object({ id: z.string(), name: z.string(), template: z.string() }),
  teams: z.array(teamSummary),
  /** The viewer's own live team in this programme. */
  mine: z.string().nullable(),
  /** For the coordination: who may join a team, and the team they are in now. */
  candidates: z.array(z.object({ id: z.string(), name: z.string(), team: z.string().nullable() })),
  /** Live groups of a peer-support programme that are not teams yet. */
  groups: z.number(),
  actions: z.object({ create: z.boolean(), fromGroups: z.boolean() }),
});

export const myTeamsView = z.object({
  teams: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      orgId: z.string(),
      programme: person,
      unread: z.number(),
    }),
  ),
});

const load = z.object({
  tutees: z.number(),
  capacity: z.number(),
  alerts: z.number(),
  /** Null where the programme has no portfolio. */
  traces: z.number().nullable(),
});

export const teamMember = z.object({
  id: z.string(),
  name: z.string(),
  me: z.boolean(),
  /** As the confidentiality table's `teamContact` row says: teammates and the coordination. */
  email: z.string().nullable(),
  phone: z.string().nullable(),
  load,
  tutees: z.array(z.object({ pairingId: z.string(), id: z.string(), name: z.string() })),
});

export const overloadView = z.object({
  id: z.string(),
  author: person.nullable(),
  message: z.string().nullable(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
  closedBy: person.nullable(),
  note: z.string().nullable(),
  actions: z.object({ close: z.boolean() }),
});

export const moveView = z.object({
  id: z.string(),
  tutee: person,
  from: person.nullable(),
  to: person.nullable(),
  proposedBy: person.nullable(),
  message: z.string().nullable(),
  state: z.enum(['proposed', 'accepted', 'done', 'declined', 'cancelled']),
  needsCoordinator: z.boolean(),
  createdAt: z.string(),
  actions: z.object({ accept: z.boolean(), decline: z.boolean(), approve: z.boolean(), cancel: z.boolean() }),
});

export const teamMeetingView = z.object({
  id: z.string(),
  title: z.string(),
  status: z.string(),
  startsAt: z.string().nullable(),
  organiser: person.nullable(),
  reported: z.boolean(),
});

export const teamPage = z.object({
  id: z.string(),
  name: z.string(),
  orgId: z.string(),
  timeZone: z.string(),
  programme: z.object({ id: z.string(), name: z.string(), template: z.string(), portfolio: z.boolean() }),
  dissolved: z.boolean(),
  relation: z.enum(['teammate', 'coordinator']),
  sizeAdvice,
  members: z.array(teamMember),
  overloads: z.array(overloadView),
  moves: z.array(moveView),
  meetings: z.array(teamMeetingView),
  unread: z.number(),
  /** For the coordination: who may join, and their current team. */
  candidates: z.array(z.object({ id: z.string(), name: z.string(), team: z.string().nullable() })),
  actions: z.object({
    rename: z.boolean(),
    dissolve: z.boolean(),
    manageMembers: z.boolean(),
    readThread: z.boolean(),
    write: z.boolean(),
    scheduleMeeting: z.boolean(),
    readReports: z.boolean(),
    raiseOverload: z.boolean(),
    proposeMove: z.boolean(),
    approveMoves: z.boolean(),
  }),
});

export const threadView = z.object({
  teamId: z.string(),
  name: z.string(),
  open: z.boolean(),
  messages: z.array(
    z.object({
      id: z.string(),
      author: person.nullable(),
      mine: z.boolean(),
      body: z.string(),
      erased: z.boolean(),
      at: z.string(),
    }),
  ),
});
export const postedView = z.object({ id: z.string(), at: z.string() });

export const reportView = z.object({
  meetingId: z.string(),
  title: z.string(),
  startsAt: z.string().nullable(),
  timeZone: z.string(),
  open: z.boolean(),
  content: teamReportContent.nullable(),
  updatedAt: z.string().nullable(),
  author: person.nullable(),
});
