import { NumberInput, Radio, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Row, Section } from './RulesSection';
import type { Values } from './rulesValues';

/** What every section of the rules form gets: the form, and the programme's words for its roles. */
export interface RulesSectionProps {
  form: UseFormReturnType<Values>;
  words: { tutor: string; tutors: string; tutee: string; tutees: string };
}

/** How many tutees a tutor follows, at least and at most. */
function CapacityRow({ form, words }: RulesSectionProps) {
  const { t } = useTranslation();
  return (
    <Row>
      <Text fw={500} size="sm">
        {t('rules.capacity.label', words)}
      </Text>
      <Text size="xs" c="dimmed" mb="xs">
        {t('rules.capacity.help', words)}
      </Text>
      <SimpleGrid cols={{ base: 1, xs: 2 }} maw={420}>
        <NumberInput
          label={t('rules.capacity.min')}
          min={0}
          max={100}
          allowDecimal={false}
          {...form.getInputProps('tutorCapacity.min')}
        />
        <NumberInput
          label={t('rules.capacity.max')}
          min={1}
          max={100}
          allowDecimal={false}
          {...form.getInputProps('tutorCapacity.max')}
        />
      </SimpleGrid>
    </Row>
  );
}

export function WhoRules({ form, words }: RulesSectionProps) {
  const { t } = useTranslation();
  const v = form.getValues();
  return (
    <Section title={t('rules.sections.who')} description={t('rules.sections.whoHelp', words)}>
      <Row>
        <Radio.Group label={t('rules.unit.label')} {...form.getInputProps('unit')}>
          <Stack gap="sm" mt="xs">
            <Radio value="pair" label={t('rules.unit.pair')} description={t('rules.unit.pairHelp', words)} />
            <Radio
              value="group"
              label={t('rules.unit.group')}
              description={t('rules.unit.groupHelp', words)}
            />
          </Stack>
        </Radio.Group>
        {v.unit === 'group' && (
          <NumberInput
            mt="md"
            maw={260}
            label={t('rules.groupSize.label')}
            description={t('rules.groupSize.help', words)}
            min={2}
            max={30}
            allowDecimal={false}
            {...form.getInputProps('groupSize')}
          />
        )}
      </Row>
      <CapacityRow form={form} words={words} />
      <Row>
        <Radio.Group
          label={t('rules.matching.label')}
          description={t('rules.matching.help')}
          {...form.getInputProps('matchingMode')}
        >
          <Stack gap="sm" mt="xs">
            {(['optimal', 'tutee-choice', 'tutor-choice', 'manual'] as const).map((m) => (
              <Radio
                key={m}
                value={m}
                label={t(`rules.matching.${m}`, words)}
                description={t(`rules.matching.${m}Help`, words)}
              />
            ))}
          </Stack>
        </Radio.Group>
      </Row>
      <Row>
        <Switch
          label={t('rules.groupsBySite.label')}
          description={t('rules.groupsBySite.help', words)}
          {...form.getInputProps('groupsBySite', { type: 'checkbox' })}
        />
      </Row>
    </Section>
  );
}

export function RhythmRules({ form, words }: RulesSectionProps) {
  const { t } = useTranslation();
  const v = form.getValues();
  const periods = (['month', 'quarter', 'semester', 'year', 'programme'] as const).map((p) => ({
    value: p,
    label: t(`rules.per.${p}`),
  }));
  return (
    <Section title={t('rules.sections.rhythm')} description={t('rules.sections.rhythmHelp')}>
      <Row>
        <Switch
          label={t('rules.duration.switch')}
          description={v.limitDuration ? t('rules.duration.limited') : t('rules.duration.open')}
          {...form.getInputProps('limitDuration', { type: 'checkbox' })}
        />
        {v.limitDuration && (
          <NumberInput
            mt="sm"
            maw={260}
            label={t('rules.duration.label')}
            suffix={` ${t('rules.duration.unit')}`}
            min={1}
            max={120}
            allowDecimal={false}
            {...form.getInputProps('durationMonths')}
          />
        )}
      </Row>
      <Row>
        <Text fw={500} size="sm">
          {t('rules.meetings.label')}
        </Text>
        <Text size="xs" c="dimmed" mb="xs">
          {t('rules.meetings.help', words)}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <NumberInput
            label={t('rules.meetings.target')}
            min={0}
            max={100}
            allowDecimal={false}
            {...form.getInputProps('meetings.target')}
          />
          <NumberInput
            label={t('rules.meetings.minimum')}
            min={0}
            max={100}
            allowDecimal={false}
            {...form.getInputProps('meetings.minimum')}
          />
          <Select
            label={t('rules.meetings.per')}
            data={periods}
            allowDeselect={false}
            {...form.getInputProps('meetings.per')}
          />
        </SimpleGrid>
      </Row>
      <Row>
        <Switch
          label={t('rules.contact.switch')}
          description={t('rules.contact.help', words)}
          {...form.getInputProps('trackContact', { type: 'checkbox' })}
        />
        {v.trackContact && (
          <NumberInput
            mt="sm"
            maw={300}
            label={t('rules.contact.label')}
            suffix={` ${t('rules.days')}`}
            min={1}
            max={730}
            allowDecimal={false}
            {...form.getInputProps('contactEveryDays')}
          />
        )}
      </Row>
    </Section>
  );
}
