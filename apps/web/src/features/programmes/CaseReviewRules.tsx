import { caseKinds } from '@compagnon/server/modules/programmes/templates.ts';
import { Checkbox, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { RulesSectionProps } from './PairingRules';
import { Row, Section } from './RulesSection';

/**
 * Case review in tutor teams: the kinds of case whose decision the team records only once an
 * expert consulted about it answered (modules/cases).
 */
export function CaseReviewRules({ form, words }: RulesSectionProps) {
  const { t } = useTranslation();
  return (
    <Section title={t('rules.sections.caseReview')} description={t('rules.sections.caseReviewHelp', words)}>
      <Row>
        <Checkbox.Group
          label={t('rules.caseReview.label')}
          description={t('rules.caseReview.help')}
          {...form.getInputProps('expertRequiredKinds')}
        >
          <Stack gap={6} mt="xs">
            {caseKinds.map((k) => (
              <Checkbox key={k} value={k} label={t(`cases.kinds.${k}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
      </Row>
    </Section>
  );
}
