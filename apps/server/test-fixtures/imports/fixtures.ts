/**
 * Sample people files as French spreadsheets write them. The CSV files are committed as bytes
 * (run `npx tsx apps/server/test-fixtures/imports/fixtures.ts` to rewrite them; a test checks
 * they match); workbooks are built at test time because exceljs stamps them with the current time.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

export const FIXTURE_DIR = new URL('.', import.meta.url).pathname;

export const readFixture = (name: string): Buffer => readFileSync(join(FIXTURE_DIR, name));

type Table = string[][];

/** CSV the way spreadsheets write it: quotes only where needed, doubled inside. */
export function toCsv(table: Table, delimiter: string, eol: string): string {
  const quote = (cell: string) =>
    cell.includes(delimiter) || cell.includes('"') || cell.includes('\n') || cell.includes('\r')
      ? `"${cell.replaceAll('"', '""')}"`
      : cell;
  return table.map((row) => row.map(quote).join(delimiter)).join(eol) + eol;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Excel on a French Windows, "CSV (séparateur : point-virgule)": Windows-1252, `;`, CRLF. */
export const excelWindows1252: Table = [
  [
    'Nom',
    'Prénom',
    'Courriel',
    'Rôle',
    'Téléphone',
    'Commune de résidence',
    'Lieu de stage',
    'Ville du site',
    'Projet professionnel',
    'Thèmes',
    'Langues',
    "Faculté d'origine",
    'Année de DES',
    'Capacité',
    'Commentaire',
  ],
  [
    'Lefèvre',
    'Éloïse',
    'Eloise.Lefevre@etu.univ-lyon1.fr',
    'Interne',
    '06 12 34 56 78',
    'Villeurbanne',
    'Centre hospitalier de Vienne',
    'Vienne',
    'Installation en maison de santé',
    'Pédiatrie; gynécologie',
    'Français, anglais',
    'Lyon Est',
    'DES1',
    '',
    'Très motivée',
  ],
  [
    'Cœur',
    'Noël',
    'noel.coeur@cabinet-etoile.fr',
    'Tuteur',
    '07 98 76 54 32',
    'Écully',
    'Cabinet de l’Étoile',
    'Écully',
    '',
    'Soins palliatifs',
    'Français',
    '',
    '',
    '3',
    'Maître de stage (MSU)',
  ],
  ['', '', '', '', '', '', '', '', '', '', '', '', '', '', ''],
  [
    'Müller',
    'Agnès',
    'agnes.muller@univ-lyon1.fr',
    'Tutrice',
    '04 72 11 22 33',
    'Lyon 3e',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
    '',
  ],
];

/** Excel "CSV UTF-8": BOM, `;`, CRLF, a cell typed with Alt+Enter (a bare LF inside quotes). */
export const excelUtf8Bom: Table = [
  [
    'Nom complet',
    'Adresse e-mail',
    'Rôle',
    'Portable',
    'Terrain de stage',
    'Projet professionnel',
    'N° RPPS',
  ],
  [
    'Nguyễn Thị Hương',
    'huong.nguyen@etu.u-paris.fr',
    'tutorée',
    '+33 6 11 22 33 44',
    'Hôpital Bichat; service des urgences',
    'Médecine générale en zone rurale\nAvec une orientation gériatrie',
    '',
  ],
  [
    'Benoît Ménard',
    'benoit.menard@cabinet.fr',
    'Tuteur',
    '06.55.44.33.22',
    'Cabinet Ménard',
    '',
    '10101234567',
  ],
  ['Zoé Da Silva', 'zoe.dasilva@etu.u-paris.fr', 'Interne', '', 'Hôpital Bichat', '', ''],
];

/** A Google Sheets download: UTF-8 without BOM, `,`, LF, English headers, doubled quotes. */
export const googleSheetsComma: Table = [
  ['First name', 'Last name', 'Email', 'Role', 'Phone', 'Themes', 'DES year', 'Professional project'],
  [
    'Léa',
    'Girard',
    'lea.girard@example.org',
    'mentee',
    '0611223344',
    'Pédiatrie, urgences',
    '2',
    'Rejoindre "SOS Médecins"',
  ],
  ['Hugo', "O'Brien", 'hugo.obrien@example.org', 'mentor', '', '', '', ''],
];

/** Excel "Texte Unicode": UTF-16 LE with BOM, tab-separated. */
export const unicodeText: Table = [
  ['Prénom', 'Nom', 'E-mail', 'Rôle'],
  ['Anaïs', 'Lambert', 'anais.lambert@example.org', 'Experte'],
];

/** The same person twice, written slightly differently: reported on the second line. */
export const exactDuplicates: Table = [
  ['Nom', 'Prénom', 'E-mail', 'Rôle', 'Téléphone'],
  ['Dupont', 'Marie', 'marie.dupont@example.org', 'Interne', '06 12 34 56 78'],
  ['Martin', 'Jean', 'jean.martin@example.org', 'Tuteur', ''],
  ['Dupont', 'Marie', 'Marie.Dupont@example.org', 'interne', '0612345678'],
];

/** The same address twice with different details: refused. */
export const conflictingDuplicates: Table = [
  ['Nom', 'Prénom', 'E-mail', 'Rôle'],
  ['Dupont', 'Marie', 'marie.dupont@example.org', 'Interne'],
  ['Martin', 'Jean', 'jean.martin@example.org', 'Tuteur'],
  ['Dupond', 'Marie', 'marie.dupont@example.org', 'Tutrice'],
];

/** One mistake per line; line 2 has a two-line cell, so a text editor's numbering would drift. */
export const badValues: Table = [
  ['Nom', 'Prénom', 'E-mail', 'Rôle', 'Téléphone', 'Année de DES', 'Capacité', 'Projet professionnel'],
  ['Petit', 'Camille', 'camille.petit@example.org', 'Interne', '', '1', '', 'Urgences\npuis SAMU'],
  ['Roux', 'Paul', 'paul.roux@', 'Interne', '', '', '', ''],
  ['', 'Julie', 'julie@example.org', 'Interne', '', '', '', ''],
  ['Blanc', 'Louis', 'louis.blanc@example.org', 'Stagiaire', '', '', '', ''],
  ['Noir', 'Inès', 'ines.noir@example.org', 'Interne', '06 12', '', '', ''],
  ['Vert', 'Tom', 'tom.vert@example.org', 'Interne', '', 'DES5', '', ''],
  ['Gris', 'Lina', 'lina.gris@example.org', 'Tuteur', '', '', '-2', ''],
  ['Brun', 'Ali', '', 'Tuteur', '', '', '', ''],
];

export const missingEmailColumn: Table = [
  ['Nom', 'Prénom', 'Rôle', 'Téléphone'],
  ['Dupont', 'Marie', 'Interne', '06 12 34 56 78'],
];

export const missingNameColumns: Table = [
  ['Courriel', 'Rôle', 'Site'],
  ['marie.dupont@example.org', 'Interne', 'CHU'],
];

export const noHeader: Table = [
  ['Dupont', 'Marie', 'marie.dupont@example.org', 'Interne'],
  ['Martin', 'Jean', 'jean.martin@example.org', 'Tuteur'],
];

export const headerOnly: Table = [['Nom', 'Prénom', 'E-mail', 'Rôle']];

/** Every committed CSV-like fixture and its exact bytes. */
export function csvFixtures(): Record<string, Buffer> {
  const utf8 = (table: Table, delimiter = ';', eol = '\r\n') =>
    Buffer.from(toCsv(table, delimiter, eol), 'utf8');
  return {
    'excel-fr-windows-1252.csv': iconv.encode(toCsv(excelWindows1252, ';', '\r\n'), 'win1252'),
    'excel-utf8-bom.csv': Buffer.concat([BOM, utf8(excelUtf8Bom)]),
    'google-sheets-comma.csv': utf8(googleSheetsComma, ',', '\n'),
    'excel-unicode-text.txt': Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      iconv.encode(toCsv(unicodeText, '\t', '\r\n'), 'utf-16le'),
    ]),
    'duplicates-exact.csv': utf8(exactDuplicates),
    'duplicates-conflicting.csv': utf8(conflictingDuplicates),
    'bad-values.csv': utf8(badValues),
    'missing-email-column.csv': utf8(missingEmailColumn),
    'missing-name-columns.csv': utf8(missingNameColumns),
    'no-header.csv': utf8(noHeader),
    'header-only.csv': utf8(headerOnly),
    'empty.csv': Buffer.alloc(0),
    'blank-lines.csv': Buffer.concat([BOM, Buffer.from('\r\n;;;\r\n  \r\n;;;\r\n')]),
    'unclosed-quote.csv': Buffer.from(
      'Nom;Prénom;E-mail;Rôle\r\nDupont;Marie;marie@example.org;Interne\r\nMartin;"Jean;jean@example.org;Tuteur\r\nPetit;Léo;leo@example.org;Interne\r\n',
    ),
    // The first bytes of a real PDF: a header then a compressed (binary) stream.
    'not-a-table.pdf': Buffer.concat([
      Buffer.from(
        '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Length 42 /Filter /FlateDecode >>\nstream\n',
        'latin1',
      ),
      Buffer.from([0x78, 0x9c, 0x00, 0x01, 0x8f, 0xff, 0x00, 0x13, 0x02, 0x00, 0x00, 0x1b]),
      Buffer.from('\nendstream\nendobj\n%%EOF\n'),
    ]),
    // Compound-document signature: what an Excel 97-2003 or a password-protected workbook starts with.
    'legacy.xls': Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(504, 0),
    ]),
  };
}

/** A workbook whose first sheet holds `table`, with the cell kinds Excel users produce. */
export async function makeXlsx(
  table: (string | number | ExcelJS.CellValue)[][],
  options: { extraSheet?: boolean } = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Personnes');
  for (const row of table) sheet.addRow(row);
  if (options.extraSheet) workbook.addWorksheet('Notes').addRow(['Ne pas importer cette feuille']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A stored (uncompressed) zip whose first entry is the OpenDocument spreadsheet mimetype, as .ods files are. */
export function makeOdsLike(): Buffer {
  const name = Buffer.from('mimetype');
  const data = Buffer.from('application/vnd.oasis.opendocument.spreadsheet');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}

// `npx tsx apps/server/test-fixtures/imports/fixtures.ts` rewrites the committed files.
if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) {
  for (const [name, bytes] of Object.entries(csvFixtures())) writeFileSync(join(FIXTURE_DIR, name), bytes);
  console.log(`wrote ${Object.keys(csvFixtures()).length} fixtures to ${FIXTURE_DIR}`);
}
