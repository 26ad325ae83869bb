import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { dayIn } from '../../domain/days.ts';
import { defineJob, noPayload } from '../../jobs/registry.ts';
import { contactFor } from '../../policy/confidentiality.ts';
import { phoneSharing } from '../people/phone-sharing.ts';
import { tell } from './notices.ts';
import { purgeAbsenceReasons } from './rights.ts';

// The start and the end of an absence, told once each. When an accepted cover's absence has begun,
// the tutee learns whom to contact and until when; when it is over (its last day passed in the
// organisation's zone, or shortened), the tutee and the backup learn that the tutor is back. The
// backup's rights need no change: they are read by date (queries.ts runningCovers). Each cover row
// records what it told, claimed by a conditional update, so running the sweep twice tells nothing twice.

type ProgrammeRef = { id: string; org_id: string; rules: string; template: string };

function coverFacts(db: Db, coverId: string) {
  return db
    .selectFrom('absence_covers as c')
    .innerJoin('absences as a', 'a.id', 'c.absence_id')
    .innerJoin('users as tutor', 'tutor.id', 'a.user_id')
    .innerJoin('users as tutee', 'tutee.id', 'c.tutee_user_id')
    .innerJoin('users as b', 'b.id', 'c.backup_user_id')
    .select([
      'c.id',
      'c.tutee_user_id',
      'c.backup_user_id',
      'a.start_on',
      'a.end_on',
      'tutor.name as tutor',
      'tutee.name as tutee',
      'b.name as backup',
      'b.email as backup_email',
      'b.phone as backup_phone',
    ])
    .where('c.id', '=', coverId)
    .executeTakeFirst();
}

/** Tells the tutee of an accepted cover whom to contact until when; once. */
export async function tellStart(db: Db, p: ProgrammeRef, coverId: string, now: Date) {
  const claimed = await db
    .updateTable('absence_covers')
    .set({ start_told_at: now.toISOString() })
    .where('id', '=', coverId)
    .where('state', '=', 'accepted')
    .where('start_told_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return false;
  const f = await coverFacts(db, coverId);
  if (!f?.backup_user_id) return false;
  const shares = await phoneSharing(db, p, [f.backup_user_id]);
  const c = contactFor('ownTutor', {
    email: f.backup_email,
    phone: f.backup_phone,
    sharePhone: shares.get(f.backup_user_id) ?? false,
  });
  const contact = [c.email, c.phone].filter(Boolean).join(' · ');
  const to = { userId: f.tutee_user_id, orgId: p.org_id, programmeId: p.id };
  const values = { tutor: f.tutor, backup: f.backup, to: f.end_on, contact };
  await tell(db, to, `started:${f.id}:${f.backup_user_id}`, 'started', values, now);
  return true;
}

/** Tells the tutee and the backup that the tutor is back; once. */
async function tellBack(db: Db, p: ProgrammeRef, coverId: string, now: Date) {
  const claimed = await db
    .updateTable('absence_covers')
    .set({ end_told_at: now.toISOString() })
    .where('id', '=', coverId)
    .where('end_told_at', 'is', null)
    .executeTakeFirst();
  if (Number(claimed.numUpdatedRows) !== 1) return false;
  const f = await coverFacts(db, coverId);
  if (!f?.backup_user_id) return false;
  const values = { tutor: f.tutor, tutee: f.tutee };
  for (const userId of [f.tutee_user_id, f.backup_user_id])
    await tell(
      db,
      { userId, orgId: p.org_id, programmeId: p.id },
      `back:${f.id}:${userId}`,
      'back',
      values,
      now,
    );
  return true;
}

/** One pass over the accepted covers not yet told of their end. */
export async function sweepAbsences(ctx: AppContext, now: Date) {
  const rows = await ctx.db
    .selectFrom('absence_covers as c')
    .innerJoin('absences as a', 'a.id', 'c.absence_id')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .innerJoin('organisations as o', 'o.id', 'c.org_id')
    .select([
      'c.id',
      'c.start_told_at',
      'a.start_on',
      'a.end_on',
      'o.time_zone',
      'p.id as programme_id',
      'p.org_id',
      'p.rules',
      'p.template',
    ])
    .where('c.state', '=', 'accepted')
    .where('c.end_told_at', 'is', null)
    .where('a.cancelled_at', 'is', null)
    .execute();
  const out = { started: 0, back: 0 };
  for (const r of rows) {
    const today = dayIn(now, r.time_zone);
    const p = { id: r.programme_id, org_id: r.org_id, rules: r.rules, template: r.template };
    await ctx.db.transaction().execute(async (trx) => {
      if (r.end_on < today) {
        if (await tellBack(trx, p, r.id, now)) out.back++;
      } else if (r.start_on <= today && !r.start_told_at) {
        if (await tellStart(trx, p, r.id, now)) out.started++;
      }
    });
  }
  return out;
}

export const absencesSweep = defineJob('absences.sweep', noPayload, async ({ ctx, now }) => {
  await sweepAbsences(ctx, now);
  await purgeAbsenceReasons(ctx.db, dayIn(now, 'UTC'));
});
