import type { useTranslation } from 'react-i18next';
import type { ProgrammeRules } from '../../app/types';

type T = ReturnType<typeof useTranslation>['t'];

/** A few words that say what a set of rules means in practice: "Binôme · 36 mois · 2 rencontres par an". */
export function rulesSummary(t: T, r: ProgrammeRules): string[] {
  const parts = [
    r.unit === 'pair' ? t('rulesText.pair') : t('rulesText.group', { count: r.groupSize ?? 0 }),
    r.durationMonths ? t('rulesText.months', { count: r.durationMonths }) : t('rulesText.openEnded'),
    t(`rulesText.meetings.${r.meetings.per}`, { count: r.meetings.target }),
  ];
  return parts;
}
