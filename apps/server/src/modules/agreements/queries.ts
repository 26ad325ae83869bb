import type { Db } from '../../db/index.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';

// Every SQL of the agreements. The callers reach a programme or a pairing through the actor's scope
// first (matching's loadPairingFor, programmes' loadProgrammeFor); these read what hangs on it.

export type VersionRow = Awaited<ReturnType<typeof versionsOf>>[number];

/** A programme's charter versions, oldest first, with their author's name. */
export async function versionsOf(db: Db, programmeId: string) {
  return db
    .selectFrom('charter_versions as v')
    .leftJoin('users as u', 'u.id', 'v.author_id')
    .select([
      'v.id',
      'v.org_id',
      'v.programme_id',
      'v.version',
      'v.body',
      'v.body_hash',
      'v.resign_required',
      'v.created_at',
      'u.name as author',
    ])
    .where('v.programme_id', '=', programmeId)
    .orderBy('v.version')
    .execute();
}

export type SignatureRow = Awaited<ReturnType<typeof signaturesOf>>[number];

/** Every signature of a pair, on any version. */
export async function signaturesOf(db: Db, pairingIds: string[]) {
  if (pairingIds.length === 0) return [];
  return db
    .selectFrom('charter_signatures')
    .select(['pairing_id', 'version_id', 'party', 'user_id', 'signed_name', 'signed_at', 'body_hash'])
    .where('pairing_id', 'in', pairingIds)
    .orderBy('signed_at')
    .execute();
}

export type PairRow = Awaited<ReturnType<typeof programmePairs>>[number];

/** A programme's pairs past the draft, with their people's names and their term. */
export async function programmePairs(db: Db, programmeId: string) {
  return db
    .selectFrom('pairings as p')
    .innerJoin('users as tutor', 'tutor.id', 'p.tutor_user_id')
    .innerJoin('users as tutee', 'tutee.id', 'p.tutee_user_id')
    .leftJoin('pair_terms as t', 't.pairing_id', 'p.id')
    .select([
      'p.id',
      'p.state',
      'p.tutor_user_id',
      'p.tutee_user_id',
      'tutor.name as tutor_name',
      'tutee.name as tutee_name',
      't.start_on',
      't.end_on',
      't.ended_early',
    ])
    .where('p.programme_id', '=', programmeId)
    .where('p.state', '!=', 'proposed')
    .orderBy('tutee.name')
    .execute();
}

export async function termsOf(db: Db, pairingId: string) {
  return db.selectFrom('pair_terms').selectAll().where('pairing_id', '=', pairingId).executeTakeFirst();
}

/** When a pair became active: its publication, or its creation for pairs formed otherwise. */
export async function activatedAt(db: Db, p: { id: string; created_at: string }) {
  const e = await db
    .selectFrom('pairing_events')
    .select('at')
    .where('pairing_id', '=', p.id)
    .where('to_state', '=', 'active')
    .orderBy('at')
    .limit(1)
    .executeTakeFirst();
  return e?.at ?? p.created_at;
}

/**
 * The meetings a pair held between two instants: confirmed, started, with both of them invited and
 * the mentee not marked absent or excused.
 */
export async function meetingsHeld(
  db: Db,
  p: { programme_id: string; tutor_user_id: string; tutee_user_id: string },
  from: string,
  to: string,
) {
  const row = await db
    .selectFrom('meetings as m')
    .innerJoin('meeting_participants as me', 'me.meeting_id', 'm.id')
    .select((eb) => eb.fn.count<number | string>('m.id').distinct().as('n'))
    .where('m.programme_id', '=', p.programme_id)
    .where('m.status', '=', 'confirmed')
    .where('m.starts_at', '>=', from)
    .where('m.starts_at', '<=', to)
    .where('me.user_id', '=', p.tutee_user_id)
    .where((eb) => eb.or([eb('me.attendance', 'is', null), eb('me.attendance', '=', 'present')]))
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('meeting_participants as mt')
          .select('mt.id')
          .whereRef('mt.meeting_id', '=', 'm.id')
          .where('mt.user_id', '=', p.tutor_user_id),
      ),
    )
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The live pairs whose tutor and tutee are both among the people. */
export async function livePairsAmong(db: Db, programmeId: string, people: string[]) {
  if (people.length < 2) return [];
  return db
    .selectFrom('pairings as p')
    .innerJoin('users as tutor', 'tutor.id', 'p.tutor_user_id')
    .innerJoin('users as tutee', 'tutee.id', 'p.tutee_user_id')
    .select([
      'p.id',
      'p.tutor_user_id',
      'p.tutee_user_id',
      'tutor.name as tutor_name',
      'tutee.name as tutee_name',
    ])
    .where('p.programme_id', '=', programmeId)
    .where('p.state', 'in', LIVE_PAIRING_STATES)
    .where('p.tutor_user_id', 'in', people)
    .where('p.tutee_user_id', 'in', people)
    .execute();
}

/** A programme with its organisation's name, zone and language. */
export async function programmeWithOrg(db: Db, programmeId: string) {
  return db
    .selectFrom('programmes as g')
    .innerJoin('organisations as o', 'o.id', 'g.org_id')
    .select([
      'g.id',
      'g.org_id',
      'g.name',
      'g.template',
      'g.rules',
      'g.archived_at',
      'o.name as org_name',
      'o.time_zone',
      'o.locale',
    ])
    .where('g.id', '=', programmeId)
    .executeTakeFirstOrThrow();
}
