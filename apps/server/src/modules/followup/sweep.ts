import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { defineJob, enqueue, noPayload } from '../../jobs/registry.ts';
import { newId } from '../../lib/ids.ts';
import { rulesOf } from '../programmes/templates.ts';
import { type ActivitySource, emptyFacts, recordsActivitySource } from './activity.ts';
import { tellAboutAlerts } from './notices.ts';
import { currentPeriod, evaluate, thresholdsOf } from './rules.ts';

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
  const out = { opened: 0, escalated: 0, resolved: 0 };
  if (!programme) return out;
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
  const nowIso = now.toISOString();
  const facts = await source.facts(db, programmeId, {
    start: yearPeriod.start,
    end: yearPeriod.end,
    now: nowIso,
  });
  const escalateAfter = thresholdsOf(rules).escalateAfterDays * DAY;
  const live = await db
    .selectFrom('followup_alerts')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('live_key', 'is not', null)
    .execute();
  const liveByKey = new Map(live.map((a) => [a.live_key as string, a]));
  const coordinators = await db
    .selectFrom('memberships')
    .select('user_id')
    .where('programme_id', '=', programmeId)
    .where('role', '=', 'coordinator')
    .where('ended_at', 'is', null)
    .execute();
  const firingKeys = new Set<string>();

  for (const p of pairs) {
    const known = facts.get(p.id) ?? emptyFacts(p.id);
    // A target over the whole pairing counts every meeting the pair held.
    const f =
      rules.meetings.per === 'programme' ? { ...known, meetingsInPeriod: known.meetingsTotal } : known;
    const period =
      rules.meetings.per === 'programme'
        ? currentPeriod('programme', now, programme.time_zone, {
            publishedAt: p.created_at,
            durationMonths: rules.durationMonths,
          })
        : yearPeriod;
    for (const firing of evaluate(rules, { publishedAt: p.created_at }, f, period, now)) {
      const key = liveKey(firing.rule, p.id);
      firingKeys.add(key);
      const existing = liveByKey.get(key);
      if (!existing) {
        const id = newId();
        const inserted = await db
          .insertInto('followup_alerts')
          .values({
            id,
            org_id: programme.org_id,
            programme_id: programmeId,
            pairing_id: p.id,
            rule: firing.rule,
            state: 'open',
            level: 'tutor',
            live_key: key,
            opened_at: nowIso,
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
        if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue; // another sweep was first
        out.opened++;
        await tellAboutAlerts(db, p.tutor_user_id, programme.time_zone, now);
        continue;
      }
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
        if (Number(changed.numUpdatedRows) !== 1) continue;
        out.escalated++;
        for (const c of coordinators) await tellAboutAlerts(db, c.user_id, programme.time_zone, now);
      } else if (existing.state === 'open' && existing.detail !== JSON.stringify(firing.detail)) {
        await db
          .updateTable('followup_alerts')
          .set({ detail: JSON.stringify(firing.detail) })
          .where('id', '=', existing.id)
          .execute();
      }
    }
  }

  // Conditions that cleared (or pairs no longer active): the episode ends.
  for (const a of live) {
    if (firingKeys.has(a.live_key as string)) continue;
    await db
      .updateTable('followup_alerts')
      .set({
        live_key: null,
        resolved_at: nowIso,
        state: a.state === 'closed' ? 'closed' : 'resolved',
        snoozed_until: null,
      })
      .where('id', '=', a.id)
      .execute();
    out.resolved++;
  }
  return out;
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
