import { Alert, Button, Stack, Text, Title } from '@mantine/core';
import { IconLinkOff } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useErrorMessage } from '../../app/errors';
import { safeNext } from '../../app/RequireSignIn';
import { Loading, usePageTitle } from '../../app/ui';
import { useConsumeMagicLink } from './queries';

/** Opened from the e-mail: spends the single-use link once and lands on the page asked for (or home). */
export function MagicLinkPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const next = safeNext(params.get('suite'));
  const navigate = useNavigate();
  const message = useErrorMessage();
  usePageTitle(t('auth.magic.consumeTitle'));
  const consume = useConsumeMagicLink(token, { onSuccess: () => navigate(next, { replace: true }) });
  // The link is single-use: make sure a re-render (or React's development double effects) spends it once.
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    consume.mutate();
  }, [token, consume]);

  if (!token || consume.isError) {
    return (
      <Stack gap="md">
        <Title order={1} fz={24}>
          {t('auth.magic.failedTitle')}
        </Title>
        <Alert color="red" variant="light" icon={<IconLinkOff aria-hidden />} role="alert">
          {token ? message(consume.error) : t('errors.invalid_link')}
        </Alert>
        <Text size="sm" c="dimmed">
          {t('auth.magic.failedHelp')}
        </Text>
        <Button component={Link} to="/connexion">
          {t('auth.backToSignIn')}
        </Button>
      </Stack>
    );
  }
  return (
    <Stack gap="md">
      <Title order={1} fz={24}>
        {t('auth.magic.consumeTitle')}
      </Title>
      <Loading label={t('auth.magic.consuming')} />
    </Stack>
  );
}
