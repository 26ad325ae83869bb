import { z } from 'zod';
import { defineJob, enqueue } from '../../jobs/registry.ts';
import { deliverOnce } from '../../notify/deliver.ts';
import { messageIdFor } from '../../notify/notify.ts';
import { audit } from '../audit/service.ts';
import { erasePerson } from './erase.ts';
import { rightsTextsFor } from './texts.ts';

const byRequest = z.object({ requestId: z.string() });

/**
 * Carries out a scheduled erasure when it is due: the person is anonymised in one transaction, which
 * also queues the e-mail that tells them. A request cancelled in the meantime is left alone.
 */
export const eraseJob = defineJob('rights.erase', byRequest, async ({ ctx, now, payload }) => {
  await ctx.db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('erasure_requests')
      .selectAll()
      .where('id', '=', payload.requestId)
      .executeTakeFirst();
    if (request?.status !== 'scheduled' || (request.due_at ?? '') > now.toISOString()) return;
    const user = await trx
      .selectFrom('users')
      .select(['email', 'locale'])
      .where('id', '=', request.user_id)
      .executeTakeFirstOrThrow();
    const orgIds = (
      await trx.selectFrom('org_members').select('org_id').where('user_id', '=', request.user_id).execute()
    ).map((o) => o.org_id);
    const started = Date.now();
    const rows = await erasePerson(trx, request.user_id, now);
    await trx
      .updateTable('erasure_requests')
      .set({
        status: 'done',
        closed_at: now.toISOString(),
        notify_email: user.email,
        notify_locale: user.locale,
      })
      .where('id', '=', request.id)
      .execute();
    for (const orgId of orgIds.length ? orgIds : [null]) {
      await audit(trx, now, {
        orgId,
        action: 'rights.erased',
        subjectType: 'user',
        subjectId: request.user_id,
        meta: { requestId: request.id, rows, ms: Date.now() - started },
      });
    }
    await enqueue(trx, erasedNotice, { requestId: request.id }, { runAt: now, now });
  });
});

/** Tells the person their data is gone, then forgets the address it was sent to. */
export const erasedNotice = defineJob('rights.erased-notice', byRequest, async ({ ctx, now, payload }) => {
  const request = await ctx.db
    .selectFrom('erasure_requests')
    .select(['id', 'user_id', 'notify_email', 'notify_locale'])
    .where('id', '=', payload.requestId)
    .executeTakeFirst();
  if (!request?.notify_email) return;
  const to = request.notify_email;
  const t = rightsTextsFor(request.notify_locale);
  const key = `rights.erased:${request.id}`;
  await deliverOnce(
    ctx.db,
    now,
    { key, userId: request.user_id, channel: 'email', kind: 'rights.erased' },
    async () => {
      await ctx.mailer.send({
        to,
        subject: t.erasedMail.subject,
        text: t.erasedMail.body,
        headers: { 'Message-ID': messageIdFor(key) },
      });
      return 'sent';
    },
  );
  await ctx.db
    .updateTable('erasure_requests')
    .set({ notify_email: null, notify_locale: null })
    .where('id', '=', request.id)
    .execute();
});
