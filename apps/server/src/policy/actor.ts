import type { Db } from '../db/index.ts';

export type Role = 'coordinator' | 'tutor' | 'tutee' | 'expert';

export interface ActorMembership {
  id: string;
  orgId: string;
  programmeId: string;
  role: Role;
}

export interface UserActor {
  kind: 'user';
  id: string;
  email: string;
  name: string;
  locale: string;
  sessionId: string;
  memberships: ActorMembership[];
  /** Organisations where the actor is a member of any programme or an admin. */
  orgIds: Set<string>;
  adminOf: Set<string>;
  /** Signed in with a temporary password: only the password change is open until it is replaced. */
  passwordChangeRequired?: boolean;
}

export type Actor = UserActor | { kind: 'anonymous' };

export async function loadActor(
  db: Db,
  user: { id: string; email: string; name: string; locale: string },
  sessionId: string,
): Promise<UserActor> {
  const [memberships, orgMembers] = await Promise.all([
    db
      .selectFrom('memberships')
      .innerJoin('programmes', 'programmes.id', 'memberships.programme_id')
      .select(['memberships.id', 'memberships.org_id', 'memberships.programme_id', 'memberships.role'])
      .where('memberships.user_id', '=', user.id)
      .where('memberships.ended_at', 'is', null)
      .execute(),
    db.selectFrom('org_members').select(['org_id', 'is_admin']).where('user_id', '=', user.id).execute(),
  ]);
  return {
    kind: 'user',
    ...user,
    sessionId,
    memberships: memberships.map((m) => ({
      id: m.id,
      orgId: m.org_id,
      programmeId: m.programme_id,
      role: m.role as Role,
    })),
    orgIds: new Set(orgMembers.map((m) => m.org_id)),
    adminOf: new Set(orgMembers.filter((m) => m.is_admin === 1).map((m) => m.org_id)),
  };
}

export const rolesIn = (actor: UserActor, programmeId: string): Set<Role> =>
  new Set(actor.memberships.filter((m) => m.programmeId === programmeId).map((m) => m.role));
