import type { UserActor } from '../../policy/actor.ts';
import { programmeActions } from '../programmes/policy.ts';

type ProgrammeRef = { id: string; org_id: string; archived_at: string | null };

/** Importing people into a programme (preview and commit): whoever manages it, while it is live. */
export const mayImport = (actor: UserActor, p: ProgrammeRef) => programmeActions(actor, p).import;

/**
 * What the actor may do with an import, if they may import: commit a preview whose columns are all
 * decided, send the invitations of a committed one.
 */
export const importActions = (
  actor: UserActor,
  p: ProgrammeRef,
  row: { status: string },
  unresolved = 0,
) => ({
  commit: row.status === 'preview' && unresolved === 0 && mayImport(actor, p),
  invite: row.status === 'committed' && mayImport(actor, p),
});

/**
 * Whose current profile a preview shows next to the file's values: coordinators see the profiles
 * of their programme's members; admins, of the whole organisation.
 */
export function seesProfilesOf(
  actor: UserActor,
  p: ProgrammeRef,
  known: { memberships: Map<string, unknown[]> },
): (userId: string) => boolean {
  const admin = actor.adminOf.has(p.org_id);
  return (userId) => admin || (known.memberships.get(userId)?.length ?? 0) > 0;
}
