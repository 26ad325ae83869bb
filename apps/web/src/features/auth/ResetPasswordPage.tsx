import { resetBody } from '@compagnon/server/modules/auth/schema.ts';
import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import { usePageTitle } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { NewPasswordFields } from './NewPasswordFields';
import { useCompletePasswordReset } from './queries';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const message = useErrorMessage();
  usePageTitle(t('auth.reset.title'));
  const schemaErrors = useSchemaValidator(resetBody, (v: { password: string }) => ({
    token,
    password: v.password,
  }));
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: (v) => {
      const errors = schemaErrors(v);
      if (!errors.password && v.confirm !== v.password) errors.confirm = t('validation.passwordsDiffer');
      return errors;
    },
  });
  const complete = useCompletePasswordReset(token, {
    onSuccess: () => navigate('/', { replace: true }),
    onError: (e) => applyFieldErrors(form, e),
  });
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} fz={24}>
          {t('auth.reset.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('auth.reset.intro')}
        </Text>
      </Stack>
      <form onSubmit={form.onSubmit((v) => complete.mutate(v.password))} noValidate>
        <Stack gap="md">
          {(complete.error || !token) && (
            <Alert color="red" variant="light" role="alert">
              {token ? message(complete.error) : t('errors.invalid_link')}
            </Alert>
          )}
          <NewPasswordFields form={form} />
          <Button type="submit" loading={complete.isPending} disabled={!token} fullWidth size="md">
            {t('auth.reset.submit')}
          </Button>
        </Stack>
      </form>
      <Anchor component={Link} to="/connexion/mot-de-passe-oublie" size="sm" ta="center">
        {t('auth.reset.newLink')}
      </Anchor>
    </Stack>
  );
}
