import type { Db } from '../../db/index.ts';
import { newId } from '../../lib/ids.ts';
import { notify } from '../../notify/notify.ts';
import { nonEmpty } from '../../policy/scope.ts';
import type { SessionRow } from './queries.ts';
import { sessionNotice } from './texts.ts';

type Change = 'promoted' | 'updated' | 'cancelled';

/**
 * Who hears of a session's change: people registered get an in-app notice here and the e-mail with
 * the calendar invitation by its job (mails.ts), so nobody receives the message twice; people on
 * the waiting list, who get no invitation, get the notice through their own channels (notify()).
 */
export async function tellOfSession(
  trx: Db,
  now: Date,
  s: SessionRow,
  change: Change,
  people: { registered: string[]; waiting: string[] },
) {
  const content = sessionNotice(change, s, s.time_zone);
  const link = `/programmes/${s.programme_id}/formations`;
  const users = await trx
    .selectFrom('users')
    .select(['id', 'locale'])
    .where('id', 'in', nonEmpty(people.registered))
    .where('disabled_at', 'is', null)
    .execute();
  for (const u of users) {
    const c = content[u.locale.startsWith('en') ? 'en' : 'fr'];
    await trx
      .insertInto('notifications')
      .values({
        id: newId(),
        user_id: u.id,
        org_id: s.org_id,
        kind: 'message',
        title: c.title,
        body: c.body,
        link,
        created_at: now.toISOString(),
        read_at: null,
      })
      .execute();
  }
  for (const userId of people.waiting)
    await notify(
      trx,
      {
        userId,
        orgId: s.org_id,
        kind: 'message',
        key: `training.${change}:${s.id}:${s.sequence}:${userId}`,
        link,
        content,
      },
      now,
    );
}
