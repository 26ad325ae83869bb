import { emailBody, signInBody } from '@compagnon/server/modules/auth/schema.ts';
import {
  Alert,
  Anchor,
  Button,
  Group,
  PasswordInput,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { IconKey, IconMailCheck, IconMailFast } from '@tabler/icons-react';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { useErrorMessage } from '../../app/errors';
import { safeNext } from '../../app/RequireSignIn';
import { useMe, useSessionInfo } from '../../app/session';
import { usePageTitle } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';
import { DEMO_PASSWORD, DemoAccounts } from './DemoAccounts';
import { type Credentials, useRequestMagicLink, useSignIn } from './queries';

function PasswordForm({
  next,
  form,
  focusSubmit,
}: {
  next: string;
  form: UseFormReturnType<Credentials>;
  /** Set when a demo account was just filled in: the sign-in button takes the focus. */
  focusSubmit: RefObject<boolean>;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const submit = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusSubmit.current) return;
    focusSubmit.current = false;
    submit.current?.focus();
  });
  const signIn = useSignIn({ onSuccess: () => navigate(next, { replace: true }) });
  return (
    <form onSubmit={form.onSubmit((v) => signIn.mutate(v))} noValidate>
      <Stack gap="md">
        {signIn.error && (
          <Alert color="red" variant="light" role="alert">
            {message(signIn.error)}
          </Alert>
        )}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="username"
          inputMode="email"
          required
          {...form.getInputProps('email')}
        />
        <PasswordInput
          label={t('auth.password')}
          autoComplete="current-password"
          required
          {...form.getInputProps('password')}
        />
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Anchor component={Link} to="/connexion/mot-de-passe-oublie" size="sm">
            {t('auth.forgotLink')}
          </Anchor>
        </Group>
        <Button ref={submit} type="submit" loading={signIn.isPending} fullWidth size="md">
          {t('auth.signIn')}
        </Button>
      </Stack>
    </form>
  );
}

/** `next`: where the e-mailed link lands once used, like the password form does. */
function MagicLinkForm({ next }: { next: string }) {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const validate = useSchemaValidator(emailBody);
  const form = useForm({ initialValues: { email: '' }, validate });
  const request = useRequestMagicLink(next, { onSuccess: (_, v) => setSentTo(v.email.trim()) });
  if (sentTo) {
    return (
      <Alert
        color="sauge"
        variant="light"
        icon={<IconMailCheck aria-hidden />}
        title={t('auth.magic.sentTitle')}
        role="status"
      >
        <Stack gap="xs">
          <Text size="sm">{t('auth.magic.sentBody', { email: sentTo })}</Text>
          <Anchor component="button" type="button" size="sm" onClick={() => setSentTo(null)}>
            {t('auth.magic.again')}
          </Anchor>
        </Stack>
      </Alert>
    );
  }
  return (
    <form onSubmit={form.onSubmit((v) => request.mutate(v))} noValidate>
      <Stack gap="md">
        <Text size="sm" c="dimmed">
          {t('auth.magic.intro')}
        </Text>
        {request.error && (
          <Alert color="red" variant="light" role="alert">
            {message(request.error)}
          </Alert>
        )}
        <TextInput
          label={t('auth.email')}
          type="email"
          autoComplete="email"
          inputMode="email"
          required
          {...form.getInputProps('email')}
        />
        <Button type="submit" loading={request.isPending} fullWidth size="md" variant="light">
          {t('auth.magic.submit')}
        </Button>
      </Stack>
    </form>
  );
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const { data: info } = useSessionInfo();
  const next = safeNext(params.get('suite'));
  const [tab, setTab] = useState<string | null>('password');
  const validate = useSchemaValidator(signInBody);
  const form = useForm<Credentials>({ initialValues: { email: '', password: '' }, validate });
  const focusSubmit = useRef(false);
  usePageTitle(t('auth.signInTitle'));
  if (me) return <Navigate to={next} replace />;
  const pickDemo = (email: string) => {
    form.setValues({ email, password: DEMO_PASSWORD });
    form.clearErrors();
    focusSubmit.current = true;
    setTab('password');
  };
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} fz={26}>
          {t('auth.signInTitle')}
        </Title>
        <Text c="dimmed" size="sm">
          {t('auth.signInIntro')}
        </Text>
      </Stack>
      <Tabs value={tab} onChange={setTab} keepMounted={false}>
        <Tabs.List grow mb="lg">
          <Tabs.Tab value="password" leftSection={<IconKey size={16} aria-hidden />}>
            {t('auth.tabPassword')}
          </Tabs.Tab>
          <Tabs.Tab value="link" leftSection={<IconMailFast size={16} aria-hidden />}>
            {t('auth.tabLink')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="password">
          <PasswordForm next={next} form={form} focusSubmit={focusSubmit} />
        </Tabs.Panel>
        <Tabs.Panel value="link">
          <MagicLinkForm next={next} />
        </Tabs.Panel>
      </Tabs>
      {info?.demo && <DemoAccounts onPick={pickDemo} />}
    </Stack>
  );
}
