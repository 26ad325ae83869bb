import { emailBody, signInBody } from '@compagnon/server/modules/auth/schema.ts';
import {
  Alert,
  Anchor,
  Button,
  Code,
  Collapse,
  Group,
  Paper,
  PasswordInput,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconFlask, IconKey, IconMailCheck, IconMailFast } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type RefObject, useEffect, useRef, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../../app/api';
import { useErrorMessage } from '../../app/errors';
import { safeNext } from '../../app/RequireSignIn';
import { setMe, useMe, useSessionInfo } from '../../app/session';
import type { Me } from '../../app/types';
import { usePageTitle } from '../../app/ui';
import { useSchemaValidator } from '../../app/validation';

interface Credentials {
  email: string;
  password: string;
}

// A few of the demo accounts the README lists, one per kind of person; all share one password.
const DEMO_PASSWORD = 'demo-compagnon';
const DEMO_ACCOUNTS = [
  { role: 'coordinator', email: 'coordination@dmg.demo' },
  { role: 'tutor', email: 'tuteur1@dmg.demo' },
  { role: 'tutee', email: 'interne1@dmg.demo' },
  { role: 'mentor', email: 'mentor1@cpts.demo' },
] as const;

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
  const qc = useQueryClient();
  const navigate = useNavigate();
  const message = useErrorMessage();
  const submit = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!focusSubmit.current) return;
    focusSubmit.current = false;
    submit.current?.focus();
  });
  const signIn = useMutation({
    mutationFn: (v: Credentials) => api.post<Me>('/api/auth/sign-in', v),
    onSuccess: (me) => {
      setMe(qc, me);
      navigate(next, { replace: true });
    },
  });
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
  const request = useMutation({
    mutationFn: (v: { email: string }) => api.post('/api/auth/magic-link', next === '/' ? v : { ...v, next }),
    onSuccess: (_, v) => setSentTo(v.email.trim()),
  });
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

/** Shown when the demo organisations are present: a few of their accounts, filled in with one click. */
function DemoAccounts({ onPick }: { onPick: (email: string) => void }) {
  const { t } = useTranslation();
  const [opened, { toggle }] = useDisclosure(false);
  return (
    <Paper component="aside" aria-labelledby="demo-accounts-title" withBorder p="sm" bg="gray.0">
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <IconFlask size={18} aria-hidden style={{ flex: 'none', marginTop: 2 }} />
        <Stack gap={2} style={{ minWidth: 0, flex: 1 }}>
          <Text id="demo-accounts-title" size="sm" fw={600}>
            {t('auth.demo.title')}
          </Text>
          <Text size="sm" c="dimmed">
            {t('auth.demo.summary')}
          </Text>
          <Anchor
            component="button"
            type="button"
            size="sm"
            onClick={toggle}
            aria-expanded={opened}
            aria-controls="demo-accounts-list"
            style={{ alignSelf: 'flex-start' }}
          >
            <Group gap={4} wrap="nowrap" component="span">
              {opened ? t('auth.demo.hide') : t('auth.demo.show')}
              <IconChevronDown
                size={14}
                aria-hidden
                style={{ transform: opened ? 'rotate(180deg)' : undefined, transition: 'transform 150ms' }}
              />
            </Group>
          </Anchor>
          <Collapse expanded={opened} id="demo-accounts-list">
            <Stack gap="xs" pt="xs">
              <Text size="sm">
                <Trans
                  i18nKey="auth.demo.password"
                  values={{ password: DEMO_PASSWORD }}
                  components={{ code: <Code fz="sm" style={{ whiteSpace: 'nowrap' }} /> }}
                />
              </Text>
              <Text size="sm">{t('auth.demo.pick')}</Text>
              <Stack gap={6}>
                {DEMO_ACCOUNTS.map((a) => (
                  <Button
                    key={a.email}
                    variant="default"
                    h="auto"
                    py={5}
                    px="sm"
                    justify="flex-start"
                    fullWidth
                    onClick={() => onPick(a.email)}
                  >
                    <Stack gap={0} align="flex-start">
                      <Text size="sm" fw={600} inherit>
                        {t(`auth.demo.roles.${a.role}`)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {a.email}
                      </Text>
                    </Stack>
                  </Button>
                ))}
              </Stack>
              <Text size="xs" c="dimmed">
                {t('auth.demo.more')}
              </Text>
            </Stack>
          </Collapse>
        </Stack>
      </Group>
    </Paper>
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
