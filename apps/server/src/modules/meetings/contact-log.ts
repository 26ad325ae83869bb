import type { Db } from '../../db/index.ts';
import { refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import { alertsMayChange } from '../followup/reevaluate.ts';

/** A contact with a tutee, or an attempt that got no answer, as the contact log keeps it. */
export interface ContactEntry {
  orgId: string;
  programmeId: string;
  authorId: string;
  tuteeId: string;
  /** 'call', 'sms', 'email', 'in-person' or 'video'. */
  channel: string;
  /** When it happened; never after `recordedAt` (a minute of clock drift allowed). */
  happenedAt: Date;
  /** false: an attempt nobody answered (a call not picked up, an SMS left unanswered). */
  answered: boolean;
  recordedAt: Date;
}

/** Channels where someone can fail to answer; in person or on video, the contact took place. */
export const ATTEMPT_CHANNELS = ['call', 'sms', 'email'];

/**
 * The one way into `contact_logs`, whichever page the contact was noted from: the meetings pages'
 * contact log, the follow-up page, the demo. Who may note a contact for whom is the caller's
 * policy; what a contact is, is decided here. Call it in a transaction: the programme's alerts are
 * evaluated again as soon as it commits.
 */
export async function recordContact(db: Db, e: ContactEntry): Promise<string> {
  if (e.happenedAt.getTime() > e.recordedAt.getTime() + 60_000) {
    throw refuse(400, 'activity_in_future');
  }
  if (!e.answered && !ATTEMPT_CHANNELS.includes(e.channel)) {
    throw refuse(400, 'attempt_channel');
  }
  const id = newId();
  await db
    .insertInto('contact_logs')
    .values({
      id,
      org_id: e.orgId,
      programme_id: e.programmeId,
      author_id: e.authorId,
      tutee_id: e.tuteeId,
      channel: e.channel,
      happened_at: e.happenedAt.toISOString(),
      answered: e.answered ? 1 : 0,
      created_at: e.recordedAt.toISOString(),
    })
    .execute();
  await alertsMayChange(db, e.programmeId, e.recordedAt);
  return id;
}
