import type { Db } from '../../db/index.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { nonEmpty, type Scope } from '../../policy/scope.ts';

// All SQL of expert consultations, read through the actor's Scope (their organisations); the
// policy then decides whether a consultation is theirs.

const base = (db: Db) =>
  db
    .selectFrom('consultations as c')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .innerJoin('users as asker', 'asker.id', 'c.asker_id')
    .innerJoin('users as expert', 'expert.id', 'c.expert_id')
    .leftJoin('users as subject', 'subject.id', 'c.subject_id')
    .select((eb) => [
      'c.id',
      'c.org_id',
      'c.programme_id',
      'c.asker_id',
      'c.expert_id',
      'c.subject_id',
      'c.anonymised',
      'c.question',
      'c.attachments',
      'c.state',
      'c.created_at',
      'c.closed_at',
      'p.name as programme_name',
      'p.archived_at as programme_archived_at',
      'asker.name as asker_name',
      'expert.name as expert_name',
      'subject.name as subject_name',
      eb
        .selectFrom('consultation_messages as m')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('m.consultation_id', '=', 'c.id')
        .as('messages'),
    ]);
export type ConsultationRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export const programmeOf = (c: ConsultationRow) => ({
  id: c.programme_id,
  org_id: c.org_id,
  archived_at: c.programme_archived_at,
});

const inScope = (scope: Scope) => nonEmpty([...scope.orgIds, ...scope.adminOrgIds]);

export function findConsultation(db: Db, scope: Scope, id: string) {
  return base(db).where('c.id', '=', id).where('c.org_id', 'in', inScope(scope)).executeTakeFirst();
}

/** The consultations the actor asked, or was asked as the expert, in an organisation. */
export function listFor(db: Db, scope: Scope, orgId: string, side: 'asker' | 'expert') {
  return base(db)
    .where('c.org_id', '=', orgId)
    .where('c.org_id', 'in', inScope(scope))
    .where(side === 'asker' ? 'c.asker_id' : 'c.expert_id', '=', scope.actorId)
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

export function threadOf(db: Db, consultationId: string) {
  return db
    .selectFrom('consultation_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.author_id', 'u.name as author_name', 'm.body', 'm.created_at'])
    .where('m.consultation_id', '=', consultationId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

/** The organisation's experts: people with the expert role in one of its live programmes. */
export function expertsOf(db: Db, orgId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('programmes', 'programmes.id', 'memberships.programme_id')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name'])
    .distinct()
    .where('memberships.org_id', '=', orgId)
    .where('memberships.role', '=', 'expert')
    .where('memberships.ended_at', 'is', null)
    .where('programmes.archived_at', 'is', null)
    .where('users.disabled_at', 'is', null)
    .execute();
}

/** The live programmes of an organisation the actor may see (the policy picks those they ask in). */
export function programmesOf(db: Db, scope: Scope, orgId: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'name', 'org_id', 'archived_at'])
    .where('org_id', '=', orgId)
    .where('archived_at', 'is', null)
    .where((eb) =>
      eb.or([eb('id', 'in', nonEmpty(scope.programmeIds)), eb('org_id', 'in', nonEmpty(scope.adminOrgIds))]),
    )
    .orderBy('name')
    .execute();
}

/** Every tutee of these programmes (for the coordination). */
export function tuteesOf(db: Db, programmeIds: string[]) {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.id', 'users.name', 'memberships.programme_id'])
    .where('memberships.programme_id', 'in', nonEmpty(programmeIds))
    .where('memberships.role', '=', 'tutee')
    .where('memberships.ended_at', 'is', null)
    .execute();
}

/** The tutor's own tutees in these programmes: their live pairs. */
export function tuteesOfTutor(db: Db, tutorId: string, programmeIds: string[]) {
  return db
    .selectFrom('pairings')
    .innerJoin('users', 'users.id', 'pairings.tutee_user_id')
    .select(['users.id', 'users.name', 'pairings.programme_id'])
    .where('pairings.programme_id', 'in', nonEmpty(programmeIds))
    .where('pairings.tutor_user_id', '=', tutorId)
    .where('pairings.state', 'in', LIVE_PAIRING_STATES)
    .execute();
}
