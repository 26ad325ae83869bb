import type { Translate } from '../programmes/useProgrammeTranslation';
import type { Reason } from './types';

/**
 * Who reads the reasons: the coordination (about two named people), or one of the pair (about the
 * other one, named).
 */
export type ReasonReader =
  | { as: 'coordinator'; tutee: string; tutor: string }
  | { as: 'tutee' | 'tutor'; name: string };

/** "premier", "deuxième", "4ᵉ"; "first", "4th". */
const nth = (t: Translate, rank: number) =>
  rank <= 3 ? t(`matching.nth.${rank}`) : t('matching.nth.other', { rank });

/** The key of a reason for this reader: a ranking is told from the side of the one who ranked. */
function keyOf(r: Reason, reader: ReasonReader): string {
  if (r.code === 'distance' && (r.km ?? 0) < 1) return 'distanceNone';
  if (reader.as === 'coordinator' || (r.code !== 'tuteeChoice' && r.code !== 'tutorChoice')) {
    return r.code === 'newcomer' && reader.as === 'tutor' ? 'newcomerOther' : r.code;
  }
  return (r.code === 'tuteeChoice') === (reader.as === 'tutee') ? 'iRanked' : 'theyRanked';
}

/** One reason as a sentence: "Vous travaillez à 12 km l’un de l’autre." */
export function reasonText(t: Translate, r: Reason, reader: ReasonReader): string {
  const scope = reader.as === 'coordinator' ? 'matching.reason' : 'matching.reasonMine';
  return t(`${scope}.${keyOf(r, reader)}`, {
    ...r,
    ...reader,
    count: undefined,
    nth: nth(t, r.rank ?? 1),
    themes: r.themes?.join(', ') ?? '',
    when: whenOf(t, r),
  });
}

/** "le mardi soir et le jeudi soir", "le lundi soir, le mardi soir et 6 autres créneaux". */
export function whenOf(t: Translate, r: Reason): string {
  const items = (r.slots ?? []).map((s) => {
    const [day, part] = s.split('-');
    return t('matching.when.slot', { day: t(`matching.day.${day}`), part: t(`matching.part.${part}`) });
  });
  const more = (r.count ?? items.length) - items.length;
  if (more > 0) return t('matching.when.more', { list: items.join(', '), count: more });
  return items.join(t('matching.when.and'));
}

/** The reasons as sentences one after the other; when none, that the coordination chose. */
export const reasonsText = (t: Translate, rs: Reason[], reader: ReasonReader) =>
  rs.length === 0
    ? t(reader.as === 'coordinator' ? 'matching.reason.none' : 'matching.reasonMine.none')
    : rs.map((r) => reasonText(t, r, reader)).join(' ');

export const initials = (name: string) =>
  name
    .replace(/^Dr\.?\s+/i, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
