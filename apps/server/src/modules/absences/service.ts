import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { addDays, dayIn, daysBetween } from '../../domain/days.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { tell, tellCoordination } from './notices.ts';
import { absenceActions, declaresAbsence, seesAbsence } from './policy.ts';
import { proposalFor, teamCandidates } from './propose.ts';
import { type AbsenceRow, absenceById, absencesOf, coversOf, liveTuteesOf, zoneOf } from './queries.ts';

/**
 * A tutor's absences: declared with the backups proposed at once (so teammates can answer ahead,
 * and loads count the covers already asked over the same days), changed or cancelled until the
 * first day, shortened while it runs. The proposals are drafts the tutor may change until they
 * send them; a tutor in no team has none, and the coordination is told at once to name backups.
 * Absences are calendar days of the organisation's zone, both ends included: "from 3 to 12 January"
 * means the backup's rights start at midnight on the 3rd and lapse at midnight after the 12th, Paris
 * time, whatever the server's zone.
 */

type Dates = { startOn: string; endOn: string; reason: string | null };

export async function today(ctx: AppContext, orgId: string) {
  return dayIn(ctx.clock.now(), await zoneOf(ctx.db, orgId));
}

function checkDates(d: { startOn: string; endOn: string }, today: string) {
  if (d.startOn < today || d.endOn < d.startOn) throw refuse(400, 'absence_dates');
  if (daysBetween(d.startOn, d.endOn) > 366) throw refuse(400, 'absence_too_long');
}

async function checkNoOverlap(db: Db, p: Programme, userId: string, d: Dates, except?: string) {
  const mine = await absencesOf(db, p.id, { userId });
  if (mine.some((a) => a.id !== except && a.start_on <= d.endOn && d.startOn <= a.end_on))
    throw refuse(409, 'absence_overlap');
}

export async function declare(ctx: AppContext, actor: UserActor, programmeId: string, d: Dates) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!declaresAbsence(actor, p)) throw forbidden();
  const day = await today(ctx, p.org_id);
  checkDates(d, day);
  const now = ctx.clock.now();
  const at = now.toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    await checkNoOverlap(trx, p, actor.id, d);
    const id = newId();
    const a = { id, user_id: actor.id, start_on: d.startOn, end_on: d.endOn };
    const tutees = await liveTuteesOf(trx, p.id, actor.id);
    const { inTeam, candidates } = await teamCandidates(trx, p, a);
    const needsCoordination = !inTeam && tutees.length > 0;
    await trx
      .insertInto('absences')
      .values({
        ...a,
        org_id: p.org_id,
        programme_id: p.id,
        reason: d.reason || null,
        created_at: at,
        updated_at: at,
        sent_at: needsCoordination ? at : null,
        cancelled_at: null,
      })
      .execute();
    const proposal = new Map(
      proposalFor(
        tutees.map((t) => t.id),
        candidates,
      ).map((x) => [x.task, x.backup]),
    );
    for (const t of tutees) {
      await trx
        .insertInto('absence_covers')
        .values({
          id: newId(),
          absence_id: id,
          org_id: p.org_id,
          programme_id: p.id,
          tutee_user_id: t.id,
          backup_user_id: proposal.get(t.id) ?? null,
          state: inTeam ? 'draft' : 'uncovered',
          named_by: null,
          answered_at: null,
          start_told_at: null,
          end_told_at: null,
          created_at: at,
        })
        .execute();
    }
    if (needsCoordination) {
      const values = { tutor: actor.name, from: d.startOn, to: d.endOn, count: tutees.length };
      await tellCoordination(trx, p, `no-team:${id}`, 'noTeam', values, now);
    }
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'absence.declared',
      subjectType: 'absence',
      subjectId: id,
    });
    return id;
  });
}

/** An absence through its programme's scope: its tutor and the coordination see it, others get 404. */
export async function loadAbsence(ctx: AppContext, actor: UserActor, absenceId: string) {
  const a = await absenceById(ctx.db, absenceId);
  if (!a || a.cancelled_at) throw notFound('absence');
  const p = await loadProgrammeFor(ctx, actor, a.programme_id).catch(() => {
    throw notFound('absence');
  });
  if (!seesAbsence(actor, p, a)) throw notFound('absence');
  const day = await today(ctx, p.org_id);
  return { a, p, day, actions: absenceActions(actor, p, a, day) };
}

/** The backups asked or accepted, told that the absence changed or was cancelled. */
async function tellBackups(
  db: Db,
  p: Programme,
  a: Pick<AbsenceRow, 'id' | 'start_on' | 'end_on'>,
  tutor: string,
  notice: 'changed' | 'cancelled',
  now: Date,
) {
  const covers = (await coversOf(db, [a.id])).filter(
    (c) => c.backup_user_id && ['asked', 'accepted'].includes(c.state),
  );
  for (const c of covers) {
    const to = { userId: c.backup_user_id as string, orgId: p.org_id, programmeId: p.id };
    const values = { tutor, tutee: c.tutee_name, from: a.start_on, to: a.end_on };
    await tell(db, to, `${notice}:${c.id}:${now.toISOString()}`, notice, values, now);
  }
}

export async function edit(ctx: AppContext, actor: UserActor, absenceId: string, d: Dates) {
  const { a, p, day, actions } = await loadAbsence(ctx, actor, absenceId);
  if (a.user_id !== actor.id) throw forbidden();
  if (!actions.edit) throw refuse(409, a.end_on < day ? 'absence_ended' : 'absence_started');
  checkDates(d, day);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await checkNoOverlap(trx, p, actor.id, d, a.id);
    await trx
      .updateTable('absences')
      .set({ start_on: d.startOn, end_on: d.endOn, reason: d.reason || null, updated_at: now.toISOString() })
      .where('id', '=', a.id)
      .execute();
    const moved = d.startOn !== a.start_on || d.endOn !== a.end_on;
    if (moved && a.sent_at)
      await tellBackups(
        trx,
        p,
        { id: a.id, start_on: d.startOn, end_on: d.endOn },
        actor.name,
        'changed',
        now,
      );
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'absence.changed',
      subjectType: 'absence',
      subjectId: a.id,
    });
  });
}

/** Coming back early: the last day moves earlier, yesterday at the earliest. */
export async function shorten(ctx: AppContext, actor: UserActor, absenceId: string, endOn: string) {
  const { a, p, day, actions } = await loadAbsence(ctx, actor, absenceId);
  if (a.user_id !== actor.id) throw forbidden();
  if (!actions.shorten) throw refuse(409, a.end_on < day ? 'absence_ended' : 'absence_shorten');
  if (endOn >= a.end_on || endOn < addDays(day, -1) || endOn < a.start_on)
    throw refuse(400, 'absence_shorten');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('absences')
      .set({ end_on: endOn, updated_at: now.toISOString() })
      .where('id', '=', a.id)
      .execute();
    await tellBackups(trx, p, { id: a.id, start_on: a.start_on, end_on: endOn }, actor.name, 'changed', now);
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'absence.shortened',
      subjectType: 'absence',
      subjectId: a.id,
    });
  });
}

export async function cancel(ctx: AppContext, actor: UserActor, absenceId: string) {
  const { a, p, actions } = await loadAbsence(ctx, actor, absenceId);
  if (a.user_id !== actor.id) throw forbidden();
  if (!actions.cancel) throw refuse(409, 'absence_started');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('absences')
      .set({ cancelled_at: now.toISOString() })
      .where('id', '=', a.id)
      .execute();
    if (a.sent_at) await tellBackups(trx, p, a, actor.name, 'cancelled', now);
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'absence.cancelled',
      subjectType: 'absence',
      subjectId: a.id,
    });
  });
}

/** Sends the proposals: each backup asked, each tutee nobody could take reported to the coordination. */
export async function send(ctx: AppContext, actor: UserActor, absenceId: string) {
  const { a, p, actions } = await loadAbsence(ctx, actor, absenceId);
  if (a.user_id !== actor.id) throw forbidden();
  if (!actions.send) throw refuse(409, 'absence_sent');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const sent = await trx
      .updateTable('absences')
      .set({ sent_at: now.toISOString() })
      .where('id', '=', a.id)
      .where('sent_at', 'is', null)
      .executeTakeFirst();
    if (Number(sent.numUpdatedRows) !== 1) throw refuse(409, 'absence_sent');
    for (const c of (await coversOf(trx, [a.id])).filter((x) => x.state === 'draft')) {
      const values = { tutor: actor.name, tutee: c.tutee_name, from: a.start_on, to: a.end_on };
      await trx
        .updateTable('absence_covers')
        .set({ state: c.backup_user_id ? 'asked' : 'uncovered' })
        .where('id', '=', c.id)
        .execute();
      if (c.backup_user_id) {
        const to = { userId: c.backup_user_id, orgId: p.org_id, programmeId: p.id };
        await tell(trx, to, `asked:${c.id}:${c.backup_user_id}`, 'asked', values, now);
      } else await tellCoordination(trx, p, `uncovered:${c.id}`, 'uncovered', values, now);
    }
  });
}
