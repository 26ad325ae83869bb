import { z } from 'zod';

// Coaching of new tutors: what the coordination asks and reads, what each of the two tutors reads.

export const endReasons = ['completed', 'ended', 'erased'] as const;

export const programmeParams = z.object({ programmeId: z.string() });
export const coachingParams = z.object({ coachingId: z.string() });

export const coachingBody = z.object({ newTutorId: z.string().min(1), coachId: z.string().min(1) });
export type CoachingBody = z.infer<typeof coachingBody>;
export const endBody = z.object({ note: z.string().trim().max(1000).nullable().default(null) });

const person = z.object({ id: z.string(), name: z.string() });

/** One of the actor's own coachings: the other tutor, reachable, and its twelve months. */
export const myCoaching = z.object({
  id: z.string(),
  role: z.enum(['coach', 'newTutor']),
  person: person.extend({ email: z.string(), phone: z.string().nullable() }),
  startedAt: z.string(),
  endsAt: z.string(),
});

const liveCoaching = z.object({
  id: z.string(),
  coach: person,
  startedAt: z.string(),
  endsAt: z.string(),
});

/** The coordination's view: the tutors in their first year, the experienced ones, what ended. */
export const coachingManagement = z.object({
  newTutors: z.array(
    person.extend({
      tutorSince: z.string(),
      coaching: liveCoaching.nullable(),
      proposedCoachId: z.string().nullable(),
    }),
  ),
  coaches: z.array(person.extend({ tutorSince: z.string(), coaching: z.number() })),
  ended: z.array(
    z.object({
      id: z.string(),
      coach: person,
      newTutor: person,
      startedAt: z.string(),
      endedAt: z.string(),
      reason: z.enum(endReasons),
      note: z.string().nullable(),
    }),
  ),
});

export const programmeCoaching = z.object({
  timeZone: z.string(),
  mine: z.array(myCoaching),
  manage: coachingManagement.nullable(),
  actions: z.object({ create: z.boolean() }),
});
export type ProgrammeCoaching = z.infer<typeof programmeCoaching>;

export const createdView = z.object({ id: z.string() });
export const okView = z.object({ ok: z.literal(true) });
