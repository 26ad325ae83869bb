import type { AppContext } from '../../context.ts';
import type { UserActor } from '../../policy/actor.ts';
import { loadOrganisationFor } from '../programmes/service.ts';

/**
 * Who reads an organisation's audit log: its administrators only (the organisation's `viewAudit`
 * action in programmes/policy.ts). An organisation out of the reader's scope is a 404, a member
 * who is not an administrator a 403.
 */
export async function organisationWhoseAuditIsReadable(ctx: AppContext, actor: UserActor, orgId: string) {
  return loadOrganisationFor(ctx, actor, orgId, 'viewAudit');
}
