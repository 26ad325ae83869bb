import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { KyselyPlugin, RootOperationNode } from 'kysely';
import { AppError } from '../../http/errors.ts';
import { loadActor } from '../../policy/actor.ts';
import { createWorld, type World } from '../../test/factories.ts';
import { setupTestServer, snapshot } from '../../test/harness.ts';
import { runImportFromCli } from './cli.ts';
import { semesterLabel } from './plan.ts';
import { commitImport, previewImport } from './service.ts';

const s = await setupTestServer();

let n = 0;
const file = (rows: number) => {
  const tag = `s${++n}${Date.now().toString(36)}`;
  const lines = ['Nom;Prénom;E-mail;Rôle;Lieu de stage'];
  for (let i = 1; i <= rows; i++)
    lines.push(`Nom${i};Prénom${i};p${i}+${tag}@example.org;Interne;CHU Amiens`);
  return Buffer.from(lines.join('\r\n'));
};

const actorOf = async (w: World, who: keyof World['actors'] = 'coordinator') => {
  const a = w.actors[who];
  return loadActor(s.db, { id: a.id, email: a.email, name: a.name, locale: 'fr' }, 'test');
};

/** Makes every insert into one table fail, as a lost connection or a full disk would. */
const failingInsertsInto = (table: string): KyselyPlugin => ({
  transformQuery({ node }): RootOperationNode {
    if (node.kind === 'InsertQueryNode' && node.into?.table.identifier.name === table) {
      throw new Error(`simulated failure writing ${table}`);
    }
    return node;
  },
  transformResult: async ({ result }) => result,
});

describe('commit is all or nothing', () => {
  test('a failure while writing memberships leaves no person, no profile, no site, and the preview open', async () => {
    const w = await createWorld(s.ctx);
    const actor = await actorOf(w);
    const preview = await previewImport(s.ctx, actor, w.programme.id, {
      bytes: file(250),
      filename: 'a.csv',
    });
    const before = await snapshot(s.ctx);
    await s.deliver();
    const sent = s.mailer.sent.length;

    const broken = { ...s.ctx, db: s.db.withPlugin(failingInsertsInto('memberships')) };
    await assert.rejects(commitImport(broken, actor, w.programme.id, preview.id), /simulated failure/);
    assert.deepEqual(await snapshot(s.ctx), before, 'nothing was written');
    await s.deliver();
    assert.equal(s.mailer.sent.length, sent, 'nobody was invited');

    // The preview is still there and commits once the database is healthy again.
    const result = await commitImport(s.ctx, actor, w.programme.id, preview.id);
    assert.deepEqual(result, { created: 250, updated: 0, unchanged: 0, invited: 250, notInvited: 0 });
    const members = await s.db
      .selectFrom('memberships')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('programme_id', '=', w.programme.id)
      .where('role', '=', 'tutee')
      .executeTakeFirstOrThrow();
    assert.equal(Number(members.n), 252);
  });

  test('a stored preview that has errors is refused', async () => {
    const w = await createWorld(s.ctx);
    const actor = await actorOf(w);
    const preview = await previewImport(s.ctx, actor, w.programme.id, { bytes: file(1), filename: 'a.csv' });
    const row = await s.db
      .selectFrom('imports')
      .select('summary')
      .where('id', '=', preview.id)
      .executeTakeFirstOrThrow();
    await s.db
      .updateTable('imports')
      .set({ summary: JSON.stringify({ ...JSON.parse(row.summary), errors: 1 }) })
      .where('id', '=', preview.id)
      .execute();
    const before = await snapshot(s.ctx);
    await assert.rejects(commitImport(s.ctx, actor, w.programme.id, preview.id), (e: unknown) => {
      assert.ok(e instanceof AppError);
      assert.equal(e.status, 400);
      assert.equal(
        e.message,
        'Cet import contient des erreurs et ne peut pas être validé. Corrigez le fichier puis importez-le à nouveau.',
      );
      return true;
    });
    assert.deepEqual(await snapshot(s.ctx), before);
  });
});

describe('the internship period of a new site', () => {
  test('semesters start in November and May, in the organisation time zone', () => {
    assert.equal(semesterLabel(new Date('2026-11-16T09:00:00Z'), 'Europe/Paris'), '2026-2027 S1');
    assert.equal(semesterLabel(new Date('2027-04-30T12:00:00Z'), 'Europe/Paris'), '2026-2027 S1');
    assert.equal(semesterLabel(new Date('2027-05-02T12:00:00Z'), 'Europe/Paris'), '2026-2027 S2');
    // 31 October 23:30 UTC is already 1 November in Paris (winter time): the new year's S1.
    assert.equal(semesterLabel(new Date('2026-10-31T23:30:00Z'), 'Europe/Paris'), '2026-2027 S1');
    assert.equal(semesterLabel(new Date('2026-10-31T23:30:00Z'), 'America/New_York'), '2025-2026 S2');
  });
});

describe('command line', () => {
  test('previews, then commits with --commit, as the programme coordinator', async () => {
    const w = await createWorld(s.ctx);
    const bytes = file(2);
    const out: string[] = [];
    const err: string[] = [];
    const args = { programmeId: w.programme.id, filename: '/srv/exports/internes.csv', bytes, commit: false };
    assert.equal(
      await runImportFromCli(
        s.ctx,
        args,
        (l) => out.push(l),
        (l) => err.push(l),
      ),
      0,
    );
    assert.equal(out[0], 'internes.csv : 2 personnes — 2 nouvelles, 0 mise à jour, 0 inchangée.');
    assert.match(out.at(-1) ?? '', /^Aperçu enregistré \(.+\)\. Relancez avec --commit pour importer\.$/);

    out.length = 0;
    assert.equal(
      await runImportFromCli(s.ctx, { ...args, commit: true, asEmail: w.actors.orgAdmin.email }, (l) =>
        out.push(l),
      ),
      0,
    );
    assert.equal(out.at(-1), 'Import validé : 2 créées, 0 mise à jour, 0 inchangée, 2 invitations envoyées.');
    const audit = await s.db
      .selectFrom('audit_log')
      .select('actor_id')
      .where('action', '=', 'import.committed')
      .where('org_id', '=', w.orgId)
      .execute();
    assert.deepEqual(audit, [{ actor_id: w.actors.orgAdmin.id }]);
    assert.deepEqual(err, []);
  });

  test('a refused file exits 1 with the messages; someone who may not import exits 2', async () => {
    const w = await createWorld(s.ctx);
    const err: string[] = [];
    const bad = Buffer.from('Nom;Prénom;E-mail;Rôle\r\nRoy;Éva;eva@;Interne\r\n');
    const args = { programmeId: w.programme.id, filename: 'a.csv', bytes: bad, commit: true };
    assert.equal(
      await runImportFromCli(
        s.ctx,
        args,
        () => {},
        (l) => err.push(l),
      ),
      1,
    );
    assert.deepEqual(err, [
      "Le fichier contient 1 erreur (ligne 2). Corrigez-la dans votre tableur puis importez le fichier à nouveau : personne n'a été importé.",
      "  Ligne 2 : l'adresse e-mail « eva@ » n'est pas valide.",
    ]);
    const asTutor = { ...args, bytes: file(1), asEmail: w.actors.tutor.email };
    assert.equal(
      await runImportFromCli(
        s.ctx,
        asTutor,
        () => {},
        () => {},
      ),
      2,
    );
  });

  test('the same role words and column titles as the web app; --column chooses what a column is', async () => {
    const w = await createWorld(s.ctx);
    await s.db
      .updateTable('programmes')
      .set({ template: 'member-tutoring' })
      .where('id', '=', w.programme.id)
      .execute();
    const tag = `cli${Date.now().toString(36)}`;
    const bytes = Buffer.from(
      `Nom;Prénom;E-mail;Rôle;Site/Hôpital;Ville\r\nRoy;Éva;eva+${tag}@example.org;Élu(e);Cabinet Roy;Vienne\r\nMarc;Léo;leo+${tag}@example.org;adhérente;;Lyon\r\n`,
    );
    const args = { programmeId: w.programme.id, filename: 'adherents.csv', bytes, commit: true };
    const out: string[] = [];
    const err: string[] = [];
    // "Ville" could be the site's town or the home town: the CLI asks, and nobody is imported.
    const members = () =>
      s.db.selectFrom('memberships').select('id').where('programme_id', '=', w.programme.id).execute();
    const before = await members();
    assert.equal(
      await runImportFromCli(
        s.ctx,
        args,
        (l) => out.push(l),
        (l) => err.push(l),
      ),
      1,
    );
    assert.ok(
      out.includes(
        'Colonne « Ville » : à choisir : Ville du site (siteCity) ou Commune de résidence (homeCommune)',
      ),
      out.join('\n'),
    );
    assert.deepEqual(await members(), before);
    assert.match(err[0] ?? '', /« Ville »/);

    out.length = 0;
    err.length = 0;
    assert.equal(
      await runImportFromCli(
        s.ctx,
        { ...args, columns: ['Ville=homeCommune'], invite: false },
        (l) => out.push(l),
        (l) => err.push(l),
      ),
      0,
      err.join('\n'),
    );
    assert.ok(out.includes('Colonne « Ville » : Commune de résidence (homeCommune)'), out.join('\n'));
    const roles = await s.db
      .selectFrom('memberships')
      .innerJoin('users', 'users.id', 'memberships.user_id')
      .select(['users.email', 'memberships.role', 'memberships.invited_at'])
      .where('memberships.programme_id', '=', w.programme.id)
      .where('users.email', 'like', `%+${tag}@%`)
      .orderBy('users.email')
      .execute();
    assert.deepEqual(roles, [
      { email: `eva+${tag}@example.org`, role: 'tutor', invited_at: null },
      { email: `leo+${tag}@example.org`, role: 'tutee', invited_at: null },
    ]);
    assert.equal(
      await runImportFromCli(
        s.ctx,
        { ...args, columns: ['Ville=nowhere'] },
        () => {},
        () => {},
      ),
      2,
    );
    assert.equal(
      await runImportFromCli(
        s.ctx,
        { ...args, defaultRole: 'coordinator' },
        () => {},
        () => {},
      ),
      2,
    );
  });
});
