import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconCalendarEvent, IconMapPin, IconUsers, IconVideo } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { formatInstant } from '../../app/dates';
import { ErrorAlert } from '../../app/ui';
import { type TrainingSession, useRegistration } from './queries';

type When = Pick<TrainingSession, 'start' | 'end' | 'timeZone'>;
type Where = Pick<TrainingSession, 'mode' | 'place' | 'videoUrl'>;
type Place = Pick<TrainingSession, 'cancelled'> & {
  mine: Pick<TrainingSession['mine'], 'status' | 'position'>;
};

/**
 * When a session takes place, in its organisation's zone: "10 décembre 2026 à 18:00 – 21:00"; the
 * zone named when the reader's organisation is in another (a network's session).
 */
export function SessionWhen({ s, readerZone }: { s: When; readerZone?: string }) {
  const { t, i18n } = useTranslation();
  const end = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'fr-FR', {
    timeZone: s.timeZone,
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(s.end));
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <IconCalendarEvent size={16} aria-hidden style={{ flex: 'none', marginTop: 3 }} />
      <Text size="sm">
        {formatInstant(s.start, s.timeZone, i18n.language, true)} – {end}
        {readerZone && readerZone !== s.timeZone
          ? ` ${t('training.zone', { zone: s.timeZone.split('/').pop()?.replace(/_/g, ' ') })}`
          : ''}
      </Text>
    </Group>
  );
}

/** Where: the place, or the video link. */
export function SessionWhere({ s }: { s: Where }) {
  const { t } = useTranslation();
  if (s.mode === 'in-person')
    return (
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconMapPin size={16} aria-hidden style={{ flex: 'none', marginTop: 3 }} />
        <Text size="sm">{s.place}</Text>
      </Group>
    );
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <IconVideo size={16} aria-hidden style={{ flex: 'none', marginTop: 3 }} />
      {s.videoUrl ? (
        <Anchor
          size="sm"
          href={s.videoUrl}
          target="_blank"
          rel="noreferrer"
          style={{ overflowWrap: 'anywhere' }}
        >
          {t('training.video')}
        </Anchor>
      ) : (
        <Text size="sm">{t('training.video')}</Text>
      )}
    </Group>
  );
}

/** The viewer's place: registered, waiting at position N, or the session's state. */
export function PlaceBadge({ s }: { s: Place }) {
  const { t } = useTranslation();
  if (s.cancelled)
    return (
      <Badge color="red" variant="light" tt="none">
        {t('training.cancelled')}
      </Badge>
    );
  if (s.mine.status === 'registered')
    return (
      <Badge color="sauge" variant="filled" tt="none">
        {t('training.mine.registered')}
      </Badge>
    );
  if (s.mine.status === 'waiting')
    return (
      <Badge color="orange" variant="light" c="dark.8" tt="none">
        {t('training.mine.waiting', { position: s.mine.position })}
      </Badge>
    );
  return null;
}

/** A session in a list: what, when, where, places left, and the viewer's own action. */
export function SessionCard({ s }: { s: TrainingSession }) {
  const { t } = useTranslation();
  const registration = useRegistration(s.id);
  const titleId = `session-${s.id}`;
  return (
    <Paper withBorder p="md" component="article" aria-labelledby={titleId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="xs">
          <Stack gap={2} style={{ minWidth: 0, flex: '1 1 220px' }}>
            <Text size="xs" c="dimmed" fw={600} tt="uppercase">
              {t(`training.kinds.${s.kind}`)}
            </Text>
            <Title order={3} fz={18} id={titleId} style={{ overflowWrap: 'anywhere' }}>
              <Anchor component={Link} to={`/formations/${s.id}`} inherit>
                {s.title}
              </Anchor>
            </Title>
          </Stack>
          <PlaceBadge s={s} />
        </Group>
        <SessionWhen s={s} />
        <SessionWhere s={s} />
        <SessionPlaces s={s} />
        {registration.error && <ErrorAlert error={registration.error} />}
        <RegistrationButtons s={s} pending={registration.isPending} act={(a) => registration.mutate(a)} />
      </Stack>
    </Paper>
  );
}

type Counted = Pick<TrainingSession, 'capacity' | 'registered' | 'waiting' | 'cancelled'>;

/** How many places are taken, and whether the session is full with people waiting. */
export function SessionPlaces({ s }: { s: Counted }) {
  const { t } = useTranslation();
  const left = Math.max(0, s.capacity - s.registered);
  return (
    <Group gap={6} wrap="nowrap">
      <IconUsers size={16} aria-hidden style={{ flex: 'none' }} />
      <Text size="sm">
        {t('training.places', { count: s.capacity, registered: s.registered })}
        {left === 0 && !s.cancelled
          ? ` · ${s.waiting > 0 ? t('training.full', { count: s.waiting }) : t('training.fullNoWait')}`
          : ''}
      </Text>
    </Group>
  );
}

/** The viewer's own action on a session: register (or join the waiting list once full), or give the place back. */
export function RegistrationButtons({
  s,
  pending,
  act,
}: {
  s: Counted & Place & { actions: { register: boolean; cancelRegistration: boolean } };
  pending: boolean;
  act: (action: 'register' | 'cancel') => void;
}) {
  const { t } = useTranslation();
  if (!s.actions.register && !s.actions.cancelRegistration) return null;
  return (
    <Group gap="sm">
      {s.actions.register && (
        <Button loading={pending} onClick={() => act('register')}>
          {s.registered < s.capacity ? t('training.register') : t('training.joinWaitingList')}
        </Button>
      )}
      {s.actions.cancelRegistration && (
        <Button variant="default" loading={pending} onClick={() => act('cancel')}>
          {s.mine.status === 'waiting' ? t('training.leaveWaitingList') : t('training.unregister')}
        </Button>
      )}
    </Group>
  );
}
