import { profileBody } from '@compagnon/server/modules/people/schema.ts';
import {
  Alert,
  Button,
  Card,
  Group,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../app/api';
import { currentPeriod, useTimeZone } from '../../app/dates';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import type { Me, MeOrganisation, MyProfile } from '../../app/types';
import { DemoBadge, ErrorAlert, Loading } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';

// The account form's rules match PATCH /api/me on the server.
interface OrgValues {
  homeCommune: string;
  period: string;
  site: string;
  city: string;
  professionalProject: string;
  themes: string[];
  languages: string[];
  faculty: string;
  desYear: string;
  sharePhone: boolean;
  presentation: string;
}

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function toBody(v: OrgValues) {
  return {
    homeCommune: orNull(v.homeCommune),
    professionalProject: orNull(v.professionalProject),
    themes: v.themes,
    languages: v.languages,
    faculty: orNull(v.faculty),
    desYear: v.desYear ? Number(v.desYear) : null,
    sharePhone: v.sharePhone,
    presentation: orNull(v.presentation),
    // A site is recorded for a period only when one is given; clearing the field keeps the history.
    ...(v.site.trim()
      ? { placement: { period: v.period.trim(), site: v.site.trim(), city: orNull(v.city) } }
      : {}),
  };
}

function OrganisationProfileForm({ org, profile }: { org: MeOrganisation; profile: MyProfile }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const timeZone = useTimeZone(org.id);
  const period = currentPeriod(timeZone);
  const placement = profile.placements.find((p) => p.period === period) ?? null;
  const schemaErrors = useSchemaValidator(profileBody, toBody);
  const form = useForm<OrgValues>({
    initialValues: {
      homeCommune: profile.homeCommune ?? '',
      period,
      site: placement?.site ?? '',
      city: placement?.city ?? '',
      professionalProject: profile.professionalProject ?? '',
      themes: profile.themes,
      languages: profile.languages,
      faculty: profile.faculty ?? '',
      desYear: profile.desYear ? String(profile.desYear) : '',
      sharePhone: profile.sharePhone,
      presentation: profile.presentation ?? '',
    },
    validate: (v) => {
      const errors = schemaErrors(v);
      // The server names placement errors after its own fields.
      for (const [from, to] of [
        ['placement.period', 'period'],
        ['placement.site', 'site'],
        ['placement.city', 'city'],
      ] as const) {
        if (errors[from]) errors[to] = errors[from];
      }
      return errors;
    },
  });
  const save = useMutation({
    mutationFn: (v: OrgValues) => api.patch<MyProfile>(`/api/orgs/${org.id}/profile`, toBody(v)),
    onSuccess: (fresh, v) => {
      qc.setQueryData(['profile', org.id], fresh);
      form.resetDirty(v);
      notifications.show({ color: 'sauge', message: t('profile.saved') });
    },
    onError: (e) => applyFieldErrors(form, e, (p) => p.replace(/^placement\./, '')),
  });
  const previous = profile.placements.filter((p) => p.period !== period);

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
      <Stack gap="lg">
        {save.error && !(save.error as { fields?: unknown[] }).fields?.length && (
          <Alert color="red" variant="light" role="alert">
            {message(save.error)}
          </Alert>
        )}
        <Stack gap="xs">
          <Title order={3} fz="md">
            {t('profile.org.whereTitle')}
          </Title>
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
        </Stack>

        <Stack gap="xs">
          <Title order={3} fz="md">
            {t('profile.org.pathTitle')}
          </Title>
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
        </Stack>

        <Stack gap="xs">
          <Title order={3} fz="md">
            {t('profile.org.aboutTitle')}
          </Title>
          <Textarea
            label={t('profile.org.presentation')}
            description={t('profile.org.presentationHelp')}
            autosize
            minRows={3}
            maxLength={2000}
            {...form.getInputProps('presentation')}
          />
          <Switch
            mt="xs"
            label={t('profile.org.sharePhone')}
            description={t('profile.org.sharePhoneHelp')}
            {...form.getInputProps('sharePhone', { type: 'checkbox' })}
          />
        </Stack>
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={save.isPending}
            leftSection={<IconDeviceFloppy size={16} aria-hidden />}
          >
            {t('profile.org.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function OrganisationProfileCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [orgId, setOrgId] = useState(me.organisations[0]?.id ?? '');
  const org = me.organisations.find((o) => o.id === orgId);
  const profile = useQuery({
    queryKey: ['profile', orgId],
    queryFn: () => api.get<MyProfile>(`/api/orgs/${orgId}/profile`),
    enabled: !!orgId,
  });
  if (!org) return null;
  return (
    <Card component="section" aria-labelledby="org-profile-title">
      <Group justify="space-between" align="flex-start" gap="sm" mb="md">
        <Stack gap={4} style={{ flex: '1 1 260px' }}>
          <Title order={2} fz={20} id="org-profile-title">
            {t('profile.org.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('profile.org.help')}
          </Text>
        </Stack>
        {me.organisations.length > 1 ? (
          <Select
            label={t('profile.org.choose')}
            value={orgId}
            allowDeselect={false}
            onChange={(v) => v && setOrgId(v)}
            data={me.organisations.map((o) => ({ value: o.id, label: o.name }))}
            maw={320}
          />
        ) : (
          <Group gap={6}>
            <Text size="sm" fw={600}>
              {org.name}
            </Text>
            {org.isDemo && <DemoBadge />}
          </Group>
        )}
      </Group>
      {profile.error ? (
        <ErrorAlert error={profile.error} />
      ) : !profile.data ? (
        <Loading />
      ) : (
        <OrganisationProfileForm
          key={`${org.id}-${profile.dataUpdatedAt}`}
          org={org}
          profile={profile.data}
        />
      )}
    </Card>
  );
}
