import {
  Autocomplete,
  Button,
  NumberInput,
  Paper,
  Radio,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { applyFieldErrors } from '../../app/errors';
import { ErrorAlert } from '../../app/ui';
import { type JoinForm as Body, type JoinPage, type Submitted, useSubmitRequest } from './queries';

interface Values {
  name: string;
  email: string;
  phone: string;
  role: 'tutee' | 'tutor';
  profession: string;
  place: string;
  installedOn: string;
  practisingSince: number | string;
  needs: string;
  availability: string;
  preferences: string;
}

const empty: Values = {
  name: '',
  email: '',
  phone: '',
  role: 'tutee',
  profession: '',
  place: '',
  installedOn: '',
  practisingSince: '',
  needs: '',
  availability: '',
  preferences: '',
};

/** What the person typed is kept in this browser until the request is sent: a reload loses nothing. */
const draftKey = (programmeId: string) => `compagnon.join-draft.${programmeId}`;
function readDraft(programmeId: string): Values {
  try {
    const saved = JSON.parse(localStorage.getItem(draftKey(programmeId)) ?? 'null') as Partial<Values> | null;
    return { ...empty, ...(saved ?? {}) };
  } catch {
    return empty;
  }
}

function toBody(v: Values, lang: string): Body {
  const tutee = v.role === 'tutee';
  return {
    name: v.name,
    email: v.email,
    phone: v.phone.trim() || null,
    role: v.role,
    profession: v.profession,
    place: tutee ? v.place.trim() || null : null,
    installedOn: tutee ? v.installedOn || null : null,
    practisingSince: !tutee && v.practisingSince !== '' ? Number(v.practisingSince) : null,
    needs: v.needs,
    availability: v.availability,
    preferences: v.preferences,
    locale: lang === 'en' ? 'en' : 'fr',
  };
}

/** The request form, phone first: who, what role, the installation or the years of practice, needs. */
export function JoinForm({ page, onSent }: { page: JoinPage; onSent: (s: Submitted) => void }) {
  const { t, i18n } = useTranslation();
  const programmeId = page.programme.id;
  const form = useForm<Values>({
    mode: 'controlled',
    initialValues: readDraft(programmeId),
    onValuesChange: (values) => localStorage.setItem(draftKey(programmeId), JSON.stringify(values)),
  });
  const submit = useSubmitRequest(programmeId);
  const professions = t('join.form.professions', { returnObjects: true }) as string[];
  const onSubmit = form.onSubmit((values) =>
    submit.mutate(toBody(values, i18n.language), {
      onSuccess: (sent) => {
        localStorage.removeItem(draftKey(programmeId));
        onSent(sent);
      },
      onError: (e) => applyFieldErrors(form, e),
    }),
  );
  const w = page.words;
  return (
    <Paper withBorder p="md" component="form" onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <Title order={2} fz={20}>
          {t('join.form.title')}
        </Title>
        <TextInput label={t('join.form.name')} autoComplete="name" required {...form.getInputProps('name')} />
        <TextInput
          label={t('join.form.email')}
          description={t('join.form.emailHelp')}
          type="email"
          autoComplete="email"
          required
          {...form.getInputProps('email')}
        />
        <TextInput
          label={t('join.form.phone')}
          type="tel"
          autoComplete="tel"
          {...form.getInputProps('phone')}
        />
        <Radio.Group label={t('join.form.role')} required {...form.getInputProps('role')}>
          <Stack gap="xs" mt="xs">
            <Radio value="tutee" label={t('join.form.asTutee', w)} />
            <Radio value="tutor" label={t('join.form.asTutor', w)} />
          </Stack>
        </Radio.Group>
        <Autocomplete
          label={t('join.form.profession')}
          description={t('join.form.professionHelp')}
          data={professions}
          required
          {...form.getInputProps('profession')}
        />
        <SituationFields form={form} page={page} />
        {submit.error && !(submit.error as { fields?: unknown[] }).fields?.length && (
          <ErrorAlert error={submit.error} />
        )}
        {submit.error && (submit.error as { fields?: unknown[] }).fields?.length ? (
          <Text c="red" size="sm" role="alert">
            {t('join.form.fix')}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          {t('join.form.privacy', { organisation: page.organisation.name })}
        </Text>
        <Button type="submit" loading={submit.isPending} fullWidth>
          {t('join.form.send')}
        </Button>
      </Stack>
    </Paper>
  );
}

/** The person's situation: the installation for a tutee, the years of practice for a tutor; what they need and when. */
function SituationFields({ form, page }: { form: UseFormReturnType<Values>; page: JoinPage }) {
  const { t } = useTranslation();
  const v = form.getValues();
  return (
    <>
      {v.role === 'tutee' ? (
        <>
          <TextInput
            label={t('join.form.place')}
            autoComplete="address-level2"
            required={page.eligibility.menteeInstalledMaxMonths !== null}
            {...form.getInputProps('place')}
          />
          <TextInput
            type="date"
            label={t('join.form.installedOn')}
            description={t('join.form.installedOnHelp')}
            required={page.eligibility.menteeInstalledMaxMonths !== null}
            {...form.getInputProps('installedOn')}
          />
        </>
      ) : (
        <NumberInput
          label={t('join.form.practisingSince')}
          description={t('join.form.practisingSinceHelp')}
          allowDecimal={false}
          min={1950}
          max={2100}
          required={page.eligibility.mentorMinYears !== null}
          {...form.getInputProps('practisingSince')}
        />
      )}
      <Textarea
        label={t('join.form.needs')}
        description={t(v.role === 'tutee' ? 'join.form.needsHelp' : 'join.form.offerHelp')}
        autosize
        minRows={3}
        required
        {...form.getInputProps('needs')}
      />
      <Textarea
        label={t('join.form.availability')}
        description={t('join.form.availabilityHelp')}
        autosize
        minRows={2}
        {...form.getInputProps('availability')}
      />
      <Textarea
        label={t('join.form.preferences')}
        description={t('join.form.preferencesHelp')}
        autosize
        minRows={2}
        {...form.getInputProps('preferences')}
      />
    </>
  );
}
