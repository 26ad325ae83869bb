import { DateTime, Info } from 'luxon';
import type { RuleBody } from './schema.ts';
import { availabilityTexts } from './texts.ts';

/**
 * The words of the phrases (phrases.ts): categories, days, months and ordinals in French and
 * English, the small words left over, and the readers of a time or a date. Day and month names
 * come from luxon's locale data.
 */

export type PhraseError = 'empty' | 'not_understood' | 'missing_when' | 'bad_time' | 'bad_date' | 'too_long';

export type Category = RuleBody['category'];

export const defaults: Record<Category, { start: string; end: string }> = {
  'night-shift': { start: '18:30', end: '08:30' },
  course: { start: '09:00', end: '17:00' },
  internship: { start: '08:00', end: '18:30' },
  clinic: { start: '08:30', end: '12:30' },
  absence: { start: '00:00', end: '24:00' },
  preference: { start: '00:00', end: '24:00' },
  other: { start: '00:00', end: '24:00' },
};

/** Lower case without accents, one character for one (so a position in it is a position in the text). */
export function fold(text: string): string {
  let out = '';
  for (const ch of text) {
    const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const c = base.length === 1 ? base : ch.length === 1 ? ch.toLowerCase().slice(0, 1) : ' ';
    out += ch.length === 2 ? `${c} ` : c; // astral characters keep their two code units
  }
  return out
    .replace(/[’‘`´]/g, "'")
    .replace(/[–—−‑]/g, '-')
    .replace(/→/g, '>');
}

const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\.$/, '');
const alt = (words: string[]) =>
  [...new Set(words)]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');

// ── Vocabulary ──
const weekdayWords = new Map<string, number>();
for (const locale of ['fr', 'en']) {
  Info.weekdays('long', { locale }).forEach((w, i) => {
    weekdayWords.set(strip(w), i + 1);
  });
}
for (const [w, d] of Object.entries({
  lun: 1,
  mar: 2,
  mer: 3,
  jeu: 4,
  ven: 5,
  sam: 6,
  dim: 7,
  mon: 1,
  tue: 2,
  tues: 2,
  wed: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  fri: 5,
  sat: 6,
  sun: 7,
}))
  weekdayWords.set(w, d);
export const DAY = `(?:${alt([...weekdayWords.keys()])})s?`;
export const dayOf = (w: string) =>
  weekdayWords.get(w.replace(/\.$/, '')) ?? weekdayWords.get(w.replace(/s$/, '')) ?? 0;

const monthWords = new Map<string, number>();
for (const locale of ['fr', 'en']) {
  for (const style of ['long', 'short'] as const) {
    Info.months(style, { locale }).forEach((m, i) => {
      monthWords.set(strip(m), i + 1);
    });
  }
}
for (const [w, m] of Object.entries({ janv: 1, fev: 2, fevr: 2, avr: 4, juil: 7, sept: 9, dec: 12, sep: 9 }))
  monthWords.set(w, m);
export const MONTH = `(?:${alt([...monthWords.keys()])})\\.?`;

export const ordinals: Record<string, number> = {
  '1er': 1,
  '1re': 1,
  '1ere': 1,
  premier: 1,
  premiere: 1,
  first: 1,
  '1st': 1,
  '1': 1,
  '2e': 2,
  '2eme': 2,
  '2nd': 2,
  deuxieme: 2,
  second: 2,
  '2': 2,
  '3e': 3,
  '3eme': 3,
  '3rd': 3,
  troisieme: 3,
  third: 3,
  '3': 3,
  '4e': 4,
  '4eme': 4,
  '4th': 4,
  quatrieme: 4,
  fourth: 4,
  '4': 4,
  dernier: -1,
  derniere: -1,
  last: -1,
};
export const NTH = `(?:${alt(Object.keys(ordinals))})`;

export const categories: [Category, RegExp][] = [
  [
    'night-shift',
    /\b(?:gardes?(?: de nuit| de 24 ?h| aux urgences)?|astreintes?|nuits? de garde|night[- ]?shifts?|on[- ]call(?: shifts?)?|night duty)\b/g,
  ],
  [
    'course',
    /\b(?:cours(?: (?:de|du) des)?|formations?|seminaires?|enseignements?|journees? de formation|courses?|class(?:es)?|lectures?|teaching|training|seminars?)\b/g,
  ],
  ['internship', /\b(?:stages?|internships?|placements?|rotations?|ward)\b/g],
  ['clinic', /\b(?:consultations?|clinics?|cabinet|remplacements?|locums?(?: work)?|permanences?)\b/g],
  [
    'absence',
    /\b(?:absente?s?|absence|vacances|conges?|en conge|holidays?|vacations?|away|on leave|leave|off)\b/g,
  ],
  [
    'other',
    /\b(?:sport|rendez-vous|rdv|reunions?|meetings?|enfants?|creche|kids|famille|family|perso|personal|appointments?|travail|work)\b/g,
  ],
];

export const stopwords = new Set(
  `le la les l de du des d au aux a et en tous toutes tout chaque je j suis ai mes mon ma sur pour par y
  c est ce cette ces on ne pas dans puis ou aussi the on every each and of in at i am have has my an is are
  from to with also then or semaine week mois month chaque fois once per a an s qui que jour jours day days
  indisponible indispo occupe occupee busy unavailable dispo disponible available not pas un une`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * A phrase not understood: the code, the message in French and English (the text `phrase.<text>`
 * of texts.ts), the part at fault.
 */
export class Failure extends Error {
  readonly messageEn: string;
  readonly code: PhraseError;
  readonly part: string | null;
  constructor(code: PhraseError, text: string, part: string | null = null) {
    super(availabilityTexts('fr')(`phrase.${text}`, { part }));
    this.code = code;
    this.part = part;
    this.messageEn = availabilityTexts('en')(`phrase.${text}`, { part });
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "8h", "18h30", "08:00", "6.30pm", "midi", "minuit" → "HH:MM" (or null when not a time). */
export function clock(raw: string, original: string): string {
  const t = raw.trim();
  if (/^(?:midi|noon)$/.test(t)) return '12:00';
  if (/^(?:minuit|midnight)$/.test(t)) return '24:00';
  const m = /^(\d{1,2})(?:\s*(?:h|:|\.)\s*(\d{2})?|\s*h)?\s*(am|pm)?$/.exec(t);
  if (!m) throw new Failure('bad_time', 'unreadableTime', original);
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (m[3]) {
    if (h < 1 || h > 12) h = 99;
    else if (m[3] === 'pm' && h !== 12) h += 12;
    else if (m[3] === 'am' && h === 12) h = 0;
  }
  if (h > 24 || min > 59 || (h === 24 && min > 0)) throw new Failure('bad_time', 'noSuchTime', original);
  return h === 24 ? '24:00' : `${pad(h)}:${pad(min)}`;
}

export const TIME = String.raw`(?:\d{1,2}\s*(?:h\s*(?:\d{2})?|:\d{2}|\.\d{2})?\s*(?:am|pm)?|midi|minuit|noon|midnight)`;
export const TIME_STRICT = String.raw`(?:\d{1,2}\s*h\s*(?:\d{2})?|\d{1,2}:\d{2}|\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)|midi|minuit|noon|midnight)`;

/** A date as typed: "3 mars", "22/12", "2026-12-24", "March 3rd, 2027". */
export const DATE = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:er)?\s*(?:\/\s*\d{1,2}(?:\s*\/\s*\d{2,4})?|${MONTH}(?:\s+\d{4})?)|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)`;
/** A day of the month alone, the first end of "du 3 au 7 mars". */
export const DAYNUM = String.raw`\d{1,2}(?:er|st|nd|rd|th)?`;

/** The first date from `today` (itself included) that falls on the ISO weekday `weekday`. */
export function nextWeekday(today: string, weekday: number): string {
  const d = DateTime.fromISO(today, { zone: 'utc' });
  return d.plus({ days: (weekday - d.weekday + 7) % 7 }).toISODate() as string;
}

/** "14 février", "14/02", "14/02/2027", "February 14th", "2027-02-14" → ISO date, the next such date from today. */
export function dateOf(
  raw: string,
  original: string,
  today: string,
  fallback?: { month: number; year?: number },
): string {
  const bad = () => new Failure('bad_date', 'noSuchDate', original);
  let day = 0;
  let month: number | undefined;
  let year: number | undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const slashes = /^(\d{1,2})(?:er)?\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{2,4}))?$/.exec(raw);
  const dayMonth = new RegExp(String.raw`^(\d{1,2})(?:er)?\s*(${MONTH})(?:\s+(\d{4}))?$`).exec(raw);
  const monthDay = new RegExp(String.raw`^(${MONTH})\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$`).exec(
    raw,
  );
  const dayOnly = /^(\d{1,2})(?:er|st|nd|rd|th)?$/.exec(raw);
  const monthOf = (w: string) => monthWords.get(w.replace(/\.$/, ''));
  if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (slashes) {
    [day, month] = [Number(slashes[1]), Number(slashes[2])];
    if (slashes[3]) year = slashes[3].length === 2 ? 2000 + Number(slashes[3]) : Number(slashes[3]);
  } else if (dayMonth) {
    [day, month] = [Number(dayMonth[1]), monthOf(dayMonth[2] as string)];
    if (dayMonth[3]) year = Number(dayMonth[3]);
  } else if (monthDay) {
    [month, day] = [monthOf(monthDay[1] as string), Number(monthDay[2])];
    if (monthDay[3]) year = Number(monthDay[3]);
  } else if (dayOnly && fallback) [day, month, year] = [Number(dayOnly[1]), fallback.month, fallback.year];
  else throw bad();
  if (!month) throw bad();
  const now = DateTime.fromISO(today);
  let d = DateTime.fromObject({ year: year ?? now.year, month, day });
  if (!d.isValid) throw bad();
  // Without a year, the next such date (a date earlier this year means next year).
  if (year === undefined && d < now) d = d.plus({ years: 1 });
  return d.toISODate() as string;
}
