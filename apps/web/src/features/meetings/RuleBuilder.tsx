import { Button, Chip, Collapse, Group, Stack, Text } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import { presets, useDescribe } from './availabilityRules';
import type { Rule } from './PhraseEntry';
import { useAddRule } from './queries';
import { RuleFields } from './RuleFields';

/** The presets, opened on demand: a constraint built by hand from one of them. */
export function RuleBuilder({ orgId }: { orgId: string }) {
  const { t } = useTranslation();
  const describe = useDescribe();
  const [rule, setRule] = useState<Rule>(presets.nightShift as Rule);
  const [preset, setPreset] = useState('nightShift');
  const [showPresets, setShowPresets] = useState(false);
  /** Every other week is counted from a first date: asked for before anything is sent. */
  const [missingFirstWeek, setMissingFirstWeek] = useState(false);
  const add = useAddRule(orgId, { onSuccess: () => setShowPresets(false) });
  const choose = (key: string) => {
    setPreset(key);
    setRule(presets[key] as Rule);
    setMissingFirstWeek(false);
  };
  const submit = () => {
    if (rule.pattern === 'fortnightly' && !rule.fromDate) setMissingFirstWeek(true);
    else add.mutate(rule);
  };

  return (
    <>
      <Button
        variant="subtle"
        size="compact-sm"
        w="fit-content"
        onClick={() => setShowPresets((v) => !v)}
        aria-expanded={showPresets}
      >
        {t('meetings.phrase.presets')}
      </Button>
      <Collapse expanded={showPresets}>
        <Stack gap="sm">
          <Chip.Group value={preset} onChange={(v) => choose(v as string)}>
            <Group gap={6}>
              {Object.keys(presets).map((k) => (
                <Chip key={k} value={k} size="sm">
                  {t(`meetings.presets.${k}`)}
                </Chip>
              ))}
            </Group>
          </Chip.Group>
          <RuleFields
            rule={rule}
            onRule={setRule}
            missingFirstWeek={missingFirstWeek}
            onPatternChange={() => setMissingFirstWeek(false)}
          />
          <Text size="sm" c="dimmed">
            {describe(rule)}
          </Text>
          <Button
            w="fit-content"
            onClick={submit}
            loading={add.isPending}
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
          >
            {t('meetings.availability.addButton')}
          </Button>
        </Stack>
      </Collapse>
      {add.error && <ErrorAlert error={add.error} />}
    </>
  );
}
