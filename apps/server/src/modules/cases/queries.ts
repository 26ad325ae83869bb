import type { Db } from '../../db/index.ts';
import { LIVE_PAIRING_STATES } from '../../domain/pairings.ts';
import { nonEmpty, type Scope } from '../../policy/scope.ts';

// All SQL of team cases, read through the actor's Scope (their organisations); the policy then
// decides whether the case is theirs to read (their team's, or shared with their coordination).

const inScope = (scope: Scope) => nonEmpty([...scope.orgIds, ...scope.adminOrgIds]);

const base = (db: Db) =>
  db
    .selectFrom('team_cases as c')
    .innerJoin('teams as t', 't.id', 'c.team_id')
    .innerJoin('programmes as p', 'p.id', 'c.programme_id')
    .leftJoin('users as author', 'author.id', 'c.author_id')
    .leftJoin('users as subject', 'subject.id', 'c.subject_id')
    .leftJoin('users as decider', 'decider.id', 'c.decided_by')
    .selectAll('c')
    .select((eb) => [
      't.name as team_name',
      'p.name as programme_name',
      'p.rules as programme_rules',
      'p.template as programme_template',
      'p.archived_at as programme_archived_at',
      'author.name as author_name',
      'subject.name as subject_name',
      'decider.name as decider_name',
      eb
        .selectFrom('team_case_messages as m')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('m.case_id', '=', 'c.id')
        .as('messages'),
    ]);
export type CaseRow = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

export function findCase(db: Db, scope: Scope, id: string) {
  return base(db).where('c.id', '=', id).where('c.org_id', 'in', inScope(scope)).executeTakeFirst();
}

/** The cases of a team, open first, newest first. */
export function casesOfTeam(db: Db, scope: Scope, teamId: string) {
  return base(db)
    .where('c.team_id', '=', teamId)
    .where('c.org_id', 'in', inScope(scope))
    .orderBy('c.state', 'desc')
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id', 'desc')
    .execute();
}

export function threadOf(db: Db, caseId: string) {
  return db
    .selectFrom('team_case_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.id', 'm.author_id', 'u.name as author_name', 'm.body', 'm.created_at'])
    .where('m.case_id', '=', caseId)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

/**
 * The expert consultations asked about a case, with whether the expert answered: a message of the
 * expert on the consultation's thread.
 */
export function consultationsOf(db: Db, caseId: string) {
  return db
    .selectFrom('consultations as k')
    .leftJoin('users as u', 'u.id', 'k.asker_id')
    .select((eb) => [
      'k.id',
      'k.asker_id',
      'u.name as asker_name',
      'k.state',
      eb
        .exists(
          eb
            .selectFrom('consultation_messages as m')
            .select('m.id')
            .whereRef('m.consultation_id', '=', 'k.id')
            .whereRef('m.author_id', '=', 'k.expert_id'),
        )
        .as('answered'),
    ])
    .where('k.case_id', '=', caseId)
    .orderBy('k.created_at')
    .execute();
}

/** A tutor's tutees in their live pairs of a programme. */
export function ownTutees(db: Db, tutorId: string, programmeId: string) {
  return db
    .selectFrom('pairings')
    .innerJoin('users', 'users.id', 'pairings.tutee_user_id')
    .select(['users.id', 'users.name'])
    .distinct()
    .where('pairings.programme_id', '=', programmeId)
    .where('pairings.tutor_user_id', '=', tutorId)
    .where('pairings.state', 'in', LIVE_PAIRING_STATES)
    .execute();
}

/** The programme of a team, for the policy (archived programmes take no new case). */
export function teamProgramme(db: Db, programmeId: string) {
  return db
    .selectFrom('programmes')
    .select(['id', 'org_id', 'name', 'archived_at'])
    .where('id', '=', programmeId)
    .executeTakeFirstOrThrow();
}

/** Whether a meeting belongs to the team: one of its members organised it. */
export async function meetingOfTeam(db: Db, meetingId: string, memberIds: string[]) {
  const m = await db
    .selectFrom('meetings')
    .select('id')
    .where('id', '=', meetingId)
    .where('organiser_id', 'in', nonEmpty(memberIds))
    .executeTakeFirst();
  return !!m;
}
