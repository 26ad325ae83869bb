import { Checkbox, Select } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import type { AskBody, AskOptions } from './queries';

/** In which programme, to which expert, and about whom (nobody, or nobody named) a question is asked. */
export function AskPeopleFields({
  form,
  options,
}: {
  form: UseFormReturnType<AskBody>;
  options: AskOptions;
}) {
  const { t } = useTranslation();
  const subjects = options.subjects.filter((s) => s.programmeId === form.values.programmeId);
  return (
    <>
      <Select
        label={t('consultations.form.programme')}
        data={options.programmes.map((p) => ({ value: p.id, label: p.name }))}
        allowDeselect={false}
        withAsterisk
        {...form.getInputProps('programmeId')}
        onChange={(id) => {
          form.setFieldValue('programmeId', id ?? '');
          form.setFieldValue('subjectId', null);
        }}
      />
      <Select
        label={t('consultations.form.expert')}
        data={options.experts.map((e) => ({ value: e.id, label: e.name }))}
        allowDeselect={false}
        withAsterisk
        {...form.getInputProps('expertId')}
      />
      <Checkbox
        label={t('consultations.form.anonymised')}
        description={t('consultations.form.anonymisedHint')}
        {...form.getInputProps('anonymised', { type: 'checkbox' })}
      />
      {!form.values.anonymised && (
        <Select
          label={t('consultations.form.subject')}
          description={t('consultations.form.subjectHint')}
          placeholder={t('consultations.form.nobody')}
          data={subjects.map((s) => ({ value: s.id, label: s.name }))}
          clearable
          searchable
          {...form.getInputProps('subjectId')}
        />
      )}
    </>
  );
}
