import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import type { AppContext } from '../context.ts';
import { migrate, openDatabase } from '../db/index.ts';
import { systemClock } from '../lib/clock.ts';
import { newId, newSecret } from '../lib/ids.ts';
import { emailSchema, passwordSchema } from '../modules/auth/schema.ts';
import { hashPassword } from '../modules/auth/service.ts';
import { ensurePerson } from '../modules/people/service.ts';
import { mailerFor } from '../notify/mailer.ts';

async function withContext<T>(fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const handle = openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.dataDir });
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
  org: z.string().trim().min(2, '--org: the organisation name is required'),
  email: emailSchema,
  name: z.string().trim().min(1, '--name: the administrator’s name is required'),
  kind: z.string(),
  'time-zone': z.string(),
  password: passwordSchema.optional(),
});

/** Creates an organisation (or reuses one of that name) and makes the person its administrator. */
export async function adminCreate(raw: Record<string, unknown>): Promise<number> {
  const parsed = createArgs.safeParse(raw);
  if (!parsed.success) {
    process.stderr.write(
      `${parsed.error.issues.map((i) => `${i.path.join('.') || ''} ${i.message}`.trim()).join('\n')}\n`,
    );
    return 2;
  }
  const a = parsed.data;
  try {
    new Intl.DateTimeFormat('fr', { timeZone: a['time-zone'] });
  } catch {
    process.stderr.write(`--time-zone: unknown time zone "${a['time-zone']}"\n`);
    return 2;
  }
  const password = a.password ?? newSecret().slice(0, 16);
  return withContext(async (ctx) => {
    const now = ctx.clock.now().toISOString();
    const hash = await hashPassword(password);
    const orgId = await ctx.db.transaction().execute(async (trx) => {
      let org = await trx
        .selectFrom('organisations')
        .select('id')
        .where('name', '=', a.org)
        .executeTakeFirst();
      if (!org) {
        org = { id: newId() };
        const slug = `${a.org
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '')}-${org.id.slice(-6)}`;
        await trx
          .insertInto('organisations')
          .values({
            id: org.id,
            name: a.org,
            slug,
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
      await trx.updateTable('users').set({ password_hash: hash }).where('id', '=', user.id).execute();
      await trx
        .updateTable('org_members')
        .set({ is_admin: 1 })
        .where('org_id', '=', org.id)
        .where('user_id', '=', user.id)
        .execute();
      return org.id;
    });
    process.stdout.write(
      `Organisation "${a.org}" (${orgId}): ${a.email} is administrator.${a.password ? '' : `\nTemporary password: ${password}`}\n`,
    );
    return 0;
  });
}

/** Copies the SQLite database consistently while the server runs; PostgreSQL has pg_dump. */
export async function backup(raw: { out?: string }): Promise<number> {
  const config = loadConfig();
  if (config.DATABASE_URL) {
    process.stderr.write(
      'PostgreSQL: use pg_dump "$DATABASE_URL" > backup.sql (the database server’s own tool).\n',
    );
    return 2;
  }
  const source = join(config.dataDir, 'compagnon.sqlite');
  const out =
    raw.out ?? join(config.dataDir, `backup-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`);
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(out);
  } finally {
    db.close();
  }
  process.stdout.write(`Backup written to ${out}\n`);
  return 0;
}

export async function importPeople(raw: {
  programme?: string;
  file?: string;
  'default-role'?: string;
  commit?: boolean;
  as?: string;
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
    }),
  );
}
