import { z } from 'zod';

/** Who signs a pair's charter: its two people, then the organisation (a coordinator of the programme). */
export const parties = ['mentor', 'mentee', 'organisation'] as const;
export type Party = (typeof parties)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const reason = z.string().trim().min(3).max(1000);
const named = z.object({ id: z.string(), name: z.string() });

export const pairingParams = z.object({ pairingId: z.string() });
export const programmeParams = z.object({ programmeId: z.string() });

export const signBody = z.object({
  /** The full name, typed. */
  name: z.string().trim().min(1).max(200),
  /** The explicit "I sign this text" box. */
  consent: z.boolean(),
  /** The version read: a newer one published meanwhile refuses the signature. */
  versionId: z.string(),
});

export const publishBody = z.object({
  body: z.string().trim().min(20).max(50_000),
  /** Pairs who signed an earlier version are asked to sign this one. */
  resignRequired: z.boolean(),
});

export const endDateBody = z.object({ endOn: day, reason });
export const endEarlyBody = z.object({ reason });
export const verifyBody = z.object({ code: z.string().trim().min(4).max(40) });

const versionItem = z.object({
  id: z.string(),
  number: z.number().int(),
  hash: z.string(),
  createdAt: z.string(),
  resignRequired: z.boolean(),
  /** Null for the default text the platform wrote. */
  author: z.string().nullable(),
});

export const charterView = z.object({
  programme: z.object({ id: z.string(), name: z.string(), orgId: z.string() }),
  /** The programme's rules ask each pair to sign it. */
  required: z.boolean(),
  current: versionItem.extend({ body: z.string() }),
  versions: z.array(versionItem),
  can: z.object({ publish: z.boolean() }),
});
export type CharterView = z.infer<typeof charterView>;

const signature = z.object({ party: z.enum(parties), name: z.string(), at: z.string() });

export const agreementView = z.object({
  pairing: z.object({ id: z.string(), state: z.string(), live: z.boolean() }),
  programme: z.object({ id: z.string(), name: z.string(), orgId: z.string(), timeZone: z.string() }),
  tutor: named,
  tutee: named,
  viewer: z.enum(['mentor', 'mentee', 'coordination']),
  /** Null when the programme asks for no charter. */
  charter: z
    .object({
      version: versionItem.extend({ body: z.string() }),
      signatures: z.array(signature),
      /** Who still signs this version: the two by name, the organisation as any coordinator. */
      waitingOn: z.array(z.object({ party: z.enum(parties), name: z.string().nullable() })),
      complete: z.boolean(),
      /** An earlier version the three signed, when a newer one is asked for. */
      signedEarlier: z.object({ number: z.number().int() }).nullable(),
      /** Meetings may be organised: some version is signed by the three. */
      meetingsAllowed: z.boolean(),
    })
    .nullable(),
  /** Null when the programme has no duration. Days in the organisation's zone. */
  term: z
    .object({
      startOn: z.string(),
      endOn: z.string(),
      endedEarly: z.boolean(),
      endedOn: z.string().nullable(),
      meetings: z.object({
        held: z.number().int(),
        minimum: z.number().int(),
        target: z.number().int(),
        /** How many the target calls for by now, pro rata of the term. */
        expectedByNow: z.number().int(),
      }),
    })
    .nullable(),
  can: z.object({
    sign: z.boolean(),
    signAs: z.enum(parties).nullable(),
    download: z.boolean(),
    moveEnd: z.boolean(),
    endEarly: z.boolean(),
    askHelp: z.boolean(),
  }),
});
export type AgreementView = z.infer<typeof agreementView>;

export const agreementList = z.object({
  required: z.boolean(),
  pairs: z.array(
    z.object({
      pairingId: z.string(),
      tutor: named,
      tutee: named,
      state: z.string(),
      startOn: z.string().nullable(),
      endOn: z.string().nullable(),
      endedEarly: z.boolean(),
      /** Null when the programme asks for no charter. */
      charter: z
        .object({ version: z.number().int(), complete: z.boolean(), waitingOn: z.array(z.enum(parties)) })
        .nullable(),
    }),
  ),
});

export const verifyView = z.object({
  programme: z.string(),
  organisation: z.string(),
  version: z.number().int(),
  hash: z.string(),
  signatures: z.array(z.object({ party: z.enum(parties), name: z.string(), day: z.string() })),
});
