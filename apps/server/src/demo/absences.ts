import type { AppContext } from '../context.ts';
import type { Db } from '../db/index.ts';
import { addDays, dayIn } from '../domain/days.ts';
import { newId } from '../lib/ids.ts';
import { proposalFor, teamCandidates } from '../modules/absences/propose.ts';
import { liveTuteesOf } from '../modules/absences/queries.ts';

// The DMG demo's leave: Dr tuteur2 is away from three days before the demo's now until three weeks
// after, inside the team « Équipe Amiens Nord » (tuteur1 … tuteur7; made here only when the teams'
// demo did not make it first). Their tutees are covered by teammates who accepted, proposed by
// balanced load — but for the last one, whose request still waits for tuteur6's answer.

export const DEMO_TEAM = 'Équipe Amiens Nord';

async function ensureTeam(db: Db, p: { id: string; org_id: string }, at: string) {
  const found = await db
    .selectFrom('teams')
    .select('id')
    .where('org_id', '=', p.org_id)
    .where('name', '=', DEMO_TEAM)
    .executeTakeFirst();
  if (found) return;
  const teamId = newId();
  await db
    .insertInto('teams')
    .values({
      id: teamId,
      org_id: p.org_id,
      programme_id: p.id,
      name: DEMO_TEAM,
      created_by: null,
      created_at: at,
      archived_at: null,
    })
    .execute();
  for (let i = 1; i <= 7; i++) {
    const u = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', `tuteur${i}@dmg.demo`)
      .executeTakeFirstOrThrow();
    await db
      .insertInto('team_members')
      .values({ id: newId(), team_id: teamId, org_id: p.org_id, user_id: u.id, joined_at: at, left_at: null })
      .execute();
  }
}

export async function demoAbsences(db: Db, ctx: AppContext): Promise<void> {
  const p = await db
    .selectFrom('programmes')
    .innerJoin('organisations', 'organisations.id', 'programmes.org_id')
    .select([
      'programmes.id',
      'programmes.org_id',
      'programmes.rules',
      'programmes.template',
      'organisations.time_zone',
    ])
    .where('organisations.slug', '=', 'dmg-demo')
    .where('programmes.template', '=', 'des-tutoring')
    .executeTakeFirst();
  if (!p) return;
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ensureTeam(db, p, at);
  const byEmail = async (email: string) =>
    (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const away = await byEmail('tuteur2@dmg.demo');
  const waiting = await byEmail('tuteur6@dmg.demo');
  const today = dayIn(now, p.time_zone);
  const a = { id: newId(), user_id: away, start_on: addDays(today, -3), end_on: addDays(today, 21) };
  await db
    .insertInto('absences')
    .values({
      ...a,
      org_id: p.org_id,
      programme_id: p.id,
      reason: 'Congé de formation',
      created_at: at,
      updated_at: at,
      sent_at: at,
      cancelled_at: null,
    })
    .execute();
  const tutees = await liveTuteesOf(db, p.id, away);
  const { candidates } = await teamCandidates(db, p, a);
  const present = candidates.filter((c) => c.id !== waiting);
  const accepted = proposalFor(
    tutees.slice(0, -1).map((t) => t.id),
    present,
  );
  const backups = new Map(accepted.map((x) => [x.task, x.backup]));
  for (const [i, t] of tutees.entries()) {
    const last = i === tutees.length - 1;
    const backup = last ? waiting : (backups.get(t.id) ?? null);
    await db
      .insertInto('absence_covers')
      .values({
        id: newId(),
        absence_id: a.id,
        org_id: p.org_id,
        programme_id: p.id,
        tutee_user_id: t.id,
        backup_user_id: backup,
        state: last ? 'asked' : backup ? 'accepted' : 'uncovered',
        named_by: null,
        answered_at: last ? null : at,
        start_told_at: last || !backup ? null : at,
        end_told_at: null,
        created_at: at,
      })
      .execute();
  }
}
