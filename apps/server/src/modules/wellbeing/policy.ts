import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { forbidden, refuse } from '../../http/errors.ts';
import { hashSecret } from '../../lib/ids.ts';
import { rolesIn, type UserActor } from '../../policy/actor.ts';
import { coordinatesOrganisation, managesProgramme } from '../programmes/policy.ts';
import { loadOrganisationFor, loadProgrammeFor } from '../programmes/service.ts';
import { rulesOf } from '../programmes/templates.ts';
import { livePairingOf } from './schedule.ts';

/**
 * Who does what with well-being records (the "check-in answers" row of the confidentiality table):
 * the tutee answers and reads their own check-ins in full; their tutor of the moment reads the
 * answers not hidden, of check-ins asked while they were the tutor, and never the score; other
 * tutors, experts and coordinators read none (coordinators: aggregates of five people or more,
 * summary.ts). The directory and the guide are read by every member of the organisation and
 * edited by its administrators and coordinators.
 */

/** The actor's own check-in; anyone else's is a 404. */
export async function ownCheckin(db: Db, actor: UserActor, checkinId: string) {
  const c = await db
    .selectFrom('checkins')
    .selectAll()
    .where('id', '=', checkinId)
    .where('user_id', '=', actor.id)
    .executeTakeFirst();
  if (!c) throw refuse(404, 'not_found');
  return c;
}

/** The check-in a private link opens: the link works until the check-in closes. */
export async function checkinByToken(db: Db, token: string, now: Date) {
  const c = await db
    .selectFrom('checkins')
    .selectAll()
    .where('token_hash', '=', hashSecret(token))
    .executeTakeFirst();
  if (!c) throw refuse(400, 'invalid_link');
  if (c.expires_at <= now.toISOString() && !c.answered_at) throw refuse(410, 'checkin_closed');
  return c;
}

/** The organisation whose directory or guide is read (any member) or edited (admins, coordinators). */
export async function organisationForHelp(
  ctx: AppContext,
  actor: UserActor,
  orgId: string,
  use: 'read' | 'edit',
) {
  const org = await loadOrganisationFor(ctx, actor, orgId);
  const canEdit = coordinatesOrganisation(actor, org.id);
  if (use === 'edit' && !canEdit) throw forbidden();
  return { org, canEdit };
}

/** A programme whose check-in questions are read or changed: its managers only. */
export async function programmeForCheckinSettings(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  use: 'read' | 'write',
) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!managesProgramme(actor, p, use)) throw forbidden();
  return p;
}

/** A programme where the actor decides on check-ins: one where they are accompanied, that has them. */
export async function programmeForConsent(ctx: AppContext, actor: UserActor, programmeId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (!rolesIn(actor, p.id).has('tutee')) throw refuse(403, 'not_a_tutee');
  if (!rulesOf(p).checkInEveryDays) throw refuse(409, 'checkins_off');
  return p;
}

/**
 * Whose check-ins the actor reads about a person of a programme: 'self' for their own, 'tutor' for
 * the person's tutor of the moment. Anyone else gets a 404, as for a record they cannot see.
 */
export async function checkinReader(ctx: AppContext, actor: UserActor, programmeId: string, userId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId);
  if (userId === actor.id) return { programme: p, relation: 'self' as const };
  const pairing = await livePairingOf(ctx.db, p.id, userId);
  if (pairing?.tutor_user_id === actor.id) return { programme: p, relation: 'tutor' as const };
  throw refuse(404, 'not_found');
}
