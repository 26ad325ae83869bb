import { Alert, Button, Card, Group, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import { isLanguage, type Language } from '../../app/i18n';
import { useChangeLanguage } from '../../app/session';
import type { Me } from '../../app/types';
import { useSchemaValidator } from '../../app/validation';
import { displayPhone } from '../people/ContactLinks';
import { useSaveAccount } from './queries';

// The account form's rules match PATCH /api/me on the server.
const accountSchema = z.object({
  name: z.string().trim().min(1).max(120),
  locale: z.enum(['fr', 'en']),
  phone: z.string().trim().max(30).nullable(),
});

/** The account form, checked as the server checks it; saved, the language chosen becomes the interface's. */
function useAccountForm(me: Me) {
  const { t } = useTranslation();
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
  const save = useSaveAccount({
    onSuccess: async (fresh, v) => {
      form.resetDirty({ ...v, phone: fresh.phone ? displayPhone(fresh.phone) : '' });
      form.setFieldValue('phone', fresh.phone ? displayPhone(fresh.phone) : '');
      await changeLanguage(v.locale);
      notifications.show({ color: 'sauge', message: t('profile.saved') });
    },
    onError: (e) => applyFieldErrors(form, e),
  });
  return { form, save };
}

export function AccountCard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const { form, save } = useAccountForm(me);
  return (
    <Card component="section" aria-labelledby="account-title">
      <Title order={2} fz={20} id="account-title">
        {t('profile.account.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('profile.account.help')}
      </Text>
      <form
        onSubmit={form.onSubmit((v) =>
          save.mutate({ name: v.name, locale: v.locale, phone: v.phone.trim() || null }),
        )}
        noValidate
      >
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
