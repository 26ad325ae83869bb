import { Stack } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { Programme } from '../../app/types';
import { roleLabel } from '../../app/ui';
import { CaseReviewRules } from './CaseReviewRules';
import { EligibilityRules } from './EligibilityRules';
import { AlertRules, FollowUpRules, ParticipationRules, ReportRules } from './FollowUpRules';
import { RhythmRules, WhoRules } from './PairingRules';
import type { Values } from './rulesValues';

/** The rules as they read on screen, section by section, in the programme's words. */
export function RulesForm({ programme, form }: { programme: Programme; form: UseFormReturnType<Values> }) {
  const { t } = useTranslation();
  const tutor = roleLabel(t, 'tutor', programme.template).toLowerCase();
  const tutee = roleLabel(t, 'tutee', programme.template).toLowerCase();
  const tutees = roleLabel(t, 'tutee', programme.template, true).toLowerCase();
  const tutors = roleLabel(t, 'tutor', programme.template, true).toLowerCase();
  const words = { tutor, tutors, tutee, tutees };
  const props = { form, words };

  return (
    <Stack gap="lg">
      <WhoRules {...props} />
      <EligibilityRules {...props} />
      <RhythmRules {...props} />
      <AlertRules {...props} />
      <ParticipationRules {...props} />
      <FollowUpRules {...props} />
      <ReportRules {...props} />
      <CaseReviewRules {...props} />
    </Stack>
  );
}
