import type { UserActor } from './actor.ts';

declare const scopeBrand: unique symbol;

/**
 * What an actor may read, computed once per request. Every query of a module takes a Scope, and a
 * Scope can only be made here, so a read that forgets the actor does not compile.
 */
export interface Scope {
  readonly [scopeBrand]: true;
  readonly actorId: string;
  /** Organisations the actor belongs to. */
  readonly orgIds: readonly string[];
  /** Organisations the actor administers: every programme of them is readable. */
  readonly adminOrgIds: readonly string[];
  /** Programmes the actor has a live membership in. */
  readonly programmeIds: readonly string[];
  /** Programmes the actor coordinates. */
  readonly coordinatedProgrammeIds: readonly string[];
}

export function scopeFor(actor: UserActor): Scope {
  const ms = actor.memberships;
  return {
    actorId: actor.id,
    orgIds: [...actor.orgIds],
    adminOrgIds: [...actor.adminOf],
    programmeIds: [...new Set(ms.map((m) => m.programmeId))],
    coordinatedProgrammeIds: [
      ...new Set(ms.filter((m) => m.role === 'coordinator').map((m) => m.programmeId)),
    ],
  } as unknown as Scope;
}

/** Kysely `in` lists cannot be empty on every dialect; a value no id can take stands in for "none". */
export const nonEmpty = (ids: readonly string[]): string[] => (ids.length > 0 ? [...ids] : ['-']);
