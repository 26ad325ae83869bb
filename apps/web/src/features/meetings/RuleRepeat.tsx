import { Select, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rule } from './PhraseEntry';

/** How a constraint repeats (every week, every other week from a first one, a weekday of the month) or its dates. */
export function RuleRepeat({
  rule,
  onRule,
  missingFirstWeek,
  onPatternChange,
}: {
  rule: Rule;
  onRule: (rule: Rule) => void;
  missingFirstWeek: boolean;
  onPatternChange: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      {rule.pattern !== 'dates' && (
        <Select
          w={210}
          label={t('meetings.availability.repeat')}
          value={rule.pattern === 'monthly' ? String(rule.nth) : rule.pattern}
          allowDeselect={false}
          onChange={(v) => {
            onPatternChange();
            onRule(
              v === 'weekly' || v === 'fortnightly'
                ? {
                    ...rule,
                    pattern: v,
                    nth: null,
                    fromDate: v === 'weekly' ? null : rule.fromDate,
                  }
                : { ...rule, pattern: 'monthly', nth: Number(v), fromDate: null },
            );
          }}
          data={[
            { value: 'weekly', label: t('meetings.availability.everyWeek') },
            { value: 'fortnightly', label: t('meetings.availability.everyOtherWeek') },
            ...['1', '2', '3', '4', '-1'].map((n) => ({
              value: n,
              label: t('meetings.availability.nthOfMonth', { nth: t(`meetings.nth.${n}`) }),
            })),
          ]}
        />
      )}
      {rule.pattern === 'fortnightly' && (
        <TextInput
          type="date"
          w={220}
          required
          label={t('meetings.availability.firstWeek')}
          description={t('meetings.availability.firstWeekHelp')}
          value={rule.fromDate ?? ''}
          error={missingFirstWeek && !rule.fromDate ? t('meetings.availability.firstWeekRequired') : null}
          onChange={(e) => onRule({ ...rule, fromDate: e.currentTarget.value || null })}
        />
      )}
      {rule.pattern === 'dates' && (
        <>
          <TextInput
            type="date"
            label={t('meetings.availability.fromDate')}
            value={rule.fromDate ?? ''}
            onChange={(e) => onRule({ ...rule, fromDate: e.currentTarget.value || null })}
          />
          <TextInput
            type="date"
            label={t('meetings.availability.toDate')}
            value={rule.toDate ?? ''}
            onChange={(e) => onRule({ ...rule, toDate: e.currentTarget.value || null })}
          />
        </>
      )}
    </>
  );
}
