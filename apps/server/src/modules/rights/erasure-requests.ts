import argon2 from 'argon2';
import type { Db } from '../../db/index.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { enqueue } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { eraseJob } from './jobs.ts';
import { mayDecideErasure } from './policy.ts';
import { CONFIRMATION_WORDS } from './schema.ts';
import { rightsTexts } from './texts.ts';

/** The steps of an erasure request and of an organisation's decision on it, each inside the caller's transaction. */

export const openStatuses = ['pending', 'scheduled'];

/**
 * The person confirms with their password or, with no password, by typing the confirmation word.
 * Returns their name (for the admins' notices).
 */
export async function confirmIdentity(
  db: Db,
  userId: string,
  body: { password?: string; confirmation?: string },
): Promise<string> {
  const account = await db
    .selectFrom('users')
    .select(['name', 'password_hash'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  const confirmed = account.password_hash
    ? !!body.password && (await argon2.verify(account.password_hash, body.password).catch(() => false))
    : CONFIRMATION_WORDS.includes(body.confirmation?.toUpperCase() as (typeof CONFIRMATION_WORDS)[number]);
  if (!confirmed) throw refuse(400, account.password_hash ? 'wrong_password' : 'erasure_confirmation');
  return account.name;
}

/**
 * The organisations that must confirm a new request of the person, and the admins of each who may
 * (the person excepted). Refused while a request is open, or when an organisation has no such admin.
 */
export async function organisationsToAsk(trx: Db, userId: string) {
  const open = await trx
    .selectFrom('erasure_requests')
    .select('id')
    .where('user_id', '=', userId)
    .where('status', 'in', openStatuses)
    .executeTakeFirst();
  if (open) throw refuse(409, 'erasure_exists');
  const orgs = await trx
    .selectFrom('org_members')
    .innerJoin('organisations', 'organisations.id', 'org_members.org_id')
    .select(['organisations.id', 'organisations.name'])
    .where('org_members.user_id', '=', userId)
    .execute();
  const admins = orgs.length
    ? await trx
        .selectFrom('org_members')
        .innerJoin('users', 'users.id', 'org_members.user_id')
        .select(['org_members.org_id', 'users.id'])
        .where(
          'org_members.org_id',
          'in',
          orgs.map((o) => o.id),
        )
        .where('org_members.is_admin', '=', 1)
        .where('users.disabled_at', 'is', null)
        .where('users.id', '!=', userId)
        .execute()
    : [];
  const alone = orgs.find((o) => !admins.some((a) => a.org_id === o.id));
  if (alone) throw refuse(409, 'erasure_needs_admin', { organisation: alone.name });
  return { orgs, admins };
}

/** One approval to give per organisation, announced to each of its admins. */
export async function askOrganisations(
  trx: Db,
  request: { id: string; name: string },
  asked: Awaited<ReturnType<typeof organisationsToAsk>>,
  now: Date,
) {
  const t = rightsTexts;
  for (const o of asked.orgs) {
    await trx
      .insertInto('erasure_approvals')
      .values({
        id: newId(),
        request_id: request.id,
        org_id: o.id,
        status: 'pending',
        decided_by: null,
        decided_at: null,
        reason: null,
      })
      .execute();
    for (const admin of asked.admins.filter((a) => a.org_id === o.id)) {
      await notify(
        trx,
        {
          userId: admin.id,
          orgId: o.id,
          kind: 'message',
          key: `rights.request:${request.id}:${admin.id}`,
          link: '/profil',
          content: {
            fr: { title: t.fr.requestNotice.title(request.name), body: t.fr.requestNotice.body },
            en: { title: t.en.requestNotice.title(request.name), body: t.en.requestNotice.body },
          },
        },
        now,
      );
    }
  }
}

/** The organisation's approval of a request, refused when the actor may not decide or it is decided. */
export async function approvalToDecide(trx: Db, actor: UserActor, orgId: string, requestId: string) {
  const row = await trx
    .selectFrom('erasure_approvals')
    .innerJoin('erasure_requests', 'erasure_requests.id', 'erasure_approvals.request_id')
    .select([
      'erasure_approvals.id',
      'erasure_approvals.status',
      'erasure_requests.user_id',
      'erasure_requests.status as request_status',
    ])
    .where('erasure_approvals.org_id', '=', orgId)
    .where('erasure_approvals.request_id', '=', requestId)
    .executeTakeFirst();
  if (!row) throw notFound('erasure request');
  if (!mayDecideErasure(actor, orgId, row.user_id)) throw forbidden();
  if (row.status !== 'pending' || row.request_status !== 'pending') throw refuse(409, 'erasure_not_open');
  return row;
}

/** A refusal closes the request; the person reads the reason. */
export async function closeDeclined(
  trx: Db,
  request: { id: string; userId: string; orgId: string; reason: string },
  now: Date,
) {
  await trx
    .updateTable('erasure_requests')
    .set({ status: 'declined', closed_at: now.toISOString() })
    .where('id', '=', request.id)
    .execute();
  const t = rightsTexts;
  await notify(
    trx,
    {
      userId: request.userId,
      orgId: request.orgId,
      kind: 'message',
      key: `rights.declined:${request.id}`,
      link: '/profil',
      content: {
        fr: { title: t.fr.declinedNotice.title, body: t.fr.declinedNotice.body(request.reason) },
        en: { title: t.en.declinedNotice.title, body: t.en.declinedNotice.body(request.reason) },
      },
    },
    now,
  );
}

/** The last confirmation schedules the erasure at once. */
export async function scheduleWhenAllConfirmed(trx: Db, requestId: string, now: Date) {
  const waiting = await trx
    .selectFrom('erasure_approvals')
    .select('id')
    .where('request_id', '=', requestId)
    .where('status', '!=', 'confirmed')
    .executeTakeFirst();
  if (waiting) return;
  await trx
    .updateTable('erasure_requests')
    .set({ status: 'scheduled', due_at: now.toISOString() })
    .where('id', '=', requestId)
    .execute();
  await enqueue(trx, eraseJob, { requestId }, { runAt: now, dedupeKey: `rights.erase:${requestId}`, now });
}
