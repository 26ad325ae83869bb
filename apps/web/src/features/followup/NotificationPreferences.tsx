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
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorMessage } from '../../app/errors';
import { ErrorAlert, Loading } from '../../app/ui';
import {
  type Channel,
  type Preferences,
  useNotificationPreferences,
  useSaveNotificationPreferences,
} from './queries';

/** Which messages go by e-mail or SMS, quiet hours, the weekly digest. */
export function NotificationPreferences() {
  const { t } = useTranslation();
  const message = useErrorMessage();
  const q = useNotificationPreferences();
  const [p, setP] = useState<Preferences | null>(null);
  useEffect(() => {
    if (q.data) setP(q.data);
  }, [q.data]);
  const save = useSaveNotificationPreferences({
    onSuccess: () => notifications.show({ color: 'sauge', message: t('notificationsPage.saved') }),
    onError: (e) => notifications.show({ color: 'red', message: message(e) }),
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!p) return <Loading />;

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="prefs-title">
      <Stack gap="md">
        <Title order={2} fz="lg" id="prefs-title">
          {t('notificationsPage.prefsTitle')}
        </Title>
        <ChannelsTable p={p} onChange={setP} />
        {!p.phoneForSms && (
          <Text size="sm" c="dimmed">
            {t('notificationsPage.smsNeedsPhone')}{' '}
            <Anchor component={Link} to="/profil">
              {t('nav.profile')}
            </Anchor>
          </Text>
        )}
        <QuietHours p={p} onChange={setP} />
        <WeeklyDigest p={p} onChange={setP} />
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

/** The preferences being edited, and their change. */
type Editing = { p: Preferences; onChange: (p: Preferences) => void };

const kinds = ['alert', 'reminder', 'message'] as const;

/** Each kind of message, by e-mail and by SMS (SMS only with a phone number). */
function ChannelsTable({ p, onChange }: Editing) {
  const { t } = useTranslation();
  const toggle = (kind: (typeof kinds)[number], ch: Channel, on: boolean) =>
    onChange({
      ...p,
      channels: {
        ...p.channels,
        [kind]: on ? [...p.channels[kind], ch] : p.channels[kind].filter((c) => c !== ch),
      },
    });
  return (
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
  );
}

/** Hours without SMS or e-mail, from and to. */
function QuietHours({ p, onChange }: Editing) {
  const { t } = useTranslation();
  const quiet = p.quietHours;
  const edge = (key: 'start' | 'end', label: string) =>
    quiet && (
      <TextInput
        type="time"
        label={label}
        value={quiet[key]}
        onChange={(e) => onChange({ ...p, quietHours: { ...quiet, [key]: e.currentTarget.value } })}
        w={140}
      />
    );
  return (
    <>
      <Switch
        label={t('notificationsPage.quiet')}
        checked={quiet !== null}
        onChange={(e) =>
          onChange({ ...p, quietHours: e.currentTarget.checked ? { start: '21:00', end: '07:30' } : null })
        }
      />
      {quiet && (
        <Group gap="sm">
          {edge('start', t('notificationsPage.from'))}
          {edge('end', t('notificationsPage.to'))}
        </Group>
      )}
    </>
  );
}

/** A weekly digest instead of each message, on the chosen day. */
function WeeklyDigest({ p, onChange }: Editing) {
  const { t } = useTranslation();
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({
    value: String(d),
    label: t(`notificationsPage.days.${d}`),
  }));
  return (
    <>
      <Switch
        label={t('notificationsPage.digest')}
        description={t('notificationsPage.digestHint')}
        checked={p.digest === 'weekly'}
        onChange={(e) => onChange({ ...p, digest: e.currentTarget.checked ? 'weekly' : 'off' })}
      />
      {p.digest === 'weekly' && (
        <Select
          label={t('notificationsPage.digestDay')}
          data={days}
          value={String(p.digestDay)}
          onChange={(v) => onChange({ ...p, digestDay: Number(v ?? 1) })}
          w={200}
          allowDeselect={false}
        />
      )}
    </>
  );
}
