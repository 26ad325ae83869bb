import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { refuse } from '../../http/errors.ts';
import { defineJob, enqueue } from '../../jobs/registry.ts';
import { inBoth } from '../../notify/i18n.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { cancelInTransaction } from '../meetings/invitations.ts';
import { matchingTexts } from './i18n.ts';

/**
 * What follows the end of a pairing (ended early or completed). For `UNDO_MINUTES` the end may be
 * undone and nothing else happens; then, if the pairing is still over, its future meetings are
 * cancelled (a 1:1 meeting is cancelled with its invitations withdrawn; in a group meeting only the
 * tutee's place is withdrawn) and both people are told, without the reason, which may be confidential.
 */
export const UNDO_MINUTES = 15;
const UNDO_MS = UNDO_MINUTES * 60_000;

const OVER = ['ended', 'completed'];

/** Until when the end of a pairing may be undone; null once it is final or when it is not over. */
export function undoUntil(p: { state: string; ended_at: string | null }, now: Date): string | null {
  if (!OVER.includes(p.state) || !p.ended_at) return null;
  const until = Date.parse(p.ended_at) + UNDO_MS;
  return until > now.getTime() ? new Date(until).toISOString() : null;
}

const endedPayload = z.object({ pairingId: z.string(), endedAt: z.string() });

/** Enqueued in the transaction that ends the pairing; runs once the end can no longer be undone. */
export async function scheduleConsequences(trx: Db, pairingId: string, endedAt: string, now: Date) {
  await enqueue(
    trx,
    pairingEnded,
    { pairingId, endedAt },
    {
      runAt: new Date(Date.parse(endedAt) + UNDO_MS),
      dedupeKey: `matching.pairing-ended:${pairingId}:${endedAt}`,
      now,
    },
  );
}

/** The pair's meetings still to come: polls, and confirmed meetings not started yet. */
export async function futureMeetings(
  db: Db,
  p: { programme_id: string; tutor_user_id: string; tutee_user_id: string },
  now: Date,
) {
  const rows = await db
    .selectFrom('meetings as m')
    .innerJoin('meeting_participants as mp', 'mp.meeting_id', 'm.id')
    .select(['m.id', 'mp.user_id'])
    .where('m.programme_id', '=', p.programme_id)
    .where((eb) =>
      eb.or([
        eb('m.status', '=', 'polling'),
        eb.and([eb('m.status', '=', 'confirmed'), eb('m.starts_at', '>', now.toISOString())]),
      ]),
    )
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('meeting_participants as t')
          .select('t.id')
          .whereRef('t.meeting_id', '=', 'm.id')
          .where('t.user_id', '=', p.tutee_user_id),
      ),
    )
    .execute();
  const byMeeting = new Map<string, string[]>();
  for (const r of rows) byMeeting.set(r.id, [...(byMeeting.get(r.id) ?? []), r.user_id]);
  return [...byMeeting]
    .filter(([, people]) => people.includes(p.tutor_user_id))
    .map(([id, people]) => ({
      id,
      group: people.some((u) => u !== p.tutor_user_id && u !== p.tutee_user_id),
    }));
}

/** For each live pair of the programme, how many meetings to come its end would cancel or change. */
export async function futureMeetingCounts(
  db: Db,
  programmeId: string,
  pairs: { id: string; tutor_user_id: string; tutee_user_id: string }[],
  now: Date,
) {
  const rows = await db
    .selectFrom('meetings as m')
    .innerJoin('meeting_participants as mp', 'mp.meeting_id', 'm.id')
    .select(['m.id', 'mp.user_id'])
    .where('m.programme_id', '=', programmeId)
    .where((eb) =>
      eb.or([
        eb('m.status', '=', 'polling'),
        eb.and([eb('m.status', '=', 'confirmed'), eb('m.starts_at', '>', now.toISOString())]),
      ]),
    )
    .execute();
  const byMeeting = new Map<string, Set<string>>();
  for (const r of rows) byMeeting.set(r.id, (byMeeting.get(r.id) ?? new Set()).add(r.user_id));
  const out = new Map<string, number>();
  for (const p of pairs) {
    let n = 0;
    for (const people of byMeeting.values())
      if (people.has(p.tutor_user_id) && people.has(p.tutee_user_id)) n++;
    out.set(p.id, n);
  }
  return out;
}

/** Runs once the end can no longer be undone: the pair's meetings to come withdrawn, both told, audited. */
export const pairingEnded = defineJob(
  'matching.pairing-ended',
  endedPayload,
  async ({ ctx, now, payload }) => {
    await ctx.db.transaction().execute(async (trx) => {
      const p = await trx
        .selectFrom('pairings')
        .selectAll()
        .where('id', '=', payload.pairingId)
        .executeTakeFirst();
      // Undone (or ended again later, which has its own job): nothing to do.
      if (!p || !OVER.includes(p.state) || p.ended_at !== payload.endedAt) return;
      const meetings = await futureMeetings(trx, p, now);
      for (const m of meetings) {
        if (m.group) {
          await trx
            .deleteFrom('meeting_participants')
            .where('meeting_id', '=', m.id)
            .where('user_id', '=', p.tutee_user_id)
            .execute();
        } else {
          await cancelInTransaction(trx, ctx.dbKind, m.id, now, null, { inApp: false });
        }
      }
      await tellBothEnded(trx, p, meetings.length, now);
      await audit(trx, now, {
        orgId: p.org_id,
        actorId: null,
        action: 'matching.pairing-end-applied',
        subjectType: 'pairing',
        subjectId: p.id,
        meta: { meetings: meetings.length },
      });
    });
  },
);

type EndedPairing = {
  id: string;
  org_id: string;
  programme_id: string;
  tutor_user_id: string;
  tutee_user_id: string;
  state: string;
  ended_at: string | null;
};

/** Each of the two is told the pairing is over, and how many meetings to come were cancelled. */
async function tellBothEnded(trx: Db, p: EndedPairing, cancelled: number, now: Date) {
  const programme = await trx
    .selectFrom('programmes')
    .select('name')
    .where('id', '=', p.programme_id)
    .executeTakeFirstOrThrow();
  const names = await trx
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [p.tutor_user_id, p.tutee_user_id])
    .execute();
  const nameOf = (id: string) => names.find((u) => u.id === id)?.name ?? '';
  for (const [userId, otherId] of [
    [p.tutor_user_id, p.tutee_user_id],
    [p.tutee_user_id, p.tutor_user_id],
  ] as const) {
    await notify(
      trx,
      {
        userId,
        orgId: p.org_id,
        kind: 'message',
        key: `matching.pairing-ended:${p.id}:${p.ended_at}:${userId}`,
        link: `/programmes/${p.programme_id}/appariement`,
        content: endedNotice(programme.name, nameOf(otherId), p.state === 'completed', cancelled),
      },
      now,
    );
  }
}

/** The notice's words, without the reason of an early end (which may be confidential). */
export function endedNotice(programme: string, other: string, completed: boolean, n: number) {
  return inBoth(matchingTexts, (t) => {
    const values = {
      programme,
      other,
      context: completed ? 'completed' : undefined,
      cancelled: n === 0 ? '' : t('ended.cancelled', { count: n }),
    };
    return { title: t('ended.title', values), body: t('ended.body', values) };
  });
}

/** Brings an ended or completed pairing back to the state it was in, while the end may be undone. */
export async function undoEnd(
  ctx: AppContext,
  actor: UserActor,
  pairing: { id: string; org_id: string; programme_id: string; state: string; ended_at: string | null },
  record: (trx: Db, at: string, from: string, to: string) => Promise<void>,
) {
  if (!OVER.includes(pairing.state)) throw refuse(409, 'nothing_to_undo');
  const now = ctx.clock.now();
  if (!undoUntil(pairing, now)) throw refuse(409, 'undo_expired', { minutes: UNDO_MINUTES });
  await ctx.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('pairing_events')
      .select(['from_state'])
      .where('pairing_id', '=', pairing.id)
      .where('kind', '=', pairing.state)
      .orderBy('at', 'desc')
      .limit(1)
      .executeTakeFirst();
    const back = last?.from_state && !OVER.includes(last.from_state) ? last.from_state : 'active';
    const res = await trx
      .updateTable('pairings')
      .set({ state: back, ended_at: null, end_reason: null })
      .where('id', '=', pairing.id)
      .where('state', '=', pairing.state)
      .where('ended_at', '=', pairing.ended_at)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw refuse(409, 'changed');
    await record(trx, now.toISOString(), pairing.state, back);
    await audit(trx, now, {
      orgId: pairing.org_id,
      actorId: actor.id,
      action: 'matching.pairing-end-undone',
      subjectType: 'pairing',
      subjectId: pairing.id,
      meta: { from: pairing.state, to: back },
    });
  });
}
