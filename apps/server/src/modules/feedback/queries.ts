import type { Db } from '../../db/index.ts';
import { academicYearOf, yearMonthIn } from '../../domain/periods.ts';

// The SQL of feedback on one's tutoring. Every read names the person it is for (the author, the
// asker or teammate, the tutee asked, the tutor aggregated): the policy decides who that may be.

/** The academic year (its first calendar year) of an instant in the organisation's zone. */
export function academicYearAt(now: Date, timeZone: string): number {
  const { year, month } = yearMonthIn(now, timeZone);
  return academicYearOf(year, month);
}
export const yearLabel = (y: number) => `${y}-${y + 1}`;

export function selfEvaluationsOf(db: Db, orgId: string, userId: string, years: number[]) {
  return db
    .selectFrom('self_evaluations')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('year', 'in', years)
    .execute();
}

const peerBase = (db: Db) =>
  db
    .selectFrom('peer_feedback as f')
    .innerJoin('users as asker', 'asker.id', 'f.asker_id')
    .innerJoin('users as peer', 'peer.id', 'f.peer_id')
    .selectAll('f')
    .select(['asker.name as asker_name', 'peer.name as peer_name']);
export type PeerRow = Awaited<ReturnType<ReturnType<typeof peerBase>['executeTakeFirstOrThrow']>>;

/** A request for peer feedback in one of the actor's organisations. */
export function findPeerRequest(db: Db, orgIds: string[], id: string) {
  return peerBase(db).where('f.id', '=', id).where('f.org_id', 'in', orgIds).executeTakeFirst();
}

/** The requests a tutor made, or was asked, in an organisation. */
export function peerRequestsOf(db: Db, orgId: string, userId: string, side: 'asker' | 'peer') {
  return peerBase(db)
    .where('f.org_id', '=', orgId)
    .where(side === 'asker' ? 'f.asker_id' : 'f.peer_id', '=', userId)
    .orderBy('f.asked_at', 'desc')
    .orderBy('f.id')
    .execute();
}

export function usersNamed(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
}

/** An ask of a tutee about their tutor, with the names the form shows. */
export function findTuteeAsk(db: Db, id: string) {
  return db
    .selectFrom('tutor_feedback_asks as a')
    .innerJoin('users as tutor', 'tutor.id', 'a.tutor_id')
    .innerJoin('pairings as pa', 'pa.id', 'a.pairing_id')
    .innerJoin('programmes as p', 'p.id', 'pa.programme_id')
    .innerJoin('organisations as o', 'o.id', 'a.org_id')
    .selectAll('a')
    .select(['tutor.name as tutor_name', 'p.name as programme_name', 'o.time_zone'])
    .where('a.id', '=', id)
    .executeTakeFirst();
}

/** Every anonymous answer about a tutor in an organisation, across their tutees and years. */
export function answersAbout(db: Db, orgId: string, tutorId: string) {
  return db
    .selectFrom('tutor_feedback_answers')
    .select(['answers', 'comment'])
    .where('org_id', '=', orgId)
    .where('tutor_id', '=', tutorId)
    .execute();
}
