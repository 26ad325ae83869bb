import { NumberInput, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RulesSectionProps } from './PairingRules';
import { Row, Section } from './RulesSection';

/**
 * Who may ask to join from the programme's public page without the coordination setting a rule
 * aside: years of practice of a tutor, months since a tutee installed. A request that does not fit
 * is still recorded and examined.
 */
export function EligibilityRules({ form, words }: RulesSectionProps) {
  const { t } = useTranslation();
  const v = form.getValues();
  return (
    <Section title={t('rules.sections.eligibility')} description={t('rules.sections.eligibilityHelp', words)}>
      <Row>
        <Switch
          label={t('rules.eligibility.mentorSwitch', words)}
          {...form.getInputProps('checkMentorYears', { type: 'checkbox' })}
        />
        {v.checkMentorYears && (
          <NumberInput
            mt="sm"
            maw={300}
            label={t('rules.eligibility.mentorLabel', words)}
            suffix={` ${t('rules.eligibility.years')}`}
            min={0}
            max={60}
            allowDecimal={false}
            {...form.getInputProps('mentorMinYears')}
          />
        )}
      </Row>
      <Row>
        <Switch
          label={t('rules.eligibility.menteeSwitch', words)}
          {...form.getInputProps('checkMenteeMonths', { type: 'checkbox' })}
        />
        {v.checkMenteeMonths && (
          <NumberInput
            mt="sm"
            maw={300}
            label={t('rules.eligibility.menteeLabel', words)}
            suffix={` ${t('rules.eligibility.months')}`}
            min={1}
            max={240}
            allowDecimal={false}
            {...form.getInputProps('menteeInstalledMaxMonths')}
          />
        )}
      </Row>
    </Section>
  );
}
