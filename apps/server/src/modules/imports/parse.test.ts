import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { csvFixtures, makeOdsLike, makeXlsx, readFixture } from '../../../test-fixtures/imports/fixtures.ts';
import { fieldForHeader } from './columns.ts';
import { parsePeopleFile } from './parse.ts';
import { roleForValue } from './roles.ts';

const parseFixture = (name: string, options = {}) => parsePeopleFile(readFixture(name), name, options);
const csv = (text: string) => Buffer.from(text, 'utf8');
const messages = (issues: { message: string }[]) => issues.map((i) => i.message);

/** A local zip header naming one empty entry, as at the start of any Office document. */
function zipEntry(name: string): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(Buffer.byteLength(name), 26);
  return Buffer.concat([header, Buffer.from(name)]);
}

/** A file-level refusal: one message, and nothing to import. */
async function refused(bytes: Buffer, filename = 'personnes.csv') {
  const result = await parsePeopleFile(bytes, filename);
  assert.equal(result.ok, false);
  assert.deepEqual(result.rows, []);
  assert.equal(result.fileErrors.length, 1, JSON.stringify(result.fileErrors));
  return result.fileErrors[0] as { code: string; message: string; messageEn: string };
}

describe('files from French spreadsheets', () => {
  test('the committed CSV fixtures are exactly what the generator writes', () => {
    for (const [name, bytes] of Object.entries(csvFixtures())) {
      assert.ok(readFixture(name).equals(bytes), `${name} is stale: rerun fixtures.ts`);
    }
  });

  test('Excel CSV on a French Windows: Windows-1252, semicolons, CRLF, blank row, extra column', async () => {
    const r = await parseFixture('excel-fr-windows-1252.csv');
    assert.equal(r.ok, true, JSON.stringify(r.rowErrors));
    assert.equal(r.encoding, 'windows-1252');
    assert.equal(r.delimiter, ';');
    assert.deepEqual(r.ignoredColumns, ['Commentaire']);
    assert.deepEqual(
      r.rows.map((p) => [p.line, p.name, p.email, p.role]),
      [
        [2, 'Éloïse Lefèvre', 'eloise.lefevre@etu.univ-lyon1.fr', 'tutee'],
        [3, 'Noël Cœur', 'noel.coeur@cabinet-etoile.fr', 'tutor'],
        // Line 4 is empty in the spreadsheet and stays counted.
        [5, 'Agnès Müller', 'agnes.muller@univ-lyon1.fr', 'tutor'],
      ],
    );
    const [eloise, noel] = r.rows;
    assert.deepEqual(eloise, {
      line: 2,
      email: 'eloise.lefevre@etu.univ-lyon1.fr',
      name: 'Éloïse Lefèvre',
      role: 'tutee',
      phone: '+33612345678',
      homeCommune: 'Villeurbanne',
      site: 'Centre hospitalier de Vienne',
      siteCity: 'Vienne',
      professionalProject: 'Installation en maison de santé',
      themes: ['Pédiatrie', 'gynécologie'],
      languages: ['Français', 'anglais'],
      faculty: 'Lyon Est',
      desYear: 1,
    });
    // The typographic apostrophe is byte 0x92 in Windows-1252, not a control character.
    assert.equal(noel?.site, 'Cabinet de l’Étoile');
    assert.equal(noel?.capacity, 3);
  });

  test('Excel "CSV UTF-8": the BOM is not part of the first title, multi-line cells keep row numbers', async () => {
    const r = await parseFixture('excel-utf8-bom.csv');
    assert.equal(r.ok, true, JSON.stringify(r.rowErrors));
    assert.equal(r.encoding, 'utf-8-bom');
    assert.deepEqual(r.columns[0], { header: 'Nom complet', field: 'fullName' });
    assert.deepEqual(r.ignoredColumns, ['N° RPPS']);
    const [huong, benoit, zoe] = r.rows;
    assert.equal(huong?.name, 'Nguyễn Thị Hương');
    assert.equal(huong?.role, 'tutee');
    assert.equal(huong?.site, 'Hôpital Bichat; service des urgences');
    assert.equal(
      huong?.professionalProject,
      'Médecine générale en zone rurale\nAvec une orientation gériatrie',
    );
    // Row 2 holds a line break inside quotes: the next person is still on spreadsheet row 3.
    assert.deepEqual([benoit?.line, zoe?.line], [3, 4]);
    assert.equal(benoit?.phone, '+33655443322');
  });

  test('Google Sheets CSV: commas, English titles, quoted commas and doubled quotes', async () => {
    const r = await parseFixture('google-sheets-comma.csv', { template: 'installation-mentoring' });
    assert.equal(r.ok, true, JSON.stringify(r.rowErrors));
    assert.equal(r.delimiter, ',');
    assert.equal(r.encoding, 'utf-8');
    const [lea, hugo] = r.rows;
    assert.deepEqual(lea?.themes, ['Pédiatrie', 'urgences']);
    assert.equal(lea?.professionalProject, 'Rejoindre "SOS Médecins"');
    assert.equal(lea?.desYear, 2);
    assert.equal(lea?.role, 'tutee');
    assert.deepEqual([hugo?.name, hugo?.role, hugo?.phone], ["Hugo O'Brien", 'tutor', undefined]);
  });

  test('Excel "Texte Unicode": UTF-16 with tabs', async () => {
    const r = await parseFixture('excel-unicode-text.txt');
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.deepEqual([r.encoding, r.delimiter], ['utf-16le', '\t']);
    assert.deepEqual(
      r.rows.map((p) => [p.name, p.role]),
      [['Anaïs Lambert', 'expert']],
    );
  });

  test('an XLSX workbook, whatever its extension: links, rich text, numbers, formulas; first sheet only', async () => {
    const bytes = await makeXlsx(
      [
        ['Nom', 'Prénom', 'E-mail', 'Rôle', 'Téléphone', 'Année de DES', 'Capacité', 'Site'],
        [
          'Durand',
          { richText: [{ text: 'Clé' }, { font: { bold: true }, text: 'mence' }] },
          { text: 'Clemence.Durand@example.org', hyperlink: 'mailto:Clemence.Durand@example.org' },
          'Interne',
          612345678,
          3,
          '',
          { formula: '"CHU "&"Nantes"', result: 'CHU Nantes' },
        ],
        ['Morel', 'Yves', 'yves.morel@example.org', 'Tuteur', '', '', 4, ''],
      ],
      { extraSheet: true },
    );
    const r = await parsePeopleFile(bytes, 'liste.csv');
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.equal(r.format, 'xlsx');
    assert.deepEqual(r.rows, [
      {
        line: 2,
        email: 'clemence.durand@example.org',
        name: 'Clémence Durand',
        role: 'tutee',
        phone: '+33612345678',
        desYear: 3,
        site: 'CHU Nantes',
      },
      { line: 3, email: 'yves.morel@example.org', name: 'Yves Morel', role: 'tutor', capacity: 4 },
    ]);
  });

  test('a title above the table is skipped and said so; line numbers stay those of the sheet', async () => {
    const bytes = await makeXlsx([
      ['Internes DES de médecine générale 2025-2026'],
      [],
      ['Nom', 'Prénom', 'E-mail', 'Rôle'],
      ['Faure', 'Nina', 'nina.faure@example.org', 'Interne'],
      ['Faure', 'Nina', 'nina.faure@', 'Interne'],
    ]);
    const r = await parsePeopleFile(bytes, 'internes.xlsx');
    assert.equal(r.headerLine, 3);
    assert.deepEqual(messages(r.warnings), [
      'Les lignes 1 à 2, au-dessus des titres de colonnes (ligne 3), sont ignorées.',
    ]);
    assert.deepEqual(messages(r.rowErrors), ["Ligne 5 : l'adresse e-mail « nina.faure@ » n'est pas valide."]);
  });

  test('titles are recognised whatever their case, accents, underscores or hints', () => {
    const cases: [string, string | null][] = [
      ['ADRESSE_E-MAIL', 'email'],
      ['Mél', 'email'],
      ['prenom', 'firstName'],
      ['NOM DE FAMILLE', 'lastName'],
      ['Téléphone (portable)', 'phone'],
      ['ville_du_site', 'siteCity'],
      ['Terrain de stage', 'site'],
      ["Faculté d'origine", 'faculty'],
      ['Année de DES', 'desYear'],
      ['capacite', 'capacity'],
      ['Thèmes', 'themes'],
      ['E-mail *', 'email'],
      ['Remarques', null],
    ];
    for (const [title, field] of cases) assert.equal(fieldForHeader(title), field, title);
  });

  test('role values in French and English, feminine and inclusive forms', () => {
    const cases: [string, string, string | null][] = [
      ['Tutrice', 'des-tutoring', 'tutor'],
      ['MENTOR', 'installation-mentoring', 'tutor'],
      ['Tuteurs', 'des-tutoring', 'tutor'],
      ['interne', 'des-tutoring', 'tutee'],
      ['Tutoré·e', 'des-tutoring', 'tutee'],
      ['tutoree', 'des-tutoring', 'tutee'],
      ['Mentorée', 'installation-mentoring', 'tutee'],
      ['résident', 'des-tutoring', 'tutee'],
      ['Experte', 'des-tutoring', 'expert'],
      // No value makes a coordinator.
      ['Référente', 'des-tutoring', null],
      ['coordonnateur', 'des-tutoring', null],
      ['Coordinator', 'des-tutoring', null],
      // Without its accent, "mentore" could be a woman mentor or a mentee: refused, not guessed.
      ['mentore', 'installation-mentoring', null],
      ['Stagiaire', 'des-tutoring', null],
    ];
    for (const [value, template, role] of cases)
      assert.equal(roleForValue(value, template as 'des-tutoring'), role, value);
  });

  test('Excel\'s "sep=;" first line and ="0612…" cells are understood', async () => {
    const r = await parsePeopleFile(
      csv('sep=;\r\nNom;Prénom;E-mail;Rôle;Tél\r\nRoy;Éva;eva.roy@example.org;Interne;="0612345678"\r\n'),
      'a.csv',
    );
    assert.equal(r.ok, true, JSON.stringify(r));
    assert.deepEqual(
      r.rows.map((p) => [p.line, p.phone]),
      [[3, '+33612345678']],
    );
  });

  test('without a role column, the role chosen for the import applies; an empty cell too', async () => {
    const noColumn = await parsePeopleFile(csv('Nom;Prénom;E-mail\nRoy;Éva;eva.roy@example.org\n'), 'a.csv', {
      defaultRole: 'tutee',
    });
    assert.deepEqual(
      noColumn.rows.map((p) => p.role),
      ['tutee'],
    );
    const emptyCell = await parsePeopleFile(
      csv('Nom;Prénom;E-mail;Rôle\nRoy;Éva;eva.roy@example.org;\nRoy;Jo;jo.roy@example.org;tuteur\n'),
      'a.csv',
      { defaultRole: 'tutee' },
    );
    assert.deepEqual(
      emptyCell.rows.map((p) => p.role),
      ['tutee', 'tutor'],
    );
  });

  test('a second column for the same information is ignored with a warning', async () => {
    const r = await parsePeopleFile(
      csv(
        'Nom;Prénom;E-mail;Rôle;Téléphone;Portable\nRoy;Éva;eva.roy@example.org;Interne;0612345678;0798765432\n',
      ),
      'a.csv',
    );
    assert.equal(r.ok, true);
    assert.equal(r.rows[0]?.phone, '+33612345678');
    assert.deepEqual(r.ignoredColumns, ['Portable']);
    assert.deepEqual(messages(r.warnings), [
      'La colonne « Portable » est ignorée : la colonne « Téléphone » donne déjà la même information.',
    ]);
  });

  test('a capacity given to a tutee is dropped with a warning', async () => {
    const r = await parsePeopleFile(
      csv('Nom;Prénom;E-mail;Rôle;Capacité\nRoy;Éva;eva.roy@example.org;Interne;2\n'),
      'a.csv',
    );
    assert.equal(r.ok, true);
    assert.equal(r.rows[0]?.capacity, undefined);
    assert.deepEqual(messages(r.warnings), [
      'Ligne 2 : la capacité ne concerne que les tuteurs : elle est ignorée pour cette personne.',
    ]);
  });
});

describe('duplicate rows', () => {
  test('an exact duplicate (same values once normalised) is reported on its line, naming the earlier one', async () => {
    const r = await parseFixture('duplicates-exact.csv');
    assert.equal(r.ok, false);
    assert.deepEqual(
      r.rows.map((p) => p.line),
      [2, 3],
    );
    assert.deepEqual(messages(r.warnings), []);
    assert.deepEqual(
      r.rowErrors.map((e) => [e.line, e.code, e.message]),
      [
        [
          4,
          'duplicate_row',
          "Ligne 4 : ligne identique à la ligne 2. Supprimez l'une des deux (ou corrigez-la si elle devait décrire une autre personne).",
        ],
      ],
    );
  });

  test('the same address with different details is an error naming the first line', async () => {
    const r = await parseFixture('duplicates-conflicting.csv');
    assert.equal(r.ok, false);
    assert.deepEqual(messages(r.rowErrors), [
      "Ligne 4 : l'adresse marie.dupont@example.org figure déjà ligne 2 avec d'autres informations. Gardez une seule ligne par personne.",
    ]);
  });
});

describe('bad rows: each line says what is wrong', () => {
  test('invalid e-mail, missing name, unknown role, invalid phone, DES year, capacity, missing e-mail', async () => {
    const r = await parseFixture('bad-values.csv');
    assert.equal(r.ok, false);
    assert.deepEqual(r.fileErrors, []);
    assert.deepEqual(messages(r.rowErrors), [
      "Ligne 3 : l'adresse e-mail « paul.roux@ » n'est pas valide.",
      'Ligne 4 : le nom est vide.',
      'Ligne 5 : rôle « Stagiaire » inconnu. Valeurs acceptées : Tuteur·rice, Enseignant·e tuteur·rice, MSU, Interne, Tutoré·e, Résident·e, Expert·e — ou en anglais Tutor, Resident, Tutee, Expert.',
      "Ligne 6 : le numéro de téléphone « 06 12 » n'est pas valide (exemples : 06 12 34 56 78 ou +33 6 12 34 56 78).",
      "Ligne 7 : l'année de DES « DES5 » n'est pas valide : indiquez 1, 2, 3 ou 4 (ou DES1 à DES4).",
      "Ligne 8 : la capacité « -2 » n'est pas valide : indiquez un nombre entier positif ou nul (par exemple 4).",
      "Ligne 9 : l'adresse e-mail est vide.",
    ]);
    assert.deepEqual(
      r.rowErrors.map((e) => [e.line, e.code, e.column]),
      [
        [3, 'invalid_email', 'E-mail'],
        [4, 'missing_name', 'Nom'],
        [5, 'unknown_role', 'Rôle'],
        [6, 'invalid_phone', 'Téléphone'],
        [7, 'invalid_des_year', 'Année de DES'],
        [8, 'invalid_capacity', 'Capacité'],
        [9, 'missing_email', 'E-mail'],
      ],
    );
    assert.equal(r.rowErrors[0]?.messageEn, 'Line 3: the e-mail address "paul.roux@" is not valid.');
    // Only the valid line is kept, and the file as a whole is refused.
    assert.deepEqual(
      r.rows.map((p) => p.line),
      [2],
    );
  });

  test('a name with a hidden control or text-direction character is refused, on the cell that holds it', async () => {
    const r = await parsePeopleFile(
      csv(
        'Nom;Prénom;E-mail;Rôle\nRoy;Éva;eva.roy@example.org;interne\nMartin\u202Egnp.exe;Paul;paul@example.org;interne\nDurand;Zoé\u2066;zoe@example.org;interne\n',
      ),
      'a.csv',
    );
    assert.deepEqual(
      r.rowErrors.map((e) => [e.line, e.code, e.column]),
      [
        [3, 'invalid_name', 'Nom'],
        [4, 'invalid_name', 'Prénom'],
      ],
    );
    assert.match(r.rowErrors[0]?.messageEn ?? '', /control characters/);
    assert.deepEqual(
      r.rows.map((p) => p.line),
      [2],
    );
  });

  test('an empty role cell without a role for the whole file', async () => {
    const r = await parsePeopleFile(csv('Nom;Prénom;E-mail;Rôle\nRoy;Éva;eva.roy@example.org;\n'), 'a.csv');
    assert.deepEqual(messages(r.rowErrors), [
      'Ligne 2 : le rôle est vide. Valeurs acceptées : Tuteur·rice, Enseignant·e tuteur·rice, MSU, Interne, Tutoré·e, Résident·e, Expert·e — ou en anglais Tutor, Resident, Tutee, Expert.',
    ]);
  });

  test('misplaced quotes inside a cell', async () => {
    const r = await parsePeopleFile(
      csv(
        'Nom;Prénom;E-mail;Rôle\nRoy;Éva;eva.roy@example.org;Interne\nRoy;"Jo"e";jo.roy@example.org;Interne\n',
      ),
      'a.csv',
    );
    assert.equal(r.ok, false);
    assert.deepEqual(messages(r.rowErrors), [
      'Ligne 3 : des guillemets (") sont mal placés dans une cellule : une cellule entre guillemets doit commencer et finir par un guillemet.',
    ]);
  });
});

describe('bad files: one clear message and nothing to import', () => {
  test('missing e-mail column names it and lists the columns found', async () => {
    const e = await refused(readFixture('missing-email-column.csv'));
    assert.equal(e.code, 'missing_columns');
    assert.equal(
      e.message,
      'Colonne obligatoire manquante : « E-mail ». Colonnes trouvées dans le fichier : « Nom », « Prénom », « Rôle », « Téléphone ».',
    );
    assert.equal(
      e.messageEn,
      'Missing required column: "E-mail". Columns found in the file: "Nom", "Prénom", "Rôle", "Téléphone".',
    );
  });

  test('missing name columns', async () => {
    const e = await refused(readFixture('missing-name-columns.csv'));
    assert.equal(
      e.message,
      'Colonne obligatoire manquante : « Nom » et « Prénom » (ou une seule colonne « Nom complet »). Colonnes trouvées dans le fichier : « Courriel », « Rôle », « Site ».',
    );
  });

  test('several missing columns, role included when no role was chosen for the file', async () => {
    const e = await refused(csv('Nom;Courriel;Ville\nRoy;eva.roy@example.org;Lyon\n'));
    assert.equal(
      e.message,
      'Colonnes obligatoires manquantes : « Prénom » ; « Rôle » (ou choisissez un rôle pour tout le fichier). Colonnes trouvées dans le fichier : « Nom », « Courriel », « Ville ».',
    );
  });

  test('missing column in a workbook', async () => {
    const e = await refused(
      await makeXlsx([
        ['Prénom', 'Nom', 'Rôle'],
        ['Éva', 'Roy', 'Interne'],
      ]),
      'a.xlsx',
    );
    assert.equal(
      e.message,
      'Colonne obligatoire manquante : « E-mail ». Colonnes trouvées dans le fichier : « Prénom », « Nom », « Rôle ».',
    );
  });

  test('no header row', async () => {
    const e = await refused(readFixture('no-header.csv'));
    assert.equal(e.code, 'no_header');
    assert.equal(
      e.message,
      'La ligne 1 doit contenir les titres des colonnes (par exemple « E-mail », « Nom », « Prénom », « Rôle »), mais elle contient : « Dupont », « Marie », « marie.dupont@example.org », « Interne ». Ajoutez une ligne de titres en haut du tableau.',
    );
  });

  test('empty file, and a file with only blank lines and separators', async () => {
    for (const name of ['empty.csv', 'blank-lines.csv']) {
      const e = await refused(readFixture(name));
      assert.equal(e.code, 'empty_file', name);
      assert.equal(e.message, 'Le fichier est vide : il ne contient ni titres de colonnes ni personnes.');
    }
    const e = await refused(await makeXlsx([]), 'vide.xlsx');
    assert.equal(e.code, 'empty_file');
  });

  test('titles but no person', async () => {
    const e = await refused(readFixture('header-only.csv'));
    assert.equal(e.message, 'Le fichier ne contient que la ligne de titres : aucune personne à importer.');
  });

  test('a PDF, an image, a Word document are not tables', async () => {
    const expected =
      "Ce fichier n'est pas un tableau CSV ou Excel (.xlsx). Enregistrez votre liste au format CSV ou .xlsx depuis votre tableur, puis réessayez.";
    const png = Buffer.from([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52,
    ]);
    const docx = Buffer.concat([zipEntry('[Content_Types].xml'), zipEntry('word/document.xml')]);
    for (const [bytes, name] of [
      [readFixture('not-a-table.pdf'), 'liste.pdf'],
      [png, 'liste.png'],
      [docx, 'liste.docx'],
    ] as const) {
      const e = await refused(bytes, name);
      assert.equal(e.code, 'unsupported_format', name);
      assert.equal(e.message, expected);
    }
  });

  test('an Excel 97-2003 or password-protected workbook', async () => {
    const e = await refused(readFixture('legacy.xls'), 'liste.xls');
    assert.equal(
      e.message,
      'Les fichiers Excel 97-2003 (.xls) et les classeurs protégés par mot de passe ne peuvent pas être lus. Dans Excel, choisissez « Enregistrer sous » au format .xlsx ou CSV, sans mot de passe, puis réessayez.',
    );
  });

  test('a LibreOffice spreadsheet', async () => {
    const e = await refused(makeOdsLike(), 'liste.ods');
    assert.equal(
      e.message,
      'Les classeurs LibreOffice (.ods) ne sont pas pris en charge. Dans LibreOffice, choisissez « Enregistrer sous » au format .xlsx ou CSV, puis réessayez.',
    );
  });

  test('a damaged workbook', async () => {
    const whole = await makeXlsx([['Nom', 'Prénom', 'E-mail', 'Rôle']]);
    const e = await refused(whole.subarray(0, Math.floor(whole.length * 0.6)), 'liste.xlsx');
    assert.equal(e.code, 'unreadable_xlsx');
    assert.equal(
      e.message,
      'Le fichier Excel est endommagé ou illisible. Ouvrez-le dans Excel, enregistrez-le à nouveau au format .xlsx, puis réessayez.',
    );
  });

  test('a quote never closed', async () => {
    const e = await refused(readFixture('unclosed-quote.csv'));
    assert.equal(
      e.message,
      'Ligne 3 : un guillemet (") ouvert n\'est jamais refermé, la suite du fichier ne peut pas être lue. Corrigez cette ligne puis réessayez.',
    );
  });

  test('more than 5,000 people', async () => {
    const lines = ['Nom;Prénom;E-mail;Rôle'];
    for (let i = 1; i <= 5001; i++) lines.push(`Nom${i};Prénom${i};p${i}@example.org;Interne`);
    const e = await refused(csv(lines.join('\r\n')));
    assert.equal(
      e.message,
      'Le fichier contient 5\u202f001 personnes ; la limite est de 5\u202f000 par import. Découpez-le en plusieurs fichiers.',
    );
    assert.equal(
      e.messageEn,
      'The file has 5,001 people; the limit is 5,000 per import. Split it into several files.',
    );
  });

  test('exactly 5,000 people is accepted', async () => {
    const lines = ['Nom;Prénom;E-mail;Rôle'];
    for (let i = 1; i <= 5000; i++) lines.push(`Nom${i};Prénom${i};p${i}@example.org;Interne`);
    const r = await parsePeopleFile(csv(lines.join('\r\n')), 'a.csv');
    assert.equal(r.ok, true);
    assert.equal(r.rows.length, 5000);
    assert.equal(r.rows.at(-1)?.line, 5001);
  });

  test('a file over 5 MB', async () => {
    const e = await refused(Buffer.alloc(5 * 1024 * 1024 + 100 * 1024, 'a'));
    assert.equal(
      e.message,
      'Le fichier pèse 5,1 Mo ; la limite est de 5 Mo par import. Découpez-le en plusieurs fichiers ou retirez les colonnes inutiles.',
    );
  });
});

describe("role words are the template's own, and no file names a coordinator", () => {
  const roleFile = (values: string[]) =>
    csv(
      `Nom;Prénom;E-mail;Rôle\n${values.map((v, i) => `Nom${i};P${i};p${i}@example.org;${v}`).join('\n')}\n`,
    );
  const rolesOf = async (values: string[], template: string) => {
    const r = await parsePeopleFile(roleFile(values), 'a.csv', { template } as never);
    return { r, roles: values.map((_, i) => r.rows.find((x) => x.line === i + 2)?.role ?? null) };
  };

  test("the association's words map to its tutor and tutee roles, in French and English", async () => {
    const tutors = [
      'Élu·e référent·e',
      'Élu·es référent·es',
      'Élu(e)',
      'élue',
      'Elu',
      'ÉLUS',
      'référente',
      'Référent(e)',
      'referent-e',
      'Elected referent',
      'Tuteur',
    ];
    const tutees = ['Adhérent·e', 'adhérente', 'Adherents', 'Membre', 'Member', 'Tutorée'];
    const { r, roles } = await rolesOf([...tutors, ...tutees], 'member-tutoring');
    assert.deepEqual(r.rowErrors, []);
    assert.deepEqual(roles, [...tutors.map(() => 'tutor'), ...tutees.map(() => 'tutee')]);
  });

  test('"coordinateur" or "Référent(e)" never makes a coordinator: the row says coordinators are named in the app', async () => {
    for (const template of [
      'des-tutoring',
      'peer-tutoring',
      'member-tutoring',
      'installation-mentoring',
      'tutor-peer-support',
    ]) {
      const values = [
        'Coordinateur',
        'coordinatrice',
        'Coordinateur·rice',
        'Coordinator',
        'Référent(e)',
        'Admin',
      ];
      const { r } = await rolesOf(values, template);
      assert.ok(
        r.rows.every((x) => (x.role as string) !== 'coordinator'),
        `${template}: ${JSON.stringify(r.rows)}`,
      );
      const management = r.rowErrors.filter((e) => e.code === 'management_role');
      // In the association, "Référent(e)" is its word for a tutor.
      assert.equal(management.length, template === 'member-tutoring' ? 5 : 6, template);
    }
    const { r } = await rolesOf(['Coordinatrice'], 'member-tutoring');
    assert.deepEqual(messages(r.rowErrors), [
      "Ligne 2 : « Coordinatrice » : un import ne nomme pas de coordinateur·rice. Les coordinateur·rices sont nommé·es dans l'application (onglet « Personnes » du programme), pour que personne ne reçoive par erreur l'accès aux coordonnées de tous. Retirez cette ligne ou indiquez un rôle accepté : Élu·e référent·e, Élu·e, Référent·e, Tuteur·rice, Adhérent·e, Membre, Tutoré·e, Expert·e — ou en anglais Elected referent, Elected member, Referent, Tutor, Member, Tutee, Expert.",
    ]);
  });

  test("an unknown word is refused with the template's own accepted words", async () => {
    const association = await rolesOf(['Stagiaire'], 'member-tutoring');
    assert.match(
      association.r.rowErrors[0]?.message ?? '',
      /Valeurs acceptées : Élu·e référent·e, .*Adhérent·e/,
    );
    assert.match(
      association.r.rowErrors[0]?.messageEn ?? '',
      /Accepted values: .*or in English Elected referent/,
    );
    const des = await rolesOf(['Élu'], 'des-tutoring');
    assert.equal(des.r.rowErrors[0]?.code, 'unknown_role');
    assert.match(des.r.rowErrors[0]?.message ?? '', /Valeurs acceptées : Tuteur·rice, .*Interne/);
  });

  test('each template reads its own words; an unaccented "mentore" is refused, not guessed', async () => {
    assert.deepEqual(
      (await rolesOf(['Tuteur·rice pair', 'Peer tutors', 'Internes', 'Resident'], 'peer-tutoring')).roles,
      ['tutor', 'tutor', 'tutee', 'tutee'],
    );
    assert.deepEqual(
      (
        await rolesOf(
          ['Mentor', 'MENTORS', 'Mentorée', 'mentoré·es', 'Mentee', 'mentore', 'Experte'],
          'installation-mentoring',
        )
      ).roles,
      ['tutor', 'tutor', 'tutee', 'tutee', 'tutee', null, 'expert'],
    );
    assert.deepEqual(roleForValue('Tutoré·e', 'des-tutoring'), 'tutee');
    assert.deepEqual(roleForValue('tutore', 'des-tutoring'), 'tutee');
    assert.deepEqual(roleForValue('Tuteurs/tutrices', 'des-tutoring'), 'tutor');
  });
});

describe('column titles of real spreadsheets', () => {
  const hospitalFile = csv(
    'Nom;Prénom;E-mail;Rôle;Site/Hôpital;Promotion/Année DES;Ville\nRoy;Éva;eva.roy@example.org;Interne;CH de Vienne;DES1;Vienne\n',
  );

  test('"Site/Hôpital" and "Promotion/Année DES" are read; "Ville" waits for a choice, never read as home', async () => {
    const r = await parsePeopleFile(hospitalFile, 'a.csv');
    assert.equal(r.ok, true, JSON.stringify(r.rowErrors));
    assert.deepEqual(r.rows[0], {
      line: 2,
      email: 'eva.roy@example.org',
      name: 'Éva Roy',
      role: 'tutee',
      site: 'CH de Vienne',
      desYear: 1,
    });
    assert.deepEqual(
      r.fileColumns.map((c) => [c.header, c.field, c.how]),
      [
        ['Nom', 'lastName', 'recognised'],
        ['Prénom', 'firstName', 'recognised'],
        ['E-mail', 'email', 'recognised'],
        ['Rôle', 'role', 'recognised'],
        ['Site/Hôpital', 'site', 'recognised'],
        ['Promotion/Année DES', 'desYear', 'recognised'],
        ['Ville', null, 'ask'],
      ],
    );
    assert.deepEqual(r.fileColumns[6]?.candidates, ['siteCity', 'homeCommune']);
    assert.deepEqual(r.fileColumns[6]?.samples, ['Vienne']);
    assert.deepEqual(r.unresolved, ['Ville']);
  });

  test('common variants of each title', () => {
    const cases: [string, string | null][] = [
      ['Hôpital', 'site'],
      ['Établissement', 'site'],
      ['Lieu de stage', 'site'],
      ['Cohorte', 'desYear'],
      ['Phase', 'desYear'],
      ['Promo', 'desYear'],
      ['Commune de résidence', 'homeCommune'],
      ['Ville de stage', 'siteCity'],
      ['Ville', null],
      ['Commune', null],
    ];
    for (const [title, field] of cases) assert.equal(fieldForHeader(title), field, title);
  });

  test('what the user chose, then what the organisation chose before, then the title', async () => {
    const chosen = await parsePeopleFile(hospitalFile, 'a.csv', {
      choices: { Ville: 'siteCity', 'Promotion/Année DES': 'ignore' },
      remembered: { ville: 'homeCommune', 'site hopital': 'ignore' },
    });
    assert.equal(chosen.ok, true);
    assert.deepEqual(chosen.unresolved, []);
    assert.equal(chosen.rows[0]?.siteCity, 'Vienne');
    assert.equal(chosen.rows[0]?.homeCommune, undefined);
    assert.equal(chosen.rows[0]?.desYear, undefined);
    assert.equal(chosen.rows[0]?.site, undefined);
    assert.deepEqual(
      chosen.fileColumns.slice(4).map((c) => [c.header, c.field, c.how]),
      [
        ['Site/Hôpital', null, 'remembered'],
        ['Promotion/Année DES', null, 'chosen'],
        ['Ville', 'siteCity', 'chosen'],
      ],
    );
    const remembered = await parsePeopleFile(hospitalFile, 'a.csv', { remembered: { ville: 'homeCommune' } });
    assert.equal(remembered.rows[0]?.homeCommune, 'Vienne');
    assert.equal(remembered.fileColumns[6]?.how, 'remembered');
  });

  test('an empty "Ville" column needs no choice', async () => {
    const r = await parsePeopleFile(
      csv('Nom;Prénom;E-mail;Rôle;Ville\nRoy;Éva;eva.roy@example.org;Interne;\n'),
      'a.csv',
    );
    assert.deepEqual(r.unresolved, []);
  });
});
