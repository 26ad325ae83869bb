import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { type ErrorVariant, notFound, refuse } from '../../http/errors.ts';
import type { UserActor } from '../../policy/actor.ts';
import { access, type Relation } from '../../policy/confidentiality.ts';
import { nonEmpty, scopeFor } from '../../policy/scope.ts';
import { managesProgramme } from '../programmes/policy.ts';

export async function orgZone(db: Db, orgId: string): Promise<string> {
  const o = await db
    .selectFrom('organisations')
    .select('time_zone')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return o?.time_zone ?? 'Europe/Paris';
}

/** The live tutees of a tutor in a programme. */
export async function tuteesOf(db: Db, programmeId: string, tutorId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('pairings')
    .select('tutee_user_id')
    .where('programme_id', '=', programmeId)
    .where('tutor_user_id', '=', tutorId)
    .where('state', 'in', LIVE_PAIRING_STATES)
    .execute();
  return new Set(rows.map((r) => r.tutee_user_id));
}

export type MeetingRole = 'organiser' | 'participant' | 'coordinator';

/**
 * The viewer's relation to a meeting's subject, in the terms of the confidentiality table: the
 * organiser is the tutor, a participant the tutee it is about, a coordinator the coordinator.
 */
export const relationOf = (role: MeetingRole | null): Relation =>
  role === 'organiser' ? 'tutor' : role === 'coordinator' ? 'coordinator' : role ? 'self' : 'none';

/** What an action on a meeting requires, and what the others are told (403: they can see it). */
const meetingActions = {
  organise: { role: 'organiser', refusal: 'organiser_changes' },
  report: { role: 'organiser', refusal: 'organiser_reports' },
  answer: { role: 'participant', refusal: 'invited_answer' },
  nudge: { role: 'organiser', refusal: 'organiser_nudges' },
} as const satisfies Record<string, { role: MeetingRole; refusal: ErrorVariant<'forbidden'> }>;
export type MeetingAction = keyof typeof meetingActions;

/**
 * A meeting the actor may see, with their role in it: its organiser, one of its participants, or a
 * coordinator of its programme (who sees metadata). Anyone else gets a 404. With an `action`, someone
 * who sees the meeting but may not do it gets a 403.
 */
export async function loadMeetingFor(
  ctx: AppContext,
  actor: UserActor,
  meetingId: string,
  action?: MeetingAction,
) {
  const scope = scopeFor(actor);
  const m = await ctx.db
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', meetingId)
    .where('org_id', 'in', nonEmpty(scope.orgIds))
    .executeTakeFirst();
  if (!m) throw notFound('meeting');
  const programme = await ctx.db
    .selectFrom('programmes')
    .selectAll()
    .where('id', '=', m.programme_id)
    .executeTakeFirstOrThrow();
  let role: MeetingRole | null = null;
  if (m.organiser_id === actor.id) role = 'organiser';
  else if (managesProgramme(actor, programme, 'read')) role = 'coordinator';
  else {
    const p = await ctx.db
      .selectFrom('meeting_participants')
      .select('id')
      .where('meeting_id', '=', m.id)
      .where('user_id', '=', actor.id)
      .executeTakeFirst();
    if (p) role = 'participant';
  }
  // Metadata (date, attendance, duration) as the table says; anyone it shows nothing is told the
  // meeting does not exist.
  if (!role || access('meetingMeta', relationOf(role)) === 'none') throw notFound('meeting');
  if (action && role !== meetingActions[action].role)
    throw refuse(403, 'forbidden', { variant: meetingActions[action].refusal });
  return { meeting: m, programme, role };
}
