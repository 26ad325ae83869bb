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
  Failure,
  NTH,
  ordinals,
  TIME,
  TIME_STRICT,
} from './phrase-words.ts';

/**
 * The readers of a phrase (phrases.ts), one per kind of piece: each applies its patterns to what
 * is left of the phrase, notes what it understood in the `Reading`, and blanks the words it read.
 */

export interface Reading {
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
export interface Phrase {
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

export function emptyReading(): Reading {
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
export function readRestAfter(p: Phrase) {
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
export function readFortnight(p: Phrase) {
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
export function readKind(p: Phrase) {
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
export function readCategory(p: Phrase) {
  const take = taker(p);
  const { r } = p;
  for (const [category, re] of categories) {
    take(re, () => {
      r.category = r.category ?? category;
    });
  }
}

/** Dates: "du 3 au 7 mars", "du 22/12 au 02/01", "from 3 to 7 March", "le 14 février", "2026-12-24". */
export function readDates(p: Phrase) {
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
export function readHourRanges(p: Phrase) {
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
      if (r.start === r.end) throw new Failure('bad_time', 'sameTimes', original);
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
export function readDayParts(p: Phrase) {
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
export function readMonthly(p: Phrase) {
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
export function readWeekdays(p: Phrase) {
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
