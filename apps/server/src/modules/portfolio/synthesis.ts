import type { AppContext } from '../../context.ts';
import { sameName } from '../../domain/signature-name.ts';
import { AppError, notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { auditRead } from '../audit/reads.ts';
import { audit } from '../audit/service.ts';
import { managesProgramme } from '../programmes/policy.ts';
import { managedPortfolioProgramme, type ResidentContext, residentFor } from './access.ts';
import { langOf } from './document-texts.ts';
import { loadFramework, loadProgramme, portfolioEnabled } from './queries.ts';
import {
  loadSynthesis,
  phaseTraces,
  programmeSyntheses,
  residentRatings,
  type SynthesisRow,
} from './queries-synthesis.ts';
import type { SynthesisView } from './schema-synthesis.ts';
import { type Side, sha256, signatureOf, signedByBoth } from './signatures.ts';
import { synthesisDraft } from './synthesis-draft.ts';
import { type SynthesisDocument, synthesisPdf } from './synthesis-pdf.ts';

// The end-of-phase synthesis: drafted from the records, edited by the tutor (each change a new
// version, with the SHA-256 of its text), co-signed by the tutor and the resident with their typed
// name — a signature names the version it signed, and a change of the text clears both. The
// coordination sees who has a co-signed synthesis, and downloads only those, for the faculty.

interface Found extends ResidentContext {
  framework: Awaited<ReturnType<typeof loadFramework>>;
  phase: { id: string; label: string; semesters: number; desYears: number[] };
  row: SynthesisRow | undefined;
}

/** A resident's synthesis of a phase, for the resident or their tutor (anyone else: not found). */
async function synthesisFor(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  residentId: string,
  phaseId: string,
): Promise<Found> {
  const rc = await residentFor(ctx, actor, programmeId, residentId);
  const framework = await loadFramework(ctx.db, rc.programme.id);
  const phase = framework.phases.find((p) => p.id === phaseId);
  if (!phase) throw notFound('phase');
  const row = await loadSynthesis(ctx.db, rc.programme.id, rc.resident.id, phase.id);
  return { ...rc, framework, phase, row };
}

/** The text drawn from the records, in a language. */
async function draftOf(ctx: AppContext, f: Found, locale: string) {
  const [traces, ratings] = await Promise.all([
    phaseTraces(ctx.db, f.programme.id, f.resident.id, f.phase.id),
    residentRatings(ctx.db, f.programme.id, f.resident.id),
  ]);
  return synthesisDraft({
    framework: f.framework,
    phase: f.phase,
    lang: langOf(locale),
    zone: f.programme.time_zone,
    names: { resident: f.resident.name, tutor: f.resident.tutor?.name ?? null, programme: f.programme.name },
    traces,
    ratings,
  });
}

function present(f: Found, row: SynthesisRow | undefined, draft: string | null): SynthesisView {
  const open = f.programme.archived_at === null;
  const side: Side = f.relation === 'self' ? 'resident' : 'tutor';
  const body = row?.body ?? draft ?? '';
  return {
    orgId: f.programme.org_id,
    timeZone: f.programme.time_zone,
    programme: { id: f.programme.id, name: f.programme.name },
    resident: { id: f.resident.id, name: f.resident.name },
    tutor: f.resident.tutor ? { id: f.resident.tutor.id, name: f.resident.tutor.name } : null,
    phase: { id: f.phase.id, label: f.phase.label },
    saved: row !== undefined,
    version: row?.version ?? 0,
    body,
    bodyHash: row?.body_hash ?? sha256(body),
    updatedAt: row?.updated_at ?? null,
    signatures: {
      tutor: row ? signatureOf(row, 'tutor') : null,
      resident: row ? signatureOf(row, 'resident') : null,
    },
    signedByBoth: row ? signedByBoth(row) : false,
    viewer: f.relation === 'self' ? 'self' : 'tutor',
    can: {
      edit: open && f.relation === 'tutor',
      sign: open && row !== undefined && signatureOf(row, side) === null,
    },
  };
}

async function audited(ctx: AppContext, actor: UserActor, f: Found | ResidentContext, phaseId: string) {
  if (f.relation === 'self') return;
  await auditRead(ctx.db, ctx.clock.now(), {
    orgId: f.programme.org_id,
    actor,
    subjectPersonIds: [f.resident.id],
    kind: 'portfolio',
    recordType: 'synthesis',
    recordId: `${f.resident.id}:${phaseId}`,
    programmeId: f.programme.id,
  });
}

/** The synthesis of a phase, or the draft drawn from the records while none is saved. */
export async function getSynthesis(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  residentId: string,
  phaseId: string,
) {
  const f = await synthesisFor(ctx, actor, programmeId, residentId, phaseId);
  await audited(ctx, actor, f, f.phase.id);
  return present(f, f.row, f.row ? null : await draftOf(ctx, f, actor.locale));
}

const unsigned = {
  tutor_signed_name: null,
  tutor_signed_at: null,
  tutor_signed_version: null,
  resident_signed_name: null,
  resident_signed_at: null,
  resident_signed_version: null,
};

/** The tutor saves the text: a new version when it changed, both signatures cleared. */
export async function saveSynthesis(
  ctx: AppContext,
  actor: UserActor,
  params: { programmeId: string; residentId: string; phaseId: string },
  body: string,
) {
  const f = await synthesisFor(ctx, actor, params.programmeId, params.residentId, params.phaseId);
  if (f.relation !== 'tutor') throw refuse(403, 'forbidden');
  if (f.programme.archived_at) throw refuse(403, 'forbidden', { variant: 'archived' });
  const hash = sha256(body);
  if (f.row?.body_hash === hash) return present(f, f.row, null);
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!f.row) {
      const r = await trx
        .insertInto('portfolio_syntheses')
        .values({
          id: newId(),
          org_id: f.programme.org_id,
          programme_id: f.programme.id,
          resident_id: f.resident.id,
          phase_id: f.phase.id,
          version: 1,
          body,
          body_hash: hash,
          tutor_id: actor.id,
          ...unsigned,
          created_at: at,
          updated_at: at,
        })
        .onConflict((oc) => oc.columns(['programme_id', 'resident_id', 'phase_id']).doNothing())
        .executeTakeFirst();
      // Another save of the first version won the race: this one was written against a draft.
      if (Number(r.numInsertedOrUpdatedRows ?? 0) === 0) throw refuse(409, 'synthesis_changed');
    } else {
      const r = await trx
        .updateTable('portfolio_syntheses')
        .set({
          version: f.row.version + 1,
          body,
          body_hash: hash,
          tutor_id: actor.id,
          ...unsigned,
          updated_at: at,
        })
        .where('id', '=', f.row.id)
        .where('version', '=', f.row.version)
        .executeTakeFirst();
      if (Number(r.numUpdatedRows) === 0) throw refuse(409, 'synthesis_changed');
    }
    await audit(trx, now, {
      orgId: f.programme.org_id,
      actorId: actor.id,
      action: 'portfolio.synthesis_saved',
      subjectType: 'user',
      subjectId: f.resident.id,
      meta: { phaseId: f.phase.id, version: (f.row?.version ?? 0) + 1, hash },
    });
  });
  const row = await loadSynthesis(ctx.db, f.programme.id, f.resident.id, f.phase.id);
  return present(f, row, null);
}

/** The tutor or the resident signs the current version with their full name typed. */
export async function signSynthesis(
  ctx: AppContext,
  actor: UserActor,
  params: { programmeId: string; residentId: string; phaseId: string },
  body: { name: string; consent: boolean; version?: number },
) {
  const f = await synthesisFor(ctx, actor, params.programmeId, params.residentId, params.phaseId);
  if (f.programme.archived_at) throw refuse(403, 'forbidden', { variant: 'archived' });
  const row = f.row;
  if (!row) throw refuse(409, 'synthesis_not_saved');
  if (body.version !== undefined && body.version !== row.version) throw refuse(409, 'synthesis_changed');
  const side: Side = f.relation === 'self' ? 'resident' : 'tutor';
  if (signatureOf(row, side)) throw refuse(409, 'synthesis_already_signed');
  if (!body.consent) throw refuse(400, 'signature_consent');
  if (!sameName(body.name, actor.name)) throw refuse(400, 'signature_name', { name: actor.name });
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const signature =
      side === 'tutor'
        ? {
            tutor_signed_name: body.name,
            tutor_signed_at: at,
            tutor_signed_version: row.version,
            tutor_id: actor.id,
          }
        : { resident_signed_name: body.name, resident_signed_at: at, resident_signed_version: row.version };
    const r = await trx
      .updateTable('portfolio_syntheses')
      .set(signature)
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .where('body_hash', '=', row.body_hash)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw refuse(409, 'synthesis_changed');
    await audit(trx, now, {
      orgId: f.programme.org_id,
      actorId: actor.id,
      action: 'portfolio.synthesis_signed',
      subjectType: 'user',
      subjectId: f.resident.id,
      meta: { phaseId: f.phase.id, version: row.version, hash: row.body_hash, side },
    });
  });
  return present(f, await loadSynthesis(ctx.db, f.programme.id, f.resident.id, f.phase.id), null);
}

/**
 * The printable synthesis: for the resident and their tutor at any stage (a draft not saved yet
 * prints as such); for the programme's coordination once both signed the current version — the
 * document of the faculty's official record, the only portfolio content they get.
 */
export async function synthesisDocument(
  ctx: AppContext,
  actor: UserActor,
  params: { programmeId: string; residentId: string; phaseId: string },
) {
  let doc: SynthesisDocument;
  try {
    const f = await synthesisFor(ctx, actor, params.programmeId, params.residentId, params.phaseId);
    await audited(ctx, actor, f, f.phase.id);
    doc = {
      programme: f.programme.name,
      resident: f.resident.name,
      tutor: f.resident.tutor?.name ?? null,
      phase: f.phase.label,
      zone: f.programme.time_zone,
      row: f.row ?? null,
      draft: f.row ? null : await draftOf(ctx, f, actor.locale),
    };
  } catch (err) {
    if (!(err instanceof AppError) || err.status !== 404) throw err;
    doc = await coordinationCopy(ctx, actor, params);
  }
  const pdf = await synthesisPdf(doc, langOf(actor.locale), ctx.clock.now());
  return { pdf, filename: `synthese-${params.phaseId}.pdf` };
}

/** The co-signed synthesis for the programme's coordination; anything else is not found. */
async function coordinationCopy(
  ctx: AppContext,
  actor: UserActor,
  params: { programmeId: string; residentId: string; phaseId: string },
): Promise<SynthesisDocument> {
  const programme = await loadProgramme(ctx.db, params.programmeId);
  if (!programme || !portfolioEnabled(programme) || !managesProgramme(actor, programme, 'read'))
    throw notFound('synthesis');
  const row = await loadSynthesis(ctx.db, programme.id, params.residentId, params.phaseId);
  if (!row || !signedByBoth(row)) throw notFound('synthesis');
  const framework = await loadFramework(ctx.db, programme.id);
  const people = await ctx.db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [row.resident_id, row.tutor_id ?? row.resident_id])
    .execute();
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? null;
  await auditRead(ctx.db, ctx.clock.now(), {
    orgId: programme.org_id,
    actor,
    subjectPersonIds: [row.resident_id],
    kind: 'portfolio',
    recordType: 'synthesis',
    recordId: `${row.resident_id}:${row.phase_id}`,
    programmeId: programme.id,
  });
  return {
    programme: programme.name,
    resident: nameOf(row.resident_id) ?? '',
    tutor: nameOf(row.tutor_id),
    phase: framework.phases.find((p) => p.id === row.phase_id)?.label ?? row.phase_id,
    zone: programme.time_zone,
    row,
    draft: null,
  };
}

/** The coordination's list: per resident and phase, the version and whether both signed it. */
export async function listSyntheses(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  cohortId?: string,
) {
  const programme = await managedPortfolioProgramme(ctx, actor, programmeId);
  const rows = await programmeSyntheses(ctx.db, programme.id, cohortId);
  return rows.map((r) => {
    const current = (v: number | null, at: string | null) => (v === r.version ? at : null);
    const tutorSignedAt = current(r.tutor_signed_version, r.tutor_signed_at);
    const residentSignedAt = current(r.resident_signed_version, r.resident_signed_at);
    return {
      resident: { id: r.resident_id, name: r.name },
      phaseId: r.phase_id,
      version: r.version,
      signedByBoth: tutorSignedAt !== null && residentSignedAt !== null,
      tutorSignedAt,
      residentSignedAt,
    };
  });
}
