import type { Lang } from '../../notify/i18n.ts';
import { guidesEn } from './defaults-en.ts';
import { guidesFr } from './defaults-fr.ts';

/** The themes of the library; a guide of the coordination's own may take `other`. */
export const guideThemes = [
  'first-meeting',
  'internship-choice',
  'maquette',
  'rsca',
  'thesis',
  'installation',
  'difficulty',
  'other',
] as const;
export type GuideTheme = (typeof guideThemes)[number];

/** A shipped guide: `key` is also the id meetings stored before the library (modules/meetings). */
export interface DefaultGuide {
  key: string;
  theme: GuideTheme;
  title: string;
  when: string;
  body: string;
}

/**
 * The shipped guides in one language. The guide for a tutee in difficulty links to the
 * organisation's help page, where the well-being tutor's guide is (modules/wellbeing/guide.ts).
 */
export const defaultGuides = (lang: Lang, orgId: string): DefaultGuide[] =>
  (lang === 'en' ? guidesEn : guidesFr).map((g) => ({
    ...g,
    body: g.body.replaceAll('(HELP_PAGE)', `(/organisations/${orgId}/aide)`),
  }));

/**
 * The themes a guide's report starts from: the items of its body's first list (at most eight),
 * as the meetings' report and calendar invitation show them.
 */
export function guideTopics(body: string): string[] {
  const items: string[] = [];
  for (const line of body.split('\n')) {
    const m = /^\s*(?:[-*]|\d+\.)\s+(.+)$/.exec(line);
    if (m?.[1]) items.push(m[1].trim());
    else if (items.length > 0 && line.trim() !== '') break;
    if (items.length === 8) break;
  }
  return items;
}
