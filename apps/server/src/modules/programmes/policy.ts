import { rolesIn, type UserActor } from '../../policy/actor.ts';

/**
 * "Manages this programme", the one definition: an admin of its organisation or one of its
 * coordinators. An archived programme stays theirs to read (`'read'`: its people, meetings,
 * alerts, dashboard) but nobody changes it any more (`'write'`) until it is restored.
 */
export function managesProgramme(
  actor: UserActor,
  p: { id: string; org_id: string; archived_at: string | null },
  use: 'read' | 'write',
): boolean {
  const manager = actor.adminOf.has(p.org_id) || rolesIn(actor, p.id).has('coordinator');
  return manager && (use === 'read' || !p.archived_at);
}

/** What the actor may do with a programme they can already see (reads are decided by the scope). */
export function programmeActions(
  actor: UserActor,
  p: { id: string; org_id: string; archived_at: string | null },
) {
  const write = managesProgramme(actor, p, 'write');
  return {
    update: write,
    // Archiving and restoring is what a manager may still do with an archived programme.
    archive: managesProgramme(actor, p, 'read'),
    managePeople: write,
    import: write,
    viewAudit: actor.adminOf.has(p.org_id),
  };
}
export type ProgrammeAction = keyof ReturnType<typeof programmeActions>;

/**
 * "Coordinates in this organisation", the one definition: an admin of the organisation, or a
 * coordinator of any of its programmes. It decides what belongs to the organisation rather than to
 * one programme: creating a programme, its help directory and guide, the difficulties it received
 * without a programme.
 */
export function coordinatesOrganisation(actor: UserActor, orgId: string): boolean {
  return (
    actor.adminOf.has(orgId) || actor.memberships.some((m) => m.orgId === orgId && m.role === 'coordinator')
  );
}

export function organisationActions(actor: UserActor, org: { id: string }) {
  const admin = actor.adminOf.has(org.id);
  return {
    update: admin,
    createProgramme: coordinatesOrganisation(actor, org.id),
    viewAudit: admin,
    manageAdmins: admin,
  };
}
