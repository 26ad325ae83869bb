import {
  Alert,
  Box,
  Button,
  Card,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy, IconDevices, IconKey, IconLogout, IconShieldLock } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { api } from '../../app/api';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import { isLanguage, type Language } from '../../app/i18n';
import { setMe, useChangeLanguage, useSignedIn, useSignOut } from '../../app/session';
import type { Me } from '../../app/types';
import { CardHeading, PageHeader, usePageTitle } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { RecordReadsCard } from '../audit/RecordReadsCard';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { displayPhone } from '../people/ContactLinks';
import { ErasureRequestsCard } from '../rights/ErasureRequestsCard';
import { MyDataCard } from '../rights/MyDataCard';
import { OrganisationProfileCard } from './OrganisationProfile';

// The account form's rules match PATCH /api/me on the server.
const accountSchema = z.object({
  name: z.string().trim().min(1).max(120),
  locale: z.enum(['fr', 'en']),
  phone: z.string().trim().max(30).nullable(),
});

function AccountCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const changeLanguage = useChangeLanguage();
  const validate = useSchemaValidator(accountSchema);
  const form = useForm({
    initialValues: {
      name: me.name,
      locale: (isLanguage(me.locale) ? me.locale : 'fr') as Language,
      phone: me.phone ? displayPhone(me.phone) : '',
    },
    validate,
  });
  const save = useMutation({
    mutationFn: (v: { name: string; locale: Language; phone: string }) =>
      api.patch<Me>('/api/me', { name: v.name, locale: v.locale, phone: v.phone.trim() || null }),
    onSuccess: async (fresh, v) => {
      setMe(qc, fresh);
      form.resetDirty({ ...v, phone: fresh.phone ? displayPhone(fresh.phone) : '' });
      form.setFieldValue('phone', fresh.phone ? displayPhone(fresh.phone) : '');
      await changeLanguage(v.locale);
      notifications.show({ color: 'sauge', message: t('profile.saved') });
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Card component="section" aria-labelledby="account-title">
      <Title order={2} fz={20} id="account-title">
        {t('profile.account.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('profile.account.help')}
      </Text>
      <form onSubmit={form.onSubmit((v) => save.mutate(v))} noValidate>
        <Stack gap="md">
          {save.error && !(save.error as { fields?: unknown[] }).fields?.length && (
            <Alert color="red" variant="light" role="alert">
              {message(save.error)}
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('profile.account.name')}
              required
              autoComplete="name"
              {...form.getInputProps('name')}
            />
            <TextInput
              label={t('auth.email')}
              value={me.email}
              readOnly
              description={t('profile.account.emailHelp')}
            />
            <TextInput
              label={t('profile.account.phone')}
              description={t('profile.account.phoneHelp')}
              type="tel"
              autoComplete="tel"
              {...form.getInputProps('phone')}
            />
            <Select
              label={t('profile.account.language')}
              allowDeselect={false}
              data={[
                { value: 'fr', label: 'Français' },
                { value: 'en', label: 'English' },
              ]}
              {...form.getInputProps('locale')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button
              type="submit"
              loading={save.isPending}
              leftSection={<IconDeviceFloppy size={16} aria-hidden />}
            >
              {t('profile.account.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}

function PasswordCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  return (
    <Card component="section" aria-labelledby="password-title">
      <CardHeading
        icon={IconKey}
        id="password-title"
        title={t('profile.password.title')}
        help={t('profile.password.help')}
      />
      <Box maw={420}>
        <ChangePasswordForm
          email={me.email}
          currentLabel={t('profile.password.current')}
          submitLabel={t('profile.password.save')}
          submitIcon={<IconKey size={16} aria-hidden />}
          onDone={() => {
            notifications.show({ color: 'sauge', message: t('profile.password.saved') });
          }}
        />
      </Box>
    </Card>
  );
}

function SessionsCard() {
  const { t } = useTranslation();
  const signOut = useSignOut();
  const signOutEverywhere = useSignOut(true);
  const [confirm, setConfirm] = useState(false);
  return (
    <Card component="section" aria-labelledby="sessions-title">
      <CardHeading
        icon={IconShieldLock}
        id="sessions-title"
        title={t('profile.sessions.title')}
        help={t('profile.sessions.help')}
      />
      <Group gap="sm">
        <Button
          variant="default"
          leftSection={<IconLogout size={16} aria-hidden />}
          loading={signOut.isPending}
          onClick={() => signOut.mutate()}
        >
          {t('nav.signOut')}
        </Button>
        <Button
          color="red"
          variant="light"
          leftSection={<IconDevices size={16} aria-hidden />}
          onClick={() => setConfirm(true)}
        >
          {t('profile.sessions.everywhere')}
        </Button>
      </Group>
      <Modal opened={confirm} onClose={() => setConfirm(false)} title={t('profile.sessions.confirmTitle')}>
        <Stack gap="md">
          <Text>{t('profile.sessions.confirmBody')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={() => setConfirm(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={signOutEverywhere.isPending}
              onClick={() => signOutEverywhere.mutate()}
            >
              {t('profile.sessions.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Card>
  );
}

export function ProfilePage() {
  const { t } = useTranslation();
  const me = useSignedIn();
  const admin = me.organisations.filter((o) => o.isAdmin);
  usePageTitle(t('profile.title'));
  return (
    <>
      <PageHeader title={t('profile.title')} description={t('profile.intro')} />
      <Stack gap="lg">
        <AccountCard me={me} />
        {me.organisations.length > 0 && <OrganisationProfileCard me={me} />}
        <PasswordCard me={me} />
        <SessionsCard />
        <MyDataCard me={me} />
        {admin.length > 0 && <ErasureRequestsCard orgs={admin} />}
        <RecordReadsCard />
      </Stack>
    </>
  );
}
