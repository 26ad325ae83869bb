import { Select, SimpleGrid, Stack, TagsInput, Text, Textarea, TextInput, Title } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyProfile } from '../../app/types';

/** The organisation profile form's values; `toBody` turns them into what the server reads. */
export interface OrgValues {
  homeCommune: string;
  period: string;
  site: string;
  city: string;
  professionalProject: string;
  themes: string[];
  languages: string[];
  faculty: string;
  desYear: string;
  presentation: string;
}

type Form = UseFormReturnType<OrgValues>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap="xs">
      <Title order={3} fz="md">
        {title}
      </Title>
      {children}
    </Stack>
  );
}

/** Where the person works this period (earlier periods listed), and where they live. */
export function WhereSection({
  form,
  period,
  previous,
}: {
  form: Form;
  period: string;
  previous: MyProfile['placements'];
}) {
  const { t } = useTranslation();
  return (
    <Section title={t('profile.org.whereTitle')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('profile.org.site')}
          description={t('profile.org.siteHelp', { period })}
          {...form.getInputProps('site')}
        />
        <TextInput label={t('profile.org.city')} {...form.getInputProps('city')} />
        <TextInput
          label={t('profile.org.period')}
          description={t('profile.org.periodHelp')}
          {...form.getInputProps('period')}
        />
      </SimpleGrid>
      {previous.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('profile.org.previous', {
            list: previous.map((p) => `${p.period} : ${p.site}`).join(' · '),
          })}
        </Text>
      )}
      <TextInput
        label={t('profile.org.homeCommune')}
        description={t('profile.org.homeCommuneHelp')}
        maw={420}
        {...form.getInputProps('homeCommune')}
      />
    </Section>
  );
}

/** The person's training path: faculty, year, project, themes, languages. */
export function PathSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Section title={t('profile.org.pathTitle')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('profile.org.faculty')} {...form.getInputProps('faculty')} />
        <Select
          label={t('profile.org.desYear')}
          allowDeselect={false}
          data={[
            { value: '', label: t('profile.org.desYearNone') },
            ...[1, 2, 3, 4].map((y) => ({
              value: String(y),
              label: t('people.desYearValue', { year: y }),
            })),
          ]}
          {...form.getInputProps('desYear')}
        />
      </SimpleGrid>
      <Textarea
        label={t('profile.org.project')}
        description={t('profile.org.projectHelp')}
        autosize
        minRows={2}
        {...form.getInputProps('professionalProject')}
      />
      <TagsInput
        label={t('profile.org.themes')}
        description={t('profile.org.themesHelp')}
        placeholder={t('profile.org.themesPlaceholder')}
        maxTags={20}
        clearable
        {...form.getInputProps('themes')}
      />
      <TagsInput
        label={t('profile.org.languages')}
        placeholder={t('profile.org.languagesPlaceholder')}
        maxTags={10}
        {...form.getInputProps('languages')}
      />
    </Section>
  );
}

/** What the person says of themselves (their phone sharing is per programme: PhoneChoices). */
export function AboutSection({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Section title={t('profile.org.aboutTitle')}>
      <Textarea
        label={t('profile.org.presentation')}
        description={t('profile.org.presentationHelp')}
        autosize
        minRows={3}
        maxLength={2000}
        {...form.getInputProps('presentation')}
      />
    </Section>
  );
}
