import { inBoth } from '../../notify/i18n.ts';
import { expertWords, type ImportableRole, roleWords, type TemplateId } from '../programmes/templates.ts';
import { importTexts } from './texts.ts';

/**
 * Role cells are read with the words of the programme's template (`roleWords`), compared once
 * normalised by `roleKeys`: case, accents, plurals and inclusive endings ("Élu·e", "élu(e)s",
 * "référent-e", "tuteur·rice") do not matter. No value grants a management role: the words of
 * coordination are recognised only to say that coordinators are named in the app.
 */

/** How an inclusive ending turns the masculine form into the feminine one: tuteur·rice → tutrice. */
const FEMININE: [suffix: string, masculineEnding: string][] = [
  ['trice', 'teur'],
  ['rice', 'eur'],
  ['euse', 'eur'],
  ['ère', 'er'],
];

/** "e", "es", "rice", "rices", "ne"…: what may follow an inclusive mark. */
const INCLUSIVE_MARKS = /[·•‧⋅.(]/u;
const HYPHEN_ENDING = /^(.+)-(e|es|s|x|ne|nes|le|les|rice|rices|trice|trices|euse|euses|ère|ères)$/u;

/** The masculine and feminine forms a word written with inclusive marks stands for. */
function genderForms(word: string): string[] {
  const hyphen = HYPHEN_ENDING.exec(word);
  const parts = (hyphen ? `${hyphen[1]}·${hyphen[2]}` : word).replace(/\)/g, '').split(INCLUSIVE_MARKS);
  const base = parts[0] ?? '';
  const first = parts[1];
  if (first === undefined || first === '' || first === 's' || first === 'x') return [base];
  const ending = first.length > 1 && first.endsWith('s') ? first.slice(0, -1) : first;
  const rule = FEMININE.find(([suffix, masc]) => ending === suffix && base.endsWith(masc));
  const feminine = rule ? base.slice(0, -rule[1].length) + rule[0] : base + ending;
  return [base, feminine];
}

/** Lower case, letters and digits only, no plural s or x; without accents unless kept. */
function fold(word: string, keepAccents: boolean): string {
  const letters = keepAccents ? word.normalize('NFC') : word.normalize('NFD').replace(/\p{M}/gu, '');
  const w = letters.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  return w.length > 3 && /[sx]$/.test(w) ? w.slice(0, -1) : w;
}

/**
 * Every normal form a written role stands for: "Élu·e référent·e" gives "elu referent",
 * "elue referente" (and the mixed forms); "Référent(e)s" gives "referent" and "referente".
 * Alternatives separated by "/" ("tuteur/tutrice") are all kept.
 */
export function roleKeys(text: string, keepAccents = false): string[] {
  const keys = new Set<string>();
  for (const alternative of text.normalize('NFC').toLowerCase().split('/')) {
    const words = alternative.trim().split(/\s+/).filter(Boolean);
    if (words.length === 0) continue;
    let forms = [''];
    for (const word of words) {
      const variants = [...new Set(genderForms(word).map((f) => fold(f, keepAccents)))].filter(Boolean);
      forms = forms.flatMap((f) => variants.map((v) => (f ? `${f} ${v}` : v)));
    }
    for (const f of forms) if (f) keys.add(f);
  }
  return [...keys];
}

/** Words that name the management of a programme in French and English. */
const MANAGEMENT_WORDS = [
  'Coordinateur·rice',
  'Coordonnateur·rice',
  'Coordination',
  'Référent·e',
  'Responsable',
  'Administrateur·rice',
  'Gestionnaire',
  'Coordinator',
  'Administrator',
  'Admin',
  'Manager',
  'Referent',
];

type Meaning = ImportableRole | 'management';

interface Vocabulary {
  byKey: Map<string, Set<Meaning>>;
  /** The same words with their accents, to tell "mentoré" from "mentore" when accents are written. */
  byAccentedKey: Map<string, Set<Meaning>>;
  accepted: { fr: string[]; en: string[] };
}

const vocabularies = new Map<TemplateId, Vocabulary>();

function vocabularyOf(template: TemplateId): Vocabulary {
  const cached = vocabularies.get(template);
  if (cached) return cached;
  const words = roleWords[template];
  const byKey = new Map<string, Set<Meaning>>();
  const byAccentedKey = new Map<string, Set<Meaning>>();
  const add = (meaning: Meaning, written: string[]) => {
    for (const w of written) {
      for (const key of roleKeys(w)) byKey.set(key, new Set([...(byKey.get(key) ?? []), meaning]));
      for (const key of roleKeys(w, true))
        byAccentedKey.set(key, new Set([...(byAccentedKey.get(key) ?? []), meaning]));
    }
  };
  for (const role of ['tutor', 'tutee'] as const) add(role, [...words[role].fr, ...words[role].en]);
  add('expert', [...expertWords.fr, ...expertWords.en]);
  // A template's own word wins over a word of management: an association's référent·es are its tutors.
  for (const w of MANAGEMENT_WORDS) {
    for (const key of roleKeys(w)) if (!byKey.has(key)) byKey.set(key, new Set(['management']));
  }
  const vocabulary = {
    byKey,
    byAccentedKey,
    accepted: {
      fr: [...words.tutor.fr, ...words.tutee.fr, ...expertWords.fr],
      en: [...words.tutor.en, ...words.tutee.en, ...expertWords.en],
    },
  };
  vocabularies.set(template, vocabulary);
  return vocabulary;
}

export type RoleReading =
  | { role: ImportableRole }
  | { problem: 'management' | 'ambiguous' | 'unknown'; roles?: ImportableRole[] };

/** What a role cell says in a programme of this template. */
export function readRoleValue(value: string, template: TemplateId): RoleReading {
  const { byKey, byAccentedKey } = vocabularyOf(template);
  const meaningsOf = (keys: string[], map: Map<string, Set<Meaning>>) => {
    const meanings = new Set<Meaning>();
    for (const key of keys) for (const m of map.get(key) ?? []) meanings.add(m);
    return meanings;
  };
  const rolesOf = (meanings: Set<Meaning>) =>
    [...meanings].filter((m): m is ImportableRole => m !== 'management');
  const meanings = meaningsOf(roleKeys(value), byKey);
  const roles = rolesOf(meanings);
  if (roles.length === 1) return { role: roles[0] as ImportableRole };
  if (roles.length > 1) {
    // Words that differ only by an accent are told apart when the accent is written.
    const written = /\p{M}/u.test(value.normalize('NFD'));
    const accented = written ? rolesOf(meaningsOf(roleKeys(value, true), byAccentedKey)) : [];
    return accented.length === 1 ? { role: accented[0] as ImportableRole } : { problem: 'ambiguous', roles };
  }
  if (meanings.has('management')) return { problem: 'management' };
  return { problem: 'unknown' };
}

/** The role a cell names in this template, or null when it names none (or a management role). */
export function roleForValue(value: string, template: TemplateId): ImportableRole | null {
  const r = readRoleValue(value, template);
  return 'role' in r ? r.role : null;
}

/** The words accepted in this template, as the error messages list them. */
export function acceptedRoleWords(template: TemplateId): { fr: string; en: string } {
  const { accepted } = vocabularyOf(template);
  const uniq = (xs: string[]) => [...new Set(xs)];
  const words = { fr: uniq(accepted.fr).join(', '), en: uniq(accepted.en).join(', ') };
  return inBoth(importTexts, (t) => t('acceptedRoles', words));
}

/** The template's own name of each role, to say which roles an ambiguous word could be. */
export function roleNames(roles: ImportableRole[], template: TemplateId): { fr: string[]; en: string[] } {
  const name = (r: ImportableRole, lang: 'fr' | 'en') =>
    (r === 'expert' ? expertWords[lang][0] : roleWords[template][r][lang][0]) ?? r;
  return { fr: roles.map((r) => name(r, 'fr')), en: roles.map((r) => name(r, 'en')) };
}
