import { Checkbox, Radio, Select, Stack, Text, Textarea } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { difficultyCategories, type RaiseBody } from './queries';

export type RaiseValues = RaiseBody & { programmeId: string };

/** What a difficulty is: in which programme, about what, how wide, in the member's words, named or not. */
export function RaiseFields({
  form,
  programmes,
  only,
  aboutPair = false,
}: {
  form: UseFormReturnType<RaiseValues>;
  programmes: { id: string; name: string }[];
  only: { id: string; name: string } | undefined;
  /** A request for help about the person's own pair: named, individual, of its own category. */
  aboutPair?: boolean;
}) {
  const { t } = useTranslation();
  if (aboutPair)
    return (
      <>
        <Text size="sm">{t('difficulties.form.aboutPair')}</Text>
        <Textarea
          label={t('difficulties.form.description')}
          description={t('difficulties.form.aboutPairHint')}
          autosize
          minRows={5}
          maxLength={5000}
          withAsterisk
          {...form.getInputProps('description')}
        />
      </>
    );
  return (
    <>
      {only ? (
        <Text size="sm">{t('difficulties.form.programmeOnly', { programme: only.name })}</Text>
      ) : (
        <Select
          label={t('difficulties.form.programme')}
          description={t('difficulties.form.programmeHint')}
          data={programmes.map((p) => ({ value: p.id, label: p.name }))}
          allowDeselect={false}
          withAsterisk
          {...form.getInputProps('programmeId')}
        />
      )}
      <Radio.Group label={t('difficulties.form.category')} withAsterisk {...form.getInputProps('category')}>
        <Stack gap="xs" mt="xs">
          {difficultyCategories
            .filter((c) => c !== 'pair')
            .map((c) => (
              <Radio key={c} value={c} label={t(`difficulties.category.${c}`)} />
            ))}
        </Stack>
      </Radio.Group>
      <Radio.Group label={t('difficulties.form.scope')} withAsterisk {...form.getInputProps('scope')}>
        <Stack gap="xs" mt="xs">
          <Radio value="individual" label={t('difficulties.scope.individual')} />
          <Radio
            value="systemic"
            label={t('difficulties.scope.systemic')}
            description={t('difficulties.form.systemicHint')}
          />
        </Stack>
      </Radio.Group>
      <Textarea
        label={t('difficulties.form.description')}
        description={t('difficulties.form.descriptionHint')}
        autosize
        minRows={5}
        maxLength={5000}
        withAsterisk
        {...form.getInputProps('description')}
      />
      <Checkbox
        label={t('difficulties.form.anonymised')}
        description={t('difficulties.form.anonymisedHint')}
        {...form.getInputProps('anonymised', { type: 'checkbox' })}
      />
    </>
  );
}
