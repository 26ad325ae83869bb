import { DateTime } from 'luxon';
import {
  type Category,
  categories,
  clock,
  DATE,
  DAY,
  DAYNUM,
  dateOf,
  dayOf,
  defaults,
  Failure,
  fold,
  NTH,
  nextWeekday,
  ordinals,
  type PhraseError,
  stopwords,
  TIME,
  TIME_STRICT,
} from './phrase-words.ts';
import type { RuleBody } from './schema.ts';

export type { PhraseError } from './phrase-words.ts';

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

/** The phrase being read: the text as typed, and what is left of it (folded) to read. */
interface Phrase {
  text: string;
  today: string;
  work: string;
  r: Reading;
}

/** Applies `re` to what is left of the phrase; a match the handler accepts is blanked out. */
function taker(p: Phrase) {
  return (re: RegExp, fn: (m: RegExpExecArray, original: string) => unknown) => {
    const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    for (const m of [...p.work.matchAll(g)]) {
      const at = m.index ?? 0;
      const original = p.text.slice(at, at + m[0].length).trim();
      if (fn(m as RegExpExecArray, original) === false) continue;
      p.work = p.work.slice(0, at) + ' '.repeat(m[0].length) + p.work.slice(at + m[0].length);
    }
  };
}

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

/**
 * Each piece is read in this order, so the longer phrases go first: "le lendemain de garde" before
 * "garde", "un mardi sur deux" before "mardi", a date range before its hours.
 */
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
  const p: Phrase = { text, today, work: fold(text), r: emptyReading() };
  readRestAfter(p);
  readFortnight(p);
  readKind(p);
  readCategory(p);
  readDates(p);
  readHourRanges(p);
  readDayParts(p);
  readMonthly(p);
  readWeekdays(p);
  refuseLeftover(p);
  return resultOf(p.r, today);
}

function emptyReading(): Reading {
  return {
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
}

/** "repos le lendemain de garde", "no rest the day after". */
function readRestAfter(p: Phrase) {
  const take = taker(p);
  const { r } = p;
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
}

/** Every other week, with its days when said with them ("un mardi sur deux", "un week-end sur deux"). */
function readFortnight(p: Phrase) {
  const take = taker(p);
  const { r } = p;
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
}

/** Busy or if need be. */
function readKind(p: Phrase) {
  const take = taker(p);
  const { r } = p;
  take(
    /\b(?:si besoin|si necessaire|au besoin|de preference pas|plutot pas|plutot eviter|a eviter|eviter|if (?:need be|needed|necessary)|rather not|preferably not|avoid(?: if possible)?|if possible not)\b/,
    () => {
      r.kind = 'ifNeedBe';
    },
  );
  take(/\b(?:indisponible|indispo|pas dispo(?:nible)?|occupee?|busy|unavailable|not available)\b/, () => {
    r.kind = r.kind ?? 'busy';
  });
}

/** What it is: a night shift, a course, an internship … */
function readCategory(p: Phrase) {
  const take = taker(p);
  const { r } = p;
  for (const [category, re] of categories) {
    take(re, () => {
      r.category = r.category ?? category;
    });
  }
}

/** Dates: "du 3 au 7 mars", "du 22/12 au 02/01", "from 3 to 7 March", "le 14 février", "2026-12-24". */
function readDates(p: Phrase) {
  const take = taker(p);
  const { r, today } = p;
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
}

/**
 * Hours: a range first ("de 8h à 18h30", "18h30 → 8h30", "8am-6.30pm", "entre 8h et 12h"), then
 * "à partir de 18h" and "avant 10h".
 */
function readHourRanges(p: Phrase) {
  const take = taker(p);
  const { r } = p;
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
}

/** Parts of the day: "le matin", "en soirée", "all day". */
function readDayParts(p: Phrase) {
  const take = taker(p);
  const { r } = p;
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
}

/** A week of the month: "le 1er jeudi du mois", "the last Friday of the month". */
function readMonthly(p: Phrase) {
  const take = taker(p);
  const { r } = p;
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
}

/** Ranges of days ("du lundi au vendredi"), groups ("en semaine", "le week-end"), single days. */
function readWeekdays(p: Phrase) {
  const take = taker(p);
  const { r } = p;
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
}

function refuseLeftover(p: Phrase) {
  const { text, work } = p;
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
}

/** The rule the pieces make, or the change to the night shifts' rest day; or what is missing. */
function resultOf(r: Reading, today: string): PhraseResult {
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

  return { understood: true, action: 'add', ...ruleOf(r, today) };
}

function ruleOf(r: Reading, today: string): { rule: RuleBody; startGuessed: boolean } {
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
  return { rule, startGuessed };
}
