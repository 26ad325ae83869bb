import type { AppContext } from '../../context.ts';
import { AppError } from '../../http/errors.ts';
import { loadActor, type UserActor } from '../../policy/actor.ts';
import { FIELD_LABELS, type PeopleField } from './columns.ts';
import type { ColumnChoice } from './parse.ts';
import { columnChoiceSchema, importableRoleSchema, peopleFieldSchema } from './schema.ts';
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
  args: CliArgs,
  out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  err: (line: string) => void = (l) => process.stderr.write(`${l}\n`),
): Promise<number> {
  const options = optionsOf(args, err);
  if (!options) return 2;
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
      defaultRole: options.defaultRole,
      choices: options.choices,
    });
    describePreview(preview, out);
    if (!args.commit) {
      out(`Aperçu enregistré (${preview.id}). Relancez avec --commit pour importer.`);
      return 0;
    }
    const r = await commitImport(ctx, actor, args.programmeId, preview.id, { invite: args.invite ?? true });
    out(
      `Import validé : ${plural(r.created, 'créée', 'créées')}, ${plural(r.updated, 'mise à jour', 'mises à jour')}, ${plural(r.unchanged, 'inchangée', 'inchangées')}, ${plural(r.invited, 'invitation envoyée', 'invitations envoyées')}.`,
    );
    if (r.notInvited > 0) {
      out(
        `${plural(r.notInvited, 'personne à inviter', 'personnes à inviter')} : envoyez les invitations depuis l'import ou la liste des personnes du programme.`,
      );
    }
    return 0;
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    err(e.message);
    const details = e.details as { rowErrors?: { message: string }[] } | undefined;
    for (const rowError of details?.rowErrors ?? []) err(`  ${rowError.message}`);
    return e.status === 404 || e.status === 403 ? 2 : 1;
  }
}

interface CliArgs {
  programmeId: string;
  filename: string;
  bytes: Buffer;
  defaultRole?: string;
  commit: boolean;
  asEmail?: string;
  /** "Title=field" or "Title=ignore": what a column of the file is. */
  columns?: string[];
  /** Send the invitations with the import (else they are sent later, from the app). */
  invite?: boolean;
}

/** The default role and the column choices given on the command line; null (said on `err`) when wrong. */
function optionsOf(args: CliArgs, err: (line: string) => void) {
  const role = args.defaultRole ? importableRoleSchema.safeParse(args.defaultRole) : undefined;
  if (role && !role.success) {
    err(
      `--default-role: choisissez parmi ${importableRoleSchema.options.join(', ')} (les coordinateur·rices sont nommé·es dans l'application)`,
    );
    return null;
  }
  const choices: Record<string, ColumnChoice> = {};
  for (const spec of args.columns ?? []) {
    const at = spec.lastIndexOf('=');
    const choice = columnChoiceSchema.safeParse(at > 0 ? spec.slice(at + 1).trim() : '');
    if (!choice.success) {
      err(
        `--column "${spec}" : écrivez --column "Titre=champ", le champ parmi ${[...peopleFieldSchema.options, 'ignore'].join(', ')}`,
      );
      return null;
    }
    choices[spec.slice(0, at).trim()] = choice.data;
  }
  return { defaultRole: role?.data, choices };
}

/** The preview's counts, the columns not recognised by their title alone, what is left to say, warnings. */
function describePreview(preview: Awaited<ReturnType<typeof previewImport>>, out: (line: string) => void) {
  const c = preview.counts;
  out(
    `${preview.filename} : ${plural(c.total, 'personne', 'personnes')} — ${plural(c.new, 'nouvelle', 'nouvelles')}, ${plural(c.updated, 'mise à jour', 'mises à jour')}, ${plural(c.unchanged, 'inchangée', 'inchangées')}.`,
  );
  const label = (f: PeopleField) => `${FIELD_LABELS[f].fr} (${f})`;
  for (const c of preview.fileColumns) {
    if (c.how === 'recognised') continue;
    const what =
      c.how === 'ask'
        ? `à choisir : ${(c.candidates ?? []).map(label).join(' ou ')}`
        : c.field
          ? `${label(c.field)}${c.how === 'remembered' ? ', choix mémorisé' : ''}`
          : `ignorée${c.how === 'remembered' ? ', choix mémorisé' : ''}`;
    out(`Colonne « ${c.header} » : ${what}`);
  }
  if (preview.unresolved.length > 0) {
    out(
      `Précisez ce que sont ${preview.unresolved.map((h) => `« ${h} »`).join(', ')} avec --column "Titre=champ" (ou "Titre=ignore").`,
    );
  }
  for (const w of preview.warnings) out(`Avertissement — ${w.message}`);
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
