import { Select } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { currentPeriod, useTimeZone } from '../../app/dates';
import type { NewCohort } from './queries';

/** What a form's `getInputProps` gives a field. */
type InputProps = ReturnType<UseFormReturnType<CohortValues>['getInputProps']>;

/** A cohort as its form holds it: the dates stay empty until picked. */
export interface CohortValues {
  name: string;
  kind: 'academic-year' | 'semester';
  startsOn: string | null;
  endsOn: string | null;
}

/** The cohort as the server reads it (an empty date is refused there, with its message). */
export const cohortBody = (v: CohortValues): NewCohort => ({
  ...v,
  startsOn: v.startsOn ?? '',
  endsOn: v.endsOn ?? '',
});

/** "Promotion 2026-2027": a new cohort's name for the organisation's current academic year. */
export function useDefaultCohortName(orgId: string | undefined) {
  const { t } = useTranslation();
  const year = currentPeriod(useTimeZone(orgId)).split(' ')[0] ?? '';
  return t('org.create.cohortDefault', { year });
}

export function CohortKindSelect({ input }: { input: InputProps }) {
  const { t } = useTranslation();
  return (
    <Select
      label={t('cohorts.kind')}
      allowDeselect={false}
      data={[
        { value: 'academic-year', label: t('cohorts.kinds.academic-year') },
        { value: 'semester', label: t('cohorts.kinds.semester') },
      ]}
      {...input}
    />
  );
}

/** The cohort's first and last days. */
export function CohortDateInputs({ start, end }: { start: InputProps; end: InputProps }) {
  const { t } = useTranslation();
  return (
    <>
      <DatePickerInput label={t('cohorts.startsOn')} valueFormat="D MMMM YYYY" required {...start} />
      <DatePickerInput label={t('cohorts.endsOn')} valueFormat="D MMMM YYYY" required {...end} />
    </>
  );
}
