import type { UserActor } from '../../policy/actor.ts';
import { portfolioReadable, portfolioStatusVisible, type Relation } from '../../policy/confidentiality.ts';
import { managesProgramme } from '../programmes/policy.ts';

// Who reads and does what in a resident's portfolio. The confidentiality table's "portfolio" row
// decides reading (policy/confidentiality.ts): the resident and their tutor of the moment read
// everything; the coordination sees status and counts only.

export interface ResidentRef {
  programme: { id: string; org_id: string; archived_at: string | null };
  residentId: string;
  /** The resident's tutor in a live pair of the programme, if any. */
  tutorId: string | null;
}

/** The viewer's relation to the portfolio's subject (the resident). */
export function relationToResident(actor: UserActor, r: ResidentRef): Relation {
  if (actor.id === r.residentId) return 'self';
  if (r.tutorId !== null && actor.id === r.tutorId) return 'tutor';
  return managesProgramme(actor, r.programme, 'read') ? 'coordinator' : 'none';
}

export const mayReadPortfolio = (actor: UserActor, r: ResidentRef) =>
  portfolioReadable(relationToResident(actor, r));

export const maySeePortfolioStatus = (actor: UserActor, r: ResidentRef) =>
  portfolioStatusVisible(relationToResident(actor, r));

/** What each side may do with a trace, given where it stands; nothing once the programme is archived. */
export function traceActions(relation: Relation | 'link', state: string, archived: boolean) {
  const open = !archived;
  const resident = relation === 'self' && open;
  const reviewer = (relation === 'tutor' || relation === 'link') && open;
  return {
    edit: resident && (state === 'planned' || state === 'draft' || state === 'revision'),
    submit: resident && (state === 'planned' || state === 'draft' || state === 'revision'),
    review: reviewer && state === 'submitted',
    comment: (resident || reviewer) && state !== 'planned',
  };
}

/** Only the department edits the framework of its programme. */
export const mayEditFramework = (actor: UserActor, programme: ResidentRef['programme']) =>
  managesProgramme(actor, programme, 'write');
