import { rolesIn, type UserActor } from '../../policy/actor.ts';

/** What the actor may do with a programme they can already see (reads are decided by the scope). */
export function programmeActions(
  actor: UserActor,
  p: { id: string; org_id: string; archived_at: string | null },
) {
  const roles = rolesIn(actor, p.id);
  const admin = actor.adminOf.has(p.org_id);
  const manage = admin || roles.has('coordinator');
  return {
    update: manage && !p.archived_at,
    archive: manage,
    managePeople: manage && !p.archived_at,
    import: manage && !p.archived_at,
    viewAudit: admin,
  };
}
export type ProgrammeAction = keyof ReturnType<typeof programmeActions>;

export function organisationActions(actor: UserActor, org: { id: string }) {
  const admin = actor.adminOf.has(org.id);
  const coordinates = actor.memberships.some((m) => m.orgId === org.id && m.role === 'coordinator');
  return { update: admin, createProgramme: admin || coordinates, viewAudit: admin, manageAdmins: admin };
}
