import { emailBody } from '@compagnon/server/modules/auth/schema.ts';
import { Alert, Anchor, Button, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconMailCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorMessage } from '../../app/errors';
import { usePageTitle } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { useRequestPasswordReset } from './queries';

export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  usePageTitle(t('auth.forgot.title'));
  const validate = useSchemaValidator(emailBody);
  const form = useForm({ initialValues: { email: '' }, validate });
  const request = useRequestPasswordReset();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} fz={24}>
          {t('auth.forgot.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('auth.forgot.intro')}
        </Text>
      </Stack>
      {request.isSuccess ? (
        <Alert
          color="sauge"
          variant="light"
          icon={<IconMailCheck aria-hidden />}
          title={t('auth.forgot.sentTitle')}
          role="status"
        >
          {t('auth.forgot.sentBody', { email: form.getValues().email.trim() })}
        </Alert>
      ) : (
        <form onSubmit={form.onSubmit((v) => request.mutate(v))} noValidate>
          <Stack gap="md">
            {request.error && (
              <Alert color="red" variant="light" role="alert">
                {message(request.error)}
              </Alert>
            )}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="email"
              required
              {...form.getInputProps('email')}
            />
            <Button type="submit" loading={request.isPending} fullWidth size="md">
              {t('auth.forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/connexion" size="sm" ta="center">
        {t('auth.backToSignIn')}
      </Anchor>
    </Stack>
  );
}
