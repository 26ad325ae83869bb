import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { sendInvitation } from '../auth/service.ts';
import { inviteExistingAccount } from './invitations.ts';
import type { AddedMemberView } from './schema.ts';
import { ensurePerson } from './service.ts';

type Role = 'coordinator' | 'tutor' | 'tutee' | 'expert';

/**
 * Adds a person to the programme by e-mail. A new address gets an account and its invitation e-mail;
 * someone already in the organisation joins at once; an account that exists but is not in the
 * organisation is invited and joins only if they accept (modules/people/invitations.ts). The
 * answer repeats what the coordinator typed, whichever case it was.
 */
export async function addMember(
  ctx: AppContext,
  actor: UserActor,
  p: Programme,
  body: AddMemberInput,
): Promise<AddedMemberView> {
  const now = ctx.clock.now();
  const { status } = await ctx.db.transaction().execute((trx) => addMemberIn(trx, now, actor, p, body));
  return { email: body.email, name: body.name, role: body.role, status };
}

type AddMemberInput = {
  email: string;
  name: string;
  role: Role;
  capacity?: number | null;
  sendInvitation: boolean;
};

/**
 * addMember inside the caller's transaction (an accepted request to join also records its
 * decision there): whether the person was added or invited, their account when one is enrolled
 * now, and the membership made, if any.
 */
export async function addMemberIn(
  trx: Db,
  now: Date,
  actor: UserActor,
  p: Programme,
  body: AddMemberInput,
): Promise<{ status: 'added' | 'invited'; userId: string; membershipId: string | null; joinedNow: boolean }> {
  const iso = now.toISOString();
  const account = await trx
    .selectFrom('users')
    .select('id')
    .where('email', '=', body.email)
    .executeTakeFirst();
  const inOrganisation =
    account &&
    (await trx
      .selectFrom('org_members')
      .select('id')
      .where('org_id', '=', p.org_id)
      .where('user_id', '=', account.id)
      .executeTakeFirst());
  if (account && !inOrganisation) {
    await inviteExistingAccount(trx, now, actor, p, account.id, body);
    return { status: 'invited', userId: account.id, membershipId: null, joinedNow: false };
  }
  const user = await ensurePerson(trx, iso, p.org_id, body);
  const existing = await trx
    .selectFrom('memberships')
    .select('id')
    .where('programme_id', '=', p.id)
    .where('user_id', '=', user.id)
    .where('role', '=', body.role)
    .where('ended_at', 'is', null)
    .executeTakeFirst();
  if (existing) throw refuse(409, 'already_member', { name: body.name });
  const membershipId = newId();
  await trx
    .insertInto('memberships')
    .values({
      id: membershipId,
      org_id: p.org_id,
      programme_id: p.id,
      cohort_id: null,
      user_id: user.id,
      role: body.role,
      capacity: body.capacity ?? null,
      created_at: iso,
      ended_at: null,
      // Invited now when an e-mail goes out below; someone with a password simply joins.
      invited_at: body.sendInvitation && !user.password_hash ? iso : null,
    })
    .execute();
  await audit(trx, now, {
    orgId: p.org_id,
    actorId: actor.id,
    action: 'membership.added',
    subjectType: 'user',
    subjectId: user.id,
    meta: { programmeId: p.id, role: body.role },
  });
  if (body.sendInvitation && !user.password_hash) {
    await sendInvitation(trx, now, {
      userId: user.id,
      orgId: p.org_id,
      programmeId: p.id,
      role: body.role,
      inviterId: actor.id,
    });
  }
  return {
    status: account ? 'added' : 'invited',
    userId: user.id,
    membershipId,
    joinedNow: !!user.password_hash,
  };
}
