import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import iconv from 'iconv-lite';
import { excelWindows1252, makeXlsx, readFixture, toCsv } from '../../../test-fixtures/imports/fixtures.ts';
import { createUser, createWorld, type World } from '../../test/factories.ts';
import { setupTestServer, snapshot } from '../../test/harness.ts';

const s = await setupTestServer();

/** A browser's multipart upload of one file (and optional fields). */
function upload(bytes: Buffer, filename: string, fields: Record<string, string> = {}) {
  const boundary = `----compagnon${Math.random().toString(16).slice(2)}`;
  const head = Object.entries(fields).map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  const payload = Buffer.concat([
    Buffer.from(head.join('')),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
    ),
    bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

type Actor = { cookie: string };
const importsUrl = (w: World) => `/api/programmes/${w.programme.id}/imports`;

async function preview(w: World, as: Actor, bytes: Buffer, filename = 'personnes.csv', fields = {}) {
  const u = upload(bytes, filename, fields);
  return s.app.inject({
    method: 'POST',
    url: importsUrl(w),
    payload: u.payload,
    headers: { ...u.headers, cookie: as.cookie },
  });
}
const commit = (w: World, as: Actor, importId: string) =>
  s.app.inject({
    method: 'POST',
    url: `${importsUrl(w)}/${importId}/commit`,
    headers: { cookie: as.cookie },
  });

async function previewAndCommit(w: World, bytes: Buffer, filename = 'personnes.csv') {
  const p = await preview(w, w.actors.coordinator, bytes, filename);
  assert.equal(p.statusCode, 201, p.body);
  const c = await commit(w, w.actors.coordinator, p.json().id);
  assert.equal(c.statusCode, 200, c.body);
  return { preview: p.json(), result: c.json() };
}

async function people(w: World) {
  const res = await s.app.inject({
    method: 'GET',
    url: `/api/programmes/${w.programme.id}/people`,
    headers: { cookie: w.actors.coordinator.cookie },
  });
  assert.equal(res.statusCode, 200);
  return res.json() as {
    name: string;
    email?: string;
    phone?: string | null;
    memberships: { role: string; capacity: number | null }[];
    profile?: {
      desYear: number | null;
      themes: string[];
      placements: { period: string; site: string; city: string | null }[];
    };
  }[];
}

/** The tables an import writes, to compare before and after. */
async function peopleTables() {
  const all = await snapshot(s.ctx);
  return {
    users: all.users,
    org_members: all.org_members,
    placements: all.placements,
    memberships: all.memberships,
  };
}

const windows1252 = readFixture('excel-fr-windows-1252.csv');
let unique = 0;
const newTag = () => `t${++unique}${Date.now().toString(36)}`;
/**
 * The same Windows-1252 export with addresses tagged `+tag`, for tests that commit: an address is
 * one account on the whole instance, and the tests of this file share a database.
 */
function windows1252For(tag: string, edit: (table: string[][]) => void = () => {}) {
  const table = excelWindows1252.map((r) => r.map((cell) => cell.replace(/@/, `+${tag}@`)));
  edit(table);
  return iconv.encode(toCsv(table, ';', '\r\n'), 'win1252');
}

describe('preview then commit', () => {
  test('a Windows-1252 Excel export: preview, commit, people visible with profiles, sites and invitations', async () => {
    const w = await createWorld(s.ctx);
    await s.deliver();
    const sentBefore = s.mailer.sent.length;
    const p = await preview(w, w.actors.coordinator, windows1252, 'internes.csv');
    assert.equal(p.statusCode, 201, p.body);
    const view = p.json();
    assert.equal(view.status, 'preview');
    assert.deepEqual(view.counts, { total: 3, new: 3, updated: 0, unchanged: 0 });
    assert.deepEqual(view.ignoredColumns, ['Commentaire']);
    assert.equal(view.encoding, 'windows-1252');
    assert.deepEqual(
      view.people.map((x: { line: number; name: string; status: string }) => [x.line, x.name, x.status]),
      [
        [2, 'Éloïse Lefèvre', 'new'],
        [3, 'Noël Cœur', 'new'],
        [5, 'Agnès Müller', 'new'],
      ],
    );
    assert.equal(view.actions.commit, true);
    // A preview writes the preview only.
    await s.deliver();
    assert.equal(s.mailer.sent.length, sentBefore);

    const c = await commit(w, w.actors.coordinator, view.id);
    assert.equal(c.statusCode, 200, c.body);
    assert.deepEqual(c.json(), { created: 3, updated: 0, unchanged: 0, invited: 3, notInvited: 0 });

    const list = await people(w);
    const eloise = list.find((x) => x.email === 'eloise.lefevre@etu.univ-lyon1.fr');
    assert.equal(eloise?.name, 'Éloïse Lefèvre');
    assert.equal(eloise?.phone, '+33612345678');
    assert.deepEqual(
      eloise?.memberships.map((m) => m.role),
      ['tutee'],
    );
    assert.equal(eloise?.profile?.desYear, 1);
    assert.deepEqual(eloise?.profile?.themes, ['Pédiatrie', 'gynécologie']);
    assert.deepEqual(eloise?.profile?.placements, [
      { period: '2026-2027 S1', site: 'Centre hospitalier de Vienne', city: 'Vienne' },
    ]);
    const noel = list.find((x) => x.email === 'noel.coeur@cabinet-etoile.fr');
    assert.deepEqual(
      noel?.memberships.map((m) => [m.role, m.capacity]),
      [['tutor', 3]],
    );
    assert.deepEqual(
      list.find((x) => x.email === 'agnes.muller@univ-lyon1.fr')?.memberships.map((m) => m.role),
      ['tutor'],
    );

    // Each new person got an invitation to this programme, with a link.
    await s.deliver();
    const mails = s.mailer.sent.slice(sentBefore);
    assert.deepEqual(mails.map((m) => m.to).sort(), [
      'agnes.muller@univ-lyon1.fr',
      'eloise.lefevre@etu.univ-lyon1.fr',
      'noel.coeur@cabinet-etoile.fr',
    ]);
    assert.match(mails[0]?.text ?? '', /\/invitation\?token=/);
    assert.match(mails[0]?.subject ?? '', /Coordinatrice A vous invite/);

    const entry = await s.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'import.committed')
      .where('subject_id', '=', view.id)
      .executeTakeFirstOrThrow();
    assert.equal(entry.actor_id, w.actors.coordinator.id);
    assert.deepEqual(JSON.parse(entry.meta ?? '{}'), {
      programmeId: w.programme.id,
      created: 3,
      updated: 0,
      unchanged: 0,
      invitations: 3,
      notInvited: 0,
    });

    const stored = await s.app.inject({
      method: 'GET',
      url: `${importsUrl(w)}/${view.id}`,
      headers: { cookie: w.actors.coordinator.cookie },
    });
    assert.equal(stored.statusCode, 200);
    assert.equal(stored.json().status, 'committed');
    assert.deepEqual(stored.json().result, {
      created: 3,
      updated: 0,
      unchanged: 0,
      invited: 3,
      notInvited: 0,
    });
    assert.equal(stored.json().actions.commit, false);
  });

  test('re-importing the same file changes nothing; a changed phone is the only update', async () => {
    const w = await createWorld(s.ctx);
    const tag = newTag();
    const file = windows1252For(tag);
    await previewAndCommit(w, file);
    const before = await peopleTables();
    await s.deliver();
    const sent = s.mailer.sent.length;

    const again = await previewAndCommit(w, file);
    assert.deepEqual(again.preview.counts, { total: 3, new: 0, updated: 0, unchanged: 3 });
    assert.deepEqual(again.result, { created: 0, updated: 0, unchanged: 3, invited: 0, notInvited: 0 });
    assert.deepEqual(await peopleTables(), before);
    await s.deliver();
    assert.equal(s.mailer.sent.length, sent);

    const bytes = windows1252For(tag, (table) => {
      (table[1] as string[])[4] = '06 99 88 77 66';
    });
    const p = await preview(w, w.actors.coordinator, bytes);
    assert.equal(p.statusCode, 201, p.body);
    const eloise = p.json().people.find((x: { line: number }) => x.line === 2);
    assert.equal(eloise.status, 'updated');
    assert.deepEqual(eloise.changes, [{ field: 'phone', from: '+33612345678', to: '+33699887766' }]);
    const c = await commit(w, w.actors.coordinator, p.json().id);
    assert.deepEqual(c.json(), { created: 0, updated: 1, unchanged: 2, invited: 0, notInvited: 0 });
    const list = await people(w);
    assert.equal(
      list.find((x) => x.email === `eloise.lefevre+${tag}@etu.univ-lyon1.fr`)?.phone,
      '+33699887766',
    );
  });

  test('a committed import cannot be committed again', async () => {
    const w = await createWorld(s.ctx);
    const { preview: view } = await previewAndCommit(w, windows1252For(newTag()));
    const before = await snapshot(s.ctx);
    const res = await commit(w, w.actors.coordinator, view.id);
    assert.equal(res.statusCode, 409);
    assert.deepEqual(res.json().error, {
      code: 'import_already_committed',
      message:
        'Cet import a déjà été validé : les personnes du fichier sont déjà dans le programme. Pour mettre à jour leurs informations, importez le fichier à nouveau.',
    });
    assert.deepEqual(await snapshot(s.ctx), before);
  });

  test('an XLSX upload with the role chosen for the whole file, and an organisation admin importing', async () => {
    const w = await createWorld(s.ctx);
    const bytes = await makeXlsx([
      ['Prénom', 'Nom', 'Adresse e-mail', 'Lieu de stage'],
      ['Inès', 'Roy', 'ines.roy@example.org', 'CHU Amiens-Picardie'],
    ]);
    const p = await preview(w, w.actors.orgAdmin, bytes, 'internes.xlsx', { defaultRole: 'tutee' });
    assert.equal(p.statusCode, 201, p.body);
    assert.equal(p.json().format, 'xlsx');
    assert.deepEqual(p.json().people[0].role, 'tutee');
    const c = await commit(w, w.actors.orgAdmin, p.json().id);
    assert.deepEqual(c.json(), { created: 1, updated: 0, unchanged: 0, invited: 1, notInvited: 0 });
  });

  test('an exact duplicate line is reported on its line, naming the earlier one, and not merged', async () => {
    const w = await createWorld(s.ctx);
    const before = await snapshot(s.ctx);
    const p = await preview(w, w.actors.coordinator, readFixture('duplicates-exact.csv'));
    assert.equal(p.statusCode, 422, p.body);
    assert.deepEqual(
      p
        .json()
        .error.details.rowErrors.map((x: { line: number; code: string; message: string }) => [
          x.line,
          x.code,
          x.message,
        ]),
      [
        [
          4,
          'duplicate_row',
          "Ligne 4 : ligne identique à la ligne 2. Supprimez l'une des deux (ou corrigez-la si elle devait décrire une autre personne).",
        ],
      ],
    );
    assert.deepEqual(await snapshot(s.ctx), before);
  });
});

const commitWith = (w: World, as: Actor, importId: string, body: object) =>
  s.app.inject({
    method: 'POST',
    url: `${importsUrl(w)}/${importId}/commit`,
    payload: body,
    headers: { cookie: as.cookie },
  });
const sendInvitations = (w: World, as: Actor, importId: string, body: object = {}) =>
  s.app.inject({
    method: 'POST',
    url: `${importsUrl(w)}/${importId}/invitations`,
    payload: body,
    headers: { cookie: as.cookie },
  });

describe('roles: no file names a coordinator', () => {
  test('a "Coordinateur" row is refused with the reason, and "coordinator" cannot be the role of a whole file', async () => {
    const w = await createWorld(s.ctx);
    const before = await snapshot(s.ctx);
    const tag = newTag();
    const p = await preview(
      w,
      w.actors.coordinator,
      Buffer.from(
        `Nom;Prénom;E-mail;Rôle\nRoy;Éva;eva+${tag}@example.org;Interne\nMarc;Léo;leo+${tag}@example.org;Coordinateur\n`,
      ),
    );
    assert.equal(p.statusCode, 422, p.body);
    const [error] = p.json().error.details.rowErrors;
    assert.equal(error.code, 'management_role');
    assert.match(error.message, /^Ligne 3 : « Coordinateur » : un import ne nomme pas de coordinateur·rice/);
    const whole = await preview(w, w.actors.coordinator, readFixture('missing-email-column.csv'), 'a.csv', {
      defaultRole: 'coordinator',
    });
    assert.equal(whole.statusCode, 400);
    assert.deepEqual(await snapshot(s.ctx), before);
  });

  test("an association's file: its elected members are its tutors, its members its tutees", async () => {
    const w = await createWorld(s.ctx);
    const association = await s.db
      .updateTable('programmes')
      .set({ template: 'member-tutoring' })
      .where('id', '=', w.programme.id)
      .executeTakeFirst();
    assert.equal(Number(association.numUpdatedRows), 1);
    const tag = newTag();
    const p = await preview(
      w,
      w.actors.coordinator,
      Buffer.from(
        `Nom;Prénom;E-mail;Rôle\nRoy;Éva;eva+${tag}@example.org;Élu·e référent·e\nMarc;Léo;leo+${tag}@example.org;Référent(e)\nPetit;Zoé;zoe+${tag}@example.org;Adhérente\n`,
      ),
    );
    assert.equal(p.statusCode, 201, p.body);
    assert.deepEqual(
      p.json().people.map((x: { role: string }) => x.role),
      ['tutor', 'tutor', 'tutee'],
    );
  });
});

describe('columns: what each column is, chosen once for the organisation', () => {
  const hospitalFile = (tag: string) =>
    Buffer.from(
      `Nom;Prénom;E-mail;Rôle;Site/Hôpital;Promotion/Année DES;Ville\nRoy;Éva;eva+${tag}@example.org;Interne;CH de Vienne;DES1;Vienne\n`,
    );

  test('"Ville" waits for a choice; once chosen and imported, the next file of the organisation is read the same way', async () => {
    const w = await createWorld(s.ctx);
    const tag = newTag();
    const first = await preview(w, w.actors.coordinator, hospitalFile(tag));
    assert.equal(first.statusCode, 201, first.body);
    assert.deepEqual(first.json().unresolved, ['Ville']);
    assert.equal(first.json().actions.commit, false);
    const ville = first.json().fileColumns.find((c: { header: string }) => c.header === 'Ville');
    assert.deepEqual([ville.field, ville.how, ville.candidates], [null, 'ask', ['siteCity', 'homeCommune']]);
    const before = await snapshot(s.ctx);
    const refused = await commit(w, w.actors.coordinator, first.json().id);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().error.message, /« Ville »/);
    assert.deepEqual(await snapshot(s.ctx), before);

    const chosen = await preview(w, w.actors.coordinator, hospitalFile(tag), 'personnes.csv', {
      columns: JSON.stringify({ Ville: 'siteCity' }),
    });
    assert.equal(chosen.statusCode, 201, chosen.body);
    assert.deepEqual(chosen.json().unresolved, []);
    assert.equal(chosen.json().actions.commit, true);
    const c = await commit(w, w.actors.coordinator, chosen.json().id);
    assert.equal(c.statusCode, 200, c.body);
    const eva = (await people(w)).find((x) => x.email === `eva+${tag}@example.org`);
    assert.deepEqual(
      eva?.profile?.placements.map((x) => [x.site, x.city]),
      [['CH de Vienne', 'Vienne']],
    );
    assert.equal(eva?.profile?.desYear, 1);

    // The next file of the organisation, in any of its programmes, reads "Ville" the same way.
    const next = await preview(w, w.actors.coordinator, hospitalFile(newTag()));
    const again = next.json().fileColumns.find((col: { header: string }) => col.header === 'Ville');
    assert.deepEqual([again.field, again.how], ['siteCity', 'remembered']);
    assert.deepEqual(next.json().unresolved, []);
    // Another organisation still gets the question.
    const other = await createWorld(s.ctx);
    const elsewhere = await preview(other, other.actors.coordinator, hospitalFile(newTag()));
    assert.deepEqual(elsewhere.json().unresolved, ['Ville']);
  });

  test('unreadable column choices are refused', async () => {
    const w = await createWorld(s.ctx);
    const res = await preview(w, w.actors.coordinator, hospitalFile(newTag()), 'a.csv', {
      columns: JSON.stringify({ Ville: 'coordinator' }),
    });
    assert.equal(res.statusCode, 400);
  });
});

describe('invitations sent later', () => {
  test('an import committed without invitations; the coordinator sends them from the import, once', async () => {
    const w = await createWorld(s.ctx);
    const tag = newTag();
    const p = await preview(w, w.actors.coordinator, windows1252For(tag));
    assert.equal(p.statusCode, 201, p.body);
    await s.deliver();
    const sentBefore = s.mailer.sent.length;
    const c = await commitWith(w, w.actors.coordinator, p.json().id, { invite: false });
    assert.equal(c.statusCode, 200, c.body);
    assert.deepEqual(c.json(), { created: 3, updated: 0, unchanged: 0, invited: 0, notInvited: 3 });
    await s.deliver();
    assert.equal(s.mailer.sent.length, sentBefore);

    const view = await s.app.inject({
      method: 'GET',
      url: `${importsUrl(w)}/${p.json().id}`,
      headers: { cookie: w.actors.coordinator.cookie },
    });
    assert.deepEqual(view.json().invitations, { notInvited: 3, pending: 0 });
    assert.equal(view.json().actions.invite, true);
    // The member list says who was never invited.
    const statusOf = async () =>
      (await people(w))
        .filter((x) => x.email?.includes(`+${tag}@`))
        .map((x) => (x as { status?: string }).status);
    assert.deepEqual(await statusOf(), ['notInvited', 'notInvited', 'notInvited']);

    // A tutor may not send them; another organisation does not see the import.
    const before = await snapshot(s.ctx);
    assert.equal((await sendInvitations(w, w.actors.tutor, p.json().id)).statusCode, 403);
    assert.equal((await sendInvitations(w, w.actors.otherOrgCoordinator, p.json().id)).statusCode, 404);
    assert.deepEqual(await snapshot(s.ctx), before);

    const sent = await sendInvitations(w, w.actors.coordinator, p.json().id);
    assert.equal(sent.statusCode, 202, sent.body);
    assert.deepEqual(sent.json(), { invited: 3 });
    await s.deliver();
    assert.deepEqual(
      s.mailer.sent
        .slice(sentBefore)
        .map((m) => m.to)
        .sort(),
      [
        `agnes.muller+${tag}@univ-lyon1.fr`,
        `eloise.lefevre+${tag}@etu.univ-lyon1.fr`,
        `noel.coeur+${tag}@cabinet-etoile.fr`,
      ],
    );
    assert.deepEqual(await statusOf(), ['invited', 'invited', 'invited']);
    // Sent once: again sends nothing, unless asked to send again to those who have not joined.
    assert.deepEqual((await sendInvitations(w, w.actors.coordinator, p.json().id)).json(), { invited: 0 });
    assert.deepEqual((await sendInvitations(w, w.actors.coordinator, p.json().id, { resend: true })).json(), {
      invited: 3,
    });
    const after = await s.app.inject({
      method: 'GET',
      url: `${importsUrl(w)}/${p.json().id}`,
      headers: { cookie: w.actors.coordinator.cookie },
    });
    assert.deepEqual(after.json().invitations, { notInvited: 0, pending: 3 });
  });

  test('a preview has no invitations to send', async () => {
    const w = await createWorld(s.ctx);
    const p = await preview(w, w.actors.coordinator, windows1252For(newTag()));
    const before = await snapshot(s.ctx);
    const res = await sendInvitations(w, w.actors.coordinator, p.json().id);
    assert.equal(res.statusCode, 409);
    assert.deepEqual(await snapshot(s.ctx), before);
  });
});

describe('people already known', () => {
  test('an account the person manages keeps its name and phone; an existing member is not invited again', async () => {
    const w = await createWorld(s.ctx);
    const tutee = w.actors.tutee; // in the programme, phone +33655667788, never signed in
    await s.db
      .updateTable('users')
      .set({ last_sign_in_at: '2026-11-01T10:00:00.000Z' })
      .where('id', '=', tutee.id)
      .execute();
    await s.deliver();
    const sent = s.mailer.sent.length;
    const file = Buffer.from(
      `Nom complet;E-mail;Rôle;Téléphone;Année de DES\r\nAutre Nom;${tutee.email};Interne;07 00 00 00 01;3\r\n`,
    );
    const { preview: view, result } = await previewAndCommit(w, file);
    const plan = view.people[0];
    assert.equal(plan.status, 'updated');
    assert.deepEqual(plan.kept, ['name', 'phone']);
    assert.deepEqual(plan.changes, [{ field: 'desYear', from: 2, to: 3 }]);
    assert.deepEqual(result, { created: 0, updated: 1, unchanged: 0, invited: 0, notInvited: 0 });
    const user = await s.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', tutee.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([user.name, user.phone], ['Interne A', '+33655667788']);
    await s.deliver();
    assert.equal(s.mailer.sent.length, sent);
  });

  test('someone from another organisation shows as new, with nothing of theirs revealed or changed', async () => {
    const w = await createWorld(s.ctx);
    const outsider = await createUser(s.ctx, w.otherOrgId, {
      name: 'Mentor B',
      phone: '+33612121212',
      passwordHash: 'x',
    });
    const file = Buffer.from(
      `Nom;Prénom;E-mail;Rôle;Téléphone\r\nB;Quelqu'un;${outsider.email};Tuteur;06 34 34 34 34\r\n`,
    );
    const p = await preview(w, w.actors.coordinator, file);
    const plan = p.json().people[0];
    assert.equal(plan.status, 'new');
    assert.ok(
      plan.changes.every((x: object) => !('from' in x)),
      JSON.stringify(plan.changes),
    );
    const c = await commit(w, w.actors.coordinator, p.json().id);
    // An account of elsewhere is invited to the programme, and enrolled only if they accept.
    assert.deepEqual(c.json(), { created: 1, updated: 0, unchanged: 0, invited: 1, notInvited: 0 });
    const user = await s.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', outsider.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([user.name, user.phone], ['Mentor B', '+33612121212']);
    const orgs = await s.db
      .selectFrom('org_members')
      .select('org_id')
      .where('user_id', '=', outsider.id)
      .execute();
    assert.deepEqual(orgs, [{ org_id: w.otherOrgId }]);
  });

  test('a coordinator is not shown the previous details of organisation members outside the programme', async () => {
    const w = await createWorld(s.ctx);
    const elsewhere = await createUser(s.ctx, w.orgId, { name: 'Hors programme', phone: '+33610101010' });
    const file = Buffer.from(
      `Nom complet;E-mail;Rôle;Téléphone\r\nHors programme;${elsewhere.email};Interne;06 20 20 20 20\r\n`,
    );
    const asCoordinator = await preview(w, w.actors.coordinator, file);
    assert.deepEqual(asCoordinator.json().people[0].changes, [
      { field: 'phone', to: '+33620202020' },
      { field: 'role', to: 'tutee' },
    ]);
    const asAdmin = await preview(w, w.actors.orgAdmin, file);
    assert.deepEqual(asAdmin.json().people[0].changes, [
      { field: 'phone', from: '+33610101010', to: '+33620202020' },
      { field: 'role', from: null, to: 'tutee' },
    ]);
  });
});

describe('bad input: the message the user sees, and nothing written', () => {
  const roles =
    'Tuteur·rice, Enseignant·e tuteur·rice, MSU, Interne, Tutoré·e, Résident·e, Expert·e — ou en anglais Tutor, Resident, Tutee, Expert';
  const tooMany = ['Nom;Prénom;E-mail;Rôle'];
  for (let i = 1; i <= 5001; i++) tooMany.push(`N${i};P${i};p${i}@example.org;Interne`);

  const cases: {
    name: string;
    bytes: () => Promise<Buffer> | Buffer;
    filename?: string;
    status: number;
    code: string;
    message: string;
    rows?: string[];
  }[] = [
    {
      name: 'missing e-mail column',
      bytes: () => readFixture('missing-email-column.csv'),
      status: 400,
      code: 'missing_columns',
      message:
        'Colonne obligatoire manquante : « E-mail ». Colonnes trouvées dans le fichier : « Nom », « Prénom », « Rôle », « Téléphone ».',
    },
    {
      name: 'missing name columns',
      bytes: () => readFixture('missing-name-columns.csv'),
      status: 400,
      code: 'missing_columns',
      message:
        'Colonne obligatoire manquante : « Nom » et « Prénom » (ou une seule colonne « Nom complet »). Colonnes trouvées dans le fichier : « Courriel », « Rôle », « Site ».',
    },
    {
      name: 'missing column in a workbook',
      bytes: () =>
        makeXlsx([
          ['Prénom', 'Nom', 'Rôle'],
          ['Éva', 'Roy', 'Interne'],
        ]),
      filename: 'liste.xlsx',
      status: 400,
      code: 'missing_columns',
      message:
        'Colonne obligatoire manquante : « E-mail ». Colonnes trouvées dans le fichier : « Prénom », « Nom », « Rôle ».',
    },
    {
      name: 'no header row',
      bytes: () => readFixture('no-header.csv'),
      status: 400,
      code: 'no_header',
      message:
        'La ligne 1 doit contenir les titres des colonnes (par exemple « E-mail », « Nom », « Prénom », « Rôle »), mais elle contient : « Dupont », « Marie », « marie.dupont@example.org », « Interne ». Ajoutez une ligne de titres en haut du tableau.',
    },
    {
      name: 'empty file',
      bytes: () => readFixture('empty.csv'),
      status: 400,
      code: 'empty_file',
      message: 'Le fichier est vide : il ne contient ni titres de colonnes ni personnes.',
    },
    {
      name: 'blank lines only',
      bytes: () => readFixture('blank-lines.csv'),
      status: 400,
      code: 'empty_file',
      message: 'Le fichier est vide : il ne contient ni titres de colonnes ni personnes.',
    },
    {
      name: 'titles only',
      bytes: () => readFixture('header-only.csv'),
      status: 400,
      code: 'no_rows',
      message: 'Le fichier ne contient que la ligne de titres : aucune personne à importer.',
    },
    {
      name: 'a PDF',
      bytes: () => readFixture('not-a-table.pdf'),
      filename: 'liste.pdf',
      status: 400,
      code: 'unsupported_format',
      message:
        "Ce fichier n'est pas un tableau CSV ou Excel (.xlsx). Enregistrez votre liste au format CSV ou .xlsx depuis votre tableur, puis réessayez.",
    },
    {
      name: 'an Excel 97-2003 file',
      bytes: () => readFixture('legacy.xls'),
      filename: 'liste.xls',
      status: 400,
      code: 'xls_legacy',
      message:
        'Les fichiers Excel 97-2003 (.xls) et les classeurs protégés par mot de passe ne peuvent pas être lus. Dans Excel, choisissez « Enregistrer sous » au format .xlsx ou CSV, sans mot de passe, puis réessayez.',
    },
    {
      name: 'a quote never closed',
      bytes: () => readFixture('unclosed-quote.csv'),
      status: 400,
      code: 'unclosed_quote',
      message:
        'Ligne 3 : un guillemet (") ouvert n\'est jamais refermé, la suite du fichier ne peut pas être lue. Corrigez cette ligne puis réessayez.',
    },
    {
      name: 'more than 5,000 people',
      bytes: () => Buffer.from(tooMany.join('\r\n')),
      status: 400,
      code: 'too_many_rows',
      message:
        'Le fichier contient 5\u202f001 personnes ; la limite est de 5\u202f000 par import. Découpez-le en plusieurs fichiers.',
    },
    {
      name: 'a file over 5 MB',
      bytes: () => Buffer.alloc(5 * 1024 * 1024 + 300 * 1024, 'a'),
      status: 400,
      code: 'file_too_large',
      message:
        'Le fichier pèse 5,3 Mo ; la limite est de 5 Mo par import. Découpez-le en plusieurs fichiers ou retirez les colonnes inutiles.',
    },
    {
      name: 'one mistake per line',
      bytes: () => readFixture('bad-values.csv'),
      status: 422,
      code: 'import_rows_invalid',
      message:
        "Le fichier contient 7 erreurs (lignes 3, 4, 5, 6, 7, 8, 9). Corrigez-les dans votre tableur puis importez le fichier à nouveau : personne n'a été importé.",
      rows: [
        "Ligne 3 : l'adresse e-mail « paul.roux@ » n'est pas valide.",
        'Ligne 4 : le nom est vide.',
        `Ligne 5 : rôle « Stagiaire » inconnu. Valeurs acceptées : ${roles}.`,
        "Ligne 6 : le numéro de téléphone « 06 12 » n'est pas valide (exemples : 06 12 34 56 78 ou +33 6 12 34 56 78).",
        "Ligne 7 : l'année de DES « DES5 » n'est pas valide : indiquez 1, 2, 3 ou 4 (ou DES1 à DES4).",
        "Ligne 8 : la capacité « -2 » n'est pas valide : indiquez un nombre entier positif ou nul (par exemple 4).",
        "Ligne 9 : l'adresse e-mail est vide.",
      ],
    },
    {
      name: 'the same address twice with different details',
      bytes: () => readFixture('duplicates-conflicting.csv'),
      status: 422,
      code: 'import_rows_invalid',
      message:
        "Le fichier contient 1 erreur (ligne 4). Corrigez-la dans votre tableur puis importez le fichier à nouveau : personne n'a été importé.",
      rows: [
        "Ligne 4 : l'adresse marie.dupont@example.org figure déjà ligne 2 avec d'autres informations. Gardez une seule ligne par personne.",
      ],
    },
  ];

  for (const c of cases) {
    test(c.name, async () => {
      const w = await createWorld(s.ctx);
      const before = await snapshot(s.ctx);
      const res = await preview(w, w.actors.coordinator, await c.bytes(), c.filename ?? 'personnes.csv');
      assert.equal(res.statusCode, c.status, res.body.slice(0, 500));
      const error = res.json().error;
      assert.equal(error.code, c.code);
      assert.equal(error.message, c.message);
      assert.equal(typeof error.details.messageEn, 'string');
      if (c.rows)
        assert.deepEqual(
          error.details.rowErrors.map((e: { message: string }) => e.message),
          c.rows,
        );
      assert.deepEqual(await snapshot(s.ctx), before, 'nothing is written');
    });
  }

  test('no file, or a role for the whole file that does not exist', async () => {
    const w = await createWorld(s.ctx);
    const before = await snapshot(s.ctx);
    const none = await s.app.inject({
      method: 'POST',
      url: importsUrl(w),
      payload: { file: 'x' },
      headers: { cookie: w.actors.coordinator.cookie },
    });
    assert.equal(none.statusCode, 400);
    assert.equal(none.json().error.message, 'Joignez un fichier CSV ou Excel (.xlsx) à importer.');
    const badRole = await preview(w, w.actors.coordinator, readFixture('missing-email-column.csv'), 'a.csv', {
      defaultRole: 'stagiaire',
    });
    assert.equal(badRole.statusCode, 400);
    assert.equal(badRole.json().error.message, 'Le rôle choisi pour tout le fichier est inconnu.');
    assert.deepEqual(await snapshot(s.ctx), before);
  });
});

describe('who may import', () => {
  test("another organisation's coordinator gets 404 on every import route, and nothing changes", async () => {
    const w = await createWorld(s.ctx);
    const p = await preview(w, w.actors.coordinator, windows1252);
    const id = p.json().id as string;
    const before = await snapshot(s.ctx);
    const outsider = w.actors.otherOrgCoordinator;
    assert.equal((await preview(w, outsider, windows1252)).statusCode, 404);
    const get = await s.app.inject({
      method: 'GET',
      url: `${importsUrl(w)}/${id}`,
      headers: { cookie: outsider.cookie },
    });
    assert.equal(get.statusCode, 404);
    assert.equal((await commit(w, outsider, id)).statusCode, 404);
    // Not through their own programme either: the import belongs to another programme.
    const own = await s.app.inject({
      method: 'POST',
      url: `/api/programmes/${w.otherProgramme.id}/imports/${id}/commit`,
      headers: { cookie: outsider.cookie },
    });
    assert.equal(own.statusCode, 404);
    assert.deepEqual(await snapshot(s.ctx), before);
  });

  test('a tutor of the programme sees it but may not import: 403, nothing changes', async () => {
    const w = await createWorld(s.ctx);
    const p = await preview(w, w.actors.coordinator, windows1252);
    const before = await snapshot(s.ctx);
    assert.equal((await preview(w, w.actors.tutor, windows1252)).statusCode, 403);
    assert.equal((await commit(w, w.actors.tutor, p.json().id)).statusCode, 403);
    assert.deepEqual(await snapshot(s.ctx), before);
  });
});
