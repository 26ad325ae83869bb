import { profileBody } from '@compagnon/server/modules/people/schema.ts';
import { Alert, Button, Card, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { currentPeriod, useTimeZone } from '../../app/dates';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import type { Me, MeOrganisation, MyProfile } from '../../app/types';
import { DemoBadge, ErrorAlert, Loading } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { PhoneChoices } from './PhoneChoices';
import { AboutSection, type OrgValues, PathSection, WhereSection } from './ProfileSections';
import { type ProfileBody, useMyProfile, useSaveProfile } from './queries';

const orNull = (s: string) => (s.trim() ? s.trim() : null);

function toBody(v: OrgValues): ProfileBody {
  return {
    homeCommune: orNull(v.homeCommune),
    professionalProject: orNull(v.professionalProject),
    themes: v.themes,
    languages: v.languages,
    faculty: orNull(v.faculty),
    desYear: v.desYear ? Number(v.desYear) : null,
    presentation: orNull(v.presentation),
    // A site is recorded for a period only when one is given; clearing the field keeps the history.
    ...(v.site.trim()
      ? { placement: { period: v.period.trim(), site: v.site.trim(), city: orNull(v.city) } }
      : {}),
  };
}

/** The form on this period's values, checked as the server checks them, and its saving. */
function useOrganisationProfileForm(org: MeOrganisation, profile: MyProfile) {
  const { t } = useTranslation();
  const period = currentPeriod(useTimeZone(org.id));
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
  const save = useSaveProfile(org.id, {
    onSuccess: () => {
      form.resetDirty();
      notifications.show({ color: 'sauge', message: t('profile.saved') });
    },
    onError: (e) => applyFieldErrors(form, e, (p) => p.replace(/^placement\./, '')),
  });
  return { period, form, save };
}

function OrganisationProfileForm({ org, profile }: { org: MeOrganisation; profile: MyProfile }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { period, form, save } = useOrganisationProfileForm(org, profile);
  const previous = profile.placements.filter((p) => p.period !== period);

  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(toBody(v)))} noValidate>
      <Stack gap="lg">
        {save.error && !(save.error as { fields?: unknown[] }).fields?.length && (
          <Alert color="red" variant="light" role="alert">
            {message(save.error)}
          </Alert>
        )}
        <WhereSection form={form} period={period} previous={previous} />
        <PathSection form={form} />
        <AboutSection form={form} />
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
  const profile = useMyProfile(orgId);
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
        <Stack gap="xl">
          <OrganisationProfileForm
            key={`${org.id}-${profile.dataUpdatedAt}`}
            org={org}
            profile={profile.data}
          />
          <PhoneChoices orgId={org.id} />
        </Stack>
      )}
    </Card>
  );
}
