import type { TemplateId } from '../programmes/templates.ts';
import { acceptedRoleWords } from './roles.ts';

/**
 * Every problem an import can report: a stable `code` the web app may translate, the French
 * `message` shown to the user as is, and its English version. Row issues start with the line
 * number the user sees in their spreadsheet, so each message stands on its own.
 */
export interface ImportIssue {
  code: IssueCode;
  message: string;
  messageEn: string;
  /** Spreadsheet line (the header is usually line 1). */
  line?: number;
  /** The column as the file names it. */
  column?: string;
}

export interface RowIssue extends ImportIssue {
  line: number;
}

/** The issues that refuse a whole file: nothing is imported. */
export type FileIssueCode =
  | 'file_too_large'
  | 'empty_file'
  | 'unsupported_format'
  | 'xls_legacy'
  | 'ods_unsupported'
  | 'unreadable_xlsx'
  | 'unclosed_quote'
  | 'no_header'
  | 'missing_columns'
  | 'no_rows'
  | 'too_many_rows';

export type IssueCode =
  | FileIssueCode
  // row level: the file is refused until the rows are fixed
  | 'missing_email'
  | 'invalid_email'
  | 'missing_name'
  | 'invalid_name'
  | 'missing_role'
  | 'unknown_role'
  | 'management_role'
  | 'ambiguous_role'
  | 'duplicate_row'
  | 'invalid_phone'
  | 'invalid_des_year'
  | 'invalid_capacity'
  | 'duplicate_email'
  | 'bad_quotes'
  // warnings: the import can go ahead
  | 'rows_before_header'
  | 'duplicate_column'
  | 'capacity_ignored';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_ROWS = 5000;

const frNumber = new Intl.NumberFormat('fr-FR');
const enNumber = new Intl.NumberFormat('en-GB');
const q = (s: string) => `« ${s} »`;
const qEn = (s: string) => `"${s}"`;
const list = (items: string[], quote: (s: string) => string, sep = ', ') => items.map(quote).join(sep);
const mb = (bytes: number, fmt: Intl.NumberFormat) =>
  new Intl.NumberFormat(fmt.resolvedOptions().locale, { maximumFractionDigits: 1 }).format(
    bytes / 1024 / 1024,
  );

const issue = (code: IssueCode, message: string, messageEn: string, extra: Partial<ImportIssue> = {}) => ({
  code,
  message,
  messageEn,
  ...extra,
});
const row = (code: IssueCode, line: number, fr: string, en: string, column?: string): RowIssue => ({
  code,
  line,
  message: `Ligne ${line} : ${fr}`,
  messageEn: `Line ${line}: ${en}`,
  ...(column ? { column } : {}),
});

export const fileIssues = {
  tooLarge: (bytes: number) =>
    issue(
      'file_too_large',
      `Le fichier pèse ${mb(bytes, frNumber)} Mo ; la limite est de 5 Mo par import. Découpez-le en plusieurs fichiers ou retirez les colonnes inutiles.`,
      `The file is ${mb(bytes, enNumber)} MB; the limit is 5 MB per import. Split it into several files or remove unneeded columns.`,
    ),
  empty: () =>
    issue(
      'empty_file',
      'Le fichier est vide : il ne contient ni titres de colonnes ni personnes.',
      'The file is empty: it has neither column titles nor people.',
    ),
  unsupported: () =>
    issue(
      'unsupported_format',
      "Ce fichier n'est pas un tableau CSV ou Excel (.xlsx). Enregistrez votre liste au format CSV ou .xlsx depuis votre tableur, puis réessayez.",
      'This file is not a CSV or Excel (.xlsx) spreadsheet. Save your list as CSV or .xlsx from your spreadsheet application, then try again.',
    ),
  xlsLegacy: () =>
    issue(
      'xls_legacy',
      'Les fichiers Excel 97-2003 (.xls) et les classeurs protégés par mot de passe ne peuvent pas être lus. Dans Excel, choisissez « Enregistrer sous » au format .xlsx ou CSV, sans mot de passe, puis réessayez.',
      'Excel 97-2003 (.xls) files and password-protected workbooks cannot be read. In Excel, use "Save as" to save it as .xlsx or CSV without a password, then try again.',
    ),
  ods: () =>
    issue(
      'ods_unsupported',
      'Les classeurs LibreOffice (.ods) ne sont pas pris en charge. Dans LibreOffice, choisissez « Enregistrer sous » au format .xlsx ou CSV, puis réessayez.',
      'LibreOffice spreadsheets (.ods) are not supported. In LibreOffice, use "Save as" to save it as .xlsx or CSV, then try again.',
    ),
  unreadableXlsx: () =>
    issue(
      'unreadable_xlsx',
      'Le fichier Excel est endommagé ou illisible. Ouvrez-le dans Excel, enregistrez-le à nouveau au format .xlsx, puis réessayez.',
      'The Excel file is damaged or unreadable. Open it in Excel, save it again as .xlsx, then try again.',
    ),
  unclosedQuote: (line: number) =>
    issue(
      'unclosed_quote',
      `Ligne ${line} : un guillemet (") ouvert n'est jamais refermé, la suite du fichier ne peut pas être lue. Corrigez cette ligne puis réessayez.`,
      `Line ${line}: a quote (") is opened and never closed, so the rest of the file cannot be read. Fix this line, then try again.`,
      { line },
    ),
  noHeader: (line: number, cells: string[]) => {
    const shown = cells.slice(0, 4).map((c) => (c.length > 40 ? `${c.slice(0, 39)}…` : c));
    return issue(
      'no_header',
      `La ligne ${line} doit contenir les titres des colonnes (par exemple « E-mail », « Nom », « Prénom », « Rôle »), mais elle contient : ${list(shown, q)}. Ajoutez une ligne de titres en haut du tableau.`,
      `Line ${line} must hold the column titles (for example "E-mail", "Nom", "Prénom", "Rôle"), but it contains: ${list(shown, qEn)}. Add a title row at the top of the table.`,
      { line },
    );
  },
  /** `missing` holds the French and English labels of each missing requirement. */
  missingColumns: (missing: { fr: string; en: string }[], found: string[]) => {
    const fr = missing.map((m) => m.fr);
    const en = missing.map((m) => m.en);
    const foundFr = found.length > 0 ? list(found, q) : 'aucune';
    const foundEn = found.length > 0 ? list(found, qEn) : 'none';
    return issue(
      'missing_columns',
      `${missing.length > 1 ? 'Colonnes obligatoires manquantes' : 'Colonne obligatoire manquante'} : ${fr.join(' ; ')}. Colonnes trouvées dans le fichier : ${foundFr}.`,
      `${missing.length > 1 ? 'Missing required columns' : 'Missing required column'}: ${en.join('; ')}. Columns found in the file: ${foundEn}.`,
    );
  },
  noRows: () =>
    issue(
      'no_rows',
      'Le fichier ne contient que la ligne de titres : aucune personne à importer.',
      'The file only has the title row: there is nobody to import.',
    ),
  tooManyRows: (count: number) =>
    issue(
      'too_many_rows',
      `Le fichier contient ${frNumber.format(count)} personnes ; la limite est de ${frNumber.format(MAX_ROWS)} par import. Découpez-le en plusieurs fichiers.`,
      `The file has ${enNumber.format(count)} people; the limit is ${enNumber.format(MAX_ROWS)} per import. Split it into several files.`,
    ),
};

export const missingLabels = {
  email: { fr: '« E-mail »', en: '"E-mail"' },
  lastName: { fr: '« Nom »', en: '"Nom" (last name)' },
  firstName: { fr: '« Prénom »', en: '"Prénom" (first name)' },
  bothNames: {
    fr: '« Nom » et « Prénom » (ou une seule colonne « Nom complet »)',
    en: '"Nom" and "Prénom" (or a single "Nom complet" / full name column)',
  },
  role: {
    fr: '« Rôle » (ou choisissez un rôle pour tout le fichier)',
    en: '"Rôle" (or choose one role for the whole file)',
  },
};

export const rowIssues = {
  missingEmail: (line: number, column: string) =>
    row('missing_email', line, "l'adresse e-mail est vide.", 'the e-mail address is empty.', column),
  invalidEmail: (line: number, column: string, value: string) =>
    row(
      'invalid_email',
      line,
      `l'adresse e-mail ${q(value)} n'est pas valide.`,
      `the e-mail address ${qEn(value)} is not valid.`,
      column,
    ),
  missingName: (line: number, column: string, which: 'lastName' | 'firstName' | 'fullName') => {
    const fr = {
      lastName: 'le nom est vide.',
      firstName: 'le prénom est vide.',
      fullName: 'le nom complet est vide.',
    };
    const en = {
      lastName: 'the last name is empty.',
      firstName: 'the first name is empty.',
      fullName: 'the full name is empty.',
    };
    return row('missing_name', line, fr[which], en[which], column);
  },
  invalidName: (line: number, column: string) =>
    row(
      'invalid_name',
      line,
      'le nom contient des caractères invisibles ou de contrôle (caractère nul, inversion du sens d’écriture) : retirez-les.',
      'the name contains invisible or control characters (null character, text direction override): remove them.',
      column,
    ),
  missingRole: (line: number, column: string, template: TemplateId) => {
    const words = acceptedRoleWords(template);
    return row(
      'missing_role',
      line,
      `le rôle est vide. Valeurs acceptées : ${words.fr}.`,
      `the role is empty. Accepted values: ${words.en}.`,
      column,
    );
  },
  unknownRole: (line: number, column: string, value: string, template: TemplateId) => {
    const words = acceptedRoleWords(template);
    return row(
      'unknown_role',
      line,
      `rôle ${q(value)} inconnu. Valeurs acceptées : ${words.fr}.`,
      `unknown role ${qEn(value)}. Accepted values: ${words.en}.`,
      column,
    );
  },
  ambiguousRole: (
    line: number,
    column: string,
    value: string,
    names: { fr: string[]; en: string[] },
    template: TemplateId,
  ) => {
    const words = acceptedRoleWords(template);
    return row(
      'ambiguous_role',
      line,
      `le rôle ${q(value)} peut se lire ${names.fr.map(q).join(' ou ')}. Écrivez-le avec ses accents ou choisissez un rôle accepté : ${words.fr}.`,
      `the role ${qEn(value)} could be read as ${names.en.map(qEn).join(' or ')}. Write it with its accents or use an accepted role: ${words.en}.`,
      column,
    );
  },
  managementRole: (line: number, column: string, value: string, template: TemplateId) => {
    const words = acceptedRoleWords(template);
    return row(
      'management_role',
      line,
      `${q(value)} : un import ne nomme pas de coordinateur·rice. Les coordinateur·rices sont nommé·es dans l'application (onglet « Personnes » du programme), pour que personne ne reçoive par erreur l'accès aux coordonnées de tous. Retirez cette ligne ou indiquez un rôle accepté : ${words.fr}.`,
      `${qEn(value)}: an import does not name coordinators. Coordinators are named in the app (the programme's "People" tab), so that nobody is given everyone's contact details by mistake. Remove this line or use an accepted role: ${words.en}.`,
      column,
    );
  },
  invalidPhone: (line: number, column: string, value: string) =>
    row(
      'invalid_phone',
      line,
      `le numéro de téléphone ${q(value)} n'est pas valide (exemples : 06 12 34 56 78 ou +33 6 12 34 56 78).`,
      `the phone number ${qEn(value)} is not valid (examples: 06 12 34 56 78 or +33 6 12 34 56 78).`,
      column,
    ),
  invalidDesYear: (line: number, column: string, value: string) =>
    row(
      'invalid_des_year',
      line,
      `l'année de DES ${q(value)} n'est pas valide : indiquez 1, 2, 3 ou 4 (ou DES1 à DES4).`,
      `the DES year ${qEn(value)} is not valid: use 1, 2, 3 or 4 (or DES1 to DES4).`,
      column,
    ),
  invalidCapacity: (line: number, column: string, value: string) =>
    row(
      'invalid_capacity',
      line,
      `la capacité ${q(value)} n'est pas valide : indiquez un nombre entier positif ou nul (par exemple 4).`,
      `the capacity ${qEn(value)} is not valid: use a whole number, zero or more (for example 4).`,
      column,
    ),
  duplicateEmail: (line: number, column: string, email: string, firstLine: number) =>
    row(
      'duplicate_email',
      line,
      `l'adresse ${email} figure déjà ligne ${firstLine} avec d'autres informations. Gardez une seule ligne par personne.`,
      `the address ${email} already appears on line ${firstLine} with different details. Keep one line per person.`,
      column,
    ),
  duplicateRow: (line: number, firstLine: number) =>
    row(
      'duplicate_row',
      line,
      `ligne identique à la ligne ${firstLine}. Supprimez l'une des deux (ou corrigez-la si elle devait décrire une autre personne).`,
      `same as line ${firstLine}. Remove one of the two (or fix it if it was meant to describe someone else).`,
    ),
  badQuotes: (line: number) =>
    row(
      'bad_quotes',
      line,
      'des guillemets (") sont mal placés dans une cellule : une cellule entre guillemets doit commencer et finir par un guillemet.',
      'quotes (") are misplaced in a cell: a quoted cell must start and end with a quote.',
    ),
};

export const warnings = {
  rowsBeforeHeader: (headerLine: number) =>
    issue(
      'rows_before_header',
      headerLine === 2
        ? 'La ligne 1, au-dessus des titres de colonnes (ligne 2), est ignorée.'
        : `Les lignes 1 à ${headerLine - 1}, au-dessus des titres de colonnes (ligne ${headerLine}), sont ignorées.`,
      headerLine === 2
        ? 'Line 1, above the column titles (line 2), is ignored.'
        : `Lines 1 to ${headerLine - 1}, above the column titles (line ${headerLine}), are ignored.`,
      { line: headerLine },
    ),
  duplicateColumn: (column: string, kept: string) =>
    issue(
      'duplicate_column',
      `La colonne ${q(column)} est ignorée : la colonne ${q(kept)} donne déjà la même information.`,
      `The column ${qEn(column)} is ignored: the column ${qEn(kept)} already gives the same information.`,
      { column },
    ),
  capacityIgnored: (line: number, column: string) =>
    row(
      'capacity_ignored',
      line,
      'la capacité ne concerne que les tuteurs : elle est ignorée pour cette personne.',
      'capacity only applies to tutors: it is ignored for this person.',
      column,
    ),
};

/** The summary of a file refused for its rows; each row's own message comes with it. */
export function rowsInvalid(errors: RowIssue[]): { message: string; messageEn: string } {
  const lines = [...new Set(errors.map((e) => e.line))].sort((a, b) => a - b);
  const shown = lines.slice(0, 10).join(', ') + (lines.length > 10 ? '…' : '');
  const n = errors.length;
  const fr =
    n === 1
      ? `Le fichier contient 1 erreur (ligne ${shown}). Corrigez-la dans votre tableur puis importez le fichier à nouveau : personne n'a été importé.`
      : `Le fichier contient ${frNumber.format(n)} erreurs (${lines.length > 1 ? 'lignes' : 'ligne'} ${shown}). Corrigez-les dans votre tableur puis importez le fichier à nouveau : personne n'a été importé.`;
  const en =
    n === 1
      ? `The file has 1 error (line ${shown}). Fix it in your spreadsheet, then import the file again: nobody was imported.`
      : `The file has ${enNumber.format(n)} errors (${lines.length > 1 ? 'lines' : 'line'} ${shown}). Fix them in your spreadsheet, then import the file again: nobody was imported.`;
  return { message: fr, messageEn: en };
}

export const commitIssues = {
  columnsUnresolved: (columns: string[]) => ({
    message: `Choisissez d'abord ce que ${columns.length > 1 ? 'sont les colonnes' : 'est la colonne'} ${columns.map(q).join(', ')} : ${columns.length > 1 ? 'leurs titres peuvent' : 'son titre peut'} désigner plusieurs informations (par exemple la ville du lieu de stage ou la commune de résidence).`,
    messageEn: `First choose what ${columns.length > 1 ? 'the columns' : 'the column'} ${columns.map(qEn).join(', ')} ${columns.length > 1 ? 'are' : 'is'}: the title could mean several things (for example the site's town or the home town).`,
  }),
};
