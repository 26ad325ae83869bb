import { z } from 'zod';
import { isCleanName } from '../../domain/text.ts';
import { normalisePhone } from '../people/phone.ts';

// Requests to join a programme from its public page. Field messages are codes of
// http/error-texts.ts, answered in the request's language (the web app sends its own).

/** Days the confirmation link stays usable; an unconfirmed request is then removed (retention). */
export const CONFIRM_DAYS = 14;

export const joinRoles = ['tutee', 'tutor'] as const;
export type JoinRole = (typeof joinRoles)[number];
export const requestStates = ['unconfirmed', 'pending', 'accepted', 'declined', 'withdrawn'] as const;
export type RequestState = (typeof requestStates)[number];

const text = (min: number, max: number) =>
  z
    .string({ message: 'field_required' })
    .trim()
    .min(min, { message: 'field_required' })
    .max(max, { message: 'field_too_long' });
const line = (min: number, max: number) => text(min, max).refine(isCleanName, { message: 'field_line' });
/** Free text the person may leave empty: read as an empty string. */
const optionalText = (max: number) => text(0, max).default('');

export const joinBody = z.object({
  name: line(2, 120),
  email: z
    .string({ message: 'field_email' })
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: 'field_email' }).max(254, { message: 'field_email' })),
  phone: z
    .string()
    .trim()
    .max(40, { message: 'field_phone' })
    .refine((s) => s === '' || normalisePhone(s) !== null, { message: 'field_phone' })
    .nullable()
    .default(null),
  role: z.enum(joinRoles, { message: 'field_required' }),
  profession: line(2, 120),
  /** The city where a tutee installs or installed. */
  place: line(0, 120).nullable().default(null),
  /** The day of installation, planned or actual (a tutee). */
  installedOn: z.iso.date({ message: 'field_installed_on' }).nullable().default(null),
  /** The year the person started practising (a tutor). */
  practisingSince: z
    .number({ message: 'field_practising_since' })
    .int({ message: 'field_practising_since' })
    .min(1950, { message: 'field_practising_since' })
    .max(2100, { message: 'field_practising_since' })
    .nullable()
    .default(null),
  needs: text(1, 4000).refine((s) => s.length >= 10, { message: 'field_needs_short' }),
  availability: optionalText(1000),
  preferences: optionalText(1000),
  /** The language the person writes in: their e-mails follow it. */
  locale: z.enum(['fr', 'en']).default('fr'),
});
export type JoinBody = z.infer<typeof joinBody>;

export const programmeParams = z.object({ programmeId: z.string() });
export const joinRequestParams = programmeParams.extend({ joinRequestId: z.string() });
export const tokenParams = z.object({ token: z.string().min(1).max(200) });

export const acceptBody = z.object({
  /** Required when the request did not meet the programme's rules: why it is accepted all the same. */
  overrideReason: text(0, 1000).nullable().default(null),
});
export const declineBody = z.object({
  /** Told to the person by e-mail with the decision, when given. */
  message: text(0, 2000).nullable().default(null),
});
export const settingsBody = z.object({ open: z.boolean() });

/** One rule checked at submission, with its facts and the sentence that explains it. */
export const checkView = z.object({
  rule: z.enum(['mentorMinYears', 'menteeInstalledMaxMonths']),
  ok: z.boolean(),
  explanation: z.string(),
});
export const eligibilityView = z.object({ eligible: z.boolean(), checks: z.array(checkView) });

const roleWords = z.object({ tutor: z.string(), tutee: z.string() });

/** The public page of a programme that takes requests. */
export const joinPageView = z.object({
  programme: z.object({ id: z.string(), name: z.string(), template: z.string() }),
  organisation: z.object({ name: z.string() }),
  words: roleWords,
  eligibility: z.object({
    mentorMinYears: z.number().nullable(),
    menteeInstalledMaxMonths: z.number().nullable(),
  }),
  /** The rules in sentences, in the request's language. */
  rules: z.array(z.string()),
});

/** What the person is told once the request is recorded: where the link went, and the rules' verdict. */
export const submittedView = z.object({ email: z.string(), eligibility: eligibilityView });

/** The request as its author sees it behind their private link. */
export const linkView = z.object({
  state: z.enum(requestStates),
  programme: z.object({ name: z.string() }),
  organisation: z.object({ name: z.string() }),
  name: z.string(),
  role: z.enum(joinRoles),
  roleWord: z.string(),
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  eligibility: eligibilityView,
  declineMessage: z.string().nullable(),
  actions: z.object({ confirm: z.boolean(), withdraw: z.boolean() }),
});

/** One request in the coordination's queue. */
export const queueItem = z.object({
  id: z.string(),
  state: z.enum(requestStates),
  name: z.string(),
  email: z.string(),
  phone: z.string().nullable(),
  role: z.enum(joinRoles),
  profession: z.string(),
  place: z.string().nullable(),
  installedOn: z.string().nullable(),
  practisingSince: z.number().nullable(),
  needs: z.string(),
  availability: z.string(),
  preferences: z.string(),
  eligibility: eligibilityView,
  createdAt: z.string(),
  confirmedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decidedBy: z.string().nullable(),
  overrideReason: z.string().nullable(),
  declineMessage: z.string().nullable(),
  withdrawnAt: z.string().nullable(),
  /** Once accepted: the account, since when a member, and when first matched. */
  member: z
    .object({ userId: z.string(), memberSince: z.string().nullable(), matchedAt: z.string().nullable() })
    .nullable(),
  actions: z.object({ accept: z.boolean(), decline: z.boolean() }),
});

export const queueView = z.object({
  open: z.boolean(),
  /** The public page's path, to copy (the web app adds its own address). */
  path: z.string(),
  words: roleWords,
  counts: z.object({
    pending: z.number(),
    accepted: z.number(),
    declined: z.number(),
    withdrawn: z.number(),
  }),
  requests: z.array(queueItem),
  actions: z.object({ manage: z.boolean() }),
});
export type QueueItem = z.infer<typeof queueItem>;
