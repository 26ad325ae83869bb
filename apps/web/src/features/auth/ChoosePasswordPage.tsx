import { Anchor, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLockPassword } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { CHOOSE_PASSWORD_PATH, safeNext, withNext } from '../../app/RequireSignIn';
import { meKey, useAccountLanguage, useMe, useSignOut } from '../../app/session';
import { ErrorAlert, Loading, usePageTitle } from '../../app/ui';
import { ChangePasswordForm } from './ChangePasswordForm';

/**
 * Someone signed in with the temporary password an administrator gave them: they choose their own
 * before anything else, then go on to the page they were heading for.
 */
export function ChoosePasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('suite'));
  const { data: me, isPending, error } = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const signOut = useSignOut();
  useAccountLanguage(me);
  usePageTitle(t('auth.choosePassword.title'));

  if (isPending) return <Loading />;
  if (error) return <ErrorAlert error={error} />;
  if (!me) return <Navigate to={withNext('/connexion', withNext(CHOOSE_PASSWORD_PATH, next))} replace />;
  if (!me.passwordChangeRequired) return <Navigate to={next} replace />;
  return (
    <Stack gap="lg">
      <Stack gap="sm" align="flex-start">
        <ThemeIcon size={44} radius="xl" variant="light">
          <IconLockPassword size={24} aria-hidden />
        </ThemeIcon>
        <Title order={1} fz={24}>
          {t('auth.choosePassword.title')}
        </Title>
        <Text size="sm">{t('auth.choosePassword.intro')}</Text>
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {t('auth.choosePassword.signedInAs', { email: me.email })}
        </Text>
      </Stack>
      <ChangePasswordForm
        email={me.email}
        currentLabel={t('auth.choosePassword.current')}
        currentHelp={t('auth.choosePassword.currentHelp')}
        submitLabel={t('auth.choosePassword.submit')}
        fullWidth
        onDone={async () => {
          notifications.show({ color: 'sauge', message: t('profile.password.saved') });
          await qc.invalidateQueries({ queryKey: meKey });
          navigate(next, { replace: true });
        }}
      />
      <Group justify="center" gap={6}>
        <Text size="sm" c="dimmed">
          {t('auth.choosePassword.notYou')}
        </Text>
        <Anchor component="button" type="button" size="sm" onClick={() => signOut.mutate()}>
          {t('nav.signOut')}
        </Anchor>
      </Group>
    </Stack>
  );
}
