import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { loadActor, type UserActor } from '../../policy/actor.ts';
import { roleSchema } from './schema.ts';
import { commitImport, previewImport } from './service.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * The import as an operator runs it from the server's shell, on behalf of a person who may import
 * into the programme (--as, else the earliest account among its coordinators and the admins of its
 * organisation),
 * so the same policy, checks, audit entry and invitations apply as through the web app.
 * Exit codes: 0 done, 1 the file was refused, 2 wrong arguments.
 */
export async function runImportFromCli(
  ctx: AppContext,
  args: {
    programmeId: string;
    filename: string;
    bytes: Buffer;
    defaultRole?: string;
    commit: boolean;
    asEmail?: string;
  },
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  err: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  const role = args.defaultRole ? roleSchema.safeParse(args.defaultRole) : undefined;
  if (role && !role.success) {
    err(`--default-role: choisissez parmi ${roleSchema.options.join(', ')}`);
    return 2;
  }
  const actor = await cliActor(ctx, args.programmeId, args.asEmail);
  if (!actor) {
    err(
      args.asEmail
        ? `${args.asEmail} ne coordonne pas ce programme et n'administre pas son organisation.`
        : `Programme ${args.programmeId} introuvable, ou sans coordinateur ni administrateur : précisez --as EMAIL.`,
    );
    return 2;
  }

  try {
    const preview = await previewImport(ctx, actor, args.programmeId, {
      bytes: args.bytes,
      filename: args.filename.split(/[\\/]/).pop() ?? args.filename,
      defaultRole: role?.data,
    });
    const c = preview.counts;
    out(
      `${preview.filename} : ${plural(c.total, 'personne', 'personnes')} — ${c.new} nouvelle(s), ${c.updated} mise(s) à jour, ${c.unchanged} inchangée(s).`,
    );
    if (preview.ignoredColumns.length > 0) out(`Colonnes ignorées : ${preview.ignoredColumns.join(', ')}`);
    for (const w of preview.warnings) out(`Avertissement — ${w.message}`);
    if (!args.commit) {
      out(`Aperçu enregistré (${preview.id}). Relancez avec --commit pour importer.`);
      return 0;
    }
    const r = await commitImport(ctx, actor, args.programmeId, preview.id);
    out(
      `Import validé : ${r.created} créée(s), ${r.updated} mise(s) à jour, ${r.unchanged} inchangée(s), ${plural(r.invited, 'invitation envoyée', 'invitations envoyées')}.`,
    );
    return 0;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    err(e.message);
    const details = e.details as { rowErrors?: { message: string }[] } | undefined;
    for (const rowError of details?.rowErrors ?? []) err(`  ${rowError.message}`);
    return e.status === 404 || e.status === 403 ? 2 : 1;
  }
}

async function cliActor(ctx: AppContext, programmeId: string, asEmail?: string): Promise<UserActor | null> {
  const programme = await ctx.db
    .selectFrom('programmes')
    .select(['id', 'org_id'])
    .where('id', '=', programmeId)
    .executeTakeFirst();
  if (!programme) return null;
  let query = ctx.db
    .selectFrom('users')
    .select(['users.id', 'users.email', 'users.name', 'users.locale'])
    .where('users.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb.exists(
          eb
            .selectFrom('memberships')
            .select('memberships.id')
            .whereRef('memberships.user_id', '=', 'users.id')
            .where('memberships.programme_id', '=', programme.id)
            .where('memberships.role', '=', 'coordinator')
            .where('memberships.ended_at', 'is', null),
        ),
        eb.exists(
          eb
            .selectFrom('org_members')
            .select('org_members.id')
            .whereRef('org_members.user_id', '=', 'users.id')
            .where('org_members.org_id', '=', programme.org_id)
            .where('org_members.is_admin', '=', 1),
        ),
      ]),
    );
  if (asEmail) query = query.where('users.email', '=', asEmail.trim().toLowerCase());
  const user = await query.orderBy('users.created_at').orderBy('users.id').executeTakeFirst();
  return user ? loadActor(ctx.db, user, 'cli') : null;
}
