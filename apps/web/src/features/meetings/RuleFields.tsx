import { Chip, Group, SegmentedControl, Select, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DAYS } from './availabilityRules';
import type { Rule } from './PhraseEntry';

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
      {rule.pattern !== 'dates' && (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="days-label">
            {t('meetings.availability.days')}
          </Text>
          <Chip.Group
            multiple
            value={rule.weekdays.map(String)}
            onChange={(v) => onRule({ ...rule, weekdays: (v as string[]).map(Number).sort() })}
          >
            <Group gap={4} role="group" aria-labelledby="days-label">
              {DAYS.map((d) => (
                <Chip key={d} value={String(d)} size="xs" variant="outline">
                  {t(`meetings.daysShort.${d}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
        </Stack>
      )}
      <Group gap="sm" align="flex-end" wrap="wrap">
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
