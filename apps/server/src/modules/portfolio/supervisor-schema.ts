import { z } from 'zod';
import { nameText } from '../../domain/text.ts';
import { emailSchema } from '../auth/schema.ts';
import { competencyLevels } from './framework.ts';

// The internship supervisor (maître de stage universitaire, MSU): invited for one resident and one
// internship, they answer a short structured feedback from a private link, without an account.

export const requestParams = z.object({ requestId: z.string() });
export const supervisorTokenParams = z.object({ token: z.string().min(20).max(200) });

const period = z.string().regex(/^\d{4}-\d{4} S[12]$/, 'a semester as "2026-2027 S1"');

export const inviteBody = z.object({
  name: nameText(1, 200),
  email: emailSchema,
  /** The internship's semester; the current one by default. */
  period: period.optional(),
});

export const feedbackBody = z.object({
  competencies: z
    .array(
      z.object({
        id: z.string().max(40),
        level: z.enum(competencyLevels),
        comment: z.string().trim().max(2000).default(''),
      }),
    )
    .min(1)
    .max(12),
  strengths: z.string().trim().max(5000).default(''),
  improvements: z.string().trim().max(5000).default(''),
});
export type Feedback = z.infer<typeof feedbackBody>;

export const sharesBody = z.object({ traceIds: z.array(z.string().max(60)).max(100) });

export const supervisorRequestView = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  period: z.string(),
  site: z.string().nullable(),
  invitedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  createdAt: z.string(),
  expiresAt: z.string(),
  /** invited (link not sent yet), sent, answered, expired. */
  state: z.enum(['invited', 'sent', 'answered', 'expired']),
  feedback: feedbackBody.nullable(),
  submittedAt: z.string().nullable(),
  /** The traces the resident shares with this supervisor. */
  sharedTraceIds: z.array(z.string()),
});

export const supervisorsView = z.object({
  requests: z.array(supervisorRequestView),
  /** The resident's traces with a sent version: those that can be shared. */
  shareable: z.array(z.object({ id: z.string(), title: z.string(), period: z.string(), state: z.string() })),
  competencies: z.array(z.object({ id: z.string(), label: z.string() })),
  can: z.object({ invite: z.boolean(), share: z.boolean() }),
});

export const supervisorPage = z.object({
  supervisor: z.object({ name: z.string() }),
  resident: z.object({ name: z.string() }),
  programme: z.object({ name: z.string() }),
  internship: z.object({
    period: z.string(),
    startsOn: z.string(),
    endsOn: z.string(),
    site: z.string().nullable(),
  }),
  phase: z.object({ id: z.string(), label: z.string() }).nullable(),
  competencies: z.array(
    z.object({
      id: z.string(),
      label: z.string(),
      expected: z.object({ level: z.enum(competencyLevels), text: z.string() }).nullable(),
    }),
  ),
  /** The last sent version of each trace the resident shared, to read only. */
  traces: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      typeLabel: z.string(),
      version: z.number(),
      body: z.string(),
      submittedAt: z.string(),
    }),
  ),
  expiresAt: z.string(),
  feedback: feedbackBody.nullable(),
  submittedAt: z.string().nullable(),
});
