import type { UserActor } from '../../policy/actor.ts';
import { access } from '../../policy/confidentiality.ts';
import { managesProgramme } from '../programmes/policy.ts';
import type { Audience } from './schema.ts';

// Who sends, reads and answers a programme's announcements. An announcement is read by the
// programme's managers, by those it was sent to, and by members of its audience who joined later
// (the programme's list; no e-mail for them). Replies go to the coordination only: a recipient
// reads their own, never another's.

type ProgrammeRef = { id: string; org_id: string; archived_at: string | null };

/** Roles an audience reaches. */
export const audienceRoles = (a: Audience): ('tutor' | 'tutee')[] =>
  a === 'both' ? ['tutor', 'tutee'] : a === 'tutors' ? ['tutor'] : ['tutee'];

export const maySendAnnouncement = (actor: UserActor, p: ProgrammeRef) => managesProgramme(actor, p, 'write');

/** The actor is in the audience through a live membership of the programme. */
export const inAudience = (actor: UserActor, programmeId: string, a: Audience) =>
  actor.memberships.some(
    (m) => m.programmeId === programmeId && (audienceRoles(a) as string[]).includes(m.role),
  );

export type AnnouncementAccess = { manage: boolean; recipient: boolean };

export const mayReadAnnouncement = (x: AnnouncementAccess) => x.manage || x.recipient;

/** Answering: a recipient (not the coordination, who reads the answers) while the programme is open. */
export const mayReply = (x: AnnouncementAccess, p: ProgrammeRef) =>
  x.recipient && !x.manage && !p.archived_at;

/** A reply is read by its author and the programme's coordination (the confidentiality table's row). */
export const replyReadable = (actorId: string, x: AnnouncementAccess, authorId: string | null) =>
  access('announcementReply', authorId === actorId ? 'self' : x.manage ? 'coordinator' : 'peer') === 'full';
