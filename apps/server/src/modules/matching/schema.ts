import { z } from 'zod';
import { modes, weightKeys } from './keys.ts';

export { modes };

export const weightsSchema = z.object(
  Object.fromEntries(weightKeys.map((k) => [k, z.number().int().min(0).max(10)])) as Record<
    (typeof weightKeys)[number],
    z.ZodNumber
  >,
);
/** Weights as sent: a criterion added later may be left out, and keeps its default. */
export const weightsBody = weightsSchema.partial({ availability: true });

export const reasonView = z.object({
  code: z.string(),
  site: z.string().optional(),
  km: z.number().optional(),
  project: z.string().optional(),
  themes: z.array(z.string()).optional(),
  rank: z.number().optional(),
  faculty: z.string().optional(),
  language: z.string().optional(),
  name: z.string().optional(),
  slots: z.array(z.string()).optional(),
  count: z.number().optional(),
});

const summaryView = z.object({
  tutees: z.number(),
  assigned: z.number(),
  meanKm: z.number().nullable(),
  worstKm: z.number().nullable(),
  sameSiteShare: z.number(),
  firstChoiceShare: z.number().nullable(),
  top3Share: z.number().nullable(),
  loadMin: z.number(),
  loadMax: z.number(),
  unassigned: z.array(z.object({ userId: z.string(), name: z.string(), reason: z.string() })),
});

export const proposalView = z.object({
  pairingId: z.string(),
  tuteeId: z.string(),
  tuteeName: z.string(),
  tuteeSite: z.string().nullable(),
  tutorId: z.string(),
  tutorName: z.string(),
  locked: z.boolean(),
  km: z.number().nullable(),
  cost: z.number(),
  reasons: z.array(reasonView),
  warnings: z.array(reasonView),
  alternatives: z.array(
    z.object({
      tutorId: z.string(),
      name: z.string(),
      km: z.number().nullable(),
      deltaKm: z.number().nullable(),
      deltaCost: z.number(),
      totalDeltaCost: z.number().nullable(),
      full: z.boolean(),
      frees: z.string().nullable(),
      moves: z.array(
        z.object({
          tuteeId: z.string(),
          tuteeName: z.string(),
          fromName: z.string(),
          toName: z.string(),
          deltaKm: z.number().nullable(),
        }),
      ),
      blocked: z.boolean(),
    }),
  ),
});

export const tutorLoadView = z.object({
  userId: z.string(),
  name: z.string(),
  capacity: z.number(),
  live: z.number(),
  proposed: z.number(),
  site: z.string().nullable(),
  city: z.string().nullable(),
  /** Away (modules/absences) on the day of the run or most of the coming eight weeks: no new tutee until then. */
  awayUntil: z.string().nullable(),
});

export const pairingView = z.object({
  id: z.string(),
  tutorId: z.string(),
  tutorName: z.string(),
  tuteeId: z.string(),
  tuteeName: z.string(),
  state: z.string(),
  groupKey: z.string().nullable(),
  since: z.string(),
  endedAt: z.string().nullable(),
  endReason: z.string().nullable(),
  repairRequested: z.boolean(),
  reasons: z.array(reasonView),
  actions: z.record(z.string(), z.boolean()),
  /** Until when the end may be undone (coordinators' overview). */
  undoUntil: z.string().nullable().optional(),
  /** Meetings to come that ending the pair would cancel (coordinators' overview, live pairs). */
  futureMeetings: z.number().optional(),
});

export const roundView = z.object({
  id: z.string(),
  kind: z.enum(['tutee-choice', 'tutor-choice']),
  deadline: z.string(),
  status: z.enum(['open', 'closed']),
  ranked: z.number(),
  eligible: z.number(),
});

export const overviewView = z.object({
  unit: z.enum(['pair', 'group']),
  groupSize: z.number().nullable(),
  defaultMode: z.enum(modes),
  weights: weightsSchema,
  tutors: z.array(tutorLoadView),
  unpaired: z.array(
    z.object({
      userId: z.string(),
      name: z.string(),
      site: z.string().nullable(),
      homeCommune: z.string().nullable(),
    }),
  ),
  draft: z
    .object({
      id: z.string(),
      mode: z.enum(modes),
      updatedAt: z.string(),
      proposals: z.array(proposalView),
      summary: summaryView,
      baseline: summaryView,
    })
    .nullable(),
  round: roundView.nullable(),
  pairings: z.array(pairingView),
  constraints: z.array(
    z.object({
      id: z.string(),
      tutorId: z.string(),
      tutorName: z.string(),
      tuteeId: z.string(),
      tuteeName: z.string(),
      kind: z.enum(['conflict', 'knows']),
      reason: z.string().nullable(),
    }),
  ),
  actions: z.record(z.string(), z.boolean()),
});

export const candidateView = z.object({
  userId: z.string(),
  name: z.string(),
  presentation: z.string().nullable(),
  site: z.string().nullable(),
  city: z.string().nullable(),
  project: z.string().nullable(),
  themes: z.array(z.string()),
  languages: z.array(z.string()),
  km: z.number().nullable(),
  placesLeft: z.number().nullable(),
});

export const mineView = z.object({
  pairings: z.array(
    z.object({
      id: z.string(),
      as: z.enum(['tutor', 'tutee']),
      state: z.string(),
      since: z.string(),
      endedAt: z.string().nullable(),
      endReason: z.string().nullable(),
      repairRequested: z.boolean(),
      counterpart: z.object({
        userId: z.string(),
        name: z.string(),
        email: z.string().nullable(),
        phone: z.string().nullable(),
        presentation: z.string().nullable(),
        site: z.string().nullable(),
        city: z.string().nullable(),
        project: z.string().nullable(),
      }),
      reasons: z.array(reasonView),
      actions: z.record(z.string(), z.boolean()),
    }),
  ),
  round: z
    .object({
      id: z.string(),
      kind: z.enum(['tutee-choice', 'tutor-choice']),
      deadline: z.string(),
      open: z.boolean(),
      side: z.enum(['tutee', 'tutor']),
      ranking: z.array(z.string()),
      candidates: z.array(candidateView),
    })
    .nullable(),
  participation: z.object({
    mode: z.enum(['compulsory', 'optional', 'first-n']),
    firstN: z.number().nullable(),
  }),
  actions: z.record(z.string(), z.boolean()),
});

export const runBody = z.object({ mode: z.enum(modes) });
export const assignBody = z.object({ tuteeId: z.string().min(1), tutorId: z.string().min(1).nullable() });
export const lockBody = z.object({ tuteeId: z.string().min(1), locked: z.boolean() });
export const constraintBody = z.object({
  tutorId: z.string().min(1),
  tuteeId: z.string().min(1),
  kind: z.enum(['conflict', 'knows']),
  reason: z.string().trim().max(300).nullable().optional(),
});
export const roundBody = z.object({
  kind: z.enum(['tutee-choice', 'tutor-choice']),
  deadline: z.iso.datetime(),
});
export const rankingBody = z.object({ ranking: z.array(z.string().min(1)).max(30) });
export const transitionBody = z.object({
  to: z.enum(['active', 'paused', 'completed', 'ended']),
  reason: z.string().trim().max(500).nullable().optional(),
});
export const repairBody = z.object({ reason: z.string().trim().min(3).max(500) });
export const rolloverBody = z.object({ cohortId: z.string().min(1) });
export const eventView = z.object({
  at: z.string(),
  kind: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
  actorName: z.string().nullable(),
});
