import type { TFunction } from 'i18next';
import type { Reason } from './types';

/** "même site : CHU Amiens-Picardie · 12 km · projet : installation en zone rurale". */
export function reasonText(t: TFunction, r: Reason): string {
  return t(`matching.reason.${r.code}`, { ...r, themes: r.themes?.join(', ') ?? '' });
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
