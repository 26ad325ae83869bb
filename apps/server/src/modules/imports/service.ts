import type { Insertable, Selectable } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import { readJson } from '../../db/json.ts';
import type { ImportTable, Programme } from '../../db/types.ts';
import { notFound, refuse } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { audit } from '../audit/service.ts';
import { sendInvitation } from '../auth/service.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import type { ImportableRole, TemplateId } from '../programmes/templates.ts';
import { inviteImported, recordCommit } from './commit.ts';
import { commitIssues, type FileIssueCode, rowsInvalid } from './messages.ts';
import { type ColumnChoice, type ParsedRow, parsedRowSchema, parsePeopleFile } from './parse.ts';
import { counts, planImport, publicPlan, semesterLabel, writesOf } from './plan.ts';
import { importActions, seesProfilesOf } from './policy.ts';
import {
  applyUpdate,
  awaitingInvitation,
  claimPreview,
  findImport,
  insertAll,
  insertImport,
  loadColumnChoices,
  loadKnown,
  markInvited,
  organisationOf,
} from './queries.ts';
import {
  type CommitResult,
  type ImportView,
  type PersonPlan,
  type StoredSummary,
  storedSummarySchema,
} from './schema.ts';

/** The plan of the rows against the database as it is now. */
async function planFor(db: Db, actor: UserActor, p: Programme, rows: ParsedRow[], period: string) {
  const known = await loadKnown(db, { orgId: p.org_id, programmeId: p.id, period }, [
    ...new Set(rows.map((r) => r.email)),
  ]);
  return planImport(rows, known, seesProfilesOf(actor, p, known));
}

// ── Operations ──────────────────────────────────────────────────────────────────────────────

function present(
  actor: UserActor,
  p: Programme,
  row: Selectable<ImportTable>,
  summary: StoredSummary,
  people: PersonPlan[],
  invitations: ImportView['invitations'] = null,
): ImportView {
  const unresolved = summary.unresolved ?? [];
  return {
    id: row.id,
    programmeId: row.programme_id,
    filename: row.filename,
    status: row.status as 'preview' | 'committed',
    createdAt: row.created_at,
    committedAt: row.committed_at,
    format: summary.format,
    encoding: summary.encoding,
    delimiter: summary.delimiter,
    columns: summary.columns,
    ignoredColumns: summary.ignoredColumns,
    fileColumns: summary.fileColumns ?? [],
    unresolved,
    warnings: summary.warnings,
    counts: counts(people),
    people,
    result: summary.result ?? null,
    invitations,
    actions: importActions(actor, p, row, unresolved.length),
  };
}

/** A file with an issue of its own, or rows to fix, is refused with every problem found. */
function refuseUnimportable(parsed: Awaited<ReturnType<typeof parsePeopleFile>>) {
  const fileError = parsed.fileErrors[0];
  if (fileError) {
    const said = { fr: fileError.message, en: fileError.messageEn };
    throw refuse(
      400,
      fileError.code as FileIssueCode,
      { said },
      {
        messageEn: fileError.messageEn,
        fileErrors: parsed.fileErrors,
        fileColumns: parsed.fileColumns,
      },
    );
  }
  if (parsed.rowErrors.length > 0) {
    const summary = rowsInvalid(parsed.rowErrors);
    throw refuse(
      422,
      'import_rows_invalid',
      { said: { fr: summary.message, en: summary.messageEn } },
      {
        messageEn: summary.messageEn,
        rowErrors: parsed.rowErrors,
        warnings: parsed.warnings,
        columns: parsed.columns,
        ignoredColumns: parsed.ignoredColumns,
        fileColumns: parsed.fileColumns,
        unresolved: parsed.unresolved,
        rowCount: parsed.dataRowCount,
        validRowCount: parsed.rows.length,
      },
    );
  }
}

/**
 * Reads an uploaded file and stores it as a preview that says, person by person, what a commit
 * would do. A file that cannot be imported as it is stores nothing: the error carries the French
 * message to show and every problem found, with its line.
 */
export async function previewImport(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  file: {
    bytes: Buffer;
    filename: string;
    defaultRole?: ImportableRole;
    choices?: Record<string, ColumnChoice>;
  },
): Promise<ImportView> {
  const p = await loadProgrammeFor(ctx, actor, programmeId, 'import');
  const parsed = await parsePeopleFile(file.bytes, file.filename, {
    defaultRole: file.defaultRole,
    template: p.template as TemplateId,
    choices: file.choices,
    remembered: await loadColumnChoices(ctx.db, p.org_id),
  });
  refuseUnimportable(parsed);

  const org = await organisationOf(ctx.db, p);
  const now = ctx.clock.now();
  const plans = await planFor(ctx.db, actor, p, parsed.rows, semesterLabel(now, org.time_zone));
  const summary: StoredSummary = {
    format: parsed.format,
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
    columns: parsed.columns,
    ignoredColumns: parsed.ignoredColumns,
    fileColumns: parsed.fileColumns,
    unresolved: parsed.unresolved,
    warnings: parsed.warnings,
    errors: 0,
  };
  const row: Insertable<ImportTable> = {
    id: newId(),
    org_id: p.org_id,
    programme_id: p.id,
    created_by: actor.id,
    filename: file.filename.slice(0, 255),
    status: 'preview',
    rows: JSON.stringify(parsed.rows),
    summary: JSON.stringify(summary),
    created_at: now.toISOString(),
    committed_at: null,
  };
  await insertImport(ctx.db, row);
  return present(
    actor,
    p,
    { ...row, committed_at: null } as Selectable<ImportTable>,
    summary,
    plans.map(publicPlan),
  );
}

async function loadImportFor(ctx: AppContext, actor: UserActor, programmeId: string, importId: string) {
  const p = await loadProgrammeFor(ctx, actor, programmeId, 'import');
  const row = await findImport(ctx.db, scopeFor(actor), p.id, importId);
  if (!row) throw notFound('import');
  return { p, row, summary: readJson(storedSummarySchema, row.summary, 'imports.summary') };
}

/** A preview is planned again against the database as it is now; a committed import shows what it did. */
export async function getImport(ctx: AppContext, actor: UserActor, programmeId: string, importId: string) {
  const { p, row, summary } = await loadImportFor(ctx, actor, programmeId, importId);
  if (row.status === 'committed') {
    const people = summary.people ?? [];
    return present(actor, p, row, summary, people, await invitationsOf(ctx, p, people));
  }
  const org = await organisationOf(ctx.db, p);
  const rows = readJson(z.array(parsedRowSchema), row.rows, 'imports.rows');
  const plans = await planFor(ctx.db, actor, p, rows, semesterLabel(ctx.clock.now(), org.time_zone));
  return present(actor, p, row, summary, plans.map(publicPlan));
}

/**
 * Writes the whole import in one transaction, or nothing: people, organisation profiles, sites
 * for the current period and programme memberships. Then invites, by e-mail, each person this
 * import added to the programme who has no password yet.
 */
export async function commitImport(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  importId: string,
  options: { invite: boolean } = { invite: true },
): Promise<CommitResult> {
  const { p, row, summary } = await loadImportFor(ctx, actor, programmeId, importId);
  if (row.status === 'committed') throw refuse(409, 'import_already_committed');
  if (summary.errors > 0) throw refuse(400, 'import_has_errors');
  const unresolved = summary.unresolved ?? [];
  if (unresolved.length > 0) {
    const m = commitIssues.columnsUnresolved(unresolved);
    throw refuse(400, 'import_columns_unresolved', { said: { fr: m.message, en: m.messageEn } });
  }

  const org = await organisationOf(ctx.db, p);
  const now = ctx.clock.now();
  const rows = readJson(z.array(parsedRowSchema), row.rows, 'imports.rows');
  const { result } = await ctx.db
    .transaction()
    .execute((trx) =>
      writeImport(trx, { actor, p, org, importId: row.id, summary, rows, now, invite: options.invite }),
    );

  return result;
}

/** The commit's transaction: claims the preview, plans it again, writes it, records what it did. */
async function writeImport(
  db: Db,
  c: {
    actor: UserActor;
    p: Programme;
    org: { locale: string; time_zone: string };
    importId: string;
    summary: StoredSummary;
    rows: ParsedRow[];
    now: Date;
    invite: boolean;
  },
) {
  const { actor, p } = c;
  const nowIso = c.now.toISOString();
  const period = semesterLabel(c.now, c.org.time_zone);
  // Claiming the preview first makes a second, concurrent commit find nothing to claim.
  if (!(await claimPreview(db, c.importId, nowIso))) {
    throw refuse(409, 'import_already_committed');
  }
  const plans = await planFor(db, actor, p, c.rows, period);
  const target = {
    orgId: p.org_id,
    programmeId: p.id,
    period,
    locale: c.org.locale,
    now: nowIso,
    newId,
    invite: c.invite,
  };
  const { inserts, updates, toInvite, notInvited, toAskConsent } = writesOf(plans, target);
  for (const u of updates) await applyUpdate(db, u, target);
  // Parents before children, for the foreign keys.
  await insertAll(db, 'users', inserts.users);
  await insertAll(db, 'org_members', inserts.org_members);
  await insertAll(db, 'placements', inserts.placements);
  await insertAll(db, 'memberships', inserts.memberships);
  const asked = await inviteImported(db, c.now, actor, p, { toInvite, toAskConsent });
  const n = counts(plans);
  const result: CommitResult = {
    created: n.new,
    updated: n.updated,
    unchanged: n.unchanged,
    invited: toInvite.length + asked,
    notInvited: notInvited.length,
  };
  const people = plans.map(publicPlan);
  await recordCommit(db, c, { people, result, invitations: toInvite.length, notInvited: notInvited.length });
  return { result, people, toInvite };
}

/** Who among the people of a committed import was never invited, and who was and has not joined. */
async function invitationsOf(ctx: AppContext, p: Programme, people: PersonPlan[]) {
  const waiting = await awaitingInvitation(
    ctx.db,
    p.id,
    people.map((x) => x.email),
  );
  const users = new Set(waiting.map((w) => w.userId));
  const invited = new Set(waiting.filter((w) => w.invitedAt).map((w) => w.userId));
  return { notInvited: [...users].filter((u) => !invited.has(u)).length, pending: invited.size };
}

/**
 * Sends the invitations an import left for later: to each person of the import who has not
 * joined and was never invited to the programme, or, with `resend`, to everyone who has not
 * joined yet. One invitation per person (for their first role in the programme), as jobs of the
 * same transaction.
 */
export async function sendImportInvitations(
  ctx: AppContext,
  actor: UserActor,
  programmeId: string,
  importId: string,
  options: { resend: boolean },
): Promise<{ invited: number }> {
  const { p, row, summary } = await loadImportFor(ctx, actor, programmeId, importId);
  if (row.status !== 'committed') {
    throw refuse(409, 'import_not_committed');
  }
  const now = ctx.clock.now();
  return ctx.db.transaction().execute(async (trx) => {
    const waiting = await awaitingInvitation(
      trx,
      p.id,
      (summary.people ?? []).map((x) => x.email),
    );
    const invitedBefore = new Set(waiting.filter((w) => w.invitedAt).map((w) => w.userId));
    const chosen = new Map<string, (typeof waiting)[number]>();
    for (const w of waiting) {
      if (!options.resend && invitedBefore.has(w.userId)) continue;
      if (!chosen.has(w.userId)) chosen.set(w.userId, w);
    }
    for (const w of chosen.values()) {
      await sendInvitation(trx, now, {
        userId: w.userId,
        orgId: p.org_id,
        programmeId: p.id,
        role: w.role,
        inviterId: actor.id,
      });
    }
    await markInvited(
      trx,
      waiting.filter((w) => chosen.has(w.userId)).map((w) => w.membershipId),
      now.toISOString(),
    );
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'import.invitations_sent',
      subjectType: 'import',
      subjectId: row.id,
      meta: { programmeId: p.id, invitations: chosen.size, resend: options.resend },
    });
    return { invited: chosen.size };
  });
}
