import { DateTime } from 'luxon';
import type { AppContext } from '../../context.ts';
import { readJson } from '../../db/json.ts';
import type { AvailabilityRuleTable } from '../../db/types.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { hashSecret, newId, newSecret } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { orgZone } from '../meetings/policy.ts';
import { parsePhrase } from './phrases.ts';
import { assertInScope, ownAvailabilityIn } from './policy.ts';
import {
  deleteOwn,
  insertRule,
  type OwnTable,
  ownAvailability,
  replaceFeed,
  setRestAfterNightShifts,
} from './queries.ts';
import { busyTimesSchema, toRule } from './rules.ts';
import { type RuleBody, ruleBody } from './schema.ts';

const ruleView = (r: AvailabilityRuleTable) => ({ id: r.id, ...toRule(r) });

export async function myAvailability(ctx: AppContext, actor: UserActor, orgId: string) {
  await ownAvailabilityIn(ctx, actor, orgId);
  const now = ctx.clock.now().toISOString();
  const programmeIds = actor.memberships.filter((m) => m.orgId === orgId).map((m) => m.programmeId);
  const [zone, [rules, calendars, events, feed]] = await Promise.all([
    orgZone(ctx.db, orgId),
    ownAvailability(ctx.db, orgId, actor.id, programmeIds, now),
  ]);
  return {
    timeZone: zone,
    rules: rules.map(ruleView),
    calendars: calendars.map((c) => ({
      id: c.id,
      kind: c.kind as 'upload' | 'url',
      label: c.label,
      busyCount: readJson(busyTimesSchema, c.busy, 'calendar_sources.busy').length,
      fetchedAt: c.fetched_at,
      lastError: c.last_error,
    })),
    events: events.map(eventView),
    hasFeed: !!feed,
  };
}

/** A programme event as everyone sees it (the availability page, the programme's events). */
export const eventView = (e: {
  id: string;
  programme_id: string;
  title: string;
  kind: string;
  starts_at: string;
  ends_at: string;
  busy: number;
}) => ({
  id: e.id,
  programmeId: e.programme_id,
  title: e.title,
  kind: e.kind,
  start: e.starts_at,
  end: e.ends_at,
  busy: e.busy === 1,
});

export async function addRule(ctx: AppContext, actor: UserActor, orgId: string, body: RuleBody) {
  await ownAvailabilityIn(ctx, actor, orgId);
  const id = newId();
  await insertRule(ctx.db, {
    id,
    org_id: orgId,
    user_id: actor.id,
    category: body.category,
    kind: body.kind,
    pattern: body.pattern,
    weekdays: JSON.stringify([...new Set(body.weekdays)].sort()),
    nth: body.pattern === 'monthly' ? body.nth : null,
    start_time: body.startTime,
    end_time: body.endTime,
    from_date: body.fromDate,
    to_date: body.toDate,
    rest_after: body.restAfter ? 1 : 0,
    created_at: ctx.clock.now().toISOString(),
  });
  return id;
}

async function readPhrase(ctx: AppContext, orgId: string, text: string) {
  const zone = await orgZone(ctx.db, orgId);
  const today = DateTime.fromJSDate(ctx.clock.now(), { zone }).toISODate() as string;
  return parsePhrase(text, { today });
}

/** What a typed constraint was understood as, or which part was not: nothing is saved. */
export async function previewPhrase(ctx: AppContext, actor: UserActor, orgId: string, text: string) {
  await ownAvailabilityIn(ctx, actor, orgId);
  const r = await readPhrase(ctx, orgId, text);
  if (!r.understood) {
    const { code, message, messageEn, part } = r;
    return {
      understood: false,
      action: null,
      rule: null,
      startGuessed: false,
      restAfter: null,
      error: { code, message, messageEn, part },
    };
  }
  return r.action === 'add'
    ? {
        understood: true,
        action: r.action,
        rule: r.rule,
        startGuessed: r.startGuessed,
        restAfter: null,
        error: null,
      }
    : {
        understood: true,
        action: r.action,
        rule: null,
        startGuessed: false,
        restAfter: r.restAfter,
        error: null,
      };
}

/**
 * Saves a typed constraint: a new rule, or "repos le lendemain de garde" applied to the person's
 * night shifts. A phrase not understood is refused with the part at fault, and nothing is written.
 */
export async function addPhrase(ctx: AppContext, actor: UserActor, orgId: string, text: string) {
  await ownAvailabilityIn(ctx, actor, orgId);
  const r = await readPhrase(ctx, orgId, text);
  if (!r.understood) {
    const said = { fr: r.message, en: r.messageEn };
    throw refuse(
      400,
      `phrase_${r.code}`,
      { said },
      {
        messageEn: r.messageEn,
        part: r.part,
      },
    );
  }
  if (r.action === 'add') {
    return { action: r.action, id: await addRule(ctx, actor, orgId, ruleBody.parse(r.rule)), updated: 0 };
  }
  const updated = await setRestAfterNightShifts(ctx.db, orgId, actor.id, r.restAfter);
  if (updated === 0) {
    throw refuse(400, 'no_night_shifts');
  }
  return { action: r.action, id: null, updated };
}

/** Only the person's own rules and calendars can be removed; anyone else's are not found. */
export async function removeOwn(
  ctx: AppContext,
  actor: UserActor,
  orgId: string,
  table: OwnTable,
  id: string,
) {
  assertInScope(actor, orgId);
  const deleted = await deleteOwn(ctx.db, table, id, orgId, actor.id);
  if (deleted === 0) throw notFound(table === 'availability_rules' ? 'rule' : 'calendar');
}

/** Creates (or replaces) the person's private calendar feed address; the old one stops working. */
export async function rotateFeed(ctx: AppContext, actor: UserActor) {
  const secret = newSecret();
  await replaceFeed(ctx.db, actor.id, hashSecret(secret), ctx.clock.now().toISOString());
  return { url: `${ctx.config.publicUrl}/api/feeds/${secret}.ics` };
}
