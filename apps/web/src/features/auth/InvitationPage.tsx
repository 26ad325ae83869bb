import { acceptInvitationBody } from '@compagnon/server/modules/auth/schema.ts';
import { Alert, Button, Stack, Text, TextInput, ThemeIcon, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconHeartHandshake, IconLinkOff } from '@tabler/icons-react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { applyFieldErrors, useErrorMessage } from '../../app/errors';
import type { Invitation, Role } from '../../app/types';
import { Loading, roleLabel, usePageTitle } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { NewPasswordFields } from './NewPasswordFields';
import { useAcceptInvitation, useInvitation } from './queries';

const isRole = (r: string | null): r is Role =>
  r === 'coordinator' || r === 'tutor' || r === 'tutee' || r === 'expert';

function AcceptForm({ token, invitation }: { token: string; invitation: Invitation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const needsPassword = !invitation.hasPassword;
  const schemaErrors = useSchemaValidator(acceptInvitationBody, (v: { name: string; password: string }) => ({
    name: v.name,
    password: needsPassword ? v.password : undefined,
  }));
  const form = useForm({
    initialValues: { name: invitation.name, password: '', confirm: '' },
    validate: (v) => {
      const errors = schemaErrors(v);
      if (needsPassword && !v.password) errors.password = t('validation.required');
      if (needsPassword && !errors.password && v.confirm !== v.password)
        errors.confirm = t('validation.passwordsDiffer');
      return errors;
    },
  });
  const accept = useAcceptInvitation(token, {
    onSuccess: () => navigate('/', { replace: true }),
    onError: (e) => applyFieldErrors(form, e),
  });
  const submit = (v: { name: string; password: string }) =>
    accept.mutate({ name: v.name.trim() || undefined, ...(needsPassword ? { password: v.password } : {}) });
  return (
    <form onSubmit={form.onSubmit(submit)} noValidate>
      <Stack gap="md">
        {accept.error && (
          <Alert color="red" variant="light" role="alert">
            {message(accept.error)}
          </Alert>
        )}
        <TextInput label={t('auth.email')} value={invitation.email} readOnly disabled />
        <TextInput
          label={t('auth.invitation.name')}
          autoComplete="name"
          required
          {...form.getInputProps('name')}
        />
        {needsPassword ? (
          <NewPasswordFields form={form} label={t('auth.invitation.password')} />
        ) : (
          <Text size="sm" c="dimmed">
            {t('auth.invitation.hasPassword')}
          </Text>
        )}
        <Button type="submit" loading={accept.isPending} fullWidth size="md">
          {t('auth.invitation.accept')}
        </Button>
      </Stack>
    </form>
  );
}

export function InvitationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const message = useErrorMessage();
  usePageTitle(t('auth.invitation.title'));
  const invitation = useInvitation(token);

  if (!token || invitation.isError) {
    return (
      <Stack gap="md">
        <Title order={1} fz={24}>
          {t('auth.invitation.failedTitle')}
        </Title>
        <Alert color="red" variant="light" icon={<IconLinkOff aria-hidden />} role="alert">
          {token ? message(invitation.error) : t('errors.invalid_link')}
        </Alert>
        <Text size="sm" c="dimmed">
          {t('auth.invitation.failedHelp')}
        </Text>
        <Button component={Link} to="/connexion" variant="light">
          {t('auth.backToSignIn')}
        </Button>
      </Stack>
    );
  }
  if (!invitation.data) return <Loading />;
  const inv = invitation.data;
  const role = isRole(inv.role) ? roleLabel(t, inv.role).toLowerCase() : null;
  return (
    <Stack gap="lg">
      <Stack gap="sm" align="flex-start">
        <ThemeIcon size={44} radius="xl" variant="light">
          <IconHeartHandshake size={24} aria-hidden />
        </ThemeIcon>
        <Title order={1} fz={24}>
          {t('auth.invitation.title')}
        </Title>
        <Text>
          {inv.programme ? (
            <Trans
              i18nKey={role ? 'auth.invitation.bodyRole' : 'auth.invitation.body'}
              values={{ programme: inv.programme, organisation: inv.organisation ?? '', role }}
              components={{ strong: <strong /> }}
            />
          ) : (
            t('auth.invitation.bodyGeneric', { organisation: inv.organisation ?? 'Compagnon' })
          )}
        </Text>
        {inv.phoneShared !== null && (
          <Text size="sm" c="dimmed">
            {inv.phoneShared ? t('invitations.phoneShared') : t('invitations.phoneNotShared')}
          </Text>
        )}
      </Stack>
      <AcceptForm token={token} invitation={inv} />
    </Stack>
  );
}
