import type { Db } from '../../db/index.ts';

// Reading end-of-phase syntheses and what their draft is drawn from.

export function loadSynthesis(db: Db, programmeId: string, residentId: string, phaseId: string) {
  return db
    .selectFrom('portfolio_syntheses')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('resident_id', '=', residentId)
    .where('phase_id', '=', phaseId)
    .executeTakeFirst();
}
export type SynthesisRow = NonNullable<Awaited<ReturnType<typeof loadSynthesis>>>;

/** The resident's traces of one phase, for the draft. */
export function phaseTraces(db: Db, programmeId: string, residentId: string, phaseId: string) {
  return db
    .selectFrom('portfolio_traces')
    .select(['type_id', 'title', 'period', 'state', 'validated_at'])
    .where('programme_id', '=', programmeId)
    .where('resident_id', '=', residentId)
    .where('phase_id', '=', phaseId)
    .orderBy('due_on')
    .orderBy('id')
    .execute();
}

/** Every level recorded for the resident in the programme, oldest first. */
export function residentRatings(db: Db, programmeId: string, residentId: string) {
  return db
    .selectFrom('competency_ratings')
    .select(['competency_id', 'level', 'rated_at'])
    .where('programme_id', '=', programmeId)
    .where('resident_id', '=', residentId)
    .orderBy('rated_at')
    .orderBy('id')
    .execute();
}

/** The syntheses of a programme's current residents (of one cohort if asked), with their names. */
export function programmeSyntheses(db: Db, programmeId: string, cohortId?: string) {
  return db
    .selectFrom('portfolio_syntheses as s')
    .innerJoin('users as u', 'u.id', 's.resident_id')
    .innerJoin('memberships as m', (j) =>
      j.onRef('m.user_id', '=', 's.resident_id').onRef('m.programme_id', '=', 's.programme_id'),
    )
    .select([
      's.resident_id',
      'u.name',
      's.phase_id',
      's.version',
      's.tutor_signed_at',
      's.tutor_signed_version',
      's.resident_signed_at',
      's.resident_signed_version',
    ])
    .where('s.programme_id', '=', programmeId)
    .where('m.role', '=', 'tutee')
    .where('m.ended_at', 'is', null)
    .$if(cohortId !== undefined, (q) => q.where('m.cohort_id', '=', cohortId as string))
    .orderBy('u.name')
    .orderBy('s.phase_id')
    .execute();
}
