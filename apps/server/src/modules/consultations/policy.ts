import { rolesIn, type UserActor } from '../../policy/actor.ts';
import {
  type ConsultationStanding,
  consultationAccess,
  type Relation,
} from '../../policy/confidentiality.ts';
import { managesProgramme } from '../programmes/policy.ts';

// Who asks an expert, and who reads a consultation. The confidentiality table's "consultation" row
// decides what each one reads (policy/confidentiality.ts, consultationAccess).

type ProgrammeRef = { id: string; org_id: string; archived_at: string | null };
type ConsultationRef = {
  org_id: string;
  programme_id: string;
  asker_id: string;
  expert_id: string;
  subject_id: string | null;
  state: string;
};

/** A tutor of the programme or its coordination asks an expert about a case (not in an archived programme). */
export const mayAskIn = (actor: UserActor, p: ProgrammeRef) =>
  !p.archived_at && (rolesIn(actor, p.id).has('tutor') || managesProgramme(actor, p, 'write'));

/** Whether the actor is an expert of the organisation now (an expert who left reads no more). */
export const isExpertIn = (actor: UserActor, orgId: string) =>
  actor.memberships.some((m) => m.orgId === orgId && m.role === 'expert');

export function standingOf(actor: UserActor, c: ConsultationRef): ConsultationStanding {
  if (c.asker_id === actor.id) return 'asker';
  if (c.expert_id === actor.id && isExpertIn(actor, c.org_id)) return 'expert';
  if (c.subject_id === actor.id) return 'subject';
  return null;
}

/** The viewer's relation to the case's subject, for the confidentiality table. */
function relationOf(actor: UserActor, p: ProgrammeRef, standing: ConsultationStanding): Relation {
  if (standing === 'subject') return 'self';
  if (standing === 'expert') return 'expert';
  if (standing === 'asker') return managesProgramme(actor, p, 'read') ? 'coordinator' : 'tutor';
  return 'none';
}

/** What the actor reads of a consultation and may do with it; null when it is not theirs (a 404). */
export function consultationAccessFor(actor: UserActor, c: ConsultationRef, p: ProgrammeRef) {
  const standing = standingOf(actor, c);
  const read = consultationAccess(relationOf(actor, p, standing), standing);
  if (read !== 'full' && read !== 'questionOnly') return null;
  const open = c.state === 'open';
  return {
    standing: read === 'full' ? ('asker' as const) : ('expert' as const),
    actions: { reply: open, close: open && read === 'full' },
  };
}

/**
 * Whether a person's card offers to ask an expert about them: a tutee, seen by their own tutor or
 * by the coordination of a programme the viewer may ask in.
 */
export const mayAskAbout = (actor: UserActor, p: ProgrammeRef, relation: Relation, role: string) =>
  role === 'tutee' && (relation === 'tutor' || relation === 'coordinator') && mayAskIn(actor, p);
