import type { Db } from '../../db/index.ts';
import { rowsTouched } from '../../db/rows.ts';

/**
 * The portfolio in a person's data rights and in retention.
 *
 * - Export: as a resident, their traces (every version's text, the files' names, the thread with
 *   its authors), the levels recorded for them, their syntheses with the signatures, and the
 *   internship supervisors invited about them (never a link's secret); as a tutor, what they wrote
 *   in the threads of others' traces and the syntheses they signed.
 * - Erasure: a resident's portfolio is theirs and goes whole (traces with their versions, files and
 *   threads, ratings, syntheses, supervisor requests); a tutor's reviews stay in the residents'
 *   portfolios without their authorship — the messages, reviews, ratings and syntheses no longer
 *   point at them, the name they typed to sign becomes the erased name, and the generic pass of
 *   erase.ts replaces their name wherever it was written.
 * - Retention: the portfolio of a resident who left a programme follows the ended pairs' rule —
 *   removed whole once they left longer ago than the organisation keeps ended pairs' records.
 */

/** Everything of the portfolio that names the person, for their export. */
export async function portfolioData(db: Db, userId: string) {
  const traces = await db
    .selectFrom('portfolio_traces as t')
    .innerJoin('programmes as g', 'g.id', 't.programme_id')
    .select([
      't.id',
      'g.name as programme',
      't.type_id',
      't.phase_id',
      't.period',
      't.title',
      't.family',
      't.state',
      't.due_on',
      't.submitted_at',
      't.validated_at',
      't.competencies',
    ])
    .where('t.resident_id', '=', userId)
    .orderBy('t.due_on')
    .orderBy('t.id')
    .execute();
  const ids = traces.map((t) => t.id);
  const [versions, files, messages] = ids.length
    ? await Promise.all([
        db
          .selectFrom('portfolio_versions')
          .select(['id', 'trace_id', 'number', 'body', 'submitted_at'])
          .where('trace_id', 'in', ids)
          .orderBy('number')
          .execute(),
        db
          .selectFrom('portfolio_attachments as a')
          .innerJoin('portfolio_versions as v', 'v.id', 'a.version_id')
          .select(['a.version_id', 'a.filename', 'a.mime', 'a.size'])
          .where('v.trace_id', 'in', ids)
          .execute(),
        threadOf(db, ids),
      ])
    : [[], [], []];
  return {
    portfolio: {
      traces: traces.map((t) => ({
        programme: t.programme,
        title: t.title,
        type: t.type_id,
        phase: t.phase_id,
        period: t.period,
        family: t.family,
        state: t.state,
        dueOn: t.due_on,
        submittedAt: t.submitted_at,
        validatedAt: t.validated_at,
        competencies: JSON.parse(t.competencies) as unknown,
        versions: versions
          .filter((v) => v.trace_id === t.id)
          .map((v) => ({
            number: v.number,
            submittedAt: v.submitted_at,
            text: v.body,
            files: files.filter((f) => f.version_id === v.id).map((f) => f.filename),
          })),
        thread: messages
          .filter((m) => m.trace_id === t.id)
          .map((m) => ({
            at: m.created_at,
            author: m.author ?? '',
            kind: m.kind,
            quote: m.quote,
            text: m.body,
          })),
      })),
      ...(await residentRecords(db, userId)),
      ...(await tutorRecords(db, userId)),
    },
  };
}

function threadOf(db: Db, traceIds: string[]) {
  return db
    .selectFrom('portfolio_messages as m')
    .leftJoin('users as u', 'u.id', 'm.author_id')
    .select(['m.trace_id', 'u.name as author', 'm.kind', 'm.quote', 'm.body', 'm.created_at'])
    .where('m.trace_id', 'in', traceIds)
    .orderBy('m.created_at')
    .orderBy('m.id')
    .execute();
}

/** The levels recorded for the resident, their syntheses and the supervisors invited about them. */
async function residentRecords(db: Db, userId: string) {
  const [ratings, syntheses, supervisorRequests] = await Promise.all([
    db
      .selectFrom('competency_ratings as r')
      .innerJoin('programmes as g', 'g.id', 'r.programme_id')
      .leftJoin('users as u', 'u.id', 'r.rated_by')
      .select(['g.name as programme', 'r.competency_id', 'r.level', 'r.source', 'u.name as by', 'r.rated_at'])
      .where('r.resident_id', '=', userId)
      .orderBy('r.rated_at')
      .execute(),
    db
      .selectFrom('portfolio_syntheses as s')
      .innerJoin('programmes as g', 'g.id', 's.programme_id')
      .select([
        'g.name as programme',
        's.phase_id',
        's.version',
        's.body',
        's.body_hash',
        's.tutor_signed_name',
        's.tutor_signed_at',
        's.tutor_signed_version',
        's.resident_signed_name',
        's.resident_signed_at',
        's.resident_signed_version',
        's.updated_at',
      ])
      .where('s.resident_id', '=', userId)
      .execute(),
    supervisorsAbout(db, userId),
  ]);
  return {
    ratings: ratings.map((r) => ({
      programme: r.programme,
      competency: r.competency_id,
      level: r.level,
      source: r.source,
      by: r.by ?? '',
      at: r.rated_at,
    })),
    syntheses: syntheses.map((s) => ({
      programme: s.programme,
      phase: s.phase_id,
      version: s.version,
      text: s.body,
      sha256: s.body_hash,
      tutorSignature: s.tutor_signed_name
        ? { name: s.tutor_signed_name, at: s.tutor_signed_at, version: s.tutor_signed_version }
        : null,
      yourSignature: s.resident_signed_name
        ? { name: s.resident_signed_name, at: s.resident_signed_at, version: s.resident_signed_version }
        : null,
      updatedAt: s.updated_at,
    })),
    supervisorRequests,
  };
}

/** The internship supervisors invited about the resident, and what they answered (never a link's secret). */
async function supervisorsAbout(db: Db, userId: string) {
  const rows = await db
    .selectFrom('supervisor_requests as q')
    .innerJoin('programmes as g', 'g.id', 'q.programme_id')
    .select([
      'g.name as programme',
      'q.period',
      'q.site',
      'q.name',
      'q.email',
      'q.feedback',
      'q.submitted_at',
      'q.created_at',
    ])
    .where('q.resident_id', '=', userId)
    .orderBy('q.created_at')
    .execute();
  return rows.map((q) => ({
    programme: q.programme,
    period: q.period,
    site: q.site,
    supervisor: q.name,
    email: q.email,
    feedback: q.feedback ? (JSON.parse(q.feedback) as unknown) : null,
    submittedAt: q.submitted_at,
    createdAt: q.created_at,
  }));
}

/** What the person wrote as a tutor in others' traces, and the syntheses they signed. */
async function tutorRecords(db: Db, userId: string) {
  const [written, signed] = await Promise.all([
    db
      .selectFrom('portfolio_messages as m')
      .innerJoin('portfolio_traces as t', 't.id', 'm.trace_id')
      .innerJoin('users as r', 'r.id', 't.resident_id')
      .select(['r.name as resident', 't.title', 'm.kind', 'm.quote', 'm.body', 'm.created_at'])
      .where('m.author_id', '=', userId)
      .where('t.resident_id', '!=', userId)
      .orderBy('m.created_at')
      .execute(),
    db
      .selectFrom('portfolio_syntheses as s')
      .innerJoin('users as r', 'r.id', 's.resident_id')
      .select([
        'r.name as resident',
        's.phase_id',
        's.tutor_signed_name',
        's.tutor_signed_at',
        's.tutor_signed_version',
      ])
      .where('s.tutor_id', '=', userId)
      .where('s.resident_id', '!=', userId)
      .execute(),
  ]);
  return {
    reviewsWritten: written.map((m) => ({
      resident: m.resident,
      trace: m.title,
      kind: m.kind,
      quote: m.quote,
      text: m.body,
      at: m.created_at,
    })),
    synthesesSigned: signed
      .filter((s) => s.tutor_signed_name)
      .map((s) => ({
        resident: s.resident,
        phase: s.phase_id,
        name: s.tutor_signed_name,
        at: s.tutor_signed_at,
        version: s.tutor_signed_version,
      })),
  };
}

/** Erases the person from the portfolio, inside erasePerson's transaction; returns the rows touched. */
export async function erasePortfolio(trx: Db, userId: string, erasedName: string): Promise<number> {
  return rowsTouched([
    // Their own portfolio: versions, files, threads and shares go with the traces.
    ...(await trx.deleteFrom('portfolio_traces').where('resident_id', '=', userId).execute()),
    ...(await trx.deleteFrom('competency_ratings').where('resident_id', '=', userId).execute()),
    ...(await trx.deleteFrom('portfolio_syntheses').where('resident_id', '=', userId).execute()),
    ...(await trx.deleteFrom('supervisor_requests').where('resident_id', '=', userId).execute()),
    // Their reviews of others: kept, without their authorship.
    ...(await trx
      .updateTable('portfolio_messages')
      .set({ author_id: null })
      .where('author_id', '=', userId)
      .execute()),
    ...(await trx
      .updateTable('portfolio_traces')
      .set({ reviewer_id: null, review_token_hash: null, review_token_expires_at: null })
      .where('reviewer_id', '=', userId)
      .execute()),
    ...(await trx
      .updateTable('portfolio_versions')
      .set({ reviewer_id: null })
      .where('reviewer_id', '=', userId)
      .execute()),
    ...(await trx
      .updateTable('competency_ratings')
      .set({ rated_by: null })
      .where('rated_by', '=', userId)
      .execute()),
    ...(await trx
      .updateTable('portfolio_syntheses')
      .set({ tutor_signed_name: erasedName })
      .where('tutor_id', '=', userId)
      .where('tutor_signed_name', 'is not', null)
      .execute()),
    ...(await trx
      .updateTable('portfolio_syntheses')
      .set({ tutor_id: null })
      .where('tutor_id', '=', userId)
      .execute()),
    ...(await trx
      .updateTable('supervisor_requests')
      .set({ invited_by: null })
      .where('invited_by', '=', userId)
      .execute()),
    ...(await trx
      .updateTable('portfolio_frameworks')
      .set({ updated_by: null })
      .where('updated_by', '=', userId)
      .execute()),
  ]);
}

/**
 * Removes the portfolios of the organisation's residents who left a programme before `cut` (their
 * resident membership there ended then, and none is live): traces with everything hanging on
 * them, ratings, syntheses and supervisor requests of that programme.
 */
export async function purgeLeftResidents(db: Db, orgId: string, cut: string): Promise<number> {
  const left = await db
    .selectFrom('memberships as m')
    .select(['m.programme_id', 'm.user_id'])
    .where('m.org_id', '=', orgId)
    .where('m.role', '=', 'tutee')
    .where('m.ended_at', '<', cut)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('memberships as live')
            .select('live.id')
            .whereRef('live.programme_id', '=', 'm.programme_id')
            .whereRef('live.user_id', '=', 'm.user_id')
            .where('live.role', '=', 'tutee')
            .where((eb) => eb.or([eb('live.ended_at', 'is', null), eb('live.ended_at', '>=', cut)])),
        ),
      ),
    )
    .execute();
  let removed = 0;
  for (const { programme_id, user_id } of left) {
    removed += rowsTouched([
      ...(await db
        .deleteFrom('portfolio_traces')
        .where('programme_id', '=', programme_id)
        .where('resident_id', '=', user_id)
        .execute()),
      ...(await db
        .deleteFrom('competency_ratings')
        .where('programme_id', '=', programme_id)
        .where('resident_id', '=', user_id)
        .execute()),
      ...(await db
        .deleteFrom('portfolio_syntheses')
        .where('programme_id', '=', programme_id)
        .where('resident_id', '=', user_id)
        .execute()),
      ...(await db
        .deleteFrom('supervisor_requests')
        .where('programme_id', '=', programme_id)
        .where('resident_id', '=', user_id)
        .execute()),
    ]);
  }
  return removed;
}
