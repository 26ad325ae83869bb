import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type { Programme } from '../../db/types.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { audit } from '../audit/service.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { tell, tellCoordination } from './notices.ts';
import { answersCover, namesBackups, seesCover } from './policy.ts';
import { nextFor, programmeCandidates, teamCandidates } from './propose.ts';
import { coverById, declinedOf } from './queries.ts';
import { today } from './service.ts';
import { tellStart } from './sweep.ts';

// One tutee's backup during an absence: the tutor changes the proposal before sending, the backup
// asked accepts or declines (a decline asks the next best teammate, or reports the tutee
// uncovered to the coordination), and the coordination names a backup among the programme's tutors.

type Cover = NonNullable<Awaited<ReturnType<typeof coverById>>>;

async function loadCover(ctx: AppContext, actor: UserActor, coverId: string) {
  const c = await coverById(ctx.db, coverId);
  if (!c || c.cancelled_at) throw notFound('absence_cover');
  const p = await loadProgrammeFor(ctx, actor, c.programme_id).catch(() => {
    throw notFound('absence_cover');
  });
  const a = { user_id: c.tutor_id, start_on: c.start_on, end_on: c.end_on, cancelled_at: c.cancelled_at };
  if (!seesCover(actor, p, c, a)) throw notFound('absence_cover');
  return { c, p, a, day: await today(ctx, p.org_id) };
}

const absenceOf = (c: Cover) => ({
  id: c.absence_id,
  user_id: c.tutor_id,
  start_on: c.start_on,
  end_on: c.end_on,
});
const valuesOf = (c: Cover) => ({ tutor: c.tutor_name, tutee: c.tutee_name, from: c.start_on, to: c.end_on });

/** The absent tutor proposes another teammate for one tutee, before sending. */
export async function changeProposal(ctx: AppContext, actor: UserActor, coverId: string, backupId: string) {
  const { c, p, day } = await loadCover(ctx, actor, coverId);
  if (c.tutor_id !== actor.id) throw forbidden();
  if (c.sent_at || c.state !== 'draft' || c.end_on < day) throw refuse(409, 'absence_sent');
  const { candidates } = await teamCandidates(ctx.db, p, absenceOf(c));
  if (!candidates.some((x) => x.id === backupId)) throw refuse(400, 'backup_not_candidate');
  await ctx.db
    .updateTable('absence_covers')
    .set({ backup_user_id: backupId })
    .where('id', '=', c.id)
    .execute();
}

async function loadAnswerable(ctx: AppContext, actor: UserActor, coverId: string) {
  const loaded = await loadCover(ctx, actor, coverId);
  if (loaded.c.backup_user_id !== actor.id) throw forbidden();
  if (!answersCover(actor, loaded.c, loaded.a, loaded.day)) throw refuse(409, 'cover_answered');
  return loaded;
}

/** Only the row still asked of this person changes: two answers at once make one change. */
async function answer(db: Db, c: Cover, actorId: string, set: Record<string, unknown>) {
  const r = await db
    .updateTable('absence_covers')
    .set(set)
    .where('id', '=', c.id)
    .where('state', '=', 'asked')
    .where('backup_user_id', '=', actorId)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1) throw refuse(409, 'cover_answered');
}

export async function accept(ctx: AppContext, actor: UserActor, coverId: string) {
  const { c, p, day } = await loadAnswerable(ctx, actor, coverId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await answer(trx, c, actor.id, { state: 'accepted', answered_at: now.toISOString() });
    const to = { userId: c.tutor_id, orgId: p.org_id, programmeId: p.id };
    await tell(
      trx,
      to,
      `accepted:${c.id}:${actor.id}`,
      'accepted',
      { ...valuesOf(c), backup: actor.name },
      now,
    );
    // Accepted once the absence runs: the tutee learns now whom to contact.
    if (c.start_on <= day) await tellStart(trx, p, c.id, now);
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'absence_cover.accepted',
      subjectType: 'absence_cover',
      subjectId: c.id,
    });
  });
}

/** A decline asks the next best teammate who has not declined, or tells the coordination. */
export async function decline(ctx: AppContext, actor: UserActor, coverId: string) {
  const { c, p } = await loadAnswerable(ctx, actor, coverId);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    const declined = [...declinedOf(c), actor.id];
    const { candidates } = await teamCandidates(trx, p, absenceOf(c));
    const next = nextFor(candidates, declined);
    await answer(trx, c, actor.id, {
      declined_by: JSON.stringify(declined),
      backup_user_id: next,
      state: next ? 'asked' : 'uncovered',
      answered_at: now.toISOString(),
    });
    await reask(trx, p, c, next, now);
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'absence_cover.declined',
      subjectType: 'absence_cover',
      subjectId: c.id,
    });
  });
}

async function reask(db: Db, p: Programme, c: Cover, next: string | null, now: Date) {
  if (next) {
    const to = { userId: next, orgId: p.org_id, programmeId: p.id };
    await tell(db, to, `asked:${c.id}:${next}`, 'asked', valuesOf(c), now);
  } else
    await tellCoordination(db, p, `uncovered:${c.id}:${now.toISOString()}`, 'uncovered', valuesOf(c), now);
}

/** The coordination names a backup among the programme's tutors present over the absence. */
export async function assign(ctx: AppContext, actor: UserActor, coverId: string, backupId: string) {
  const { c, p, day } = await loadCover(ctx, actor, coverId);
  if (!namesBackups(actor, p)) throw forbidden();
  if (c.end_on < day) throw refuse(409, 'absence_ended');
  if (c.state === 'accepted' && c.backup_user_id === backupId) return;
  const candidates = await programmeCandidates(ctx.db, p, absenceOf(c));
  if (!candidates.some((x) => x.id === backupId)) throw refuse(400, 'backup_not_candidate');
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('absence_covers')
      .set({
        backup_user_id: backupId,
        state: 'asked',
        named_by: actor.id,
        answered_at: null,
        start_told_at: null,
      })
      .where('id', '=', c.id)
      .execute();
    await reask(trx, p, c, backupId, now);
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'absence_cover.named',
      subjectType: 'absence_cover',
      subjectId: c.id,
    });
  });
}
