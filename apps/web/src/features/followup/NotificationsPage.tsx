import { Anchor, Button, Card, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { DEFAULT_TIME_ZONE, formatInstant } from '../../app/dates';
import { useMe } from '../../app/session';
import { ErrorAlert, Loading, PageHeader, usePageTitle } from '../../app/ui';
import { NotificationPreferences } from './NotificationPreferences';
import { useMarkNotificationsRead, useNotifications } from './queries';

export function NotificationsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('notificationsPage.title'));
  const { data: me } = useMe();
  // Each notice in the time zone of the organisation it comes from; personal ones in the first
  // organisation's, as elsewhere in the app.
  const zones = new Map((me?.organisations ?? []).map((o) => [o.id, o.timeZone]));
  const zoneOf = (orgId: string | null) =>
    (orgId ? zones.get(orgId) : undefined) ?? me?.organisations[0]?.timeZone ?? DEFAULT_TIME_ZONE;
  const q = useNotifications();
  const read = useMarkNotificationsRead();
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
      <NotificationPreferences />
    </Stack>
  );
}
