import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';

export interface DeliveryRecord {
  key: string;
  orgId?: string | null;
  userId?: string | null;
  channel: 'email' | 'sms' | 'inapp' | 'digest';
  kind: string;
}

/**
 * Sends at most once per key: the ledger of deliveries is checked before sending and written right
 * after. A job that runs again (retry, or a process killed after sending) finds the key and sends
 * nothing. The one window left — a crash between the SMTP answer and the ledger write — is covered
 * by the deterministic Message-ID the e-mail carries (`messageIdFor(key)`), which mail clients use
 * to drop a duplicate.
 */
export async function deliverOnce(
  db: Db,
  now: Date,
  record: DeliveryRecord,
  send: () => Promise<'sent' | 'skipped' | 'digested'>,
): Promise<'sent' | 'skipped' | 'digested' | 'already'> {
  const done = await db
    .selectFrom('deliveries')
    .select('id')
    .where('key', '=', record.key)
    .executeTakeFirst();
  if (done) return 'already';
  const status = await send();
  await db
    .insertInto('deliveries')
    .values({
      id: newId(),
      key: record.key,
      org_id: record.orgId ?? null,
      user_id: record.userId ?? null,
      channel: record.channel,
      kind: record.kind,
      status,
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  return status;
}
