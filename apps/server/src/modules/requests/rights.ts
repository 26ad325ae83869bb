import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';

/**
 * Requests to join in a person's data rights and in retention. A request is the person's when it
 * led to their account (`user_id`) or was made with their account's address.
 *
 * - Export: every request of theirs, with what they wrote and what became of it.
 * - Erasure: what they wrote goes (name, address, phone, profession, city, dates, needs,
 *   availability, preferences, the coordination's messages to them); the row stays with its role,
 *   dates, eligibility and decision, which the programme's review counts.
 * - Retention: declined and withdrawn requests go whole after the organisation's period from their
 *   end; an unconfirmed one, which never reached anyone, once its link is stale and the period of
 *   stale links has passed; an accepted one with the records of its person's ended membership.
 */

const ofPerson = (db: Db, user: { id: string; email: string }) =>
  db
    .selectFrom('join_requests as r')
    .innerJoin('programmes as p', 'p.id', 'r.programme_id')
    .where((eb) => eb.or([eb('r.user_id', '=', user.id), eb('r.email', '=', user.email.toLowerCase())]));

/** The person's requests to join, for their export. */
export async function requestData(db: Db, userId: string) {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user) return { joinRequests: [] };
  const rows = await ofPerson(db, user)
    .selectAll('r')
    .select('p.name as programme_name')
    .orderBy('r.created_at')
    .execute();
  return {
    joinRequests: rows.map((r) => ({
      programme: r.programme_name,
      role: r.role,
      name: r.name,
      email: r.email,
      phone: r.phone,
      profession: r.profession,
      place: r.place,
      installedOn: r.installed_on,
      practisingSince: r.practising_since,
      needs: r.needs,
      availability: r.availability,
      preferences: r.preferences,
      eligible: r.eligible === 1,
      state: r.state,
      createdAt: r.created_at,
      confirmedAt: r.confirmed_at,
      decidedAt: r.decided_at,
      declineMessage: r.decline_message,
      withdrawnAt: r.withdrawn_at,
    })),
  };
}

/** Takes what the person wrote off their requests, inside erasePerson's transaction (before the account is anonymised). */
export async function eraseRequests(
  trx: Db,
  user: { id: string; email: string },
  erased: { name: string; email: string },
): Promise<number> {
  const ids = (await ofPerson(trx, user).select('r.id').execute()).map((r) => r.id);
  if (!ids.length) return 0;
  return rowsTouched(
    await trx
      .updateTable('join_requests')
      .set({
        name: erased.name,
        email: erased.email,
        phone: null,
        profession: '',
        place: null,
        installed_on: null,
        practising_since: null,
        needs: '',
        availability: '',
        preferences: '',
        decline_message: null,
        token_hash: null,
        user_id: user.id,
      })
      .where('id', 'in', ids)
      .execute(),
  );
}

/** The organisation's requests past their period (see the module's comment); returns the rows removed. */
export async function purgeRequests(
  db: Db,
  orgId: string,
  cuts: { ended: string; unconfirmed: string; leftMembers: string },
): Promise<number> {
  return rowsTouched([
    await db
      .deleteFrom('join_requests')
      .where('org_id', '=', orgId)
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'declined'), eb('decided_at', '<', cuts.ended)]),
          eb.and([eb('state', '=', 'withdrawn'), eb('withdrawn_at', '<', cuts.ended)]),
          eb.and([eb('state', '=', 'unconfirmed'), eb('created_at', '<', cuts.unconfirmed)]),
        ]),
      )
      .executeTakeFirst(),
    await db
      .deleteFrom('join_requests')
      .where('org_id', '=', orgId)
      .where('state', '=', 'accepted')
      .where('decided_at', '<', cuts.leftMembers)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('memberships as m')
              .select('m.id')
              .whereRef('m.programme_id', '=', 'join_requests.programme_id')
              .whereRef('m.user_id', '=', 'join_requests.user_id')
              .where((eb) => eb.or([eb('m.ended_at', 'is', null), eb('m.ended_at', '>=', cuts.leftMembers)])),
          ),
        ),
      )
      .executeTakeFirst(),
  ]);
}
