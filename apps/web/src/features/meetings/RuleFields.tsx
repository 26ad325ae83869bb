import { Group, SegmentedControl, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Rule } from './PhraseEntry';
import { RuleDays } from './RuleDays';
import { RuleRepeat } from './RuleRepeat';

/** The fields of a constraint built by hand: days, repetition or dates, hours, busy or if need be. */
export function RuleFields({
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
      {rule.pattern !== 'dates' && <RuleDays rule={rule} onRule={onRule} />}
      <Group gap="sm" align="flex-end" wrap="wrap">
        <RuleRepeat
          rule={rule}
          onRule={onRule}
          missingFirstWeek={missingFirstWeek}
          onPatternChange={onPatternChange}
        />
        <TextInput
          type="time"
          w={120}
          label={t('meetings.availability.start')}
          value={rule.startTime}
          onChange={(e) => onRule({ ...rule, startTime: e.currentTarget.value })}
        />
        <TextInput
          type="time"
          w={120}
          label={t('meetings.availability.end')}
          value={rule.endTime === '24:00' ? '23:59' : rule.endTime}
          onChange={(e) =>
            onRule({
              ...rule,
              endTime: e.currentTarget.value === '23:59' ? '24:00' : e.currentTarget.value,
            })
          }
        />
      </Group>
      <Group gap="lg" wrap="wrap">
        <SegmentedControl
          size="xs"
          aria-label={t('meetings.availability.kind')}
          value={rule.kind}
          onChange={(v) => onRule({ ...rule, kind: v as Rule['kind'] })}
          data={[
            { value: 'busy', label: t('meetings.availability.busy') },
            { value: 'ifNeedBe', label: t('meetings.answer.ifNeedBe') },
          ]}
        />
        {rule.category === 'night-shift' && (
          <Switch
            label={t('meetings.availability.restAfter')}
            checked={rule.restAfter}
            onChange={(e) => onRule({ ...rule, restAfter: e.currentTarget.checked })}
          />
        )}
      </Group>
    </>
  );
}
