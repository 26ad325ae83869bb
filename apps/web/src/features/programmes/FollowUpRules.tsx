import { Alert, NumberInput, Radio, Select, SimpleGrid, Stack, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RulesSectionProps } from './PairingRules';
import { Row, Section } from './RulesSection';
import { alertFields, alertKeys } from './rulesValues';

export function AlertRules({ form, words }: RulesSectionProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('rules.sections.alerts')} description={t('rules.sections.alertsHelp', words)}>
      <Row>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {alertKeys.map((k) => (
            <NumberInput
              key={k}
              label={t(`rules.alerts.${k}`, words)}
              description={t(`rules.alerts.${k}Help`, words)}
              suffix={` ${t(`rules.alerts.unit.${alertFields[k].unit}`)}`}
              min={alertFields[k].min}
              max={alertFields[k].max}
              allowDecimal={false}
              {...form.getInputProps(`alerts.${k}`)}
            />
          ))}
        </SimpleGrid>
      </Row>
    </Section>
  );
}

export function ParticipationRules({ form, words }: RulesSectionProps) {
  const { t } = useTranslation();
  const v = form.getValues();
  return (
    <Section
      title={t('rules.sections.participation')}
      description={t('rules.sections.participationHelp', words)}
    >
      <Row>
        <Radio.Group
          label={t('rules.participation.label', words)}
          {...form.getInputProps('participation.mode')}
        >
          <Stack gap="sm" mt="xs">
            {(['compulsory', 'optional', 'first-n'] as const).map((m) => (
              <Radio
                key={m}
                value={m}
                label={t(`rules.participation.${m}`)}
                description={t(`rules.participation.${m}Help`, words)}
              />
            ))}
          </Stack>
        </Radio.Group>
        {v.participation.mode === 'first-n' && (
          <NumberInput
            mt="md"
            maw={300}
            label={t('rules.participation.firstN')}
            min={1}
            max={50}
            allowDecimal={false}
            {...form.getInputProps('participation.firstN')}
          />
        )}
      </Row>
    </Section>
  );
}

/** The twelve months, named in the reader's language, as the review month picker offers them. */
function monthOptions(lang: string) {
  const name = new Intl.DateTimeFormat(lang, { month: 'long', timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, i) => {
    const label = name.format(Date.UTC(2026, i, 1));
    return { value: String(i + 1), label: label.charAt(0).toLocaleUpperCase(lang) + label.slice(1) };
  });
}

// The charter (signed by each pair and the organisation before their first meeting, written on the
// programme's charter tab) and the portfolio (traces, competencies, syntheses) are switched on or off here.
export function FollowUpRules({ form, words }: RulesSectionProps) {
  const { t, i18n } = useTranslation();
  const v = form.getValues();
  return (
    <Section title={t('rules.sections.followUp')} description={t('rules.sections.followUpHelp', words)}>
      <Row>
        <Switch
          label={t('rules.charter.switch')}
          description={t('rules.charter.help', words)}
          {...form.getInputProps('charterRequired', { type: 'checkbox' })}
        />
      </Row>
      <Row>
        <Switch
          label={t('rules.portfolio.switch')}
          description={t('rules.portfolio.help', words)}
          {...form.getInputProps('portfolioEnabled', { type: 'checkbox' })}
        />
      </Row>
      <Row>
        <Switch
          label={t('rules.checkIn.switch')}
          description={t('rules.checkIn.help', words)}
          {...form.getInputProps('checkIns', { type: 'checkbox' })}
        />
        {v.checkIns && (
          <NumberInput
            mt="sm"
            maw={300}
            label={t('rules.checkIn.label')}
            suffix={` ${t('rules.days')}`}
            min={7}
            max={365}
            allowDecimal={false}
            {...form.getInputProps('checkInEveryDays')}
          />
        )}
      </Row>
      <Row>
        <Select
          maw={300}
          label={t('rules.review.label')}
          description={t('rules.review.help')}
          data={monthOptions(i18n.language)}
          allowDeselect={false}
          {...form.getInputProps('reviewStartMonth')}
        />
      </Row>
    </Section>
  );
}

export function ReportRules({ form, words }: RulesSectionProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('rules.sections.reports')} description={t('rules.sections.reportsHelp', words)}>
      <Row>
        <Switch
          label={t('rules.reports.tutee', words)}
          description={t('rules.reports.tuteeHelp', words)}
          {...form.getInputProps('reportVisibility.tutee', { type: 'checkbox' })}
        />
      </Row>
      <Row>
        <Switch
          label={t('rules.reports.coordinator')}
          description={t('rules.reports.coordinatorHelp')}
          {...form.getInputProps('reportVisibility.coordinator', { type: 'checkbox' })}
        />
      </Row>
      <Row>
        <Switch
          label={t('rules.phone.label')}
          description={t('rules.phone.help', words)}
          {...form.getInputProps('phoneSharedByDefault', { type: 'checkbox' })}
        />
      </Row>
      <Row>
        <Switch
          label={t('rules.teamMoves.label')}
          description={t('rules.teamMoves.help')}
          {...form.getInputProps('teamMovesNeedCoordinator', { type: 'checkbox' })}
        />
      </Row>
      <Row>
        <Alert color="sauge" variant="light" title={t('rules.reports.changeTitle')}>
          {t('rules.reports.changeHelp', words)}
        </Alert>
      </Row>
    </Section>
  );
}
