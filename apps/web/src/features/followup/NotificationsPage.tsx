import {
  Anchor,
  Button,
  Card,
  Checkbox,
  Group,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { api } from '../../app/api';
import { DEFAULT_TIME_ZONE, formatInstant } from '../../app/dates';
import { useErrorMessage } from '../../app/errors';
import { useMe } from '../../app/session';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';

interface Notice {
  id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  orgId: string | null;
  createdAt: string;
  readAt: string | null;
}
type Channel = 'inapp' | 'email' | 'sms';
interface Prefs {
  channels: Record<'alert' | 'reminder' | 'message', Channel[]>;
  quietHours: { start: string; end: string } | null;
  timeZone: string;
  digest: 'off' | 'weekly';
  digestDay: number;
  emailOff: boolean;
  phoneForSms: boolean;
}

function Preferences() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const message = useErrorMessage();
  const q = useQuery({
    queryKey: ['notification-preferences'],
    queryFn: () => api.get<Prefs>('/api/me/notification-preferences'),
  });
  const [p, setP] = useState<Prefs | null>(null);
  useEffect(() => {
    if (q.data) setP(q.data);
  }, [q.data]);
  const save = useMutation({
    mutationFn: ({ phoneForSms: _, ...body }: Prefs) =>
      api.put<Prefs>('/api/me/notification-preferences', body),
    onSuccess: (fresh) => {
      qc.setQueryData(['notification-preferences'], fresh);
      notifications.show({ color: 'sauge', message: t('notificationsPage.saved') });
    },
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!p) return <Loading />;
  const kinds = ['alert', 'reminder', 'message'] as const;
  const toggle = (kind: (typeof kinds)[number], ch: Channel, on: boolean) =>
    setP({
      ...p,
      channels: {
        ...p.channels,
        [kind]: on ? [...p.channels[kind], ch] : p.channels[kind].filter((c) => c !== ch),
      },
    });
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: t(`notificationsPage.days.${d}`),
  }));

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="prefs-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="prefs-title">
          {t('notificationsPage.prefsTitle')}
        </Title>
        <Table layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('notificationsPage.kind')}</Table.Th>
              <Table.Th ta="center" w={72}>
                {t('notificationsPage.email')}
              </Table.Th>
              <Table.Th ta="center" w={56}>
                {t('notificationsPage.sms')}
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {kinds.map((k) => (
              <Table.Tr key={k}>
                <Table.Td>{t(`notificationsPage.kinds.${k}`)}</Table.Td>
                {(['email', 'sms'] as const).map((ch) => (
                  <Table.Td key={ch} ta="center">
                    <Checkbox
                      aria-label={`${t(`notificationsPage.kinds.${k}`)} — ${t(`notificationsPage.${ch}`)}`}
                      checked={p.channels[k].includes(ch)}
                      disabled={ch === 'sms' && !p.phoneForSms}
                      onChange={(e) => toggle(k, ch, e.currentTarget.checked)}
                      style={{ display: 'inline-block' }}
                    />
                  </Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {!p.phoneForSms && (
          <Text size="sm" c="dimmed">
            {t('notificationsPage.smsNeedsPhone')}{' '}
            <Anchor component={Link} to="/profil">
              {t('nav.profile')}
            </Anchor>
          </Text>
        )}
        <Switch
          label={t('notificationsPage.quiet')}
          checked={p.quietHours !== null}
          onChange={(e) =>
            setP({ ...p, quietHours: e.currentTarget.checked ? { start: '21:00', end: '07:30' } : null })
          }
        />
        {p.quietHours && (
          <Group gap="sm">
            <TextInput
              type="time"
              label={t('notificationsPage.from')}
              value={p.quietHours.start}
              onChange={(e) =>
                setP({
                  ...p,
                  quietHours: {
                    ...(p.quietHours as { start: string; end: string }),
                    start: e.currentTarget.value,
                  },
                })
              }
              w={140}
            />
            <TextInput
              type="time"
              label={t('notificationsPage.to')}
              value={p.quietHours.end}
              onChange={(e) =>
                setP({
                  ...p,
                  quietHours: {
                    ...(p.quietHours as { start: string; end: string }),
                    end: e.currentTarget.value,
                  },
                })
              }
              w={140}
            />
          </Group>
        )}
        <Switch
          label={t('notificationsPage.digest')}
          description={t('notificationsPage.digestHint')}
          checked={p.digest === 'weekly'}
          onChange={(e) => setP({ ...p, digest: e.currentTarget.checked ? 'weekly' : 'off' })}
        />
        {p.digest === 'weekly' && (
          <Select
            label={t('notificationsPage.digestDay')}
            data={days}
            value={String(p.digestDay)}
            onChange={(v) => setP({ ...p, digestDay: Number(v ?? 1) })}
            w={200}
            allowDeselect={false}
          />
        )}
        <Switch
          label={t('notificationsPage.emailOff')}
          checked={p.emailOff}
          onChange={(e) => setP({ ...p, emailOff: e.currentTarget.checked })}
        />
        <Group>
          <Button loading={save.isPending} onClick={() => save.mutate(p)}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('notificationsPage.title'));
  const qc = useQueryClient();
  const { data: me } = useMe();
  // Each notice in the time zone of the organisation it comes from; personal ones in the first
  // organisation's, as elsewhere in the app.
  const zones = new Map((me?.organisations ?? []).map((o) => [o.id, o.timeZone]));
  const zoneOf = (orgId: string | null) =>
    (orgId ? zones.get(orgId) : undefined) ?? me?.organisations[0]?.timeZone ?? DEFAULT_TIME_ZONE;
  const q = useQuery({
    queryKey: ['notifications'],
    queryFn: () => api.get<{ unread: number; items: Notice[] }>('/api/notifications'),
  });
  const read = useMutation({
    mutationFn: () => api.post('/api/notifications/read', {}),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['notifications'] }),
  });
  return (
    <Stack gap="lg">
      <PageHeader
        title={t('notificationsPage.title')}
        description={t('notificationsPage.description')}
        actions={
          q.data && q.data.unread > 0 ? (
            <Button variant="light" onClick={() => read.mutate()} loading={read.isPending}>
              {t('notificationsPage.markRead')}
            </Button>
          ) : undefined
        }
      />
      {q.error && <ErrorAlert error={q.error} />}
      {!q.data && !q.error && <Loading />}
      {q.data && q.data.items.length === 0 && <Text c="dimmed">{t('notificationsPage.empty')}</Text>}
      {q.data && q.data.items.length > 0 && (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {q.data.items.map((n) => (
            <Card
              key={n.id}
              component="li"
              withBorder
              radius="md"
              padding="sm"
              bg={n.readAt ? undefined : 'var(--mantine-color-sauge-light)'}
            >
              <Text fw={n.readAt ? 500 : 700}>
                {n.link ? (
                  <Anchor component={Link} to={n.link}>
                    {n.title}
                  </Anchor>
                ) : (
                  n.title
                )}
              </Text>
              <Text size="sm">{n.body}</Text>
              <Text size="xs" c="dimmed">
                {formatInstant(n.createdAt, zoneOf(n.orgId), i18n.language, true)}
              </Text>
            </Card>
          ))}
        </Stack>
      )}
      <Preferences />
    </Stack>
  );
}
