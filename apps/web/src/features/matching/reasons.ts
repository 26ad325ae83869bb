import type { TFunction } from 'i18next';
import type { Reason } from './types';

/** "même site : CHU Amiens-Picardie · 12 km · projet : installation en zone rurale". */
export function reasonText(t: TFunction, r: Reason): string {
  return t(`matching.reason.${r.code}`, {
    ...r,
    count: undefined,
    themes: r.themes?.join(', ') ?? '',
    when: whenOf(t, r),
  });
}

/** "le mardi soir et le jeudi soir", "le lundi soir, le mardi soir et 6 autres créneaux". */
export function whenOf(t: TFunction, r: Reason): string {
  const items = (r.slots ?? []).map((s) => {
    const [day, part] = s.split('-');
    return t('matching.when.slot', { day: t(`matching.day.${day}`), part: t(`matching.part.${part}`) });
  });
  const more = (r.count ?? items.length) - items.length;
  if (more > 0) return t('matching.when.more', { list: items.join(', '), count: more });
  return items.join(t('matching.when.and'));
}

export const reasonsLine = (t: TFunction, rs: Reason[]) => rs.map((r) => reasonText(t, r)).join(' · ');

export const initials = (name: string) =>
  name
    .replace(/^Dr\.?\s+/i, '')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
