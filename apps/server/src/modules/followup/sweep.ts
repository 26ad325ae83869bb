import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { defineJob, enqueue, noPayload } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import { runningCovers } from '../absences/queries.ts';
import { rulesOf } from '../programmes/templates.ts';
import { type ActivitySource, emptyFacts, recordsActivitySource } from './activity.ts';
import { tellAboutAlerts } from './notices.ts';
import { currentPeriod, evaluate, type Firing, thresholdsOf } from './rules.ts';

const DAY = 86_400_000;
export const liveKey = (rule: string, pairingId: string) => `${rule}:${pairingId}`;

/**
 * Evaluates every active pair of a programme at `now`: opens an alert (and tells the tutor) when a
 * rule starts holding, escalates to the coordinators when it still holds after the programme's
 * delay (a week by default) or when a snooze ends, and resolves it when the condition clears. One
 * alert per rule and pair while the condition lasts (`live_key` is unique), so running the sweep
 * again changes nothing. Activity comes from the meetings tables and the contact log.
 */
export async function sweepProgramme(
  _ctx: AppContext,
  db: Db,
  programmeId: string,
  now: Date,
  source: ActivitySource = recordsActivitySource,
): Promise<{ opened: number; escalated: number; resolved: number }> {
  const out = { opened: 0, escalated: 0, resolved: 0 };
  const state = await readProgramme(db, programmeId, now, source);
  if (!state) return out;
  const { programme, live } = state;
  const liveByKey = new Map(live.map((a) => [a.live_key as string, a]));
  const firingKeys = new Set<string>();
  for (const p of state.pairs) {
    for (const firing of firingsOf(state, p, now)) {
      const key = liveKey(firing.rule, p.id);
      firingKeys.add(key);
      const existing = liveByKey.get(key);
      if (!existing) {
        const told = state.backups.get(`${p.tutor_user_id}:${p.tutee_user_id}`) ?? p.tutor_user_id;
        if (await openAlert(db, programme, p, firing, now, told)) out.opened++;
      } else if (await escalateOrRefresh(db, state, existing, firing, now)) out.escalated++;
    }
  }

  // Conditions that cleared (or pairs no longer active): the episode ends.
  for (const a of live) {
    if (firingKeys.has(a.live_key as string)) continue;
    await db
      .updateTable('followup_alerts')
      .set({
        live_key: null,
        resolved_at: now.toISOString(),
        state: a.state === 'closed' ? 'closed' : 'resolved',
        snoozed_until: null,
      })
      .where('id', '=', a.id)
      .execute();
    out.resolved++;
  }
  return out;
}

type SweepState = NonNullable<Awaited<ReturnType<typeof readProgramme>>>;
type Pair = SweepState['pairs'][number];
type LiveAlert = SweepState['live'][number];

/**
 * What a sweep reads: the programme and its rules, its active pairs (none when archived), their
 * activity over the current period, the live alerts and the coordinators to escalate to.
 */
async function readProgramme(db: Db, programmeId: string, now: Date, source: ActivitySource) {
  const programme = await db
    .selectFrom('programmes')
    .innerJoin('organisations', 'organisations.id', 'programmes.org_id')
    .select([
      'programmes.id',
      'programmes.org_id',
      'programmes.name',
      'programmes.rules',
      'programmes.archived_at',
      'organisations.time_zone',
    ])
    .where('programmes.id', '=', programmeId)
    .executeTakeFirst();
  if (!programme) return null;
  const rules = rulesOf(programme);
  const pairs = programme.archived_at
    ? []
    : await db
        .selectFrom('pairings')
        .innerJoin('users as tutor', 'tutor.id', 'pairings.tutor_user_id')
        .innerJoin('users as tutee', 'tutee.id', 'pairings.tutee_user_id')
        .select([
          'pairings.id',
          'pairings.created_at',
          'pairings.tutor_user_id',
          'pairings.tutee_user_id',
          'tutor.name as tutor_name',
          'tutee.name as tutee_name',
        ])
        .where('pairings.programme_id', '=', programmeId)
        .where('pairings.state', '=', 'active')
        .execute();
  const yearPeriod = currentPeriod(
    rules.meetings.per === 'programme' ? 'year' : rules.meetings.per,
    now,
    programme.time_zone,
  );
  const facts = await source.facts(db, programmeId, {
    start: yearPeriod.start,
    end: yearPeriod.end,
    now: now.toISOString(),
  });
  const live = await db
    .selectFrom('followup_alerts')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('live_key', 'is not', null)
    .execute();
  const coordinators = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('programme_id', '=', programmeId)
    .where('role', '=', 'coordinator')
    .where('ended_at', 'is', null)
    .execute();
  // A tutor away with a backup standing in (modules/absences): the pair's alerts go to the backup.
  const covers = await runningCovers(db, programme, now);
  const backups = new Map(
    covers.map((c) => [`${c.tutor_id}:${c.tutee_user_id}`, c.backup_user_id as string]),
  );
  return { programme, rules, pairs, yearPeriod, facts, live, coordinators, backups };
}

/** The rules that hold for a pair now. A target over the whole pairing counts every meeting the pair held. */
function firingsOf({ programme, rules, yearPeriod, facts }: SweepState, p: Pair, now: Date): Firing[] {
  const known = facts.get(p.id) ?? emptyFacts(p.id);
  const f = rules.meetings.per === 'programme' ? { ...known, meetingsInPeriod: known.meetingsTotal } : known;
  const period =
    rules.meetings.per === 'programme'
      ? currentPeriod('programme', now, programme.time_zone, {
          publishedAt: p.created_at,
          durationMonths: rules.durationMonths,
        })
      : yearPeriod;
  return evaluate(rules, { publishedAt: p.created_at }, f, period, now);
}

/**
 * A new alert, at the tutor's level, and the tutor told — or the backup standing in for them while
 * they are away. False when another sweep opened it first.
 */
async function openAlert(
  db: Db,
  programme: SweepState['programme'],
  p: Pair,
  firing: Firing,
  now: Date,
  told: string,
): Promise<boolean> {
  const inserted = await db
    .insertInto('followup_alerts')
    .values({
      id: newId(),
      org_id: programme.org_id,
      programme_id: programme.id,
      pairing_id: p.id,
      rule: firing.rule,
      state: 'open',
      level: 'tutor',
      live_key: liveKey(firing.rule, p.id),
      opened_at: now.toISOString(),
      escalated_at: null,
      snoozed_until: null,
      closed_at: null,
      closed_by: null,
      close_note: null,
      resolved_at: null,
      detail: JSON.stringify(firing.detail),
    })
    .onConflict((oc) => oc.column('live_key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return false;
  await tellAboutAlerts(db, told, programme.time_zone, now);
  return true;
}

/**
 * An alert still holding: escalated to the coordinators (and they told) once the programme's delay
 * has passed at the tutor's level or its snooze has ended; otherwise its detail kept up to date.
 * True when it was escalated by this sweep.
 */
async function escalateOrRefresh(
  db: Db,
  { programme, rules, coordinators }: SweepState,
  existing: LiveAlert,
  firing: Firing,
  now: Date,
): Promise<boolean> {
  const nowIso = now.toISOString();
  const escalateAfter = thresholdsOf(rules).escalateAfterDays * DAY;
  const escalateNow =
    (existing.state === 'open' &&
      existing.level === 'tutor' &&
      now.getTime() - Date.parse(existing.opened_at) >= escalateAfter) ||
    (existing.state === 'snoozed' && existing.snoozed_until !== null && existing.snoozed_until <= nowIso);
  if (escalateNow) {
    const changed = await db
      .updateTable('followup_alerts')
      .set({
        state: 'open',
        level: 'coordinator',
        escalated_at: nowIso,
        snoozed_until: null,
        detail: JSON.stringify(firing.detail),
      })
      .where('id', '=', existing.id)
      .where('state', '=', existing.state)
      .where('level', '=', existing.level)
      .executeTakeFirst();
    if (Number(changed.numUpdatedRows) !== 1) return false;
    for (const c of coordinators) await tellAboutAlerts(db, c.user_id, programme.time_zone, now);
    return true;
  }
  if (existing.state === 'open' && existing.detail !== JSON.stringify(firing.detail)) {
    await db
      .updateTable('followup_alerts')
      .set({ detail: JSON.stringify(firing.detail) })
      .where('id', '=', existing.id)
      .execute();
  }
  return false;
}

// Sweep → one job per programme → notices, one job per recipient (notify.send).
export const followupSweep = defineJob('followup.sweep', noPayload, async ({ ctx, now }) => {
  const programmes = await ctx.db
    .selectFrom('programmes')
    .select('id')
    .where('archived_at', 'is', null)
    .execute();
  const hour = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000).toISOString();
  for (const p of programmes) {
    await enqueue(
      ctx.db,
      sweepOneProgramme,
      { programmeId: p.id },
      { runAt: now, dedupeKey: `followup.sweep:${p.id}:${hour}`, now },
    );
  }
});

export const sweepOneProgramme = defineJob(
  'followup.sweep-programme',
  z.object({ programmeId: z.string() }),
  async ({ ctx, now, payload }) => {
    await ctx.db.transaction().execute((trx) => sweepProgramme(ctx, trx, payload.programmeId, now));
  },
);
