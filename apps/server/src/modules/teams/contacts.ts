import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { teamReadable } from '../../policy/confidentiality-teams.ts';
import { phoneSharing } from '../people/phone-sharing.ts';
import { teammatesOf } from './queries.ts';

/**
 * The contact details a member of a live team sees of their teammates (the confidentiality table's
 * `teamContact` row): e-mail, and the phone as each shares it in the programme. Empty outside a team.
 */
export async function teammateContacts(db: Db, p: Programme, viewerId: string) {
  const out = new Map<string, { email: string; phone: string | null }>();
  if (!teamReadable('teamContact', 'teammate')) return out;
  const mates = await teammatesOf(db, p.org_id, viewerId);
  if (mates.length === 0) return out;
  const [users, shares] = await Promise.all([
    db.selectFrom('users').select(['id', 'email', 'phone']).where('id', 'in', mates).execute(),
    phoneSharing(db, p, mates),
  ]);
  for (const u of users) out.set(u.id, { email: u.email, phone: shares.get(u.id) ? u.phone : null });
  return out;
}
