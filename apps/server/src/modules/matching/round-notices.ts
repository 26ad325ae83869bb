import { z } from 'zod';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { defineJob, enqueue } from '../../jobs/registry.ts';
import { notify } from '../../notify/notify.ts';
import { orgZone } from '../meetings/policy.ts';
import { when } from '../meetings/texts.ts';
import { matchingTexts } from './i18n.ts';
import { rankersIn } from './policy.ts';
import { loadSnapshot } from './queries.ts';

// A choice round tells those who must rank: when it opens (with its deadline), and once more
// before it closes, to those who have not ranked yet.

const HOUR = 3_600_000;
/** The reminder goes this long before the deadline… */
export const ROUND_REMINDER_BEFORE_MS = 24 * HOUR;
/** …when the round lasts long enough for a reminder not to follow the opening notice at once. */
const MIN_GAP_MS = 12 * HOUR;

interface Round {
  id: string;
  kind: string;
  deadline: string;
}

/** Who ranks in the round (`rankersIn`), and who of them already has. */
async function rankersOf(db: Db, p: Programme, round: Round, now: Date) {
  const s = await loadSnapshot(db, p, now);
  const ids = rankersIn(s.cohort, round.kind);
  const ranked = new Set(s.choices.filter((c) => c.round_id === round.id).map((c) => c.user_id));
  return { ids, ranked };
}

async function tell(db: Db, p: Programme, round: Round, userIds: string[], now: Date, reminder: boolean) {
  const zone = await orgZone(db, p.org_id);
  const side = round.kind === 'tutee-choice' ? 'tutee' : 'tutor';
  const content = (lang: 'fr' | 'en') => {
    const t = matchingTexts(lang);
    const vars = { programme: p.name, deadline: when(round.deadline, zone, lang) };
    const kind = reminder ? 'reminder' : 'opened';
    return { title: t(`round.${kind}.subject`, vars), body: t(`round.${kind}.${side}`, vars) };
  };
  for (const userId of userIds) {
    await notify(
      db,
      {
        userId,
        orgId: p.org_id,
        kind: 'message',
        key: `matching.round-${reminder ? 'reminder' : 'opened'}:${round.id}:${userId}`,
        link: `/programmes/${p.id}/appariement`,
        content: { fr: content('fr'), en: content('en') },
      },
      now,
    );
  }
}

/**
 * In the transaction that opens the round: a notice to each person who must rank, and the
 * reminder due a day before the deadline (none for a round shorter than a day and a half).
 */
export async function announceRound(trx: Db, p: Programme, round: Round, now: Date) {
  const { ids } = await rankersOf(trx, p, round, now);
  await tell(trx, p, round, ids, now, false);
  const remindAt = new Date(new Date(round.deadline).getTime() - ROUND_REMINDER_BEFORE_MS);
  if (remindAt.getTime() - now.getTime() >= MIN_GAP_MS) {
    await enqueue(trx, roundReminder, { roundId: round.id }, { runAt: remindAt, now });
  }
}

/** The reminder: to those who must still rank, if the round is still open and not past its deadline. */
export const roundReminder = defineJob(
  'matching.round-reminder',
  z.object({ roundId: z.string() }),
  async ({ ctx, now, payload }) => {
    const round = await ctx.db
      .selectFrom('matching_rounds')
      .selectAll()
      .where('id', '=', payload.roundId)
      .executeTakeFirst();
    if (round?.status !== 'open' || round.deadline <= now.toISOString()) return;
    const p = await ctx.db
      .selectFrom('programmes')
      .selectAll()
      .where('id', '=', round.programme_id)
      .executeTakeFirstOrThrow();
    if (p.archived_at) return;
    const { ids, ranked } = await rankersOf(ctx.db, p, round, now);
    await tell(
      ctx.db,
      p,
      round,
      ids.filter((id) => !ranked.has(id)),
      now,
      true,
    );
  },
);
