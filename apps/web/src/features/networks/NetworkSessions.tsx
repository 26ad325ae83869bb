import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../app/ui';
import {
  PlaceBadge,
  RegistrationButtons,
  SessionPlaces,
  SessionWhen,
  SessionWhere,
} from '../training/SessionCard';
import { SessionFormModal } from '../training/SessionFormModal';
import {
  type NetworkSession,
  type NetworkView,
  useCancelNetworkSession,
  useNetworkRegistration,
  usePublishNetworkSession,
} from './queries';

/** The network's sessions to come; the members register, their coordination publishes. */
export function NetworkSessions({ n }: { n: NetworkView }) {
  const { t } = useTranslation();
  const [publishing, setPublishing] = useState(false);
  const publish = usePublishNetworkSession(n.id);
  return (
    <Stack gap="sm" component="section" aria-labelledby="network-sessions">
      <Group justify="space-between" gap="xs" wrap="wrap">
        <Title order={2} fz={20} id="network-sessions">
          {t('networks.sessions.title')}
        </Title>
        {n.actions.publishSession && (
          <Button
            size="sm"
            leftSection={<IconCalendarPlus size={16} aria-hidden />}
            onClick={() => setPublishing(true)}
          >
            {t('networks.sessions.publish')}
          </Button>
        )}
      </Group>
      {n.sessions.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('networks.sessions.none')}
        </Text>
      )}
      {n.sessions.map((s) => (
        <NetworkSessionCard key={s.id} s={s} readerZone={n.timeZone} />
      ))}
      {publishing && (
        <SessionFormModal
          opened
          onClose={() => setPublishing(false)}
          save={{
            mutateAsync: ({ kind: _kind, ...body }) => publish.mutateAsync(body),
            isPending: publish.isPending,
            error: publish.error,
          }}
          withKind={false}
          zoneHint={t('networks.sessions.zoneHint')}
          heading={t('networks.sessions.formTitle')}
        />
      )}
    </Stack>
  );
}

function NetworkSessionCard({ s, readerZone }: { s: NetworkSession; readerZone: string }) {
  const { t } = useTranslation();
  const [waitingAt, setWaitingAt] = useState<number | null>(null);
  const registration = useNetworkRegistration(s.id, {
    onSuccess: (r) => {
      const place = r as { status?: string; position?: number | null } | undefined;
      setWaitingAt(place?.status === 'waiting' ? (place.position ?? null) : null);
    },
  });
  const cancel = useCancelNetworkSession(s.id);
  const titleId = `network-session-${s.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 200px' }}>
            <Text size="xs" c="dimmed" fw={600}>
              {t('networks.sessions.by', { organisation: s.organisation })}
            </Text>
            <Title order={3} fz={18} id={titleId} style={{ overflowWrap: 'anywhere' }}>
              {s.title}
            </Title>
          </Stack>
          <PlaceBadge s={s} />
        </Group>
        <SessionWhen s={s} readerZone={readerZone} />
        <SessionWhere s={s} />
        {s.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {s.description}
          </Text>
        )}
        <SessionPlaces s={s} />
        {waitingAt !== null && s.mine.status === 'waiting' && (
          <Alert variant="light" color="orange" c="dark.8" role="status">
            {t('networks.sessions.waiting', { position: waitingAt })}
          </Alert>
        )}
        {registration.error ? <ErrorAlert error={registration.error} /> : null}
        {cancel.error ? <ErrorAlert error={cancel.error} /> : null}
        <RegistrationButtons s={s} pending={registration.isPending} act={(a) => registration.mutate(a)} />
        {s.actions.cancel && (
          <Group>
            <Button variant="subtle" color="red" loading={cancel.isPending} onClick={() => cancel.mutate()}>
              {t('networks.sessions.cancel')}
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
