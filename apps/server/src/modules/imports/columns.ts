import { normalisePhone } from '../people/phone.ts';

/** The people fields an import understands; everything else in a file is ignored and listed. */
export type PeopleField =
  | 'email'
  | 'lastName'
  | 'firstName'
  | 'fullName'
  | 'role'
  | 'phone'
  | 'homeCommune'
  | 'site'
  | 'siteCity'
  | 'professionalProject'
  | 'themes'
  | 'languages'
  | 'faculty'
  | 'desYear'
  | 'capacity';

/** How the preview names each field, whatever the file called it. */
export const FIELD_LABELS: Record<PeopleField, { fr: string; en: string }> = {
  email: { fr: 'E-mail', en: 'E-mail' },
  lastName: { fr: 'Nom', en: 'Last name' },
  firstName: { fr: 'Prénom', en: 'First name' },
  fullName: { fr: 'Nom complet', en: 'Full name' },
  role: { fr: 'Rôle', en: 'Role' },
  phone: { fr: 'Téléphone', en: 'Phone' },
  homeCommune: { fr: 'Commune de résidence', en: 'Home commune' },
  site: { fr: 'Lieu de stage', en: 'Current site' },
  siteCity: { fr: 'Ville du site', en: 'Site city' },
  professionalProject: { fr: 'Projet professionnel', en: 'Professional project' },
  themes: { fr: 'Thèmes', en: 'Themes' },
  languages: { fr: 'Langues', en: 'Languages' },
  faculty: { fr: "Faculté d'origine", en: 'Faculty of origin' },
  desYear: { fr: 'Année de DES', en: 'DES year' },
  capacity: { fr: 'Capacité', en: 'Capacity' },
};

/**
 * Lower case, no accents, no bracketed hints ("Téléphone (portable)"), punctuation and
 * underscores as single spaces: "Adresse_E-mail *" and "adresse e-mail" compare equal.
 */
export function normaliseLabel(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Written the way people type them; normalised once below.
const ALIASES: Record<PeopleField, string[]> = {
  email: [
    'email',
    'e-mail',
    'mail',
    'courriel',
    'mél',
    'adresse e-mail',
    'adresse email',
    'adresse mail',
    'adresse courriel',
    'adresse électronique',
    'e-mail address',
    'email address',
  ],
  lastName: [
    'nom',
    'nom de famille',
    "nom d'usage",
    'nom de naissance',
    'last name',
    'lastname',
    'surname',
    'family name',
  ],
  firstName: ['prénom', 'prénoms', 'first name', 'firstname', 'given name'],
  fullName: [
    'nom complet',
    'nom et prénom',
    'nom prénom',
    'prénom nom',
    'prénom et nom',
    'identité',
    'name',
    'full name',
  ],
  role: ['rôle', 'role', 'fonction', 'rôle dans le programme', 'statut dans le programme'],
  phone: [
    'téléphone',
    'tél',
    'tel',
    'portable',
    'mobile',
    'téléphone portable',
    'tél portable',
    'numéro de téléphone',
    'n° de téléphone',
    'n de téléphone',
    'phone',
    'phone number',
    'mobile phone',
    'telephone',
  ],
  homeCommune: [
    'commune de résidence',
    'ville de résidence',
    'lieu de résidence',
    'résidence',
    'domicile',
    'ville du domicile',
    'commune du domicile',
    'home commune',
    'home town',
    'hometown',
    'city of residence',
    'home city',
  ],
  site: [
    'site',
    'lieu de stage',
    'terrain de stage',
    'site de stage',
    'stage',
    'stage actuel',
    'lieu de stage actuel',
    'hôpital',
    'hôpital de stage',
    'site hospitalier',
    'centre hospitalier',
    'établissement',
    'établissement de stage',
    "structure d'accueil",
    'structure',
    'service',
    'terrain',
    "lieu d'exercice",
    'lieu de travail',
    'cabinet',
    'current site',
    'internship site',
    'hospital',
    'workplace',
  ],
  siteCity: [
    'ville du site',
    'commune du site',
    'ville du stage',
    'ville de stage',
    'commune de stage',
    "ville de l'hôpital",
    "ville de l'établissement",
    "ville d'exercice",
    "commune d'exercice",
    'hospital city',
    'ville du lieu de stage',
    'ville du terrain de stage',
    'site city',
  ],
  professionalProject: ['projet professionnel', 'projet pro', 'projet', 'professional project'],
  themes: ['thèmes', 'thème', 'thématiques', "centres d'intérêt", 'themes', 'topics', 'interests'],
  languages: ['langues', 'langue', 'langues parlées', 'languages', 'language', 'spoken languages'],
  faculty: [
    "faculté d'origine",
    'faculté',
    "fac d'origine",
    'fac',
    "université d'origine",
    'université',
    'faculty',
    'faculty of origin',
    'university',
  ],
  desYear: [
    'année de DES',
    'année DES',
    'année',
    'phase',
    'DES',
    'niveau',
    'promotion DES',
    'promotion',
    'promo',
    'cohorte',
    'niveau DES',
    "année d'internat",
    'DES year',
    'year',
    'cohort',
  ],
  capacity: [
    'capacité',
    "capacité d'accueil",
    'nombre de tutorés',
    'nb de tutorés',
    'nb tutorés',
    'tutorés max',
    'capacity',
    'max tutees',
  ],
};

/**
 * Titles that name a town without saying whose: the person's home or the site's town. They are
 * never read as one or the other on their own; the preview asks.
 */
const AMBIGUOUS: Record<string, PeopleField[]> = {
  ville: ['siteCity', 'homeCommune'],
  commune: ['siteCity', 'homeCommune'],
  localité: ['siteCity', 'homeCommune'],
  lieu: ['site', 'homeCommune'],
  city: ['siteCity', 'homeCommune'],
  town: ['siteCity', 'homeCommune'],
};

const FIELD_BY_LABEL = new Map<string, PeopleField>();
for (const [field, aliases] of Object.entries(ALIASES) as [PeopleField, string[]][]) {
  for (const alias of aliases) FIELD_BY_LABEL.set(normaliseLabel(alias), field);
}
const AMBIGUOUS_BY_LABEL = new Map(Object.entries(AMBIGUOUS).map(([k, v]) => [normaliseLabel(k), v]));

/** What a column title says: one field, several it could be (the user chooses), or nothing known. */
export type HeaderReading = { field: PeopleField } | { candidates: PeopleField[] } | null;

function readLabel(label: string): HeaderReading {
  const field = FIELD_BY_LABEL.get(label);
  if (field) return { field };
  const candidates = AMBIGUOUS_BY_LABEL.get(label);
  return candidates ? { candidates } : null;
}

/**
 * The whole title first; then, for a title made of alternatives ("Site/Hôpital", "Promotion /
 * Année DES", "Ville ou commune"), the field its parts agree on, or the fields it could be.
 */
export function readHeader(header: string): HeaderReading {
  const whole = readLabel(normaliseLabel(header));
  if (whole) return whole;
  const parts = header
    .split(/\/|\||\bou\b|\bor\b/iu)
    .map(normaliseLabel)
    .filter(Boolean);
  if (parts.length < 2) return null;
  const certain = new Set<PeopleField>();
  const possible = new Set<PeopleField>();
  for (const part of parts) {
    const r = readLabel(part);
    if (r && 'field' in r) certain.add(r.field);
    else if (r) for (const c of r.candidates) possible.add(c);
  }
  if (certain.size === 1) return { field: [...certain][0] as PeopleField };
  if (certain.size > 1) return { candidates: [...certain] };
  return possible.size > 0 ? { candidates: [...possible] } : null;
}

/** The field a column header stands for, or null when it is unknown or needs a choice. */
export function fieldForHeader(header: string): PeopleField | null {
  const r = readHeader(header);
  return r && 'field' in r ? r.field : null;
}

// ── Cell values ──

/** Spaces and line breaks in a cell, as one space. */
export const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** A list cell (themes, languages): items split on , ; | or a line break, each once. */
export function splitList(value: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of value.split(/[,;|\n]/)) {
    const item = oneLine(part).trim();
    if (item && !seen.has(item.toLowerCase())) {
      seen.add(item.toLowerCase());
      out.push(item);
    }
  }
  return out;
}

/** A phone number as stored, or null; a number that lost its "+" in a numeric cell is read back. */
export function parsePhone(value: string): string | null {
  const cleaned = value.replace(/\(0\)/g, '');
  const phone = normalisePhone(cleaned);
  if (phone) return phone;
  // A number typed into a numeric cell loses its "+": 33612345678.
  const digits = cleaned.replace(/[\s.-]/g, '');
  return /^\d{8,15}$/.test(digits) ? normalisePhone(`+${digits}`) : null;
}

/** "2", "DES2", "DES 2", "2e année", "2ème année" → 2; null when not a DES year 1 to 4. */
export function parseDesYear(value: string): number | null {
  const label = value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  const m = /^(?:des ?)?(\d{1,2})(?: ?(?:e|er|ere|re|eme|nd|nde|st|th))?(?: annee)?$/.exec(label);
  const n = m ? Number(m[1]) : Number.NaN;
  return n >= 1 && n <= 4 ? n : null;
}
