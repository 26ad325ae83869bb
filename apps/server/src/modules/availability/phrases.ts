import { DateTime, Info } from 'luxon';
import type { RuleBody } from '../meetings/schema.ts';

/**
 * Recurring constraints typed as a person says them, in French or English:
 * "garde tous les mardis", "cours de DES le 1er jeudi du mois", "stage 8h–18h30 du lundi au
 * vendredi", "absente du 22 au 26 décembre", "night shift every Tuesday", "repos le lendemain de garde",
 * "garde un week-end sur deux", "cours tous les 15 jours le mardi".
 *
 * The phrase is read piece by piece (what, which days or dates, which hours, busy or if need be);
 * each piece understood is blanked out, and any word left over is reported back as the part that
 * was not understood, so nothing half-understood is ever saved. Day and month names come from
 * luxon's locale data; the phrase grammar is ours.
 */
export type PhraseResult =
  /**
   * `startGuessed`: an every-other-week rule said without its first date starts on the next of its
   * first weekday from today; the person is told so and can give the date.
   */
  | { understood: true; action: 'add'; rule: RuleBody; startGuessed: boolean }
  /** "repos le lendemain de garde" alone: a change to the person's night-shift rules. */
  | { understood: true; action: 'rest-after'; restAfter: boolean }
  | { understood: false; code: PhraseError; message: string; messageEn: string; part: string | null };

export type PhraseError = 'empty' | 'not_understood' | 'missing_when' | 'bad_time' | 'bad_date' | 'too_long';

type Category = RuleBody['category'];

const defaults: Record<Category, { start: string; end: string }> = {
  'night-shift': { start: '18:30', end: '08:30' },
  course: { start: '09:00', end: '17:00' },
  internship: { start: '08:00', end: '18:30' },
  clinic: { start: '08:30', end: '12:30' },
  absence: { start: '00:00', end: '24:00' },
  preference: { start: '00:00', end: '24:00' },
  other: { start: '00:00', end: '24:00' },
};

/** Lower case without accents, one character for one (so a position in it is a position in the text). */
function fold(text: string): string {
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
const DAY = `(?:${alt([...weekdayWords.keys()])})s?`;
const dayOf = (w: string) =>
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
const MONTH = `(?:${alt([...monthWords.keys()])})\\.?`;

const ordinals: Record<string, number> = {
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
const NTH = `(?:${alt(Object.keys(ordinals))})`;

const categories: [Category, RegExp][] = [
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

const stopwords = new Set(
  `le la les l de du des d au aux a et en tous toutes tout chaque je j suis ai mes mon ma sur pour par y
  c est ce cette ces on ne pas dans puis ou aussi the on every each and of in at i am have has my an is are
  from to with also then or semaine week mois month chaque fois once per a an s qui que jour jours day days
  indisponible indispo occupe occupee busy unavailable dispo disponible available not pas un une`
    .split(/\s+/)
    .filter(Boolean),
);

// ── Reading ──

interface Reading {
  category: Category | null;
  kind: 'busy' | 'ifNeedBe' | null;
  weekdays: Set<number>;
  nth: number | null;
  /** Every other week ("une semaine sur deux", "tous les 15 jours"): the words as typed. */
  fortnight: string | null;
  start: string | null;
  end: string | null;
  dates: { from: string; to: string } | null;
  fromDate: string | null;
  toDate: string | null;
  restAfter: boolean | null;
}

class Failure extends Error {
  constructor(
    readonly code: PhraseError,
    message: string,
    readonly messageEn: string,
    readonly part: string | null = null,
  ) {
    super(message);
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "8h", "18h30", "08:00", "6.30pm", "midi", "minuit" → "HH:MM" (or null when not a time). */
function clock(raw: string, original: string): string {
  const t = raw.trim();
  if (/^(?:midi|noon)$/.test(t)) return '12:00';
  if (/^(?:minuit|midnight)$/.test(t)) return '24:00';
  const m = /^(\d{1,2})(?:\s*(?:h|:|\.)\s*(\d{2})?|\s*h)?\s*(am|pm)?$/.exec(t);
  if (!m)
    throw new Failure(
      'bad_time',
      `Heure illisible : « ${original} ».`,
      `Unreadable time: “${original}”.`,
      original,
    );
  let h = Number(m[1]);
  const min = Number(m[2] ?? 0);
  if (m[3]) {
    if (h < 1 || h > 12) h = 99;
    else if (m[3] === 'pm' && h !== 12) h += 12;
    else if (m[3] === 'am' && h === 12) h = 0;
  }
  if (h > 24 || min > 59 || (h === 24 && min > 0))
    throw new Failure(
      'bad_time',
      `L’heure « ${original} » n’existe pas.`,
      `There is no such time as “${original}”.`,
      original,
    );
  return h === 24 ? '24:00' : `${pad(h)}:${pad(min)}`;
}

const TIME = String.raw`(?:\d{1,2}\s*(?:h\s*(?:\d{2})?|:\d{2}|\.\d{2})?\s*(?:am|pm)?|midi|minuit|noon|midnight)`;
const TIME_STRICT = String.raw`(?:\d{1,2}\s*h\s*(?:\d{2})?|\d{1,2}:\d{2}|\d{1,2}(?:[.:]\d{2})?\s*(?:am|pm)|midi|minuit|noon|midnight)`;

/** Reads the phrase; `today` (YYYY-MM-DD, on the organisation's clock) places dates without a year. */
export function parsePhrase(text: string, opts: { today: string }): PhraseResult {
  try {
    return read(text, opts.today);
  } catch (e) {
    if (e instanceof Failure) {
      return { understood: false, code: e.code, message: e.message, messageEn: e.messageEn, part: e.part };
    }
    throw e;
  }
}

function read(text: string, today: string): PhraseResult {
  if (text.trim().length === 0)
    throw new Failure(
      'empty',
      'Écrivez une contrainte, par exemple « garde tous les mardis ».',
      'Type a constraint, for example “night shift every Tuesday”.',
    );
  if (text.length > 300)
    throw new Failure(
      'too_long',
      'Une contrainte à la fois, en une phrase courte.',
      'One constraint at a time, in a short phrase.',
    );
  let work = fold(text);
  const r: Reading = {
    category: null,
    kind: null,
    weekdays: new Set(),
    nth: null,
    fortnight: null,
    start: null,
    end: null,
    dates: null,
    fromDate: null,
    toDate: null,
    restAfter: null,
  };
  /** Applies `re` to what is left; a match the handler accepts is blanked out. */
  const take = (re: RegExp, fn: (m: RegExpExecArray, original: string) => unknown) => {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const m of [...work.matchAll(g)]) {
      const at = m.index ?? 0;
      const original = text.slice(at, at + m[0].length).trim();
      if (fn(m as RegExpExecArray, original) === false) continue;
      work = work.slice(0, at) + ' '.repeat(m[0].length) + work.slice(at + m[0].length);
    }
  };

  // The day after a shift.
  take(
    /\b(?:(?:sans|pas de) repos(?: de securite)?(?: le lendemain)?(?: de (?:la )?garde)?|(?:pas|sans) de lendemain (?:de garde )?(?:en )?repos|(?:with)?no(?:t)? rest(?: day)?(?: (?:on )?the (?:next|following) day| after(?:wards)?)?|without (?:a )?rest(?: day)?|the day after is (?:a )?normal(?: day)?|lendemain normal)\b/,
    () => {
      r.restAfter = false;
    },
  );
  take(
    /\b(?:(?:en )?repos(?: de securite)?(?: (?:le )?lendemain)?(?: (?:de|d'une|d'un|apres(?: la| une)?) (?:la )?garde)?|lendemain(?: de garde)?(?: en)? (?:repos|si besoin|off)|rest(?:ing)? (?:on )?the day after(?: (?:a|the|each|my) (?:night )?shift)?|(?:a )?rest(?: day)?(?: (?:on )?the (?:next|following) day| after(?:wards)?(?: (?:the|a|each) (?:night )?shift)?)?|(?:the )?day after(?: (?:a|the|each|my) (?:night )?shift)? (?:is )?(?:off|if need be|rest))\b/,
    () => {
      r.restAfter = true;
    },
  );

  // Every other week: "tous les 15 jours", "une semaine sur deux", "un week-end sur deux" (Saturday and
  // Sunday), "un mardi sur deux", "every other week", "every two weeks", "every other weekend".
  const TWO = '(?:2|deux)';
  const fortnight = (days: number[]) => (_m: RegExpExecArray, original: string) => {
    r.fortnight = r.fortnight ?? original;
    for (const d of days) r.weekdays.add(d);
  };
  take(
    new RegExp(
      String.raw`\b(?:(?:une fois )?tous les (?:15|quinze) jours|toutes les ${TWO} semaines|(?:une|1) semaine sur ${TWO}|(?:(?:on|in) )?(?:every|each) (?:other|second|2nd|two|2) weeks?|(?:once )?(?:every|a) fortnight|fortnightly|(?:on )?alternate weeks|(?:on )?alternating weeks)\b`,
    ),
    fortnight([]),
  );
  take(
    new RegExp(
      String.raw`\b(?:(?:un|1) (?:week-?end|we) sur ${TWO}|tous les ${TWO} week-?ends|(?:on )?(?:every|each) (?:other|second|2nd) week-?end|(?:on )?alternate week-?ends)\b`,
    ),
    fortnight([6, 7]),
  );
  take(
    // "every second Monday of the month" is a week of the month, read further down.
    new RegExp(
      String.raw`\b(?:(?:un|une|1) (${DAY}) sur ${TWO}|(?:on )?(?:every|each) (?:other|second|2nd) (${DAY}))\b(?!\s+(?:du mois|de chaque mois|of (?:the|each|every) month|every month|each month|a month|monthly))`,
    ),
    (m, original) => {
      const d = dayOf((m[1] ?? m[2]) as string);
      if (!d) return false;
      fortnight([d])(m, original);
    },
  );

  // Busy or if need be.
  take(
    /\b(?:si besoin|si necessaire|au besoin|de preference pas|plutot pas|plutot eviter|a eviter|eviter|if (?:need be|needed|necessary)|rather not|preferably not|avoid(?: if possible)?|if possible not)\b/,
    () => {
      r.kind = 'ifNeedBe';
    },
  );
  take(/\b(?:indisponible|indispo|pas dispo(?:nible)?|occupee?|busy|unavailable|not available)\b/, () => {
    r.kind = r.kind ?? 'busy';
  });

  // What it is.
  for (const [category, re] of categories) {
    take(re, () => {
      r.category = r.category ?? category;
    });
  }

  // Dates: "du 3 au 7 mars", "du 22/12 au 02/01", "from 3 to 7 March", "le 14 février", "2026-12-24".
  const DATE = String.raw`(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:er)?\s*(?:\/\s*\d{1,2}(?:\s*\/\s*\d{2,4})?|${MONTH}(?:\s+\d{4})?)|${MONTH}\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?)`;
  const DAYNUM = String.raw`\d{1,2}(?:er|st|nd|rd|th)?`;
  const toIso = (raw: string, original: string, fallback?: { month: number; year?: number }) =>
    dateOf(raw.trim(), original, today, fallback);
  // A range whose first end has no month borrows the second's: "du 3 au 7 mars".
  take(
    new RegExp(
      String.raw`\b(?:(?:du|from|entre le|between)\s+)?(${DATE}|${DAYNUM})\s*(?:au|a|-|to|until|till|through|thru|jusqu'au|et le|and)\s*(${DATE})\b(?:\s*(?:inclus|included))?`,
    ),
    (m, original) => {
      const to = toIso(m[2] as string, original);
      const from = toIso(m[1] as string, original, {
        month: Number(to.slice(5, 7)),
        year: Number(to.slice(0, 4)),
      });
      let fromD = DateTime.fromISO(from);
      if (fromD > DateTime.fromISO(to)) fromD = fromD.minus({ years: 1 });
      r.dates = { from: fromD.toISODate() as string, to };
    },
  );
  take(
    new RegExp(String.raw`\b(?:jusqu'au|jusqu'a|until|till|up to)\s+(?:le\s+|the\s+)?(${DATE})\b`),
    (m, original) => {
      r.toDate = toIso(m[1] as string, original);
    },
  );
  take(
    new RegExp(
      String.raw`\b(?:a partir du|a compter du|des le|depuis le|starting(?: on| from)?|from|as of)\s+(?:le\s+|the\s+)?(${DATE})\b`,
    ),
    (m, original) => {
      r.fromDate = toIso(m[1] as string, original);
    },
  );
  take(new RegExp(String.raw`\b(?:le\s+|on\s+(?:the\s+)?)?(${DATE})\b`), (m, original) => {
    if (r.dates) return false;
    const d = toIso(m[1] as string, original);
    r.dates = { from: d, to: d };
  });

  // Hours. A range first ("de 8h à 18h30", "18h30 → 8h30", "8am-6.30pm", "entre 8h et 12h").
  take(
    new RegExp(
      String.raw`\b(?:de|from|between|entre)?\s*(${TIME})\s*(?:->|-|>|a|au|to|until|till|jusqu'a|et|and)\s*(${TIME})(?=\W|$)(?:\s*(?:le lendemain|the next (?:day|morning)))?`,
    ),
    (m, original) => {
      const a = m[1] as string;
      const b = m[2] as string;
      // At least one side must look like a time ("8h", "8:00", "8pm"), not "du 3 au 7".
      if (!new RegExp(`^${TIME_STRICT}$`).test(a.trim()) && !new RegExp(`^${TIME_STRICT}$`).test(b.trim()))
        return false;
      // "8-6pm": the first takes the meridiem of the second.
      const merid = /(am|pm)$/.exec(b.trim())?.[1];
      const aRaw = merid && /^\d{1,2}(?:[.:]\d{2})?$/.test(a.trim()) ? `${a.trim()}${merid}` : a;
      r.start = clock(aRaw, original);
      r.end = clock(b, original);
      if (r.start === '24:00') r.start = '00:00';
      if (r.end === '00:00') r.end = '24:00';
      if (r.start === r.end)
        throw new Failure(
          'bad_time',
          `Le début et la fin sont la même heure : « ${original} ».`,
          `Start and end are the same time: “${original}”.`,
          original,
        );
    },
  );
  take(
    new RegExp(
      String.raw`\b(?:a partir de|des|apres|after|from|starting(?: at)?)\s+(${TIME_STRICT})(?=\W|$)`,
    ),
    (m, original) => {
      if (r.start) return false;
      r.start = clock(m[1] as string, original);
      r.end = '24:00';
    },
  );
  take(
    new RegExp(String.raw`\b(?:avant|jusqu'a|before|until|till)\s+(${TIME_STRICT})(?=\W|$)`),
    (m, original) => {
      if (r.start) return false;
      r.start = '00:00';
      r.end = clock(m[1] as string, original);
    },
  );
  const parts: [RegExp, string, string][] = [
    [
      /\b(?:toute la journee|la journee entiere|journee entiere|toute la journee|all day(?: long)?|the whole day|whole day|full day|la journee|journee)\b/,
      '00:00',
      '24:00',
    ],
    [/\b(?:(?:le |la |en )?matin(?:ee)?s?|(?:in the )?mornings?)\b/, '08:00', '12:30'],
    [/\b(?:(?:l')?apres-? ?midis?|(?:in the )?afternoons?)\b/, '13:30', '18:30'],
    [/\b(?:(?:le |en )?soir(?:ee)?s?|(?:in the )?evenings?)\b/, '18:00', '22:00'],
    [/\b(?:(?:la |de )?nuits?|(?:at )?nights?|overnight)\b/, '18:30', '08:30'],
    [/\b(?:(?:le |a )?midi|(?:at )?lunch(?:time)?|pause dejeuner)\b/, '12:00', '14:00'],
  ];
  for (const [re, start, end] of parts) {
    take(re, () => {
      if (r.start) return; // "stage 8h-18h30 en journée": the hours given win
      r.start = start;
      r.end = end;
    });
  }

  // Days: monthly ("le 1er jeudi du mois"), ranges ("du lundi au vendredi"), groups, single days.
  take(
    new RegExp(
      String.raw`\b(?:le |la |the |every |each |chaque |tous les )?(${NTH})\s+(${DAY}(?:\s*(?:,|et|and|ou|or)\s*${DAY})*)(?:\s+(?:du mois|de chaque mois|de tous les mois|de mois|of the month|of each month|of every month|every month|each month|a month|monthly|par mois))?\b`,
    ),
    (m) => {
      r.nth = ordinals[m[1] as string] ?? null;
      for (const w of (m[2] as string).split(/\s*(?:,|et|and|ou|or)\s*/)) r.weekdays.add(dayOf(w.trim()));
    },
  );
  take(
    /\b(?:du mois|de chaque mois|chaque mois|tous les mois|par mois|of the month|every month|each month|monthly)\b/,
    () => {
      if (r.nth === null) return false;
    },
  );
  take(
    new RegExp(
      String.raw`\b(?:du |de |from )?(${DAY})\.?\s*(?:au|a|-|to|through|thru|until|till)\s*(${DAY})\.?(?=\W|$)(?:\s+(?:inclus|included|inclusive))?`,
    ),
    (m) => {
      const a = dayOf(m[1] as string);
      const b = dayOf(m[2] as string);
      for (let d = a, i = 0; i < 7; d = (d % 7) + 1, i++) {
        r.weekdays.add(d);
        if (d === b) break;
      }
    },
  );
  const groups: [RegExp, number[]][] = [
    [
      /\b(?:tous les jours|chaque jour|every day|everyday|daily|7 jours sur 7|7j\/7)\b/,
      [1, 2, 3, 4, 5, 6, 7],
    ],
    [
      /\b(?:en semaine|les jours de semaine|jours de semaine|jours ouvres|on weekdays|weekdays|week days|every weekday)\b/,
      [1, 2, 3, 4, 5],
    ],
    [/\b(?:(?:le |les |on |at )?(?:week-?ends?))\b/, [6, 7]],
  ];
  for (const [re, days] of groups)
    take(re, () => {
      for (const d of days) r.weekdays.add(d);
    });
  take(new RegExp(String.raw`\b(${DAY})\.?(?=\W|$)`), (m) => {
    const d = dayOf(m[1] as string);
    if (!d) return false;
    r.weekdays.add(d);
  });

  // Whatever is left must be small words. Unknown words are quoted as typed, those next to each
  // other (or only small words apart: "avec les copains") as one run.
  const runs: { start: number; end: number }[] = [];
  for (const m of work.matchAll(/[a-z0-9'/:-]+/g)) {
    const words = m[0].split(/['-]/).filter(Boolean);
    if (words.every((w) => stopwords.has(w))) continue;
    const at = m.index ?? 0;
    const last = runs.at(-1);
    const gap = last ? work.slice(last.end, at) : '';
    const near =
      last && (gap.trim() === '' ? gap.length <= 2 : /^[\sa-z']+$/.test(gap) && !/\s{2}/.test(gap));
    if (last && near) last.end = at + m[0].length;
    else runs.push({ start: at, end: at + m[0].length });
  }
  if (runs.length > 0) {
    const part = runs.map((r) => text.slice(r.start, r.end)).join(' … ');
    throw new Failure(
      'not_understood',
      `Je n’ai pas compris « ${part} ». Exemples : « garde tous les mardis », « cours de DES le 1er jeudi du mois », « stage 8h–18h30 du lundi au vendredi », « absente du 22 au 26 décembre ».`,
      `I did not understand “${part}”. Examples: “night shift every Tuesday”, “course on the first Thursday of the month”, “internship 8am–6.30pm Monday to Friday”, “away from 22 to 26 December”.`,
      part,
    );
  }

  if (r.fortnight && r.weekdays.size === 0)
    throw new Failure(
      'missing_when',
      `Dites quels jours reviennent « ${r.fortnight} » : par exemple « garde un mardi sur deux » ou « cours tous les 15 jours le jeudi ».`,
      `Say which days come back “${r.fortnight}”: for example “night shift every other Tuesday” or “course every two weeks on Thursdays”.`,
      r.fortnight,
    );
  if (r.fortnight && r.nth !== null)
    throw new Failure(
      'not_understood',
      `« ${r.fortnight} » ne se combine pas avec une semaine du mois : choisissez l’un ou l’autre.`,
      `“${r.fortnight}” does not go with a week of the month: choose one or the other.`,
      r.fortnight,
    );
  const hasWhen = r.weekdays.size > 0 || r.dates !== null;
  if (!hasWhen && r.restAfter !== null && !r.start && (r.category === null || r.category === 'night-shift')) {
    return { understood: true, action: 'rest-after', restAfter: r.restAfter };
  }
  if (!hasWhen)
    throw new Failure(
      'missing_when',
      'Dites quand : un jour de la semaine (« tous les mardis »), une semaine du mois (« le 1er jeudi du mois ») ou des dates (« du 3 au 7 mars »).',
      'Say when: a day of the week (“every Tuesday”), a week of the month (“the first Thursday of the month”) or dates (“from 3 to 7 March”).',
    );

  const category: Category =
    r.category ??
    (r.kind === 'ifNeedBe' ? 'preference' : r.dates && r.weekdays.size === 0 ? 'absence' : 'other');
  const hours = r.start && r.end ? { start: r.start, end: r.end } : defaults[category];
  const datesOnly = r.weekdays.size === 0;
  const rule: RuleBody = {
    category,
    kind: r.kind ?? (category === 'preference' ? 'ifNeedBe' : 'busy'),
    pattern: datesOnly ? 'dates' : r.nth !== null ? 'monthly' : r.fortnight ? 'fortnightly' : 'weekly',
    weekdays: [...r.weekdays].sort((a, b) => a - b),
    nth: datesOnly ? null : r.nth,
    startTime: hours.start,
    endTime: hours.end,
    fromDate: datesOnly ? (r.dates?.from ?? null) : (r.fromDate ?? r.dates?.from ?? null),
    toDate: datesOnly ? (r.dates?.to ?? null) : (r.toDate ?? r.dates?.to ?? null),
    // A night shift is followed by a rest day (repos de sécurité) unless the person says otherwise.
    restAfter: r.restAfter ?? category === 'night-shift',
  };
  // Every other week is counted from a first week: without one, the next of the first weekday.
  const startGuessed = rule.pattern === 'fortnightly' && !rule.fromDate;
  if (startGuessed) rule.fromDate = nextWeekday(today, rule.weekdays[0] as number);
  if (rule.fromDate && rule.toDate && rule.fromDate > rule.toDate)
    throw new Failure(
      'bad_date',
      'La date de fin est avant la date de début.',
      'The end date is before the start date.',
    );
  return { understood: true, action: 'add', rule, startGuessed };
}

/** The first date from `today` (itself included) that falls on the ISO weekday `weekday`. */
function nextWeekday(today: string, weekday: number): string {
  const d = DateTime.fromISO(today, { zone: 'utc' });
  return d.plus({ days: (weekday - d.weekday + 7) % 7 }).toISODate() as string;
}

/** "14 février", "14/02", "14/02/2027", "February 14th", "2027-02-14" → ISO date, the next such date from today. */
function dateOf(
  raw: string,
  original: string,
  today: string,
  fallback?: { month: number; year?: number },
): string {
  const bad = () =>
    new Failure(
      'bad_date',
      `La date « ${original} » n’existe pas.`,
      `There is no such date as “${original}”.`,
      original,
    );
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
