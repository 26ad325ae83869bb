import { z } from 'zod';
import { nameText } from '../../domain/text.ts';
import { coherent, sessionFields, sessionView as trainingSessionView } from '../training/schema.ts';

// Networks: what their coordination sends, what the members and coordination of member teams read.
// A member team is its name and its organisation's, never its people.

export const networkScopes = ['regional', 'national'] as const;

export const createBody = z.object({
  name: nameText(2, 150),
  scope: z.enum(networkScopes),
  description: z.string().trim().max(2000).default(''),
  /** The team of the actor's programme that starts the network. */
  teamId: z.string(),
});
export type CreateBody = z.infer<typeof createBody>;

export const joinBody = z.object({ code: z.string().trim().min(4).max(40), teamId: z.string() });
export const messageBody = z.object({ body: z.string().trim().min(1).max(4000) });
/** A network's session: a training session's fields, without its kind. */
export const networkSessionBody = sessionFields.omit({ kind: true }).superRefine(coherent);
export type NetworkSessionBody = z.infer<typeof networkSessionBody>;

export const networkParams = z.object({ networkId: z.string() });
export const teamParams = z.object({ networkId: z.string(), teamId: z.string() });
export const messageParams = z.object({ networkId: z.string(), networkMessageId: z.string() });
export const sessionParams = z.object({ networkSessionId: z.string() });
export const threadQuery = z.object({ before: z.string().optional() });

const scope = z.enum(networkScopes);

export const myNetworksView = z.object({
  networks: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      scope,
      archived: z.boolean(),
      teams: z.number(),
      /** The viewer's own teams in it; empty for their coordination. */
      myTeams: z.array(z.string()),
      unread: z.number(),
    }),
  ),
  /** The teams the viewer's coordination answers for: what they create or join a network with. */
  teams: z.array(z.object({ id: z.string(), name: z.string(), programme: z.string() })),
  actions: z.object({ create: z.boolean(), join: z.boolean() }),
});

/** A network session: a training session as its list shows it, with its publisher instead of its programme and kind. */
export const sessionView = trainingSessionView
  .omit({ programmeId: true, kind: true, past: true, mine: true, actions: true })
  .extend({
    /** The publishing organisation, whose zone `timeZone` is. */
    organisation: z.string(),
    mine: z.object({ status: z.enum(['registered', 'waiting', 'none']), position: z.number().nullable() }),
    actions: z.object({ register: z.boolean(), cancelRegistration: z.boolean(), cancel: z.boolean() }),
  });

export const networkView = z.object({
  id: z.string(),
  name: z.string(),
  scope,
  description: z.string(),
  createdBy: z.string(),
  archived: z.boolean(),
  /** The viewer's organisation's zone, to name a session's zone when it is another. */
  timeZone: z.string(),
  codeChangedAt: z.string(),
  unread: z.number(),
  teams: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      organisation: z.string(),
      joinedAt: z.string(),
      /** The viewer's team: one they belong to (`member`) or coordinate. */
      mine: z.boolean(),
      member: z.boolean(),
      canRemove: z.boolean(),
    }),
  ),
  sessions: z.array(sessionView),
  actions: z.object({
    write: z.boolean(),
    newCode: z.boolean(),
    publishSession: z.boolean(),
    register: z.boolean(),
    hideMessages: z.boolean(),
    archive: z.boolean(),
  }),
});

export const threadView = z.object({
  more: z.boolean(),
  open: z.boolean(),
  messages: z.array(
    z.object({
      id: z.string(),
      author: z
        .object({ name: z.string(), team: z.string().nullable(), organisation: z.string() })
        .nullable(),
      mine: z.boolean(),
      body: z.string(),
      erased: z.boolean(),
      hidden: z.boolean(),
      at: z.string(),
      actions: z.object({ delete: z.boolean(), hide: z.boolean() }),
    }),
  ),
});

export const createdView = z.object({ id: z.string(), code: z.string() });
export const joinedView = z.object({ networkId: z.string(), name: z.string() });
export const codeView = z.object({ code: z.string() });
export const postedView = z.object({ id: z.string(), at: z.string() });
export const registeredView = z.object({
  status: z.enum(['registered', 'waiting']),
  position: z.number().nullable(),
});
export const idView = z.object({ id: z.string() });
export const okView = z.object({ ok: z.literal(true) });
