import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { addDays, addMonths, dayIn } from '../../domain/days.ts';
import { isLivePairing } from '../../domain/pairings.ts';
import { forbidden, refuse } from '../../http/errors.ts';
import { notify } from '../../notify/notify.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { loadPairingFor } from '../matching/pairings.ts';
import { event, transitionIn } from '../matching/service.ts';
import { coordinatorsOf } from '../programmes/queries.ts';
import { rulesOf } from '../programmes/templates.ts';
import { mayEndEarly, mayMoveEnd } from './policy.ts';
import { activatedAt, programmeWithOrg, termsOf } from './queries.ts';
import { agreementNotice, firstMeetingNotice } from './texts.ts';

// A pair's term in a programme with a duration: it starts the day the pair became active (the
// match) and ends the programme's number of months later, in the organisation's zone. The
// coordination moves the end day with a reason; either party or the coordination ends it early.
// The end itself is the matching's (matching/ending.ts): future meetings cancelled, both told.

/** The pair's term, written on first need from its activation; null when the programme has no duration. */
export async function ensureTerms(
  db: Db,
  pairing: { id: string; org_id: string; programme_id: string; created_at: string },
  now: Date,
) {
  const found = await termsOf(db, pairing.id);
  if (found) return found;
  const g = await programmeWithOrg(db, pairing.programme_id);
  const months = rulesOf(g).durationMonths;
  if (!months) return null;
  const start = dayIn(new Date(await activatedAt(db, pairing)), g.time_zone);
  await insertTerms(db, pairing, start, addMonths(start, months), now);
  return (await termsOf(db, pairing.id)) ?? null;
}

async function insertTerms(
  db: Db,
  pairing: { id: string; org_id: string; programme_id: string },
  start: string,
  end: string,
  now: Date,
) {
  await db
    .insertInto('pair_terms')
    .values({
      pairing_id: pairing.id,
      org_id: pairing.org_id,
      programme_id: pairing.programme_id,
      start_on: start,
      end_on: end,
      ended_early: 0,
      ended_on: null,
      end_reminded_at: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('pairing_id').doNothing())
    .execute();
}

/**
 * At the match (matching/publish.ts, in its transaction): each new pair's term starts today, in
 * programmes with a duration; where the pair signs a charter (mentoring: "the first meeting is
 * organised by the mentor"), the mentor is asked to organise the first meeting, charter first.
 */
export async function pairsStarted(
  trx: Db,
  p: Programme,
  pairs: { pairingId: string; tutorId: string; tuteeId: string }[],
  now: Date,
) {
  const rules = rulesOf(p);
  if (!rules.durationMonths || rules.unit !== 'pair' || pairs.length === 0) return;
  const g = await programmeWithOrg(trx, p.id);
  const start = dayIn(now, g.time_zone);
  const names = await trx
    .selectFrom('users')
    .select(['id', 'name'])
    .where(
      'id',
      'in',
      pairs.map((x) => x.tuteeId),
    )
    .execute();
  for (const x of pairs) {
    await insertTerms(
      trx,
      { id: x.pairingId, org_id: p.org_id, programme_id: p.id },
      start,
      addMonths(start, rules.durationMonths),
      now,
    );
    if (!rules.charterRequired) continue;
    await notify(
      trx,
      {
        userId: x.tutorId,
        orgId: p.org_id,
        kind: 'message',
        key: `agreements:first-meeting:${x.pairingId}`,
        link: `/programmes/${p.id}/rencontres/nouvelle`,
        content: firstMeetingNotice(
          { tutee: names.find((n) => n.id === x.tuteeId)?.name ?? '', programme: p.name },
          true,
        ),
      },
      now,
    );
  }
}

/** The coordination moves a live pair's end day, with a reason: audited, in the pair's history, both told. */
export async function moveEnd(
  ctx: AppContext,
  actor: UserActor,
  pairingId: string,
  body: { endOn: string; reason: string },
) {
  const { pairing, p, manage, read, side } = await loadPairingFor(ctx, actor, pairingId);
  const live = isLivePairing(pairing.state);
  if (!mayMoveEnd({ manage, read, side }, live)) throw live ? forbidden() : refuse(409, 'pair_not_live');
  const now = ctx.clock.now();
  const terms = await ensureTerms(ctx.db, pairing, now);
  if (!terms) throw refuse(409, 'pair_term_none');
  if (body.endOn <= terms.start_on) throw refuse(400, 'end_before_start', { start: terms.start_on });
  const g = await programmeWithOrg(ctx.db, p.id);
  const stillFar = body.endOn > addDays(dayIn(now, g.time_zone), REMIND_DAYS);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('pair_terms')
      .set({
        end_on: body.endOn,
        updated_at: now.toISOString(),
        // Moved well past the reminder's day: the reminder comes again before the new end.
        ...(stillFar ? { end_reminded_at: null } : {}),
      })
      .where('pairing_id', '=', pairing.id)
      .execute();
    await event(trx, now.toISOString(), pairing, {
      actorId: actor.id,
      kind: 'end-moved',
      from: pairing.state,
      to: pairing.state,
      reason: body.reason,
    });
    await audit(trx, now, {
      orgId: pairing.org_id,
      actorId: actor.id,
      action: 'agreements.end_moved',
      subjectType: 'pairing',
      subjectId: pairing.id,
      meta: { from: terms.end_on, to: body.endOn },
    });
    await tellBoth(trx, pairing, p.name, 'endMoved', { day: body.endOn, before: terms.end_on }, now);
  });
}

/** Days before the end day that both are reminded of it. */
export const REMIND_DAYS = 30;

/**
 * Either party or the coordination ends the pair before its end day, with a reason (kept in the
 * pair's history for the coordination): recorded as ended early; the matching's end follows —
 * future meetings cancelled through the meetings' own cancellation, both told.
 */
export async function endEarly(ctx: AppContext, actor: UserActor, pairingId: string, reason: string) {
  const { pairing, p, manage, read, side } = await loadPairingFor(ctx, actor, pairingId);
  const live = isLivePairing(pairing.state);
  if (!mayEndEarly({ manage, read, side }, live, rulesOf(p).charterRequired))
    throw live ? forbidden() : refuse(409, 'pair_not_live');
  const now = ctx.clock.now();
  const terms = await ensureTerms(ctx.db, pairing, now);
  const g = await programmeWithOrg(ctx.db, p.id);
  await ctx.db.transaction().execute(async (trx) => {
    await transitionIn(trx, now, actor.id, pairing, 'ended', reason);
    if (terms)
      await trx
        .updateTable('pair_terms')
        .set({ ended_early: 1, ended_on: dayIn(now, g.time_zone), updated_at: now.toISOString() })
        .where('pairing_id', '=', pairing.id)
        .execute();
    await audit(trx, now, {
      orgId: pairing.org_id,
      actorId: actor.id,
      action: 'agreements.ended_early',
      subjectType: 'pairing',
      subjectId: pairing.id,
      meta: { by: side ?? 'coordination' },
    });
    // The other party and the coordination hear it at once; the matching's notice of the end, with
    // the meetings cancelled, follows once the end can no longer be undone.
    const others = [pairing.tutor_user_id, pairing.tutee_user_id, ...(await coordinatorsOf(trx, p.id))];
    await tellEach(
      trx,
      pairing,
      p.name,
      'endedEarly',
      { who: actor.name },
      now,
      others.filter((id) => id !== actor.id),
    );
  });
}

/** A notice of this module to both people of the pair. */
export async function tellBoth(
  trx: Db,
  pairing: { id: string; org_id: string; tutor_user_id: string; tutee_user_id: string },
  programme: string,
  key: 'endMoved' | 'endNear' | 'endedEarly',
  values: Record<string, string>,
  now: Date,
) {
  await tellEach(trx, pairing, programme, key, values, now, [pairing.tutor_user_id, pairing.tutee_user_id]);
}

async function tellEach(
  trx: Db,
  pairing: { id: string; org_id: string; tutor_user_id: string; tutee_user_id: string },
  programme: string,
  key: 'endMoved' | 'endNear' | 'endedEarly',
  values: Record<string, string>,
  now: Date,
  to: string[],
) {
  const names = await trx
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [pairing.tutor_user_id, pairing.tutee_user_id])
    .execute();
  const nameOf = (id: string) => names.find((u) => u.id === id)?.name ?? '';
  const content = agreementNotice(key, {
    programme,
    tutor: nameOf(pairing.tutor_user_id),
    tutee: nameOf(pairing.tutee_user_id),
    ...values,
  });
  for (const userId of new Set(to))
    await notify(
      trx,
      {
        userId,
        orgId: pairing.org_id,
        kind: key === 'endNear' ? 'reminder' : 'message',
        key: `agreements:${key}:${pairing.id}:${now.toISOString()}:${userId}`,
        link: `/binomes/${pairing.id}/charte`,
        content,
      },
      now,
    );
}
