import type { Insertable, Selectable } from 'kysely';
import type { AppContext } from '../../context.ts';
import type { Db } from '../../db/index.ts';
import type {
  ImportTable,
  MembershipTable,
  OrgMemberTable,
  PlacementTable,
  Programme,
  User,
  UserTable,
} from '../../db/types.ts';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.ts';
import { newId } from '../../lib/ids.ts';
import type { Role, UserActor } from '../../policy/actor.ts';
import { scopeFor } from '../../policy/scope.ts';
import { audit } from '../audit/service.ts';
import { sendInvitation } from '../auth/service.ts';
import { programmeActions } from '../programmes/policy.ts';
import { loadProgrammeFor } from '../programmes/service.ts';
import { commitIssues, type ImportIssue, rowsInvalid } from './messages.ts';
import { type ParsedRow, type ParseResult, parsePeopleFile } from './parse.ts';
import { findImport, type Known, loadKnown } from './queries.ts';
import type { ChangeField, CommitResult, ImportView, PersonPlan } from './schema.ts';

/** What is stored next to the parsed rows of an import. */
interface StoredSummary {
  format?: 'csv' | 'xlsx';
  encoding?: string;
  delimiter?: string;
  columns: ParseResult['columns'];
  ignoredColumns: string[];
  warnings: ImportIssue[];
  errors: number;
  /** Set at commit: what was done, as it was done. */
  people?: PersonPlan[];
  result?: CommitResult;
}

/**
 * The internship period a site belongs to, in the organisation's time zone: French residents
 * change site in early November (S1) and early May (S2), and the academic year starts in November.
 */
export function currentPeriod(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: 'numeric',
  }).formatToParts(now);
  const year = Number(parts.find((p) => p.type === 'year')?.value);
  const month = Number(parts.find((p) => p.type === 'month')?.value);
  if (month >= 11) return `${year}-${year + 1} S1`;
  return month <= 4 ? `${year - 1}-${year} S1` : `${year - 1}-${year} S2`;
}

// ── Planning: what an import does to each person ─────────────────────────────────────────────

type OrgMember = Selectable<OrgMemberTable>;
type Value = string | number | string[] | null;

interface Plan extends PersonPlan {
  row: ParsedRow;
  user?: User;
  userUpdates: { name?: string; phone?: string };
  orgMember?: OrgMember;
  orgUpdates: Partial<
    Pick<OrgMember, 'home_commune' | 'professional_project' | 'themes' | 'languages' | 'faculty' | 'des_year'>
  >;
  placement: 'none' | 'insert' | 'update';
  placementValues?: { site: string; city: string | null };
  addMembership: boolean;
  capacityUpdate?: { membershipId: string; capacity: number };
}

const listOf = (json: string): string[] => {
  try {
    const v = JSON.parse(json);
    return Array.isArray(v) ? v.map(String) : [];
  } catch {
    return [];
  }
};
const sameList = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Compares each row with what is known. Re-importing the same file plans nothing: every person
 * comes out unchanged. Account details (name, phone) change only while the account is still the
 * organisation's to manage: the person never signed in and belongs to no other organisation.
 */
function planImport(rows: ParsedRow[], known: Known, seesProfilesOf: (userId: string) => boolean): Plan[] {
  return rows.map((row) => {
    const user = known.users.get(row.email);
    const orgMember = user ? known.orgMembers.get(user.id) : undefined;
    const isNew = !orgMember;
    // Previous values are shown only to someone who may already read this person's profile.
    const showFrom = !!user && !isNew && seesProfilesOf(user.id);
    const plan: Plan = {
      line: row.line,
      email: row.email,
      name: row.name,
      role: row.role,
      status: 'unchanged',
      changes: [],
      kept: [],
      row,
      user,
      orgMember,
      userUpdates: {},
      orgUpdates: {},
      placement: 'none',
      addMembership: false,
    };
    const change = (field: ChangeField, from: Value | undefined, to: Value) =>
      plan.changes.push(showFrom ? { field, from: from ?? null, to } : { field, to });

    // Someone new to the organisation is presented the same way whether or not they have an
    // account elsewhere on the instance, so a preview reveals nothing about other organisations.
    if (isNew) {
      change('name', undefined, row.name);
      if (row.phone) change('phone', undefined, row.phone);
    } else if (user) {
      const editable = user.last_sign_in_at === null && !known.inOtherOrgs.has(user.id);
      if (row.name !== user.name) {
        if (editable) {
          plan.userUpdates.name = row.name;
          change('name', user.name, row.name);
        } else plan.kept.push('name');
      }
      if (row.phone && row.phone !== user.phone) {
        if (editable) {
          plan.userUpdates.phone = row.phone;
          change('phone', user.phone, row.phone);
        } else plan.kept.push('phone');
      }
    }

    const profile: [ChangeField, keyof Plan['orgUpdates'], Value | undefined, Value | undefined][] = [
      ['homeCommune', 'home_commune', row.homeCommune, orgMember?.home_commune],
      [
        'professionalProject',
        'professional_project',
        row.professionalProject,
        orgMember?.professional_project,
      ],
      ['faculty', 'faculty', row.faculty, orgMember?.faculty],
      ['desYear', 'des_year', row.desYear, orgMember?.des_year],
    ];
    for (const [field, column, to, from] of profile) {
      if (to === undefined || to === from) continue;
      (plan.orgUpdates as Record<string, Value>)[column] = to;
      change(field, from, to);
    }
    for (const [field, column] of [
      ['themes', 'themes'],
      ['languages', 'languages'],
    ] as const) {
      const to = row[field];
      const from = orgMember ? listOf(orgMember[column]) : [];
      if (!to || sameList(to, from)) continue;
      plan.orgUpdates[column] = JSON.stringify(to);
      change(field, from, to);
    }

    if (row.site) {
      const existing = user ? known.placements.get(user.id) : undefined;
      // Without a city column, a site that stays the same keeps the city already known.
      const city = row.siteCity ?? (existing?.site === row.site ? existing.city : null);
      plan.placementValues = { site: row.site, city };
      if (!existing) plan.placement = 'insert';
      else if (existing.site !== row.site || existing.city !== city) plan.placement = 'update';
      if (plan.placement !== 'none') {
        if (existing?.site !== row.site) change('site', existing?.site, row.site);
        if (city !== null && existing?.city !== city) change('siteCity', existing?.city, city);
      }
    }

    const memberships = user ? (known.memberships.get(user.id) ?? []) : [];
    const sameRole = memberships.find((m) => m.role === row.role);
    if (!sameRole) {
      plan.addMembership = true;
      change('role', null, row.role);
      if (row.role === 'tutor' && row.capacity !== undefined) change('capacity', null, row.capacity);
    } else if (row.role === 'tutor' && row.capacity !== undefined && sameRole.capacity !== row.capacity) {
      plan.capacityUpdate = { membershipId: sameRole.id, capacity: row.capacity };
      change('capacity', sameRole.capacity, row.capacity);
    }

    plan.status = isNew ? 'new' : plan.changes.length > 0 ? 'updated' : 'unchanged';
    return plan;
  });
}

const publicPlan = ({ line, email, name, role, status, changes, kept }: Plan): PersonPlan => ({
  line,
  email,
  name,
  role,
  status,
  changes,
  kept,
});

async function planFor(db: Db, actor: UserActor, p: Programme, rows: ParsedRow[], period: string) {
  const known = await loadKnown(db, { orgId: p.org_id, programmeId: p.id, period }, [
    ...new Set(rows.map((r) => r.email)),
  ]);
  const admin = actor.adminOf.has(p.org_id);
  // Coordinators see the profiles of their programme's members; admins, of the whole organisation.
  return planImport(rows, known, (userId) => admin || (known.memberships.get(userId)?.length ?? 0) > 0);
}

// ── Operations ──────────────────────────────────────────────────────────────────────────────

async function organisationOf(db: Db, p: Programme) {
  return db
    .selectFrom('organisations')
    .select(['id', 'name', 'time_zone', 'locale'])
    .where('id', '=', p.org_id)
    .executeTakeFirstOrThrow();
}

const counts = (plans: PersonPlan[]) => ({
  total: plans.length,
  new: plans.filter((x) => x.status === 'new').length,
  updated: plans.filter((x) => x.status === 'updated').length,
  unchanged: plans.filter((x) => x.status === 'unchanged').length,
});

function present(
  actor: UserActor,
  p: Programme,
  row: Selectable<ImportTable>,
  summary: StoredSummary,
  people: PersonPlan[],
): ImportView {
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
    warnings: summary.warnings,
    counts: counts(people),
    people,
    result: summary.result ?? null,
    actions: { commit: row.status === 'preview' && programmeActions(actor, p).import },
  };
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
  file: { bytes: Buffer; filename: string; defaultRole?: Role },
): Promise<ImportView> {
  const p = await loadProgrammeFor(ctx, actor, programmeId, 'import');
  const parsed = await parsePeopleFile(file.bytes, file.filename, { defaultRole: file.defaultRole });
  const fileError = parsed.fileErrors[0];
  if (fileError) {
    throw badRequest(fileError.code, fileError.message, {
      messageEn: fileError.messageEn,
      fileErrors: parsed.fileErrors,
    });
  }
  if (parsed.rowErrors.length > 0) {
    const summary = rowsInvalid(parsed.rowErrors);
    throw new AppError(422, 'import_rows_invalid', summary.message, {
      messageEn: summary.messageEn,
      rowErrors: parsed.rowErrors,
      warnings: parsed.warnings,
      columns: parsed.columns,
      ignoredColumns: parsed.ignoredColumns,
      rowCount: parsed.dataRowCount,
      validRowCount: parsed.rows.length,
    });
  }

  const org = await organisationOf(ctx.db, p);
  const now = ctx.clock.now();
  const plans = await planFor(ctx.db, actor, p, parsed.rows, currentPeriod(now, org.time_zone));
  const summary: StoredSummary = {
    format: parsed.format,
    encoding: parsed.encoding,
    delimiter: parsed.delimiter,
    columns: parsed.columns,
    ignoredColumns: parsed.ignoredColumns,
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
  await ctx.db.insertInto('imports').values(row).execute();
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
  return { p, row, summary: JSON.parse(row.summary) as StoredSummary };
}

/** A preview is planned again against the database as it is now; a committed import shows what it did. */
export async function getImport(ctx: AppContext, actor: UserActor, programmeId: string, importId: string) {
  const { p, row, summary } = await loadImportFor(ctx, actor, programmeId, importId);
  if (row.status === 'committed') return present(actor, p, row, summary, summary.people ?? []);
  const org = await organisationOf(ctx.db, p);
  const rows = JSON.parse(row.rows) as ParsedRow[];
  const plans = await planFor(ctx.db, actor, p, rows, currentPeriod(ctx.clock.now(), org.time_zone));
  return present(actor, p, row, summary, plans.map(publicPlan));
}

const INSERT_CHUNK = 100;
async function insertAll<T extends keyof InsertTables>(db: Db, table: T, rows: InsertTables[T][]) {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
    await db
      .insertInto(table)
      .values(rows.slice(i, i + INSERT_CHUNK) as never)
      .execute();
  }
}
interface InsertTables {
  users: Insertable<UserTable>;
  org_members: Insertable<OrgMemberTable>;
  placements: Insertable<PlacementTable>;
  memberships: Insertable<MembershipTable>;
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
): Promise<CommitResult> {
  const { p, row, summary } = await loadImportFor(ctx, actor, programmeId, importId);
  if (row.status === 'committed')
    throw conflict('import_already_committed', commitIssues.alreadyCommitted().message);
  if (summary.errors > 0) throw badRequest('import_has_errors', commitIssues.hasErrors().message);

  const org = await organisationOf(ctx.db, p);
  const now = ctx.clock.now();
  const nowIso = now.toISOString();
  const period = currentPeriod(now, org.time_zone);
  const rows = JSON.parse(row.rows) as ParsedRow[];

  const { result, plans, toInvite } = await ctx.db.transaction().execute(async (trx) => {
    // Claiming the preview first makes a second, concurrent commit find nothing to claim.
    const claimed = await trx
      .updateTable('imports')
      .set({ status: 'committed', committed_at: nowIso })
      .where('id', '=', row.id)
      .where('status', '=', 'preview')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) {
      throw conflict('import_already_committed', commitIssues.alreadyCommitted().message);
    }

    const plans = await planFor(trx, actor, p, rows, period);
    const inserts: { [T in keyof InsertTables]: InsertTables[T][] } = {
      users: [],
      org_members: [],
      placements: [],
      memberships: [],
    };
    const toInvite: { user: Pick<User, 'id' | 'email' | 'name' | 'locale'>; role: Role }[] = [];

    for (const plan of plans) {
      const r = plan.row;
      let userId = plan.user?.id;
      if (!plan.user) {
        userId = newId();
        inserts.users.push({
          id: userId,
          email: r.email,
          name: r.name,
          password_hash: null,
          locale: org.locale,
          phone: r.phone ?? null,
          is_demo: 0,
          created_at: nowIso,
          last_sign_in_at: null,
          disabled_at: null,
        });
      } else if (Object.keys(plan.userUpdates).length > 0) {
        await trx.updateTable('users').set(plan.userUpdates).where('id', '=', plan.user.id).execute();
      }
      const uid = userId as string;

      if (!plan.orgMember) {
        inserts.org_members.push({
          id: newId(),
          org_id: p.org_id,
          user_id: uid,
          is_admin: 0,
          home_commune: r.homeCommune ?? null,
          professional_project: r.professionalProject ?? null,
          themes: JSON.stringify(r.themes ?? []),
          languages: JSON.stringify(r.languages ?? []),
          faculty: r.faculty ?? null,
          des_year: r.desYear ?? null,
          share_phone: 0,
          presentation: null,
          created_at: nowIso,
        });
      } else if (Object.keys(plan.orgUpdates).length > 0) {
        await trx
          .updateTable('org_members')
          .set(plan.orgUpdates)
          .where('id', '=', plan.orgMember.id)
          .execute();
      }

      const site = plan.placementValues;
      if (site && plan.placement === 'insert') {
        inserts.placements.push({
          id: newId(),
          org_id: p.org_id,
          user_id: uid,
          period,
          site: site.site,
          city: site.city,
          // A tutee's site is an internship; anyone else's is where they practise.
          kind: r.role === 'tutee' ? 'internship' : 'practice',
          created_at: nowIso,
        });
      } else if (site && plan.placement === 'update') {
        await trx
          .updateTable('placements')
          .set({ site: site.site, city: site.city })
          .where('org_id', '=', p.org_id)
          .where('user_id', '=', uid)
          .where('period', '=', period)
          .execute();
      }

      if (plan.addMembership) {
        inserts.memberships.push({
          id: newId(),
          org_id: p.org_id,
          programme_id: p.id,
          cohort_id: null,
          user_id: uid,
          role: r.role,
          capacity: r.role === 'tutor' ? (r.capacity ?? null) : null,
          created_at: nowIso,
          ended_at: null,
        });
        const account = plan.user;
        if (!account || (!account.password_hash && !account.disabled_at)) {
          toInvite.push({
            user: {
              id: uid,
              email: r.email,
              name: account?.name ?? r.name,
              locale: account?.locale ?? org.locale,
            },
            role: r.role,
          });
        }
      } else if (plan.capacityUpdate) {
        await trx
          .updateTable('memberships')
          .set({ capacity: plan.capacityUpdate.capacity })
          .where('id', '=', plan.capacityUpdate.membershipId)
          .execute();
      }
    }

    // Parents before children, for the foreign keys.
    await insertAll(trx, 'users', inserts.users);
    await insertAll(trx, 'org_members', inserts.org_members);
    await insertAll(trx, 'placements', inserts.placements);
    await insertAll(trx, 'memberships', inserts.memberships);

    const c = counts(plans);
    const planned: CommitResult = { created: c.new, updated: c.updated, unchanged: c.unchanged, invited: 0 };
    await trx
      .updateTable('imports')
      .set({ summary: JSON.stringify({ ...summary, people: plans.map(publicPlan), result: planned }) })
      .where('id', '=', row.id)
      .execute();
    await audit(trx, now, {
      orgId: p.org_id,
      actorId: actor.id,
      action: 'import.committed',
      subjectType: 'import',
      subjectId: row.id,
      meta: {
        programmeId: p.id,
        created: c.new,
        updated: c.updated,
        unchanged: c.unchanged,
        invitations: toInvite.length,
      },
    });
    return { result: planned, plans, toInvite };
  });

  // E-mails leave only once the import is safely written; a failed one does not undo the import.
  let invited = 0;
  for (const person of toInvite) {
    try {
      await sendInvitation(ctx, {
        user: person.user,
        orgId: p.org_id,
        organisation: org.name,
        programmeId: p.id,
        programme: p.name,
        role: person.role,
        inviter: { id: actor.id, name: actor.name },
      });
      invited++;
    } catch (err) {
      ctx.log?.error({ err, importId: row.id }, 'import invitation failed');
    }
  }

  if (invited > 0) {
    result.invited = invited;
    await ctx.db
      .updateTable('imports')
      .set({ summary: JSON.stringify({ ...summary, people: plans.map(publicPlan), result }) })
      .where('id', '=', row.id)
      .execute();
  }
  return result;
}
