import {
  emptyReading,
  type Phrase,
  type Reading,
  readCategory,
  readDates,
  readDayParts,
  readFortnight,
  readHourRanges,
  readKind,
  readMonthly,
  readRestAfter,
  readWeekdays,
} from './phrase-readers.ts';
import {
  type Category,
  defaults,
  Failure,
  fold,
  nextWeekday,
  type PhraseError,
  stopwords,
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
  if (text.trim().length === 0) throw new Failure('empty', 'empty');
  if (text.length > 300) throw new Failure('too_long', 'tooLong');
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
    throw new Failure('not_understood', 'notUnderstood', part);
  }
}

/** The rule the pieces make, or the change to the night shifts' rest day; or what is missing. */
function resultOf(r: Reading, today: string): PhraseResult {
  if (r.fortnight && r.weekdays.size === 0) throw new Failure('missing_when', 'fortnightDays', r.fortnight);
  if (r.fortnight && r.nth !== null) throw new Failure('not_understood', 'fortnightMonthly', r.fortnight);
  const hasWhen = r.weekdays.size > 0 || r.dates !== null;
  if (!hasWhen && r.restAfter !== null && !r.start && (r.category === null || r.category === 'night-shift')) {
    return { understood: true, action: 'rest-after', restAfter: r.restAfter };
  }
  if (!hasWhen) throw new Failure('missing_when', 'missingWhen');

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
    throw new Failure('bad_date', 'endBeforeStart');
  return { rule, startGuessed };
}
