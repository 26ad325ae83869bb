import type { AppContext } from '../../context.ts';
import type { Programme } from '../../db/types.ts';
import { forbidden, notFound, refuse } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { coachingReadable } from '../../policy/confidentiality-teams.ts';
import { scopeFor } from '../../policy/scope.ts';
import { orgZone } from '../meetings/policy.ts';
import { phoneSharing } from '../people/phone-sharing.ts';
import { findProgramme } from '../programmes/queries.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { endCoaching as end, startCoaching } from './lifecycle.ts';
import { coachingManagement } from './management.ts';
import { coachingRelation, managesCoaching, mayEnd, seesCoaching } from './policy.ts';
import { coachingById, coachingsOf } from './queries.ts';
import type { CoachingBody, ProgrammeCoaching } from './schema.ts';

/**
 * Coaching of new tutors: the programme's view (the actor's own coachings with the other tutor's
 * contact details; for the coordination, the tutors in their first year, who coaches them, who
 * could, and what ended in the past year), pairing, and ending early. Starting and ending, with
 * their notices and audit, are lifecycle.ts; the sweep that ends them after a year is sweep.ts.
 */

/** The actor's running coachings in the programme, each with the other tutor reachable. */
async function mine(ctx: AppContext, actor: UserActor, p: Programme) {
  const rows = await coachingsOf(ctx.db, p.id, actor.id);
  const others = rows.map((r) => (r.coach_id === actor.id ? r.new_tutor_id : r.coach_id));
  const [users, shares] = await Promise.all([
    others.length
      ? ctx.db.selectFrom('users').select(['id', 'email', 'phone']).where('id', 'in', others).execute()
      : [],
    phoneSharing(ctx.db, p, others),
  ]);
  const contact = new Map(users.map((u) => [u.id, u]));
  return rows.flatMap((r) => {
    const role = r.coach_id === actor.id ? ('coach' as const) : ('newTutor' as const);
    if (!coachingReadable('coachingContact', role)) return [];
    const otherId = role === 'coach' ? r.new_tutor_id : r.coach_id;
    const u = contact.get(otherId);
    return [
      {
        id: r.id,
        role,
        person: {
          id: otherId,
          name: role === 'coach' ? r.new_tutor_name : r.coach_name,
          email: u?.email ?? '',
          phone: shares.get(otherId) ? (u?.phone ?? null) : null,
        },
        startedAt: r.started_at,
        endsAt: r.ends_at,
      },
    ];
  });
}

/** The programme's coaching as the actor may see it: 403 to tutees and experts. */
export async function programmeCoaching(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
): Promise<ProgrammeCoaching> {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!seesCoaching(actor, p)) throw forbidden();
  const manager = managesCoaching(actor, p, 'read');
  const zone = await orgZone(ctx.db, p.org_id);
  return {
    timeZone: zone,
    mine: await mine(ctx, actor, p),
    manage: manager ? await coachingManagement(ctx.db, p, zone, ctx.clock.now()) : null,
    actions: { create: managesCoaching(actor, p, 'write') },
  };
}

/** The coordination pairs a new tutor with an experienced one. */
export async function createCoaching(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  body: CoachingBody,
) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!managesCoaching(actor, p, 'write')) throw forbidden();
  const zone = await orgZone(ctx.db, p.org_id);
  return startCoaching(ctx, actor, p, zone, body);
}

/** A coaching in the actor's scope, as their relation to it lets them read it (404 otherwise). */
async function loadCoachingFor(ctx: AppContext, actor: UserActor, coachingId: string) {
  const c = await coachingById(ctx.db, coachingId);
  const p = c && (await findProgramme(ctx.db, scopeFor(actor), c.programme_id));
  if (!c || !p) throw notFound('coaching');
  const relation = coachingRelation(actor, p, c);
  if (!coachingReadable('coaching', relation)) throw notFound('coaching');
  return { c, p, relation };
}

/** Its two tutors or the coordination end a coaching before its year is over. */
export async function endCoaching(
  ctx: AppContext,
  actor: UserActor,
  coachingId: string,
  note: string | null,
) {
  const { c, p, relation } = await loadCoachingFor(ctx, actor, coachingId);
  if (!mayEnd(relation, actor, p)) throw forbidden();
  if (c.ended_at) throw refuse(409, 'coaching_ended');
  await end(ctx, actor, p, c, { zone: await orgZone(ctx.db, p.org_id), note });
}
