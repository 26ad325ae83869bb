import type { Role } from '../../policy/actor.ts';
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
    'commune',
    'ville',
    'commune de résidence',
    'ville de résidence',
    'lieu de résidence',
    'domicile',
    'home commune',
    'home town',
    'city of residence',
  ],
  site: [
    'site',
    'lieu de stage',
    'terrain de stage',
    'site de stage',
    'stage',
    "lieu d'exercice",
    'current site',
    'internship site',
  ],
  siteCity: [
    'ville du site',
    'commune du site',
    'ville du stage',
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
    'DES year',
    'year',
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

const FIELD_BY_LABEL = new Map<string, PeopleField>();
for (const [field, aliases] of Object.entries(ALIASES) as [PeopleField, string[]][]) {
  for (const alias of aliases) FIELD_BY_LABEL.set(normaliseLabel(alias), field);
}

/** The field a column header stands for, or null for a column the import does not use. */
export function fieldForHeader(header: string): PeopleField | null {
  const label = normaliseLabel(header);
  if (!label) return null;
  return FIELD_BY_LABEL.get(label) ?? null;
}

// Accents matter for one pair only: "mentoré" (mentee) against "mentore" (a woman mentor, rare
// and ambiguous once accents are dropped), so "mentore" is refused rather than guessed.
const ROLE_VALUES: Record<string, Role> = {
  tuteur: 'tutor',
  tutrice: 'tutor',
  tutor: 'tutor',
  mentor: 'tutor',
  'enseignant tuteur': 'tutor',
  interne: 'tutee',
  tutore: 'tutee',
  tutoree: 'tutee',
  tutee: 'tutee',
  mentoree: 'tutee',
  mentee: 'tutee',
  resident: 'tutee',
  residente: 'tutee',
  adherent: 'tutee',
  adherente: 'tutee',
  coordinateur: 'coordinator',
  coordinatrice: 'coordinator',
  coordonnateur: 'coordinator',
  coordonnatrice: 'coordinator',
  referent: 'coordinator',
  referente: 'coordinator',
  coordinator: 'coordinator',
  expert: 'expert',
  experte: 'expert',
};

/** Shown to the user when a role value is not understood. */
export const ACCEPTED_ROLES_FR =
  'tuteur, tutrice, mentor, interne, tutoré(e), mentoré(e), résident(e), adhérent(e), coordinateur, coordinatrice, référent(e), expert(e) — ou en anglais tutor, tutee, mentee, coordinator, expert';
export const ACCEPTED_ROLES_EN =
  'tuteur, tutrice, mentor, interne, tutoré(e), mentoré(e), résident(e), adhérent(e), coordinateur, coordinatrice, référent(e), expert(e) — or in English tutor, tutee, mentee, coordinator, expert';

/** The role a cell names, tolerant of case, accents, inclusive endings ("tutoré·e") and plurals. */
export function roleForValue(value: string): Role | null {
  const lower = value.trim().toLowerCase();
  if (/^mentorée?s?$/.test(lower.normalize('NFC'))) return 'tutee';
  let label = normaliseLabel(value.replace(/[·.•-]\s*e\b|\(e\)/giu, ''));
  if (label === 'mentore' || label === 'mentores') return null;
  const exact = ROLE_VALUES[label];
  if (exact) return exact;
  if (label.endsWith('s')) label = label.slice(0, -1);
  return ROLE_VALUES[label] ?? null;
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
