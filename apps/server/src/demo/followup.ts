import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { newId } from '../lib/ids.ts';
import { sweepProgramme } from '../modules/followup/sweep.ts';

const DAY = 86_400_000;

/**
 * A year of follow-up in the demo: most pairs meet and talk, a few have gone quiet (no contact for
 * months), one tutee does not answer, one meeting has no report yet. The sweep then opens the
 * alerts a coordinator would find on a real Monday morning.
 */
export async function demoFollowup(db: Db, ctx: AppContext): Promise<void> {
  const now = ctx.clock.now();
  const ago = (days: number) => new Date(now.getTime() - days * DAY).toISOString();
  const programmes = await db
    .selectFrom('programmes')
    .innerJoin('organisations', 'organisations.id', 'programmes.org_id')
    .select(['programmes.id', 'programmes.org_id', 'programmes.template'])
    .where('organisations.slug', 'in', ['dmg-demo', 'cpts-demo'])
    .execute();
  for (const p of programmes) {
    const pairs = await db
      .selectFrom('pairings')
      .innerJoin('users', 'users.id', 'pairings.tutee_user_id')
      .select(['pairings.id', 'pairings.group_key', 'pairings.tutor_user_id', 'users.email'])
      .where('pairings.programme_id', '=', p.id)
      .where('pairings.state', '=', 'active')
      .execute();
    const add = async (pairingId: string, by: string, kind: string, daysAgo: number, channel: string | null, meetingRef?: string) => {
      const id = newId();
      await db
        .insertInto('followup_activity')
        .values({
          id,
          org_id: p.org_id,
          programme_id: p.id,
          pairing_id: pairingId,
          kind,
          channel,
          at: ago(daysAgo),
          meeting_ref: meetingRef ?? null,
          created_by: by,
          created_at: ago(daysAgo),
        })
        .execute();
      return id;
    };
    const meeting = async (pairingId: string, by: string, daysAgo: number, channel: string, report = true) => {
      const m = await add(pairingId, by, 'meeting', daysAgo, channel);
      if (report) await add(pairingId, by, 'report', Math.max(0, daysAgo - 2), null, m);
    };
    const n = (email: string) => Number(/(\d+)@/.exec(email)?.[1] ?? 0);
    for (const pair of pairs) {
      const i = n(pair.email);
      const by = pair.tutor_user_id;
      if (p.template === 'des-tutoring') {
        if ([3, 7, 15].includes(i)) {
          // Gone quiet: one meeting in the spring, nothing since.
          await meeting(pair.id, by, 150 + i * 2, 'in-person');
          continue;
        }
        await meeting(pair.id, by, 300 - i * 3, i % 3 === 0 ? 'video' : 'in-person');
        await meeting(pair.id, by, 40 + (i % 30), i % 4 === 0 ? 'phone' : 'in-person', i !== 20);
        if (i === 20) await meeting(pair.id, by, 10, 'in-person', false); // report not written yet
        if (i === 11) {
          for (const d of [20, 13, 6]) await add(pair.id, by, 'attempt', d, d === 13 ? 'sms' : 'email');
        } else {
          await add(pair.id, by, 'contact', 12 + (i % 9), i % 2 ? 'sms' : 'email');
        }
      } else if (p.template === 'peer-tutoring') {
        await meeting(pair.id, by, 28, 'in-person');
        await add(pair.id, by, 'contact', 14, 'sms');
      } else {
        if (i === 2) {
          await add(pair.id, by, 'contact', 70, 'phone');
          continue;
        }
        await meeting(pair.id, by, 25 + i, i % 2 ? 'video' : 'in-person');
      }
    }
    await sweepProgramme(ctx, db, p.id, now);
  }
}
