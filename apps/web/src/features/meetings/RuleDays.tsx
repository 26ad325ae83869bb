import { Chip, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DAYS } from './availabilityRules';
import type { Rule } from './PhraseEntry';

/** The days of the week a constraint holds on. */
export function RuleDays({ rule, onRule }: { rule: Rule; onRule: (rule: Rule) => void }) {
  const { t } = useTranslation();
  return (
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
  );
}
