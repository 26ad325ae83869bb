import { closeSync, existsSync, openSync, readFileSync, unlinkSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { type Db, migrate, openDatabase, PRIVATE_FILE, sqliteFileIn } from '../db/index.ts';
import { openSqlite } from '../db/sqlite.ts';
import { organisationCounts } from '../demo/presence.ts';
import { nameText } from '../domain/text.ts';
import { systemClock } from '../lib/clock.ts';
import { newId, newSecret } from '../lib/ids.ts';
import { emailSchema, passwordSchema } from '../modules/auth/schema.ts';
import { createToken, hashPassword } from '../modules/auth/service.ts';
import { ensurePerson } from '../modules/people/service.ts';
import { mailerFor } from '../notify/mailer.ts';

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = openDatabase({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.dataDir,
    sqliteDriver: config.SQLITE_DRIVER,
  });
  process.stderr.write(`Database: ${handle.location}\n`);
  try {
    await migrate(handle.db);
    return await fn({
      db: handle.db,
      dbKind: handle.kind,
      config,
      mailer: mailerFor(config),
      clock: systemClock,
    });
  } finally {
    await handle.close();
  }
}

const createArgs = z.object({
  org: nameText(2, 120, '--org: the organisation name is required'),
  email: emailSchema,
  name: nameText(1, 120, '--name: the administrator’s name is required'),
  kind: z.string(),
  'time-zone': z.string(),
  password: passwordSchema.optional(),
});

const SIGN_IN_LINK_HOURS = 24;

function slugFor(name: string, id: string): string {
  const base = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${base}-${id.slice(-6)}`;
}

type CreateArgs = z.infer<typeof createArgs>;

/**
 * Creates an organisation (or reuses one of that name) and makes the person its administrator.
 * A new account gets a temporary password to replace at first sign-in (or the `--password` given)
 * and a single-use sign-in link; an existing account keeps its password, and an existing
 * administrator is told so rather than changed.
 */
export async function adminCreate(raw: Record<string, unknown>): Promise<number> {
  const a = createArgsOf(raw);
  if (!a) return 2;
  const temporary = a.password ? null : newSecret().slice(0, 16);
  return withContext(async (ctx) => {
    const now = ctx.clock.now().toISOString();
    const hash = await hashPassword(a.password ?? (temporary as string));
    const demo = (await organisationCounts(ctx.db)).demo;
    const result = await ctx.db
      .transaction()
      .execute((trx) => makeAdministrator(trx, a, { hash, temporary: !!temporary }, now));
    const token = await createToken(ctx, {
      kind: 'magic',
      email: a.email,
      userId: result.userId,
      minutes: SIGN_IN_LINK_HOURS * 60,
    });
    const link = `${ctx.config.publicUrl}/connexion/lien?token=${token}`;
    const lines = [
      ...whatChanged(a, result, temporary),
      `Sign-in link (single use, valid ${SIGN_IN_LINK_HOURS} h): ${link}`,
      `Sign in at ${ctx.config.publicUrl}/connexion`,
    ];
    if (demo > 0) {
      lines.push(
        '',
        'Warning: this database also holds the demo organisations, whose accounts share a published password.',
        'For real use, start from an empty data folder: set DATA_DIR (or DATABASE_URL) to a new place and run this command again.',
      );
    }
    process.stdout.write(`${lines.join('\n')}\n`);
    return result.kind === 'unchanged' ? 1 : 0;
  });
}

/** The command's arguments, checked; null (with the reasons on stderr) when they will not do. */
function createArgsOf(raw: Record<string, unknown>): CreateArgs | null {
  const parsed = createArgs.safeParse(raw);
  if (!parsed.success) {
    process.stderr.write(
      `${parsed.error.issues.map((i) => `${i.path.join('.') || ''} ${i.message}`.trim()).join('\n')}\n`,
    );
    return null;
  }
  try {
    new Intl.DateTimeFormat('fr', { timeZone: parsed.data['time-zone'] });
  } catch {
    process.stderr.write(`--time-zone: unknown time zone "${parsed.data['time-zone']}"\n`);
    return null;
  }
  return parsed.data;
}

/**
 * The organisation (created unless one has that name) and its administrator: a new account with
 * the password given or the temporary one, or an existing account promoted — unless it already is.
 */
async function makeAdministrator(
  trx: Db,
  a: CreateArgs,
  password: { hash: string; temporary: boolean },
  now: string,
) {
  const existing = await trx
    .selectFrom('users')
    .select(['id', 'name'])
    .where('email', '=', a.email)
    .executeTakeFirst();
  let org = await trx.selectFrom('organisations').select('id').where('name', '=', a.org).executeTakeFirst();
  if (existing && org) {
    const admin = await trx
      .selectFrom('org_members')
      .select('is_admin')
      .where('org_id', '=', org.id)
      .where('user_id', '=', existing.id)
      .executeTakeFirst();
    if (admin?.is_admin === 1) return { kind: 'unchanged' as const, orgId: org.id, userId: existing.id };
  }
  if (!org) {
    org = { id: newId() };
    await trx
      .insertInto('organisations')
      .values({
        id: org.id,
        name: a.org,
        slug: slugFor(a.org, org.id),
        kind: a.kind,
        time_zone: a['time-zone'],
        locale: 'fr',
        is_demo: 0,
        created_at: now,
        archived_at: null,
      })
      .execute();
  }
  const user = await ensurePerson(trx, now, org.id, { email: a.email, name: a.name });
  if (!existing) {
    await trx
      .updateTable('users')
      .set({ password_hash: password.hash, password_change_required: password.temporary ? 1 : 0 })
      .where('id', '=', user.id)
      .execute();
  }
  await trx
    .updateTable('org_members')
    .set({ is_admin: 1 })
    .where('org_id', '=', org.id)
    .where('user_id', '=', user.id)
    .execute();
  return {
    kind: existing ? ('promoted' as const) : ('created' as const),
    orgId: org.id,
    userId: user.id,
  };
}

/** What the command did, in words for whoever runs it. */
function whatChanged(
  a: CreateArgs,
  result: { kind: 'unchanged' | 'promoted' | 'created'; orgId: string },
  temporary: string | null,
): string[] {
  if (result.kind === 'unchanged') {
    return [
      `${a.email} is already administrator of "${a.org}" (${result.orgId}). Nothing changed; the password stays as it was.`,
    ];
  }
  if (result.kind === 'promoted') {
    return [
      `Organisation "${a.org}" (${result.orgId}): ${a.email}, who already had an account, is now administrator.`,
      'Their password is unchanged.',
    ];
  }
  return [
    `Organisation "${a.org}" (${result.orgId}): ${a.email} is administrator.`,
    ...(temporary
      ? [`Temporary password: ${temporary}`, 'It must be replaced by one of their own at first sign-in.']
      : []),
  ];
}

/**
 * Copies the SQLite database consistently while the server runs (`VACUUM INTO`: one read
 * transaction, a compact copy); PostgreSQL has pg_dump.
 */
export async function backup(raw: { out?: string }): Promise<number> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    process.stderr.write(
      'PostgreSQL: use pg_dump "$DATABASE_URL" > backup.sql (the database server’s own tool).\n',
    );
    return 2;
  }
  const source = sqliteFileIn(config.dataDir);
  if (!existsSync(source)) {
    process.stderr.write(
      `No database at ${source} (DATA_DIR=${config.DATA_DIR}). Start the server once, or set DATA_DIR to the folder that holds compagnon.sqlite.\n`,
    );
    return 2;
  }
  const out = resolve(
    raw.out ?? join(config.dataDir, `backup-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`),
  );
  if (!existsSync(dirname(out))) {
    process.stderr.write(`The folder ${dirname(out)} does not exist: create it or choose another --out.\n`);
    return 2;
  }
  // The copy is created empty and private first (VACUUM INTO fills an empty file and keeps its
  // permissions): a backup holds every person's data, like the database. 'wx' never overwrites.
  try {
    closeSync(openSync(out, 'wx', PRIVATE_FILE));
  } catch (err) {
    const exists = (err as NodeJS.ErrnoException).code === 'EEXIST';
    process.stderr.write(
      exists
        ? `${out} already exists: choose another --out, nothing is overwritten.\n`
        : `Cannot create ${out}: ${(err as Error).message}\n`,
    );
    return exists ? 2 : 1;
  }
  const db = openSqlite(source, { driver: config.SQLITE_DRIVER, readonly: true });
  try {
    db.run('VACUUM INTO ?', out);
  } catch (err) {
    unlinkSync(out);
    process.stderr.write(`Backup of ${source} to ${out} failed: ${(err as Error).message}\n`);
    return 1;
  } finally {
    db.close();
  }
  process.stdout.write(`Backup of ${source} written to ${out}\n`);
  return 0;
}

export async function importPeople(raw: {
  programme?: string;
  file?: string;
  'default-role'?: string;
  commit?: boolean;
  as?: string;
  column?: string[];
  'invite-later'?: boolean;
}): Promise<number> {
  if (!raw.programme || !raw.file) {
    process.stderr.write('--programme ID and --file FILE are required\n');
    return 2;
  }
  const bytes = readFileSync(raw.file);
  const { runImportFromCli } = await import('../modules/imports/cli.ts');
  return withContext((ctx) =>
    runImportFromCli(ctx, {
      programmeId: raw.programme as string,
      filename: raw.file as string,
      bytes,
      defaultRole: raw['default-role'],
      commit: raw.commit ?? false,
      asEmail: raw.as,
      columns: raw.column ?? [],
      invite: !raw['invite-later'],
    }),
  );
}
