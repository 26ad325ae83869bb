import type { AppContext } from '../../context.ts';
import type { Programme } from '../../db/types.ts';
import { sortByName } from '../../domain/collate.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import type { UserActor } from '../../policy/actor.ts';
import { access, contactFor } from '../../policy/confidentiality.ts';
import { auditRead } from '../audit/reads.ts';
import { rulesOf } from '../programmes/templates.ts';
import { phoneSharing } from './phone-sharing.ts';

/**
 * A tutee's own group: their tutor (the `ownTutor` row of the confidentiality table: name and
 * contact details, the phone if the tutor shares it) and the other members (`peer`: names only).
 * Null when the programme works in pairs or the person is in no live group.
 */
export async function myGroup(ctx: AppContext, actor: UserActor, p: Programme) {
  if (rulesOf(p).unit !== 'group') return null;
  const mine = await ctx.db
    .selectFrom('pairings')
    .select(['tutor_user_id', 'group_key'])
    .where('programme_id', '=', p.id)
    .where('tutee_user_id', '=', actor.id)
    .where('state', 'in', LIVE_PAIRING_STATES)
    .orderBy('created_at')
    .executeTakeFirst();
  if (!mine) return null;
  let q = ctx.db
    .selectFrom('pairings')
    .innerJoin('users', 'users.id', 'pairings.tutee_user_id')
    .select(['users.id', 'users.name'])
    .where('pairings.programme_id', '=', p.id)
    .where('pairings.tutor_user_id', '=', mine.tutor_user_id)
    .where('pairings.state', 'in', LIVE_PAIRING_STATES)
    .where('pairings.tutee_user_id', '!=', actor.id);
  if (mine.group_key) q = q.where('pairings.group_key', '=', mine.group_key);
  const [others, tutor, shares] = await Promise.all([
    q.execute(),
    ctx.db
      .selectFrom('users')
      .select(['id', 'name', 'email', 'phone'])
      .where('id', '=', mine.tutor_user_id)
      .executeTakeFirstOrThrow(),
    phoneSharing(ctx.db, p, [mine.tutor_user_id]),
  ]);
  const contact = contactFor('ownTutor', { ...tutor, sharePhone: shares.get(tutor.id) ?? false });
  const peers = access('profile', 'peer') === 'none' ? [] : others;
  await auditRead(ctx.db, ctx.clock.now(), {
    orgId: p.org_id,
    actor,
    subjectPersonIds: [tutor.id],
    kind: 'contact',
    recordType: 'programme',
    recordId: p.id,
    programmeId: p.id,
  });
  return {
    tutor: { userId: tutor.id, name: tutor.name, email: contact.email, phone: contact.phone },
    members: sortByName(
      peers.map((m) => ({ userId: m.id, name: m.name })),
      (m) => m.name,
    ),
  };
}
