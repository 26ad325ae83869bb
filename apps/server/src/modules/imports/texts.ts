import { moduleTexts } from '../../notify/i18n.ts';

// What an import says about a file, French first (messages.ts builds each issue from these). The
// French texts keep the straight apostrophe the spreadsheet help pages use.

export const importTexts = moduleTexts('imports', {
  fr: {
    format: { numbers: 'fr-FR' },
    quote: '« {{text}} »',
    or: ' ou ',
    semicolon: ' ; ',
    none: 'aucune',
    acceptedRoles: '{{fr}} — ou en anglais {{en}}',
    file: {
      tooLarge:
        'Le fichier pèse {{size}} Mo ; la limite est de 5 Mo par import. Découpez-le en plusieurs fichiers ou retirez les colonnes inutiles.',
      empty: 'Le fichier est vide : il ne contient ni titres de colonnes ni personnes.',
      unsupported:
        "Ce fichier n'est pas un tableau CSV ou Excel (.xlsx). Enregistrez votre liste au format CSV ou .xlsx depuis votre tableur, puis réessayez.",
      xlsLegacy:
        'Les fichiers Excel 97-2003 (.xls) et les classeurs protégés par mot de passe ne peuvent pas être lus. Dans Excel, choisissez « Enregistrer sous » au format .xlsx ou CSV, sans mot de passe, puis réessayez.',
      ods: 'Les classeurs LibreOffice (.ods) ne sont pas pris en charge. Dans LibreOffice, choisissez « Enregistrer sous » au format .xlsx ou CSV, puis réessayez.',
      unreadableXlsx:
        'Le fichier Excel est endommagé ou illisible. Ouvrez-le dans Excel, enregistrez-le à nouveau au format .xlsx, puis réessayez.',
      unclosedQuote:
        'Ligne {{line}} : un guillemet (") ouvert n\'est jamais refermé, la suite du fichier ne peut pas être lue. Corrigez cette ligne puis réessayez.',
      noHeader:
        'La ligne {{line}} doit contenir les titres des colonnes (par exemple « E-mail », « Nom », « Prénom », « Rôle »), mais elle contient : {{cells}}. Ajoutez une ligne de titres en haut du tableau.',
      missingColumns_one:
        'Colonne obligatoire manquante : {{missing}}. Colonnes trouvées dans le fichier : {{found}}.',
      missingColumns_other:
        'Colonnes obligatoires manquantes : {{missing}}. Colonnes trouvées dans le fichier : {{found}}.',
      noRows: 'Le fichier ne contient que la ligne de titres : aucune personne à importer.',
      tooManyRows:
        'Le fichier contient {{n}} personnes ; la limite est de {{max}} par import. Découpez-le en plusieurs fichiers.',
    },
    missing: {
      email: '« E-mail »',
      lastName: '« Nom »',
      firstName: '« Prénom »',
      bothNames: '« Nom » et « Prénom » (ou une seule colonne « Nom complet »)',
      role: '« Rôle » (ou choisissez un rôle pour tout le fichier)',
    },
    row: {
      line: 'Ligne {{line}} : {{text}}',
      missingEmail: "l'adresse e-mail est vide.",
      invalidEmail: "l'adresse e-mail {{value}} n'est pas valide.",
      missingName: {
        lastName: 'le nom est vide.',
        firstName: 'le prénom est vide.',
        fullName: 'le nom complet est vide.',
      },
      invalidName:
        'le nom contient des caractères invisibles ou de contrôle (caractère nul, inversion du sens d’écriture) : retirez-les.',
      missingRole: 'le rôle est vide. Valeurs acceptées : {{accepted}}.',
      unknownRole: 'rôle {{value}} inconnu. Valeurs acceptées : {{accepted}}.',
      ambiguousRole:
        'le rôle {{value}} peut se lire {{names}}. Écrivez-le avec ses accents ou choisissez un rôle accepté : {{accepted}}.',
      managementRole:
        "{{value}} : un import ne nomme pas de coordinateur·rice. Les coordinateur·rices sont nommé·es dans l'application (onglet « Personnes » du programme), pour que personne ne reçoive par erreur l'accès aux coordonnées de tous. Retirez cette ligne ou indiquez un rôle accepté : {{accepted}}.",
      invalidPhone:
        "le numéro de téléphone {{value}} n'est pas valide (exemples : 06 12 34 56 78 ou +33 6 12 34 56 78).",
      invalidDesYear: "l'année de DES {{value}} n'est pas valide : indiquez 1, 2, 3 ou 4 (ou DES1 à DES4).",
      invalidCapacity:
        "la capacité {{value}} n'est pas valide : indiquez un nombre entier positif ou nul (par exemple 4).",
      duplicateEmail:
        "l'adresse {{email}} figure déjà ligne {{firstLine}} avec d'autres informations. Gardez une seule ligne par personne.",
      duplicateRow:
        "ligne identique à la ligne {{firstLine}}. Supprimez l'une des deux (ou corrigez-la si elle devait décrire une autre personne).",
      badQuotes:
        'des guillemets (") sont mal placés dans une cellule : une cellule entre guillemets doit commencer et finir par un guillemet.',
      capacityIgnored: 'la capacité ne concerne que les tuteurs : elle est ignorée pour cette personne.',
    },
    warning: {
      // count: the lines above the titles.
      rowsBeforeHeader_one: 'La ligne 1, au-dessus des titres de colonnes (ligne {{line}}), est ignorée.',
      rowsBeforeHeader_other:
        'Les lignes 1 à {{count}}, au-dessus des titres de colonnes (ligne {{line}}), sont ignorées.',
      duplicateColumn:
        'La colonne {{column}} est ignorée : la colonne {{kept}} donne déjà la même information.',
    },
    // n: the errors as written ("1 200"); lines: the first ten lines at fault. A file is never
    // refused for no error: the zero form only completes the plural.
    rowsInvalid_zero:
      "Le fichier contient {{n}} erreurs ({{lines}}). Corrigez-les dans votre tableur puis importez le fichier à nouveau : personne n'a été importé.",
    rowsInvalid_one:
      "Le fichier contient {{n}} erreur ({{lines}}). Corrigez-la dans votre tableur puis importez le fichier à nouveau : personne n'a été importé.",
    rowsInvalid_other:
      "Le fichier contient {{n}} erreurs ({{lines}}). Corrigez-les dans votre tableur puis importez le fichier à nouveau : personne n'a été importé.",
    lines_one: 'ligne {{shown}}',
    lines_other: 'lignes {{shown}}',
    columnsUnresolved_one:
      "Choisissez d'abord ce que est la colonne {{columns}} : son titre peut désigner plusieurs informations (par exemple la ville du lieu de stage ou la commune de résidence).",
    columnsUnresolved_other:
      "Choisissez d'abord ce que sont les colonnes {{columns}} : leurs titres peuvent désigner plusieurs informations (par exemple la ville du lieu de stage ou la commune de résidence).",
  },
  en: {
    format: { numbers: 'en-GB' },
    quote: '"{{text}}"',
    or: ' or ',
    semicolon: '; ',
    none: 'none',
    acceptedRoles: '{{fr}} — or in English {{en}}',
    file: {
      tooLarge:
        'The file is {{size}} MB; the limit is 5 MB per import. Split it into several files or remove unneeded columns.',
      empty: 'The file is empty: it has neither column titles nor people.',
      unsupported:
        'This file is not a CSV or Excel (.xlsx) spreadsheet. Save your list as CSV or .xlsx from your spreadsheet application, then try again.',
      xlsLegacy:
        'Excel 97-2003 (.xls) files and password-protected workbooks cannot be read. In Excel, use "Save as" to save it as .xlsx or CSV without a password, then try again.',
      ods: 'LibreOffice spreadsheets (.ods) are not supported. In LibreOffice, use "Save as" to save it as .xlsx or CSV, then try again.',
      unreadableXlsx:
        'The Excel file is damaged or unreadable. Open it in Excel, save it again as .xlsx, then try again.',
      unclosedQuote:
        'Line {{line}}: a quote (") is opened and never closed, so the rest of the file cannot be read. Fix this line, then try again.',
      noHeader:
        'Line {{line}} must hold the column titles (for example "E-mail", "Nom", "Prénom", "Rôle"), but it contains: {{cells}}. Add a title row at the top of the table.',
      missingColumns_one: 'Missing required column: {{missing}}. Columns found in the file: {{found}}.',
      missingColumns_other: 'Missing required columns: {{missing}}. Columns found in the file: {{found}}.',
      noRows: 'The file only has the title row: there is nobody to import.',
      tooManyRows: 'The file has {{n}} people; the limit is {{max}} per import. Split it into several files.',
    },
    missing: {
      email: '"E-mail"',
      lastName: '"Nom" (last name)',
      firstName: '"Prénom" (first name)',
      bothNames: '"Nom" and "Prénom" (or a single "Nom complet" / full name column)',
      role: '"Rôle" (or choose one role for the whole file)',
    },
    row: {
      line: 'Line {{line}}: {{text}}',
      missingEmail: 'the e-mail address is empty.',
      invalidEmail: 'the e-mail address {{value}} is not valid.',
      missingName: {
        lastName: 'the last name is empty.',
        firstName: 'the first name is empty.',
        fullName: 'the full name is empty.',
      },
      invalidName:
        'the name contains invisible or control characters (null character, text direction override): remove them.',
      missingRole: 'the role is empty. Accepted values: {{accepted}}.',
      unknownRole: 'unknown role {{value}}. Accepted values: {{accepted}}.',
      ambiguousRole:
        'the role {{value}} could be read as {{names}}. Write it with its accents or use an accepted role: {{accepted}}.',
      managementRole:
        '{{value}}: an import does not name coordinators. Coordinators are named in the app (the programme\'s "People" tab), so that nobody is given everyone\'s contact details by mistake. Remove this line or use an accepted role: {{accepted}}.',
      invalidPhone:
        'the phone number {{value}} is not valid (examples: 06 12 34 56 78 or +33 6 12 34 56 78).',
      invalidDesYear: 'the DES year {{value}} is not valid: use 1, 2, 3 or 4 (or DES1 to DES4).',
      invalidCapacity:
        'the capacity {{value}} is not valid: use a whole number, zero or more (for example 4).',
      duplicateEmail:
        'the address {{email}} already appears on line {{firstLine}} with different details. Keep one line per person.',
      duplicateRow:
        'same as line {{firstLine}}. Remove one of the two (or fix it if it was meant to describe someone else).',
      badQuotes: 'quotes (") are misplaced in a cell: a quoted cell must start and end with a quote.',
      capacityIgnored: 'capacity only applies to tutors: it is ignored for this person.',
    },
    warning: {
      rowsBeforeHeader_one: 'Line 1, above the column titles (line {{line}}), is ignored.',
      rowsBeforeHeader_other: 'Lines 1 to {{count}}, above the column titles (line {{line}}), are ignored.',
      duplicateColumn:
        'The column {{column}} is ignored: the column {{kept}} already gives the same information.',
    },
    rowsInvalid_one:
      'The file has {{n}} error ({{lines}}). Fix it in your spreadsheet, then import the file again: nobody was imported.',
    rowsInvalid_other:
      'The file has {{n}} errors ({{lines}}). Fix them in your spreadsheet, then import the file again: nobody was imported.',
    lines_zero: 'line {{shown}}',
    lines_one: 'line {{shown}}',
    lines_other: 'lines {{shown}}',
    columnsUnresolved_one:
      "First choose what the column {{columns}} is: the title could mean several things (for example the site's town or the home town).",
    columnsUnresolved_other:
      "First choose what the columns {{columns}} are: the title could mean several things (for example the site's town or the home town).",
  },
});
